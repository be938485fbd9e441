"""A realistic database of N applications at a fixed seed, for benchmarks and tests.

About 3 contacts, 2 interviews and 8 touches each, a tenth active, dates spread over the two
years before `today`; most rejections have their feedback written down (R9), as they would after
two years of use. Rows go in with executemany in one transaction: the ORM would take minutes
at 100,000 applications.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from followup_tui.store.database import prepare

CLOSED = ["rejected", "rejected", "rejected", "no_response", "withdrawn", "offer_declined",
          "offer_accepted"]  # fmt: skip
STAGES = ["Phone screen", "Technical", "Onsite", "Final"]
FIRST = ["Dana", "Lee", "Sam", "Priya", "Alex", "Kim", "Jordan", "Maria", "Omar", "Yuki"]
LAST = ["Reyes", "Park", "Ito", "Natarajan", "Smith", "Okafor", "Novak", "Silva", "Haddad"]
WORDS = ["Labs", "Systems", "Health", "Industries", "Analytics", "Robotics", "Cloud", "Bank"]
ROLES = ["Staff Engineer", "Backend Engineer", "Data Engineer", "SRE", "Engineering Manager"]


def generate(path: Path, count: int, today: date, *, active_share: float = 0.1, seed: int = 7):
    """Write `count` applications into a new database at `path` (which must not exist)."""
    if path.exists():
        raise FileExistsError(path)
    prepare(path)
    rng = random.Random(seed)
    applications, contacts, interviews, links, touches = [], [], [], [], []
    contact_id = interview_id = touch_id = 0
    for application_id in range(1, count + 1):
        active = rng.random() < active_share
        start = today - timedelta(days=rng.randint(5 if active else 30, 730))
        held = [
            start + timedelta(days=rng.randint(0, 4)),
            start + timedelta(days=rng.randint(5, 20)),
        ]
        held = [min(day, today) for day in held]
        status = "active" if active else rng.choice(CLOSED)
        closed_on = None if active else min(held[-1] + timedelta(days=rng.randint(3, 40)), today)
        expected = held[-1] + timedelta(days=rng.randint(5, 30)) if rng.random() < 0.5 else None
        company = f"{rng.choice(LAST)} {rng.choice(WORDS)} {application_id}"
        # Most rejections were long since asked about (R9): feedback written down.
        feedback = "Wanted more Kotlin" if status == "rejected" and rng.random() < 0.85 else ""
        applications.append(
            (application_id, company, rng.choice(ROLES), status,
             rng.choice(["gentle", "standard", "standard", "persistent"]),
             expected, closed_on, "Led a migration; mentors well", feedback,
             start - timedelta(days=10))
        )  # fmt: skip
        people = []
        for index in range(3):
            contact_id += 1
            people.append(contact_id)
            contacts.append(
                (contact_id, application_id, f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                 "Engineering Manager" if index == 0 else "Engineer",
                 f"person{contact_id}@example.com", int(index == 0),
                 int(index == 1 and rng.random() < 0.6))
            )  # fmt: skip
        for number, day in enumerate(held):
            interview_id += 1
            interviews.append((interview_id, application_id, day, STAGES[number + 1],
                               "Event sourcing; on-call load", "Kotlin experience"))  # fmt: skip
            for position, person in enumerate(rng.sample(people, rng.randint(1, 2))):
                links.append((interview_id, person, position))
        day = held[0]
        for number in range(8):
            touch_id += 1
            thank_you = number < 2
            day = min(day + timedelta(days=1 if thank_you else rng.randint(5, 12)), today)
            direction = "in" if not thank_you and rng.random() < 0.2 else "out"
            kind = "thank_you" if thank_you else ("reply" if direction == "in" else "status_check")
            channel = "email" if thank_you else rng.choice(["phone", "email", "letter"])
            outcome = rng.choice(["none", "reached", "voicemail", "no_answer"])
            touches.append(
                (touch_id, application_id, rng.choice(people), day, channel, direction, kind,
                 "replied" if direction == "in" else outcome, "notes " * rng.randint(0, 12))
            )  # fmt: skip
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO application (id, company, role, status, persistence, expected_decision,"
            " closed_on, key_strengths, feedback, created_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            applications,
        )
        connection.executemany(
            "INSERT INTO contact (id, application_id, full_name, title, email, decision_maker,"
            " rapport) VALUES (?, ?, ?, ?, ?, ?, ?)",
            contacts,
        )
        connection.executemany(
            "INSERT INTO interview (id, application_id, held_on, stage, topics, concerns)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            interviews,
        )
        connection.executemany(
            "INSERT INTO interview_interviewer (interview_id, contact_id, position)"
            " VALUES (?, ?, ?)",
            links,
        )
        connection.executemany(
            "INSERT INTO touch (id, application_id, contact_id, happened_on, channel, direction,"
            " kind, outcome, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            touches,
        )
        connection.execute("COMMIT")
    finally:
        connection.close()
