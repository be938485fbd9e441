"""A child for test_backup_race.py: `followup due --quiet` on DB at the wall-clock time read
from stdin, so two children meet on the day's first backup within a millisecond or so. Every
import is done before it says "ready"."""

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
    sys.exit(main(["--db", sys.argv[1], "--today", "2026-03-10", "due", "--quiet"]))
