"""A dialog keeps its dimmed copy of the screen beneath only while that screen is unchanged."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.widgets.form import ConfirmScreen

from .helpers import SIZE, loaded, screen_text, settle

TODAY = date(2026, 3, 10)


async def test_the_screen_beneath_a_dialog_shows_its_changes(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        dashboard = app.screen
        app.push_screen(ConfirmScreen("Discard the call and its notes?"))
        await settle(pilot)
        assert "Discard the call" in screen_text(app)
        assert "Nothing else moved here" not in screen_text(app)
        dashboard.query_one("#summary", Static).update("Nothing else moved here")
        await settle(pilot)
        assert "Nothing else moved here" in screen_text(app)
        assert "Discard the call" in screen_text(app)


async def test_the_screen_beneath_a_dialog_is_not_laid_out_again_at_the_same_size(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        dashboard = app.screen
        laid_out: list[object] = []
        real_reflow = dashboard._compositor.reflow
        dashboard._compositor.reflow = lambda *a: (laid_out.append(a), real_reflow(*a))[1]  # type: ignore[method-assign]
        await pilot.press("e")  # the edit form over the dashboard
        await settle(pilot)
        assert app.screen is not dashboard and "Company" in screen_text(app)
        assert laid_out == []


async def test_the_screen_beneath_a_dialog_follows_the_terminal_s_size(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        dashboard = app.screen
        await pilot.press("e")
        await settle(pilot)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert dashboard._compositor.size == (100, 30)
        assert "Company" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dashboard and dashboard.size == (100, 30)


async def test_a_screen_under_an_opaque_one_shows_its_changes_when_shown_again(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        dashboard = app.screen
        await pilot.press("enter")  # the detail covers the dashboard
        await settle(pilot)
        detail = app.screen
        repainted: list[object] = []
        real_refresh = detail.refresh

        def refresh(*regions, **options):
            repainted.append(regions)
            return real_refresh(*regions, **options)

        detail.refresh = refresh  # type: ignore[method-assign]
        dashboard.query_one("#summary", Static).update("Nothing else moved here")
        await settle(pilot)
        assert [regions for regions in repainted if regions] == []  # unseen: not painted over
        assert "Nothing else moved here" not in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dashboard and "Nothing else moved here" in screen_text(app)
