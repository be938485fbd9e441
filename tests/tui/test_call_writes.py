"""Issue 12 item 7: every write on the call panel goes through the guarded path, so a database
left read only by a failed check says why and the app goes on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from followup_tui.demo import demo_applications
from followup_tui.store import StoreError
from followup_tui.store.reading import Reader
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.widgets.form import FormScreen

from .helpers import SIZE, settle

TODAY = date(2026, 3, 10)
INITECH = 3


def _fail_the_check(monkeypatch) -> None:
    def damaged(path: Path) -> list[int]:
        raise StoreError(f"{path} is damaged (page 7: btree error). Restore the newest backup")

    monkeypatch.setattr("followup_tui.store.repository.prepare", damaged)


async def _call_panel(pilot) -> CallScreen:
    await settle(pilot)
    assert pilot.app.store_error is not None  # the check failed: the app is read only
    pilot.app.push_screen(CallScreen(INITECH))
    await settle(pilot)
    assert isinstance(pilot.app.screen, CallScreen)
    return pilot.app.screen


def _last_notice(app: FollowupApp):
    return list(app._notifications)[-1]


async def test_resetting_the_script_on_a_read_only_database_says_why_and_goes_on(
    demo_db, db_path, monkeypatch
):
    _fail_the_check(monkeypatch)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        panel = await _call_panel(pilot)
        await pilot.press("B", "y")
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.is_running and app.screen is panel
        notice = _last_notice(app)
        assert notice.title == "Not saved" and "damaged" in notice.message
    assert Reader(db_path).load_applications() == demo_applications(TODAY)


async def test_saving_your_name_where_the_settings_cannot_be_written_says_why_and_goes_on(
    demo_db, db_path, tmp_path, monkeypatch
):
    # Your name goes to the settings file now (issue 14 item 7), not the read-only database:
    # a settings folder that cannot be made is what fails here.
    _fail_the_check(monkeypatch)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = FollowupApp(db_path, TODAY, settings_file=blocker / "settings.toml")
    async with app.run_test(size=SIZE) as pilot:
        panel = await _call_panel(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.is_running
        notice = _last_notice(app)
        assert notice.title == "Settings not saved" and "not-a-folder" in notice.message
        assert "\n" not in notice.message
        assert isinstance(app.screen, FormScreen) or app.screen is panel
