"""Two copies started at the same moment on the day's first start (the app in two terminals, or
two writing commands: whatever opens the Store) both succeed, and the day's backup is taken
once."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from followup_tui.demo import demo_applications
from followup_tui.store import Store
from followup_tui.store.backups import backups_dir, list_backups

pytestmark = pytest.mark.slow  # 20 pairs of real processes

CHILD = Path(__file__).with_name("backup_race_child.py")
PAIRS = 20


def test_two_copies_starting_together_both_start_and_back_up_once(db_path):
    with Store(db_path, backup_daily=False) as store:
        store.insert_applications(demo_applications(date(2026, 3, 10)), keep_ids=True)
    folder = backups_dir(db_path)
    failures = []
    for pair in range(PAIRS):
        for old in list_backups(db_path):
            old.unlink()  # the day's first start, again
        children = [
            subprocess.Popen(
                [sys.executable, str(CHILD), str(db_path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for child in children:  # both have imported everything
            assert child.stdout.readline().strip() == "ready"
        at = time.time() + 0.05
        for child in children:
            child.stdin.write(f"{at}\n")
            child.stdin.flush()
        for child in children:
            _out, err = child.communicate(timeout=60)
            if child.returncode != 0 or err:
                failures.append(f"pair {pair}: exit {child.returncode}: {err.strip()}")
        made = list_backups(db_path)
        if len(made) != 1:
            failures.append(f"pair {pair}: {len(made)} backups")
        left = [p.name for p in folder.iterdir() if "partial" in p.name]
        if left:
            failures.append(f"pair {pair}: left behind {left}")
    assert not failures, "\n".join(failures)
