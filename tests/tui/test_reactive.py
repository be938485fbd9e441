"""State that drives a screen is reactive: setting it redraws the screen and its keys."""

from __future__ import annotations

from datetime import date

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.dashboard import FilterBox
from followup_tui.tui.screens.review import ReviewScreen

from .helpers import SIZE, loaded, row, screen_text, settle

TODAY = date(2026, 3, 10)


def enabled(screen, action: str) -> bool:
    return any(a.enabled for a in screen.active_bindings.values() if a.binding.action == action)


async def test_setting_the_review_index_shows_that_step_and_its_keys(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.index = 1
        await settle(pilot)
        assert screen.sub_title.startswith(f"Review 2 of {len(screen.items)} · ")
        assert enabled(screen, "done")
        screen.index = len(screen.items)
        await settle(pilot)
        assert screen.sub_title == "Review done"
        assert not enabled(screen, "done")  # check_action ran again without being asked


async def test_setting_voicemail_shows_the_voicemail_script(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        table.move_cursor(
            row=next(i for i in range(table.row_count) if row(table, i)[1] == "Initech")
        )
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CallScreen)
        screen.voicemail = True
        await settle(pilot)
        assert "If it goes to voicemail" in screen_text(app)


async def test_setting_show_closed_reads_the_closed_ones_too(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        before = table.row_count
        app.screen.show_closed = True
        table = await loaded(pilot)
        assert table.row_count > before


async def test_the_filter_box_shows_by_its_reactive(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        box = app.screen.query_one(FilterBox)
        box.shown = True
        await pilot.pause()
        assert box.has_class("-shown") and box.display
        await pilot.press("escape")
        await pilot.pause()
        assert not box.shown and not box.has_class("-shown")
