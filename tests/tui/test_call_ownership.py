"""Issue 12 item 8: two copies of followup on one open call. The copy that has the call open
owns it; the other says who has it and does not open it, so neither overwrites the other's
notes. A kill lets go of it: the next copy offers it back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from followup_tui.store import Store
from followup_tui.store.locks import CallTaken, claim_call
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.widgets.picker import PickerScreen

from .helpers import SIZE, settle

pytestmark = pytest.mark.slow  # a second real process

TODAY = date(2026, 3, 10)
INITECH = 3
CHILD = Path(__file__).with_name("call_child.py")  # opens a call on Initech and types


def _notes(db: Path) -> str:
    with Store(db) as store:
        drafts = store.unfinished_calls()
    assert len(drafts) <= 1
    return drafts[0].notes if drafts else ""


def _start_typing_elsewhere(db: Path, log: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), str(log)],
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (log.exists() and log.read_text() and _notes(db)):  # typed, and saved
        assert child.poll() is None, child.stderr.read().decode()
        assert time.monotonic() < deadline, "the other copy never started typing"
        time.sleep(0.05)
    return child


def _notices(app: FollowupApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_call_open_in_another_copy_is_not_offered_nor_opened_until_that_copy_ends(
    demo_db, db_path, tmp_path
):
    other = _start_typing_elsewhere(db_path, tmp_path / "typed.log")
    try:
        app = FollowupApp(db_path, TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            # Not offered to resume: it is being typed into elsewhere, and says by whom.
            assert not isinstance(app.screen, PickerScreen)
            said = f"open in another followup (pid {other.pid})"
            assert any(said in notice for notice in _notices(app)), _notices(app)
            # Asked for by hand, it is not opened either.
            app.open_call(INITECH)
            await settle(pilot)
            assert not isinstance(app.screen, CallScreen)
            assert sum(said in notice for notice in _notices(app)) == 2
            assert other.poll() is None  # still typing

            # The other copy is killed mid-call: the lock goes with it, the notes stay.
            other.send_signal(signal.SIGKILL)
            other.wait(timeout=10)
            kept = _notes(db_path)
            assert kept
            app.open_call(INITECH)
            await settle(pilot)
            assert isinstance(app.screen, CallScreen)
            assert app.screen.notes == kept  # what the other copy typed, read afresh
    finally:
        if other.poll() is None:
            other.kill()
            other.wait(timeout=10)
    assert _notes(db_path) == kept  # nothing overwritten


async def test_two_copies_in_one_process_cannot_both_open_a_call(demo_db, db_path):
    first = FollowupApp(db_path, TODAY)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first.open_call(INITECH)
        await settle(pilot)
        await pilot.press("enter")  # start the call: it is ours
        await settle(pilot)
        panel = first.screen
        assert isinstance(panel, CallScreen) and panel.draft is not None
        with pytest.raises(CallTaken) as taken:
            claim_call(db_path, panel.draft.id)
        assert taken.value.pid == os.getpid()
        await pilot.press("escape", "escape")  # leave the panel, the call kept for later
        await settle(pilot)
        claim_call(db_path, panel.draft.id).release()  # let go with the panel


async def test_a_logged_call_leaves_no_lock_file_behind(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_call(INITECH)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert list(db_path.parent.glob(".*.call-*.lock"))  # held while the call is open
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")  # log it: reached them
        await settle(pilot)
        assert not isinstance(app.screen, CallScreen)
    with Store(db_path) as store:
        assert store.unfinished_calls() == []
    assert list(db_path.parent.glob(".*.call-*.lock")) == []
