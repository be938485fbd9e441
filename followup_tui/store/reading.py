"""Reading the database with the standard library alone: the fast path every screen reads through.

The app paints its first frame from here before SQLAlchemy (the write path, `repository.py`) is
even imported: importing it costs about as much as starting Textual. Each call opens its own
connection and reads inside one transaction, so what it returns is one consistent snapshot.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

from followup_tui.domain.records import (
    Application,
    CallDraft,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Persistence,
    Profile,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.store import migrations
from followup_tui.store.database import damaged_message, inspect
from followup_tui.store.errors import StoreError

ACTIVE_STATUSES = (Status.ACTIVE.value, Status.PARKED.value)

# What the daily review can show (see domain.review.review_list): active applications, and
# rejected ones that may still owe the R9 feedback call (a contact with rapport, no feedback
# written, no feedback request since the rejection). A superset: the rules decide the rest.
# Feedback with a letter or digit in it is certainly not blank; anything else the rules judge.
_REVIEWABLE = """
    status = 'active'
    OR (
        status = 'rejected'
        AND NOT feedback GLOB '*[A-Za-z0-9]*'
        AND EXISTS (
            SELECT 1 FROM contact
            WHERE contact.application_id = application.id AND contact.rapport
        )
        AND NOT EXISTS (
            SELECT 1 FROM touch
            WHERE touch.application_id = application.id
            AND touch.kind = 'feedback_request'
            AND touch.happened_on >= coalesce(application.closed_on, :today)
        )
    )
"""


class Reader:
    """Reads one database file. Opening checks only what is cheap (the header, the schema
    version); `Store`, which extends this class, runs the full check before any write."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = 5000) -> None:
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms

    @classmethod
    def open_quickly(cls, path: Path) -> Reader | None:
        """A reader for a file that needs no migration, or None (a new or older file: the
        Store must migrate it first). Raises StoreError for a file we must not touch."""
        if inspect(path, quick_check=False) != migrations.LATEST:
            return None
        return cls(path)

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction on its own connection; errors become one-line StoreErrors."""
        try:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {self.path}: {error}") from error
        try:
            connection.row_factory = sqlite3.Row
            connection.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
            connection.execute("PRAGMA query_only = ON")
            connection.execute("BEGIN")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise StoreError(explain(self.path, str(error))) from error
        except sqlite3.DatabaseError as error:
            raise StoreError(damaged_message(self.path, str(error))) from error
        finally:
            connection.close()

    # Applications -------------------------------------------------------------------------

    def count_applications(self) -> int:
        with self._snapshot() as connection:
            return connection.execute("SELECT count(*) FROM application").fetchone()[0]

    def load_applications(self, *, include_closed: bool = True) -> list[Application]:
        """Every application (or only active and parked ones) with its whole history."""
        if include_closed:
            return self._load("1")
        return self._load("status IN (?, ?)", ACTIVE_STATUSES)

    def review_applications(
        self, today: date, *, include_closed: bool = False
    ) -> list[Application]:
        """What the daily review needs (`review_list`): far fewer than every application once
        most are closed. With include_closed, every application."""
        if include_closed:
            return self._load("1")
        return self._load(_REVIEWABLE, {"today": today.isoformat()})

    def load_application(self, application_id: int) -> Application | None:
        found = self._load("id = ?", (application_id,))
        return found[0] if found else None

    def _load(self, where: str, parameters: Sequence | dict = ()) -> list[Application]:
        ids = f"SELECT id FROM application WHERE {where}"

        def rows_of(table: str, order: str) -> list[sqlite3.Row]:
            statement = f"SELECT * FROM {table} WHERE application_id IN ({ids}) ORDER BY {order}"
            return connection.execute(statement, parameters).fetchall()

        with self._snapshot() as connection:
            rows = connection.execute(
                f"SELECT * FROM application WHERE {where} ORDER BY id", parameters
            ).fetchall()
            if not rows:
                return []
            contacts = rows_of("contact", "id")
            interviews = rows_of("interview", "held_on, id")
            links = connection.execute(
                "SELECT link.interview_id, link.contact_id FROM interview_interviewer AS link"
                " JOIN interview ON interview.id = link.interview_id"
                f" WHERE interview.application_id IN ({ids})"
                " ORDER BY link.interview_id, link.position",
                parameters,
            ).fetchall()
            touches = rows_of("touch", "happened_on, id")
            lines = rows_of("script_line", "position")
            drafts = rows_of("call_draft", "id")
        return _assemble(rows, contacts, interviews, links, touches, lines, drafts)

    # The user and calls in progress --------------------------------------------------------

    def load_profile(self) -> Profile:
        with self._snapshot() as connection:
            rows = dict(connection.execute("SELECT key, value FROM profile").fetchall())
        return Profile(**{key: rows.get(key, "") for key in ("name", "phone", "email")})

    def unfinished_calls(self) -> list[CallDraft]:
        with self._snapshot() as connection:
            rows = connection.execute("SELECT * FROM call_draft ORDER BY id").fetchall()
        return [call_draft(row) for row in rows]


def explain(path: Path, message: str) -> str:
    """One line for an operational error from SQLite."""
    if "locked" in message or "busy" in message:
        return (
            f"{path} is busy: another followup is writing to it; try again in a moment. "
            "Nothing was saved"
        )
    if "full" in message:
        return f"the disk holding {path} is full: free some space and try again. Nothing was saved"
    return f"cannot use {path}: {message}"


# Rows to records. Dates are stored as ISO text (YYYY-MM-DD), times as HH:MM:SS[.ffffff],
# booleans as 0/1: what SQLAlchemy writes for the same columns.


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def call_draft(row: sqlite3.Row) -> CallDraft:
    return CallDraft(
        id=row["id"],
        application_id=row["application_id"],
        contact_id=row["contact_id"],
        started_at=datetime.fromisoformat(row["started_at"]),
        notes=row["notes"],
    )


def _assemble(
    rows: list[sqlite3.Row],
    contacts: list[sqlite3.Row],
    interviews: list[sqlite3.Row],
    links: list[sqlite3.Row],
    touches: list[sqlite3.Row],
    lines: list[sqlite3.Row],
    drafts: list[sqlite3.Row],
) -> list[Application]:
    contacts_by_app: dict[int, list[Contact]] = defaultdict(list)
    for row in contacts:
        contacts_by_app[row["application_id"]].append(
            Contact(
                id=row["id"],
                full_name=row["full_name"],
                title=row["title"],
                email=row["email"],
                phone=row["phone"],
                postal_address=row["postal_address"],
                decision_maker=bool(row["decision_maker"]),
                rapport=bool(row["rapport"]),
                notes=row["notes"],
                version=row["row_version"],
            )
        )
    people: dict[int, list[int]] = defaultdict(list)
    for interview_id, contact_id in links:
        people[interview_id].append(contact_id)
    interviews_by_app: dict[int, list[Interview]] = defaultdict(list)
    for row in interviews:
        at_time = row["at_time"]
        interviews_by_app[row["application_id"]].append(
            Interview(
                id=row["id"],
                held_on=date.fromisoformat(row["held_on"]),
                at_time=time.fromisoformat(at_time) if at_time else None,
                stage=row["stage"],
                interviewer_ids=tuple(people[row["id"]]),
                topics=row["topics"],
                concerns=row["concerns"],
                notes=row["notes"],
                version=row["row_version"],
            )
        )
    touches_by_app: dict[int, list[Touch]] = defaultdict(list)
    # Enum lookups by value are slow next to a dict: thousands of touches go through here.
    channels = {member.value: member for member in Channel}
    directions = {member.value: member for member in Direction}
    kinds = {member.value: member for member in TouchKind}
    outcomes = {member.value: member for member in Outcome}
    days: dict[str, date] = {}
    for row in touches:
        on = row["happened_on"]
        day = days.get(on)
        if day is None:
            day = days[on] = date.fromisoformat(on)
        touches_by_app[row["application_id"]].append(
            Touch(
                id=row["id"],
                on=day,
                channel=channels[row["channel"]],
                direction=directions[row["direction"]],
                kind=kinds[row["kind"]],
                contact_id=row["contact_id"],
                outcome=outcomes[row["outcome"]],
                notes=row["notes"],
                duration_seconds=row["duration_seconds"],
            )
        )
    scripts: dict[tuple[int, str], list[str]] = defaultdict(list)
    for row in lines:
        scripts[(row["application_id"], row["variant"])].append(row["text"])
    calls: dict[int, list[CallDraft]] = defaultdict(list)
    for row in drafts:
        calls[row["application_id"]].append(call_draft(row))
    return [
        Application(
            id=row["id"],
            company=row["company"],
            role=row["role"],
            status=Status(row["status"]),
            persistence=Persistence(row["persistence"]),
            expected_decision=_day(row["expected_decision"]),
            decision_learned_on=_day(row["decision_learned_on"]),
            snoozed_until=_day(row["snoozed_until"]),
            closed_on=_day(row["closed_on"]),
            key_strengths=row["key_strengths"],
            feedback=row["feedback"],
            job_url=row["job_url"],
            location=row["location"],
            notes=row["notes"],
            closed_reason=row["closed_reason"],
            lessons=row["lessons"],
            created_on=_day(row["created_on"]),
            contacts=tuple(contacts_by_app[row["id"]]),
            interviews=tuple(interviews_by_app[row["id"]]),
            touches=tuple(touches_by_app[row["id"]]),
            call_script=tuple(scripts[(row["id"], "call")]),
            voicemail_script=tuple(scripts[(row["id"], "voicemail")]),
            call_drafts=tuple(calls[row["id"]]),
            version=row["row_version"],
        )
        for row in rows
    ]
