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
