"""Write tests/fixtures/schema_vN.sqlite: a database at schema version N with sample rows.

Run once per released schema version, before the next migration step is added, and commit the
file: `python scripts/make_schema_fixture.py 1`. The rows cover every table and awkward text, so
tests/store/test_migrations.py can check that upgrading from N keeps every one of them.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from followup_tui.store.migrations import migrate

ROWS = {
    "application": [
        (
            1,
            "ACME [/]",
            "Staff Engineer",
            "https://acme.example/job",
            "Remote",
            "active",
            "standard",
            "2026-03-20",
            "2026-03-02",
            None,
            "Billing migration",
            "[bold]x",
            None,
            "",
            "",
            "",
            "2026-02-20",
        ),
        (
            2,
            "Globex",
            "Backend 🚀",
            "",
            "Berlin",
            "rejected",
            "gentle",
            None,
            None,
            "2026-03-12",
            "",
            "  leading and trailing  ",
            "2026-03-09",
            "Internal hire",
            "Wanted more Go",
            "Ask for the timeline",
            "2026-02-01",
        ),
        (
            3,
            "שלום Ltd",
            "Data\nEngineer",
            "",
            "",
            "parked",
            "persistent",
            None,
            None,
            None,
            "",
            "",
            None,
            "",
            "",
            "",
            None,
        ),
    ],
    "contact": [
        (1, 1, "Dana Reyes", "EM", "dana@acme.example", "+1 555 0101", "1 Main St", 1, 0, ""),
        (2, 1, "Lee Park", "", "", "", "", 0, 1, "met at the onsite"),
        (3, 2, "Priya N", "Head", "", "", "", 1, 1, ""),
    ],
    "interview": [
        (1, 1, "2026-03-02", "10:00:00.000000", "Onsite", "Invoices", "No Kotlin", ""),
        (2, 2, "2026-02-20", None, "Final", "", "", "notes"),
    ],
    "interview_interviewer": [(1, 1, 0), (1, 2, 1), (2, 3, 0)],
    "touch": [
        (1, 1, 1, "2026-03-02", "email", "out", "thank_you", "none", "Thanks!"),
        (2, 1, None, "2026-03-09", "phone", "out", "status_check", "voicemail", ""),
        (3, 2, 3, "2026-03-09", "email", "in", "reply", "replied", "Rejection"),
    ],
    "script_line": [(1, 1, "call", 0, "We met on Monday"), (2, 1, "voicemail", 0, "Hi Dana")],
}


# The columns ROWS fills, as of schema v1; later steps only add columns with defaults.
COLUMNS = {
    "application": "id, company, role, job_url, location, status, persistence, expected_decision, "
    "decision_learned_on, snoozed_until, key_strengths, notes, closed_on, closed_reason, "
    "feedback, lessons, created_on",
    "contact": "id, application_id, full_name, title, email, phone, postal_address, "
    "decision_maker, rapport, notes",
    "interview": "id, application_id, held_on, at_time, stage, topics, concerns, notes",
    "interview_interviewer": "interview_id, contact_id, position",
    "touch": "id, application_id, contact_id, happened_on, channel, direction, kind, outcome, "
    "notes",
    "script_line": "id, application_id, variant, position, text",
}


def make(version: int, path: Path) -> None:
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(connection, target=version)
        connection.execute("BEGIN")
        for table, rows in ROWS.items():
            marks = ", ".join("?" * len(rows[0]))
            sql = f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})"
            connection.executemany(sql, rows)
        connection.execute("COMMIT")
        connection.execute("VACUUM")
    finally:
        connection.close()


if __name__ == "__main__":
    wanted = int(sys.argv[1])
    target = (
        Path(__file__).resolve().parent.parent / "tests" / "fixtures" / f"schema_v{wanted}.sqlite"
    )
    make(wanted, target)
    print(f"wrote {target}")
