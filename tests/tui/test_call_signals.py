"""R7 (issue 12 item 16): nothing typed during a call is lost when the terminal is closed
(SIGHUP) or the app is told to stop (SIGTERM): the notes are saved before the app ends.

The `followup` command runs under a pseudo-terminal, its half-second save pushed out of reach,
so only the ending can save the notes. (SIGKILL, which nothing can catch: test_call_kill.py.)
"""

from __future__ import annotations

import os
import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup_tui.store import Store

from .terminal import Terminal

pytestmark = pytest.mark.slow  # real processes under a pty

INITECH, BILL = 3, 4
CHILD = Path(__file__).with_name("followup_child.py")
TYPED = "Bill: budget approved. Decision by the 20th, call back Friday"


def _notes(db) -> str:
    with Store(db) as store:
        (draft,) = store.unfinished_calls()
    return draft.notes


@pytest.mark.parametrize("how", ["terminal closed", "SIGHUP", "SIGTERM"])
def test_r7_notes_typed_just_before_the_end_are_saved(how, demo_db, tmp_path):
    with Store(demo_db) as store:  # a call left open: the app offers it back
        store.start_call(INITECH, BILL, datetime.now(UTC))
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TEXTUAL_ANIMATIONS": "none",
        "SAVE_AFTER": "600",
    }
    argv = [str(CHILD), "--db", str(demo_db), "--today", "2026-03-10"]
    terminal = Terminal(argv, env)
    try:
        terminal.wait_for("Resume it")
        terminal.type("r")
        terminal.wait_for("on the call")
        terminal.type(TYPED)
        terminal.wait_for("Friday")  # drawn: the notes hold every key
        assert _notes(demo_db) == ""
        if how == "terminal closed":
            terminal.close()
        else:
            os.kill(terminal.process.pid, getattr(signal, how))
        status = terminal.wait(timeout=20)
    finally:
        terminal.kill()

    assert _notes(demo_db) == TYPED
    number = signal.SIGTERM if how == "SIGTERM" else signal.SIGHUP
    assert status == 128 + number  # ended by the signal, as the shell tells it
