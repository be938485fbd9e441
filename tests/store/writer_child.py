"""Child processes for test_concurrency.py.

`add DB LOG`: add applications one after another, logging each committed id, until killed.
`append DB WHO N`: N times, read application 1 and append a token to its notes, retrying when
another process changed it in between (a stale edit).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Touch,
    TouchKind,
)
from followup_tui.store import StaleEdit, Store


def add(db: Path, log: Path) -> None:
    with Store(db, backup_daily=False) as store, log.open("a") as record:
        for number in range(100_000):
            application = Application(
                0,
                f"Company {number}",
                "Engineer",
                notes="n" * 2000,
                contacts=(Contact(1, "Dana"), Contact(2, "Lee")),
                interviews=(Interview(1, date(2026, 3, 2), interviewer_ids=(1, 2)),),
                touches=tuple(
                    Touch(i, date(2026, 3, 3), Channel.EMAIL, Direction.OUT, TouchKind.OTHER, 1)
                    for i in range(1, 6)
                ),
            )
            new_id = store.add_application(application)
            record.write(f"{new_id}\n")  # only after the commit returned
            record.flush()


def append(db: Path, who: str, times: int) -> None:
    with Store(db, backup_daily=False) as store:
        for number in range(times):
            while True:
                current = store.load_application(1)
                try:
                    store.save_application(
                        replace(current, notes=f"{current.notes}[{who}{number}]")
                    )
                    break
                except StaleEdit:
                    continue


if __name__ == "__main__":
    if sys.argv[1] == "add":
        add(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        append(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
