"""Reading the database with the standard library alone: the fast path every screen reads through.

The app paints its first frame from here before SQLAlchemy (the write path, `repository.py`) is
even imported: importing it costs about as much as starting Textual. Each call opens its own
connection and reads inside one transaction, so what it returns is one consistent snapshot.
"""

from __future__ import annotations

import json
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
from followup_tui.store.database import damaged_message, explain, inspect, open_for_reading
from followup_tui.store.errors import StoreError

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
            # mode=rw: a file deleted meanwhile is an error, not a new empty database.
            connection = open_for_reading(
                self.path, busy_timeout_ms=self._busy_timeout_ms, must_exist="rw"
            )
        except sqlite3.OperationalError as error:
            raise StoreError(explain(self.path, error, "open")) from error
        except sqlite3.DatabaseError as error:
            raise StoreError(damaged_message(self.path, str(error))) from error
        try:
            connection.execute("BEGIN")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise StoreError(explain(self.path, error)) from error
        except sqlite3.DatabaseError as error:
            raise StoreError(damaged_message(self.path, str(error))) from error
        finally:
            connection.close()

    # Applications -------------------------------------------------------------------------

    def count_applications(self) -> int:
        with self._snapshot() as connection:
            return connection.execute("SELECT count(*) FROM application").fetchone()[0]

    def load_applications(self) -> list[Application]:
        """Every application with its whole history."""
        return self._load("1")

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
        with self._snapshot() as connection:
            rows = connection.execute(
                f"SELECT {_APPLICATION} FROM application WHERE {where} ORDER BY id", parameters
            ).fetchall()
            if not rows:
                return []
            # The other tables are read for these applications only: the ids go in once, as a
            # JSON array, rather than the condition being evaluated again for each table.
            if where == "1":
                only, ids = "1", ()
            else:
                only = "application_id IN (SELECT value FROM json_each(?))"
                ids = (json.dumps([row[0] for row in rows]),)

            def rows_of(table: str, columns: str, order: str) -> list[tuple]:
                statement = f"SELECT {columns} FROM {table} WHERE {only} ORDER BY {order}"
                return connection.execute(statement, ids).fetchall()

            contacts = rows_of("contact", _CONTACT, "id")
            interviews = rows_of("interview", _INTERVIEW, "held_on, id")
            links = rows_of(
                "interview_interviewer JOIN interview ON interview.id = interview_id",
                "interview_id, contact_id",
                "interview_id, position",
            )
            touches = rows_of("touch", _TOUCH, "happened_on, id")
            lines = rows_of("script_line", "application_id, variant, text", "position")
            drafts = rows_of("call_draft", _CALL_DRAFT, "id")
        return _assemble(rows, contacts, interviews, links, touches, lines, drafts)

    # The user and calls in progress --------------------------------------------------------

    def load_profile(self) -> Profile:
        with self._snapshot() as connection:
            rows = dict(connection.execute("SELECT key, value FROM profile").fetchall())
        return Profile(**{key: rows.get(key, "") for key in ("name", "phone", "email")})

    def unfinished_calls(self) -> list[CallDraft]:
        with self._snapshot() as connection:
            rows = connection.execute(
                f"SELECT {_CALL_DRAFT} FROM call_draft ORDER BY id"
            ).fetchall()
        return [call_draft(row) for row in rows]


# Rows to records. Dates are stored as ISO text (YYYY-MM-DD), times as HH:MM:SS[.ffffff],
# booleans as 0/1: what SQLAlchemy writes for the same columns. Columns are named in the SELECTs
# and unpacked by position: tuples are the cheapest rows sqlite3 gives.

_APPLICATION = (
    "id, company, role, status, persistence, expected_decision, decision_learned_on,"
    " snoozed_until, closed_on, key_strengths, feedback, job_url, location, notes,"
    " closed_reason, lessons, created_on, row_version"
)
_CONTACT = (
    "id, application_id, full_name, title, email, phone, postal_address, decision_maker,"
    " rapport, notes, row_version"
)
_INTERVIEW = "id, application_id, held_on, at_time, stage, topics, concerns, notes, row_version"
_TOUCH = (
    "id, application_id, happened_on, channel, direction, kind, contact_id, outcome, notes,"
    " duration_seconds"
)
_CALL_DRAFT = "id, application_id, contact_id, started_at, notes"


def call_draft(row: Sequence) -> CallDraft:
    draft_id, application_id, contact_id, started_at, notes = row
    return CallDraft(
        draft_id, application_id, contact_id, datetime.fromisoformat(started_at), notes
    )


def _assemble(
    rows: list[tuple],
    contacts: list[tuple],
    interviews: list[tuple],
    links: list[tuple],
    touches: list[tuple],
    lines: list[tuple],
    drafts: list[tuple],
) -> list[Application]:
    days: dict[str | None, date | None] = {None: None, "": None}

    def day(text: str | None) -> date | None:
        # Thousands of rows share a few hundred days: parse each once.
        found = days.get(text, _MISSING)
        if found is _MISSING:
            found = days[text] = date.fromisoformat(text)
        return found

    contacts_by_app: dict[int, list[Contact]] = defaultdict(list)
    for (
        contact_id,
        application_id,
        full_name,
        title,
        email,
        phone,
        postal_address,
        decision_maker,
        rapport,
        notes,
        version,
    ) in contacts:
        contacts_by_app[application_id].append(
            Contact(
                contact_id,
                full_name,
                title,
                email,
                phone,
                postal_address,
                bool(decision_maker),
                bool(rapport),
                notes,
                version,
            )
        )
    people: dict[int, list[int]] = defaultdict(list)
    for interview_id, contact_id in links:
        people[interview_id].append(contact_id)
    interviews_by_app: dict[int, list[Interview]] = defaultdict(list)
    for (
        interview_id,
        application_id,
        held_on,
        at_time,
        stage,
        topics,
        concerns,
        notes,
        version,
    ) in interviews:
        interviews_by_app[application_id].append(
            Interview(
                interview_id,
                day(held_on),
                time.fromisoformat(at_time) if at_time else None,
                stage,
                tuple(people[interview_id]),
                topics,
                concerns,
                notes,
                version,
            )
        )
    touches_by_app: dict[int, list[Touch]] = defaultdict(list)
    # Enum lookups by value are slow next to a dict: thousands of touches go through here.
    channels = {member.value: member for member in Channel}
    directions = {member.value: member for member in Direction}
    kinds = {member.value: member for member in TouchKind}
    outcomes = {member.value: member for member in Outcome}
    for (
        touch_id,
        application_id,
        happened_on,
        channel,
        direction,
        kind,
        contact_id,
        outcome,
        notes,
        duration_seconds,
    ) in touches:
        touches_by_app[application_id].append(
            Touch(
                touch_id,
                day(happened_on),
                channels[channel],
                directions[direction],
                kinds[kind],
                contact_id,
                outcomes[outcome],
                notes,
                duration_seconds,
            )
        )
    scripts: dict[tuple[int, str], list[str]] = defaultdict(list)
    for application_id, variant, text in lines:
        scripts[(application_id, variant)].append(text)
    calls: dict[int, list[CallDraft]] = defaultdict(list)
    for row in drafts:
        calls[row[1]].append(call_draft(row))
    empty: tuple = ()
    applications = []
    for (
        application_id,
        company,
        role,
        status,
        persistence,
        expected_decision,
        decision_learned_on,
        snoozed_until,
        closed_on,
        key_strengths,
        feedback,
        job_url,
        location,
        notes,
        closed_reason,
        lessons,
        created_on,
        version,
    ) in rows:
        applications.append(
            Application(
                id=application_id,
                company=company,
                role=role,
                status=Status(status),
                persistence=Persistence(persistence),
                expected_decision=day(expected_decision),
                decision_learned_on=day(decision_learned_on),
                snoozed_until=day(snoozed_until),
                closed_on=day(closed_on),
                key_strengths=key_strengths,
                feedback=feedback,
                job_url=job_url,
                location=location,
                notes=notes,
                closed_reason=closed_reason,
                lessons=lessons,
                created_on=day(created_on),
                contacts=tuple(contacts_by_app.get(application_id, empty)),
                interviews=tuple(interviews_by_app.get(application_id, empty)),
                touches=tuple(touches_by_app.get(application_id, empty)),
                call_script=tuple(scripts.get((application_id, "call"), empty)),
                voicemail_script=tuple(scripts.get((application_id, "voicemail"), empty)),
                call_drafts=tuple(calls.get(application_id, empty)),
                version=version,
            )
        )
    return applications


_MISSING = object()
