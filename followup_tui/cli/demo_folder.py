"""The demo's database: a fresh temporary folder for one command, filled with the demo data,
and removed when the command ends. A demo killed by a signal leaves its folder; the next demo
sweeps it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from followup_tui.cli.options import DB_NAME

DEMO_PREFIX = "followup-demo-"


@contextmanager
def demo_database(today: date) -> Iterator[Path]:
    """The path of a new database holding the demo applications, dated around `today`; the
    folder holding it is gone when the block ends."""
    from followup_tui.demo import DEMO_PROFILE, demo_applications
    from followup_tui.store import Store

    sweep_stale_demos()
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    try:
        (folder / "pid").write_text(str(os.getpid()))
        path = folder / DB_NAME
        with Store(path) as store:
            store.insert_applications(demo_applications(today), keep_ids=True, profile=DEMO_PROFILE)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_stale_demos() -> None:
    """Remove demo folders left by a demo that was killed (a closed terminal skips cleanup)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            pid = int((folder / "pid").read_text())
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):
            continue  # not ours to judge: unreadable, or owned by another user
