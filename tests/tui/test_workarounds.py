"""The Textual workarounds stay tied to the Textual they were checked against."""

from __future__ import annotations

from importlib.metadata import version

from textual._styles_cache import StylesCache

from followup_tui.tui import workarounds


def test_the_pinned_textual_is_the_one_the_workarounds_were_checked_against():
    installed = version("textual")
    assert installed == workarounds.TEXTUAL_CHECKED, (
        f"Textual {installed} is installed; followup_tui/tui/workarounds.py was checked against "
        f"{workarounds.TEXTUAL_CHECKED}. Re-check Textualize/textual#6665 and #6666 there, delete "
        "what upstream fixed, then update TEXTUAL_CHECKED."
    )


def test_the_private_names_the_workarounds_reach_for_still_exist():
    # If either vanished, the workaround silently does nothing: say so instead.
    assert hasattr(StylesCache.get_inner_outer, "cache_clear")
    from textual.reactive import _watch

    assert "__watchers" in _watch.__code__.co_consts
