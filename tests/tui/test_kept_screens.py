"""The app keeps one screen of each kind between uses (`FollowupApp.kept`): reopened, it shows
what a new one would, and between uses it neither hears saves nor holds a call."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.containers import VerticalScroll
from textual.widgets import TextArea

from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.looking_back import ClosedTable, LookingBackScreen

from .helpers import SIZE, highlight, loaded, screen_text, settle, type_text

TODAY = date(2026, 3, 10)


async def test_a_reopened_detail_shows_the_new_application_from_the_top(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, "Initech")
        await pilot.press("enter")
        await settle(pilot)
        first = app.screen
        assert isinstance(first, DetailScreen)
        await pilot.press("end")  # scrolled down, then back
        await settle(pilot)
        assert first.query_one("#dossier", VerticalScroll).scroll_y > 0
        await pilot.press("escape")
        await highlight(pilot, "Globex")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is first
        assert "#2 Globex" in screen_text(app) and "Initech" not in screen_text(app)
        assert first.query_one("#dossier", VerticalScroll).scroll_y == 0


async def test_a_kept_screen_hears_no_saves_between_uses_and_reads_afresh(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, "Initech")
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        await pilot.press("escape")
        await settle(pilot)
        reads = []
        detail.reload = lambda: reads.append(1)  # type: ignore[method-assign]
        app.data_changed(detail.application_id)
        await settle(pilot)
        assert reads == []
        del detail.reload
        with Store(db_path) as store:  # another copy renames it meanwhile
            application = store.load_application(detail.application_id)
            assert application is not None
            store.save_application(replace(application, company="Initrode"))
        await highlight(pilot, "Initech")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is detail and "Initrode" in screen_text(app)


async def test_a_reopened_call_panel_is_a_new_call(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, "Initech")
        await pilot.press("c")
        await settle(pilot)
        panel = app.screen
        assert isinstance(panel, CallScreen)
        await pilot.press("enter")  # start the call, take notes, switch to voicemail, leave
        await settle(pilot)
        await type_text(pilot, "left a message")
        await pilot.press("escape", "v", "escape")
        await settle(pilot)
        assert app.screen is not panel
        with Store(db_path) as store:  # kept for resuming, and nobody holds it
            (draft,) = store.unfinished_calls()
        assert draft.notes == "left a message"
        assert panel._claim is None and panel._clock is None
        await highlight(pilot, "Globex")
        await pilot.press("c")
        await settle(pilot)
        assert app.screen is panel and panel.application_id == 2 and panel.draft is None
        notes = panel.query_one("#call-notes", TextArea)
        assert notes.text == "" and notes.disabled
        shown = screen_text(app)
        assert "not started: enter starts the call" in shown
        assert "What to say" in shown and "If it goes to voicemail" not in shown
        assert "Start call" in shown and "End call" not in shown


async def test_a_reopened_looking_back_draws_again_only_what_changed(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LookingBackScreen)
        table = screen.query_one(ClosedTable)
        shown: list[int] = []
        real_show = table.show
        table.show = lambda rows: (shown.append(len(rows)), real_show(rows))[1]  # type: ignore[method-assign]
        await pilot.press("escape", "L")  # nothing changed: read again, not drawn again
        await settle(pilot)
        assert app.screen is screen and shown == []
        assert "Vandelay" not in screen_text(app)
        await pilot.press("escape")
        with Store(db_path) as store:  # another copy renames a closed one meanwhile
            closed = store.load_application(screen.rows[0].id)
            assert closed is not None
            store.save_application(replace(closed, company="Vandelay"))
        await pilot.press("L")
        await settle(pilot)
        assert app.screen is screen and shown == [len(screen.rows)]
        assert "Vandelay" in screen_text(app)
