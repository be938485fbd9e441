"""The detail screen builds its content from the records, not by re-parsing the dossier text
(issue 13 item 6): user text that looks like a heading or an overdue mark stays plain text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.content import Content
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
from followup_tui.formats import dossier
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.detail import SECTIONS, DetailScreen

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


async def _detail_screen(tmp_path) -> dict[str, Content]:
    """What each part of the detail screen shows: the mark, the title, then each section."""
    path = tmp_path / "detail.sqlite"
    with Store(path) as store:
        store.insert_applications([APPLICATION], keep_ids=True)
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(DetailScreen(1))
        await settle(pilot)
        shown = {}
        for name in ("detail-mark", "detail-title", *(id_ for id_, _ in SECTIONS)):
            widget = app.screen.query_one(f"#{name}", Static)
            content = widget.visual
            assert isinstance(content, Content)
            shown[name] = content if widget.display else Content("")
        return shown


async def test_notes_that_look_like_headings_or_marks_are_not_styled(tmp_path) -> None:
    shown = await _detail_screen(tmp_path)
    facts = shown["detail-facts"]
    start = facts.plain.index(MIMICS)
    inside = [span for span in facts.spans if span.start < start + len(MIMICS) and span.end > start]
    assert inside == []
    # The screen's own words are styled: the mark is the dashboard's, the title bold.
    assert shown["detail-mark"].plain == "‼ OVERDUE"  # the thank-you note (R1)
    assert shown["detail-title"].plain.startswith("#1 Acme · Staff Engineer\n")


async def test_the_detail_screen_is_built_from_the_records(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unused(*args: object) -> str:
        raise AssertionError("the detail screen parsed the plain-text dossier")

    monkeypatch.setattr(dossier, "dossier_text", unused)
    shown = await _detail_screen(tmp_path)
    people = shown["detail-people"].plain
    assert people.splitlines()[0] == "Dana Reyes"  # a card: the name, then each fact under it
    assert "  People:" in people.splitlines()  # her title, as typed
    timeline = shown["detail-timeline"].plain
    assert timeline == "Mon 9 Mar → to   Dana Reyes: other by email"


async def test_days_are_written_one_way(tmp_path) -> None:
    """Issue 15 item 5: 'Fri 6 Mar' as on every other screen, never 'Fri 06 Mar 2026'; the
    year only when it is not this year's."""
    shown = await _detail_screen(tmp_path)
    everything = "\n".join(content.plain for content in shown.values())
    assert "Fri 6 Mar" in shown["detail-interviews"].plain
    assert "06 Mar" not in everything and "2026" not in everything
