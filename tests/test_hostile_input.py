"""Hostile and odd text goes in and comes out exactly, shows literally, and crashes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Touch,
    TouchKind,
)
from followup_tui.domain.text import one_line
from followup_tui.formats.json_format import dumps, parse_document
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.widgets.review_table import ReviewTable

TODAY = date(2026, 3, 10)
NASTY = [
    "[bold]",
    "[/]",
    "[@click=app.quit]x[/]",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x00",
    "\r\n",
    "\t",
    "😀👩‍💻",
    "שלום עולם",
    "مرحبا",
    "  ",
    "",
    "'; DROP TABLE application; --",
    "\u202e",  # right-to-left override
    "$error",
]
hostile = st.lists(st.sampled_from(NASTY) | st.text(max_size=8), max_size=6).map("".join)
named = hostile.filter(lambda text: text.strip() != "")


@st.composite
def applications(draw, application_id: int = 1) -> Application:
    return Application(
        id=application_id,
        company=draw(named),
        role=draw(named),
        notes=draw(hostile),
        key_strengths=draw(hostile),
        contacts=(Contact(1, draw(named), title=draw(hostile), notes=draw(hostile)),),
        interviews=(
            Interview(
                1,
                date(2026, 3, 9),
                interviewer_ids=(1,),
                topics=draw(hostile),
                concerns=draw(hostile),
            ),
        ),
        touches=(
            Touch(
                1,
                date(2026, 3, 9),
                Channel.EMAIL,
                Direction.OUT,
                TouchKind.OTHER,
                1,
                notes=draw(hostile),
            ),
        ),
        call_script=(draw(hostile),),
    )


SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(applications())
def test_hostile_text_round_trips_through_the_store_exactly(tmp_path_factory, application):
    path = tmp_path_factory.mktemp("store") / "f.sqlite"
    with Store(path, backup_daily=False) as store:
        store.insert_applications([application], keep_ids=True)
        assert store.load_applications() == [application]


@SETTINGS
@given(applications())
def test_hostile_text_round_trips_through_the_json_export(application):
    text = dumps([application])
    json.loads(text)  # valid JSON whatever the text holds
    assert parse_document(text).applications == [application]


def test_a_100_kb_note_round_trips(db_path):
    note = ("A long note with [markup] and \x1b[1m escapes. " * 2400)[:100_000]
    application = Application(1, "Big", "Notes", notes=note)
    with Store(db_path) as store:
        store.insert_applications([application], keep_ids=True)
        assert store.load_application(1).notes == note


@settings(max_examples=8, deadline=None)
@given(st.lists(applications(), min_size=1, max_size=3))
@pytest.mark.slow
async def test_the_dashboard_shows_hostile_text_literally(tmp_path_factory, generated):
    path = tmp_path_factory.mktemp("tui") / "f.sqlite"
    with Store(path, backup_daily=False) as store:
        for application in generated:
            store.add_application(application)
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for worker in list(app.workers):
            await worker.wait()
        await pilot.pause()
        table = app.screen.query_one(ReviewTable)
        shown = sorted(
            cell.plain for i in range(table.row_count) for cell in table.get_row_at(i)[1:2]
        )
        expected = sorted(one_line(a.company) for a in generated)
        assert shown == expected
        await pilot.press("enter")  # the detail screen too
        await pilot.pause()
        await pilot.press("escape", "j", "c", "escape")  # and the call panel
        await pilot.pause()
