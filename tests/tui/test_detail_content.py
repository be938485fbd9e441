"""The detail screen builds its content from the records, not by re-parsing the dossier text
(issue 13 item 6): user text that looks like a heading or an overdue mark stays plain text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rich.text import Text
from textual.widgets import Static

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Touch,
    TouchKind,
)
from followup_tui.domain.rules import assess
from followup_tui.formats import dossier
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.detail import DetailScreen

from .helpers import SIZE, settle

TODAY = date(2026, 3, 10)
# Lines a user might type that the old parser took for its own: a heading, an overdue mark.
MIMICS = "Interviews:\n  OVERDUE by a mile\nPeople:"
DANA = Contact(1, "Dana Reyes", title="People:", notes="Timeline:")
APPLICATION = Application(
    1,
    "Acme",
    "Staff Engineer",
    notes=f"first line\n{MIMICS}",
    contacts=(DANA,),
    interviews=(Interview(1, TODAY - timedelta(days=4), interviewer_ids=(1,)),),
    touches=(
        Touch(1, TODAY - timedelta(days=1), Channel.EMAIL, Direction.OUT, TouchKind.OTHER, 1),
    ),
)


async def _detail_text(tmp_path) -> tuple[Text, Application]:
    path = tmp_path / "detail.sqlite"
    with Store(path) as store:
        store.insert_applications([APPLICATION], keep_ids=True)
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(DetailScreen(1))
        await settle(pilot)
        content = app.screen.query_one("#dossier-text", Static).content
        assert isinstance(content, Text)
        return content, app.screen.application


def _styled(text: Text) -> list[tuple[str, str]]:
    return [(text.plain[span.start : span.end], str(span.style)) for span in text.spans]


async def test_notes_that_look_like_headings_or_marks_are_not_styled(tmp_path) -> None:
    text, _ = await _detail_text(tmp_path)
    start = text.plain.index(MIMICS)
    inside = [
        (text.plain[span.start : span.end], str(span.style))
        for span in text.spans
        if span.start < start + len(MIMICS) and span.end > start
    ]
    assert inside == []
    # The screen's own headings and the overdue mark are still styled.
    styled = _styled(text)
    for heading in ("Next:", "Flags:", "People:", "Interviews:", "Timeline:"):
        assert (heading, "bold underline") in styled
    assert ("OVERDUE", "bold reverse") in styled
    assert styled[0] == ("#1 Acme: Staff Engineer", "bold")


async def test_the_detail_screen_shows_the_dossier_without_reading_it(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = dossier.dossier_text(assess(APPLICATION, TODAY))

    def unused(*args: object) -> str:
        raise AssertionError("the detail screen parsed the plain-text dossier")

    monkeypatch.setattr(dossier, "dossier_text", unused)
    import followup_tui.tui.screens.detail as detail

    monkeypatch.setattr(detail, "dossier_text", unused, raising=False)
    text, _ = await _detail_text(tmp_path)
    # The same words as `followup show`, built from the records.
    assert text.plain == expected
