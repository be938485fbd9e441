"""One guarded write path: every write in the TUI goes through `tui.writes.write`, which
reports a StoreError on one line without markup, tells the screens, and remembers the undo."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from followup_tui.store import StaleEdit, StoreError
from followup_tui.tui import writes
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen

from .helpers import SIZE, loaded, settle

TODAY = date(2026, 3, 10)
INITECH = 3
TUI = Path(writes.__file__).parent


def _notices(app: FollowupApp) -> list:
    return list(app._notifications)


async def test_a_failed_write_is_one_line_of_plain_text(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        heard: list[int | None] = []
        app.data_changed_signal.subscribe(app.screen, heard.append, immediate=True)

        def fails(_store) -> None:
            raise StoreError("ACME [/] is\nbusy \x1b[31m")

        assert writes.write(app, fails, changed=INITECH, done="Saved") is None
        await pilot.pause()
        notice = _notices(app)[-1]
        assert notice.title == "Not saved" and notice.severity == "error"
        assert notice.markup is False
        assert "\n" not in notice.message and "\x1b" not in notice.message
        assert "ACME [/]" in notice.message
        assert heard == []  # nothing changed


async def test_a_stale_edit_rereads_everything(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        heard: list[int | None] = []
        app.data_changed_signal.subscribe(app.screen, heard.append, immediate=True)

        def stale(_store) -> None:
            raise StaleEdit("changed in another copy")

        assert writes.write(app, stale, changed=INITECH, done="Saved") is None
        assert heard == [None]


async def test_a_write_tells_the_screens_the_user_and_remembers_the_undo(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        heard: list[int | None] = []
        app.data_changed_signal.subscribe(app.screen, heard.append, immediate=True)
        taken_back: list[str] = []
        written = writes.write(
            app,
            lambda _store: 42,
            changed=INITECH,
            done="Parked [b]ACME[/b]",
            undo=lambda _store: taken_back.append("undone"),
        )
        assert written is not None and written.value == 42
        assert heard == [INITECH]
        await pilot.pause()
        notice = _notices(app)[-1]
        assert notice.message == "Parked [b]ACME[/b] (u undoes)" and notice.markup is False
        await pilot.press("u")
        await settle(pilot)
        assert taken_back == ["undone"]
        assert heard == [INITECH, None]


async def test_the_call_panel_saving_its_script_tells_the_screens(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        heard: list[int | None] = []
        app.data_changed_signal.subscribe(app.screen, heard.append, immediate=True)
        app.push_screen(CallScreen(INITECH))
        await settle(pilot)
        await pilot.press("b", "ctrl+s")
        await settle(pilot)
        assert heard == [INITECH]


def test_no_screen_writes_to_the_store_but_through_the_write_path():
    """`app.store.x(...)` appears only in writes.py: a new write cannot skip the guard (a
    change given to `write` gets the store as its argument)."""
    # The call notes saved while the app ends (a crash, SIGTERM, a closed terminal): no notice
    # could show, and the error belongs in the crash report.
    ending = "self.followup_app.store.save_call_notes(self.draft.id, self.notes)"
    offenders = []
    for path in sorted(TUI.rglob("*.py")):
        if path.name == "writes.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"\.store\.\w+\(", line) and line.strip() != ending:
                offenders.append(f"{path.relative_to(TUI)}:{number}: {line.strip()}")
    assert offenders == []
