"""A realistic database of N applications at a fixed seed, for benchmarks and tests.

About 3 contacts, 2 interviews and 8 touches each, a tenth active, dates spread over the two
years before `today`; most rejections have their feedback written down (R9), as they would after
two years of use. Rows go in with executemany in one transaction: the ORM would take minutes
at 100,000 applications.
"""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from followup_tui.domain import records
from followup_tui.store import columns
from followup_tui.store.columns import APPLICATION, CONTACT, INTERVIEW, INTERVIEWER, TOUCH, Table
from followup_tui.store.database import prepare

CLOSED = ["rejected", "rejected", "rejected", "no_response", "withdrawn", "offer_declined",
          "offer_accepted"]  # fmt: skip
STAGES = ["Phone screen", "Technical", "Onsite", "Final"]
FIRST = ["Dana", "Lee", "Sam", "Priya", "Alex", "Kim", "Jordan", "Maria", "Omar", "Yuki"]
LAST = ["Reyes", "Park", "Ito", "Natarajan", "Smith", "Okafor", "Novak", "Silva", "Haddad"]
WORDS = ["Labs", "Systems", "Health", "Industries", "Analytics", "Robotics", "Cloud", "Bank"]
IN, OUT = records.Direction.IN, records.Direction.OUT
ROLES = ["Staff Engineer", "Backend Engineer", "Data Engineer", "SRE", "Engineering Manager"]


def generate(path: Path, count: int, today: date, *, active_share: float = 0.1, seed: int = 7):
    """Write `count` applications into a new database at `path` (which must not exist)."""
    if path.exists():
        raise FileExistsError(path)
    prepare(path)
    rng = random.Random(seed)
    rows: dict[Table, list[dict[str, Any]]] = defaultdict(list)

    def add(table: Table, record: Any, **links: int | None) -> None:
        rows[table].append({"id": record.id, **links, **columns.row_values(table, record)})

    contact_id = interview_id = touch_id = 0
    for application_id in range(1, count + 1):
        active = rng.random() < active_share
        start = today - timedelta(days=rng.randint(5 if active else 30, 730))
        held = [
            start + timedelta(days=rng.randint(0, 4)),
            start + timedelta(days=rng.randint(5, 20)),
        ]
        held = [min(day, today) for day in held]
        status = records.Status.ACTIVE if active else records.Status(rng.choice(CLOSED))
        closed_on = None if active else min(held[-1] + timedelta(days=rng.randint(3, 40)), today)
        expected = held[-1] + timedelta(days=rng.randint(5, 30)) if rng.random() < 0.5 else None
        company = f"{rng.choice(LAST)} {rng.choice(WORDS)} {application_id}"
        # Most rejections were long since asked about (R9): feedback written down.
        feedback = "Wanted more Kotlin" if status == "rejected" and rng.random() < 0.85 else ""
        application = records.Application(
            application_id, company, rng.choice(ROLES), status,
            records.Persistence(rng.choice(["gentle", "standard", "standard", "persistent"])),
            expected_decision=expected, closed_on=closed_on,
            key_strengths="Led a migration; mentors well", feedback=feedback,
            created_on=start - timedelta(days=10),
        )  # fmt: skip
        add(APPLICATION, application)
        people = []
        for index in range(3):
            contact_id += 1
            people.append(contact_id)
            contact = records.Contact(
                contact_id, f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "Engineering Manager" if index == 0 else "Engineer",
                f"person{contact_id}@example.com", decision_maker=index == 0,
                rapport=index == 1 and rng.random() < 0.6,
            )  # fmt: skip
            add(CONTACT, contact, application_id=application_id)
        for number, day in enumerate(held):
            interview_id += 1
            interview = records.Interview(interview_id, day, None, STAGES[number + 1],
                                  topics="Event sourcing; on-call load",
                                  concerns="Kotlin experience")  # fmt: skip
            add(INTERVIEW, interview, application_id=application_id)
            for position, person in enumerate(rng.sample(people, rng.randint(1, 2))):
                rows[INTERVIEWER].append(
                    {"interview_id": interview_id, "contact_id": person, "position": position}
                )
        day = held[0]
        for number in range(8):
            touch_id += 1
            thank_you = number < 2
            day = min(day + timedelta(days=1 if thank_you else rng.randint(5, 12)), today)
            direction = (
                records.Direction.IN
                if not thank_you and rng.random() < 0.2
                else records.Direction.OUT
            )
            if thank_you:
                kind = records.TouchKind.THANK_YOU
            else:
                kind = (
                    records.TouchKind.REPLY if direction is IN else records.TouchKind.STATUS_CHECK
                )
            channel = (
                records.Channel.EMAIL
                if thank_you
                else records.Channel(rng.choice(["phone", "email", "letter"]))
            )
            outcome = records.Outcome(rng.choice(["none", "reached", "voicemail", "no_answer"]))
            person = rng.choice(people)
            touch = records.Touch(touch_id, day, channel, direction, kind, person,
                          records.Outcome.REPLIED if direction is IN else outcome,
                          "notes " * rng.randint(0, 12))  # fmt: skip
            add(TOUCH, touch, application_id=application_id)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        for table in (APPLICATION, CONTACT, INTERVIEW, INTERVIEWER, TOUCH):
            names = list(rows[table][0])
            connection.executemany(
                f"INSERT INTO {table.name} ({', '.join(names)})"
                f" VALUES ({', '.join(':' + name for name in names)})",
                rows[table],
            )
        connection.execute("COMMIT")
    finally:
        connection.close()
