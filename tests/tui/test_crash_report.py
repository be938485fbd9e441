"""Issue 12 item 6: a crash is never silent. An unexpected error in the TUI ends with a non-zero
exit status, the terminal restored, one line saying where the full report was written (in the
user's log folder) and the notes of an open call saved first."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup_tui.store import Store

from .terminal import Terminal

pytestmark = pytest.mark.slow  # real processes under a pty

CHILD = Path(__file__).with_name("followup_child.py")
INITECH, BILL = 3, 4
TYPED = "Bill said Friday, ask again on the 20th"


@pytest.mark.parametrize(("crash", "error"), [("raise", "RuntimeError"), ("markup", "MarkupError")])
def test_a_crash_exits_non_zero_with_one_line_to_the_report_and_the_call_notes_saved(
    crash, error, demo_db, tmp_path
):
    with Store(demo_db) as store:  # a call left open: the app offers it back
        store.start_call(INITECH, BILL, datetime.now(UTC))
    state = tmp_path / "state"
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(state),
        "CRASH": crash,
        "SAVE_AFTER": "600",  # only the crash handling can save the notes
        "TEXTUAL_ANIMATIONS": "none",
    }
    argv = [str(CHILD), "--db", str(demo_db), "--today", "2026-03-10"]
    terminal = Terminal(argv, env)
    try:
        terminal.wait_for("Resume it")
        terminal.type("r")
        terminal.wait_for("on the call")
        terminal.type(TYPED)
        terminal.wait_for("on the 20th")  # drawn: the notes hold it
        terminal.type("\x13")  # ctrl+s, which fails
        status = terminal.wait(timeout=30)
        modes = terminal.attributes()
        said = terminal.said_after()  # also checks the app left the alternate screen
    finally:
        terminal.kill()

    assert status == 1
    assert modes == terminal.attributes_before  # the terminal's modes are back as they were
    # One line, naming the report; the report holds the whole traceback.
    lines = said.strip().splitlines()
    assert len(lines) == 1, said
    (report,) = (state / "followup" / "log").glob("crash-*.txt")
    assert str(report) in lines[0]
    assert error in lines[0]
    text = report.read_text()
    assert "Traceback (most recent call last)" in text and error in text
    assert "followup_child.py" in text  # where it failed
    assert report.stat().st_mode & 0o777 == 0o600
    # What was typed on the call was saved before the app ended.
    with Store(demo_db) as store:
        (draft,) = store.unfinished_calls()
    assert draft.notes == TYPED
