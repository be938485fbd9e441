"""R7: killing the app mid-call loses nothing typed up to a second before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.widgets.picker import PickerScreen

from .call_child import TEXT
from .helpers import SIZE, settle
from .test_call import TODAY

pytestmark = pytest.mark.slow  # real processes under SIGKILL

CHILD = Path(__file__).with_name("call_child.py")


def typed_log(path: Path) -> list[tuple[float, int]]:
    if not path.exists():
        return []
    entries = []
    for line in path.read_text().splitlines():
        moment, count = line.split()
        entries.append((float(moment), int(count)))
    return entries


@pytest.mark.parametrize("typing_for", [2.2, 3.7])
async def test_r7_sigkill_mid_call_keeps_every_character_typed_a_second_before(
    demo_db, typing_for, tmp_path, db_path
):
    log = tmp_path / "typed.log"
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db_path), str(log)],
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not typed_log(log):
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the child never started typing"
            time.sleep(0.05)
        time.sleep(typing_for)
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    entries = typed_log(log)
    safe = max(count for moment, count in entries if moment <= killed_at - 1.0)
    assert safe > 2  # the test really typed before the last second (slow machines type less)

    with Store(db_path) as store:
        (draft,) = store.unfinished_calls()
        integrity = store._engine.connect().exec_driver_sql("PRAGMA integrity_check").scalar()
    assert integrity == "ok"
    assert TEXT.startswith(draft.notes)  # exactly what was typed, nothing garbled
    assert len(draft.notes) >= safe, f"lost {safe - len(draft.notes)} characters"

    # Restarted, the app offers the call back with its notes.
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert app.screen.notes == draft.notes
