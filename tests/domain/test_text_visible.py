"""Control characters and bidirectional overrides in user text show as visible symbols."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain.text import BIDI_MARK, one_line, printable

BIDI = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize("code", BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_each_bidirectional_override_shows_as_a_visible_mark(code):
    assert printable(f"abc{code}def") == f"abc{BIDI_MARK}def"


def test_a_right_to_left_override_cannot_reverse_what_follows():
    # "invoice_\u202efdp.exe" would read "invoice_exe.pdf" on a bidi-aware terminal.
    assert printable("invoice_\u202efdp.exe") == "invoice_⇄fdp.exe"
    assert one_line("Acme \u2067Corp\u2069") == "Acme ⇄Corp⇄"


def test_escape_and_other_c0_controls_show_as_their_control_pictures():
    assert printable("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"
    assert printable("a\x00b\x07c") == "a␀b␇c"
    assert printable("\x9b31m") == "\ufffd31m"  # C1 CSI


def test_right_to_left_text_and_the_marks_it_needs_are_left_alone():
    # Arabic and Hebrew, and the implicit marks (LRM, RLM, ALM) are not overrides.
    text = "مرحبا שלום \u200e\u200f\u061c"
    assert printable(text) == text


def test_tab_and_newline_stay_for_multi_line_notes():
    assert printable("a\tb\nc") == "a\tb\nc"
    assert one_line("a\tb\nc") == "a b c"


@given(st.text())
def test_printable_keeps_the_length_and_leaves_nothing_that_acts(text):
    shown = printable(text)
    assert len(shown) == len(text)
    for character in shown:
        code = ord(character)
        assert character in "\t\n" or not (
            code < 0x20 or 0x7F <= code <= 0x9F or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069
        )  # fmt: skip


@given(st.text())
def test_one_line_is_the_printable_text_with_its_whitespace_runs_made_one_space(text):
    assert one_line(text) == " ".join(printable(text).split())


@pytest.mark.parametrize(
    "text", ["Acme", "Acme Corp", " Acme", "Acme ", "Acme  Corp", "Acme\u00a0Corp"]
)
def test_one_line_of_plain_text(text):
    assert one_line(text) == " ".join(text.split())
