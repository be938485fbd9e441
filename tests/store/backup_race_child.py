"""A child for test_backup_race.py: `followup add` on DB at the wall-clock time read from stdin,
so two children meet on the day's first backup within a millisecond or so. Every import is done
before it says "ready". (`followup due` takes no backup since issue 17: the app and the writing
commands, which open the Store, take the day's backup.)"""

from __future__ import annotations

import sys
import time

import followup_tui.store.repository  # noqa: F401 - imported before the start line, not after
from followup_tui.cli import main

if __name__ == "__main__":
    print("ready", flush=True)
    at = float(sys.stdin.readline())
    while time.time() < at:
        pass
    sys.exit(main(["--db", sys.argv[1], "add", "--company", "Race", "--role", "Both start"]))
