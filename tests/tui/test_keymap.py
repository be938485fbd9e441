"""Keys by binding id: one remap moves the key on every screen that offers the action; the
palette lists each command once."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.binding import Binding

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.dashboard import DashboardScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.looking_back import LookingBackScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.form import FormScreen

from .helpers import SIZE, highlight, settle

TODAY = date(2026, 3, 10)


def keys_for(app: App, action: str) -> set[str]:
    return {
        key for key, active in app.screen.active_bindings.items() if active.binding.action == action
    }


async def visit(pilot, company: str = "Initech", call: str = "c"):
    """Dashboard, detail, review and call panel in turn: yields each screen once shown."""
    app = pilot.app
    await highlight(pilot, company)
    yield app.screen
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DetailScreen)
    yield app.screen
    await pilot.press("escape", "r")
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    yield app.screen
    await pilot.press("escape", call)
    await settle(pilot)
    assert isinstance(app.screen, CallScreen)
    yield app.screen
    await pilot.press("escape", "escape", "L")
    await settle(pilot)
    assert isinstance(app.screen, LookingBackScreen)
    yield app.screen


def test_shared_actions_carry_binding_ids():
    ids = {
        binding.id
        for screen in (DashboardScreen, DetailScreen, ReviewScreen)
        for binding in screen.BINDINGS
        if isinstance(binding, Binding)
    }
    assert {"snooze", "close", "log-touch", "edit", "call", "thank-you"} <= ids


async def test_remapping_snooze_moves_the_key_on_every_screen_that_has_it(demo_db, db_path):
    app = FollowupApp(db_path, TODAY, keymap={"snooze": "z"})
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        async for screen in visit(pilot):
            if isinstance(screen, (DashboardScreen, DetailScreen, ReviewScreen)):
                assert keys_for(app, "snooze") == {"z"}, type(screen).__name__
                seen.append(type(screen))
        assert seen == [DashboardScreen, DetailScreen, ReviewScreen]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("z")  # on the dashboard: the snooze form opens by the new key
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)


async def test_remapping_the_call_moves_it_on_dashboard_detail_and_review(demo_db, db_path):
    app = FollowupApp(db_path, TODAY, keymap={"call": "ctrl+k"})
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        async for screen in visit(pilot, call="ctrl+k"):  # the dashboard opens the call by it
            seen.append(type(screen))
            if isinstance(screen, (DashboardScreen, DetailScreen, ReviewScreen)):
                assert keys_for(app, "call") == {"ctrl+k"}, type(screen).__name__
                assert "c" not in screen.active_bindings
        assert CallScreen in seen


async def test_no_palette_title_appears_twice_on_any_screen(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        async for screen in visit(pilot):
            titles = [command.title for command in app.get_system_commands(screen)]
            repeated = {title for title in titles if titles.count(title) > 1}
            assert not repeated, f"{type(screen).__name__}: {sorted(repeated)}"
