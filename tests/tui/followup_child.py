"""The `followup` command as tests under a pseudo-terminal run it (test_crash_report.py,
test_call_signals.py), with two knobs:

- SAVE_AFTER: seconds before the call panel's throttle saves the notes. Set long, only an
  ending that saves the notes itself (a crash, a signal) can have saved them.
- CRASH: ending a call (ctrl+s) fails unexpectedly, before anything is saved. "raise" raises in
  the key's action; "markup" shows a notice whose text is not valid markup (issue 12's first
  crash, "ACME [/]", which Textual raises while drawing the notice).
"""

from __future__ import annotations

import os
import sys

from followup_tui.cli import main
from followup_tui.tui.screens import call
from followup_tui.tui.screens.call import CallScreen

if "SAVE_AFTER" in os.environ:
    call.SAVE_AFTER = float(os.environ["SAVE_AFTER"])


def _end_with_a_bug(self: CallScreen) -> None:
    if os.environ["CRASH"] == "raise":
        raise RuntimeError("a bug in the call panel")
    self.notify("Saved ACME [/]")  # parsed as markup: raises MarkupError when drawn


if "CRASH" in os.environ:
    CallScreen.action_end = _end_with_a_bug  # type: ignore[method-assign,assignment]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
