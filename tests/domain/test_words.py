"""The domain owns its words: every status, kind of touch, outcome, channel and flag carries the
label a person would write, and no screen or format spells them out again (issue 13 item 6)."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import pytest

import followup_tui
from followup_tui.domain import figures
from followup_tui.domain.records import Channel, Outcome, Status, TouchKind
from followup_tui.domain.rules import FlagKind

WORDED: tuple[type[StrEnum], ...] = (Status, TouchKind, Outcome, Channel, FlagKind)
MEMBERS = [member for enum in WORDED for member in enum]
PACKAGE = Path(followup_tui.__file__).parent
# A label: lower-case words, joined by spaces or a hyphen, as in a sentence.
WRITTEN = re.compile(r"[a-z]+(?:[ -][a-z]+)*")


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_a_label_a_person_would_write(member: StrEnum) -> None:
    label = member.label  # type: ignore[attr-defined]
    assert isinstance(label, str)
    assert "_" not in label
    assert WRITTEN.fullmatch(label), label


@pytest.mark.parametrize("member", list(Outcome), ids=lambda m: m.name)
def test_every_outcome_has_a_choice_a_person_would_pick(member: Outcome) -> None:
    assert "_" not in member.choice
    assert re.fullmatch(r"[a-z][a-z /]*[a-z]", member.choice), member.choice


def test_labels_say_it_in_the_users_words() -> None:
    assert Status.OFFER_ACCEPTED.label == "offer accepted"
    assert Status.NO_RESPONSE.label == "no response"
    assert TouchKind.THANK_YOU.label == "thank you"
    assert TouchKind.FEEDBACK_REQUEST.label == "feedback request"
    assert Outcome.NO_ANSWER.label == "no answer"
    assert Outcome.VOICEMAIL.choice == "left a voicemail"
    assert Channel.LETTER.label == "letter"
    assert FlagKind.OVER_FREQUENT.label == "over-frequent"


def test_members_equal_as_strings_keep_their_own_labels() -> None:
    # StrEnum members hash as their value: Channel.OTHER == TouchKind.OTHER == "other".
    assert {Channel.OTHER.label, TouchKind.OTHER.label, Outcome.NONE.label} == {"other", "none"}


def test_closed_statuses_are_the_closing_outcomes_in_order() -> None:
    assert figures.OUTCOMES == (
        Status.OFFER_ACCEPTED,
        Status.OFFER_DECLINED,
        Status.REJECTED,
        Status.WITHDRAWN,
        Status.NO_RESPONSE,
    )


def _sources() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(PACKAGE)), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE) != Path("domain/records.py")
    ]


def test_the_label_tables_are_gone() -> None:
    assert not hasattr(figures, "OUTCOME_LABELS")
    spelled = {
        words
        for member in (*Status, *Outcome)
        for words in (member.label, getattr(member, "choice", member.label))
        if " " in words
    }
    # The screens and the domain; an import's synonyms (csv_format: "ghosted") are not labels.
    found = [
        (name, words)
        for name, source in _sources()
        if name.startswith(("tui/", "domain/"))
        for words in spelled
        if f'"{words}"' in source or f"'{words}'" in source
    ]
    assert found == []


def test_no_screen_or_format_turns_a_value_into_words() -> None:
    replacing = re.compile(r"""\.value\.replace\(\s*["']_["']""")
    assert [name for name, source in _sources() if replacing.search(source)] == []
