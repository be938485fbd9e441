"""Reading the database with the standard library alone: the fast path every screen reads through.

The app paints its first frame from here before SQLAlchemy (the write path, `repository.py`) is
even imported: importing it costs about as much as starting Textual. Each call opens its own
connection and reads inside one transaction, so what it returns is one consistent snapshot.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import fields
from datetime import date, datetime, time
from itertools import repeat
from operator import attrgetter, call
from pathlib import Path

from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.records import (
    Application,
    CallDraft,
    Contact,
    Direction,
    Interview,
    Outcome,
    Profile,
    Touch,
    TouchKind,
)
from followup_tui.store import columns, migrations
from followup_tui.store.columns import Column
from followup_tui.store.database import damaged_message, explain, inspect, open_for_reading
from followup_tui.store.errors import StoreError

if TYPE_CHECKING:
    from typing import Any, TypeVar

    from _typeshed import DataclassInstance

    from followup_tui.domain.figures import Tally

    Converter = Callable[[Any], Any]
    R = TypeVar("R", bound=DataclassInstance)

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

    def review_batches(
        self, today: date, *, include_closed: bool = False, size: int = 2000
    ) -> Iterator[list[Application]]:
        """What `review_applications` reads, `size` applications at a time, in one snapshot:
        the caller assesses each batch and keeps what it needs before the next is read (at
        100,000 applications every history at once was most of a gigabyte)."""
        where = "1" if include_closed else _REVIEWABLE
        with self._snapshot() as connection:
            ids = [
                row[0]
                for row in connection.execute(
                    f"SELECT id FROM application WHERE {where} ORDER BY id",
                    {"today": today.isoformat()},
                )
            ]
            for start in range(0, len(ids), size):
                chosen = _json_ids(ids[start : start + size])
                yield self._load(
                    "id IN (SELECT value FROM json_each(?))", (chosen,), within=connection
                )

    def listing(self, today: date) -> list[Application]:
        """Every application, in id order, as `followup list` assesses it: those the review
        can show (`review_applications`) with their whole history, the others (parked, closed,
        rejected with nothing left to ask) with their own fields alone, no history: `assess`
        reads none for them. One snapshot."""
        with self._snapshot() as connection:
            reviewed = self._load(_REVIEWABLE, {"today": today.isoformat()}, within=connection)
            rows = connection.execute(
                f"SELECT {_select(_APPLICATION)} FROM application"
                " WHERE id NOT IN (SELECT value FROM json_each(?)) ORDER BY id",
                (_json_ids(application.id for application in reviewed),),
            ).fetchall()
        found = reviewed + [_application(values) for values in _without_history(rows)]
        found.sort(key=attrgetter("id"))
        return found

    def load_application(self, application_id: int) -> Application | None:
        found = self._load("id = ?", (application_id,))
        return found[0] if found else None

    def looking_back(self) -> list[Tally]:
        """Every application as looking back lists and counts it (`Tally`): its own fields, how
        many interviews and the last one's day, the kinds of touch logged; no history is read
        (at 10,000 applications, 840,000 values converted into records before). One snapshot."""
        # Here, not at the top: figures imports statistics, which the shell agenda need not.
        from followup_tui.domain.figures import Tally

        with self._snapshot() as connection:
            rows = connection.execute(
                f"SELECT {_select(_APPLICATION)}, (SELECT count(*) FROM interview"
                " WHERE interview.application_id = application.id),"
                " (SELECT max(held_on) FROM interview"
                " WHERE interview.application_id = application.id)"
                " FROM application ORDER BY id"
            ).fetchall()
            kinds = connection.execute(
                "SELECT DISTINCT application_id, direction, kind, outcome FROM touch"
            ).fetchall()
        touches: dict[int, list[tuple[Direction, TouchKind, Outcome]]] = defaultdict(list)
        for application_id, direction, kind, outcome in kinds:
            touches[application_id].append(
                (Direction(direction), TouchKind(kind), Outcome(outcome))
            )
        tallies = []
        for values in _without_history(rows, (_COUNT, _DAY)):
            last_interview = values.pop()
            interviews = values.pop()
            application = Application(*values)
            tallies.append(
                Tally.counted(
                    application, interviews, last_interview, touches.get(application.id, ())
                )
            )
        return tallies

    def _load(
        self,
        where: str,
        parameters: Sequence | dict = (),
        *,
        within: sqlite3.Connection | None = None,
    ) -> list[Application]:
        with self._snapshot() if within is None else nullcontext(within) as connection:
            rows = connection.execute(
                f"SELECT {_select(_APPLICATION)} FROM application WHERE {where} ORDER BY id",
                parameters,
            ).fetchall()
            if not rows:
                return []
            # The other tables are read for these applications only: the ids go in once, as a
            # JSON array, rather than the condition being evaluated again for each table.
            ids: tuple[str, ...] = ()
            if where == "1":
                only = "1"
            else:
                only = "application_id IN (SELECT value FROM json_each(?))"
                ids = (_json_ids(row[0] for row in rows),)

            def rows_of(table: str, select: str, order: str) -> list[tuple]:
                statement = f"SELECT {select} FROM {table} WHERE {only} ORDER BY {order}"
                return connection.execute(statement, ids).fetchall()

            contacts = rows_of("contact", _select(_CONTACT), "id")
            interviews = rows_of("interview", _select(_INTERVIEW), "held_on, id")
            links = rows_of(
                "interview_interviewer JOIN interview ON interview.id = interview_id",
                "interview_id, contact_id",
                "interview_id, position",
            )
            touches = rows_of("touch", _select(_TOUCH), "happened_on, id")
            lines = rows_of("script_line", "application_id, variant, text", "position")
            drafts = rows_of("call_draft", _select(_CALL_DRAFT), "id")
        return _assemble(rows, contacts, interviews, links, touches, lines, drafts)

    # The user and calls in progress --------------------------------------------------------

    def load_profile(self) -> Profile:
        with self._snapshot() as connection:
            rows = dict(connection.execute("SELECT key, value FROM profile").fetchall())
        return Profile(**{key: rows.get(key, "") for key in ("name", "phone", "email")})

    def unfinished_calls(self) -> list[CallDraft]:
        with self._snapshot() as connection:
            rows = connection.execute(
                f"SELECT {_select(_CALL_DRAFT)} FROM call_draft ORDER BY id"
            ).fetchall()
        return [CallDraft(*values) for values in _converted(rows, _CALL_DRAFT, date.fromisoformat)]


# Rows to records, as columns.py describes them. Each SELECT names the columns in the order of
# the record's fields (a child's application_id last), so a row goes into its record by
# position: tuples are the cheapest rows sqlite3 gives, and a call by position the cheapest way
# to make a record. Dates are stored as ISO text (YYYY-MM-DD), times as HH:MM:SS[.ffffff],
# booleans as 0/1: what SQLAlchemy writes for the same columns.

_APPLICATION = columns.APPLICATION.in_record_order()
_CONTACT = (*columns.CONTACT.in_record_order(), columns.LINK)
_INTERVIEW = (*columns.INTERVIEW.in_record_order(), columns.LINK)
_TOUCH = (*columns.TOUCH.in_record_order(), columns.LINK)
_CALL_DRAFT = columns.CALL_DRAFT.in_record_order()
# The one field of an interview no interview column holds: its people, from the link table.
_PEOPLE_AT = [field.name for field in fields(Interview)].index("interviewer_ids")
# Enum lookups by value are slow next to a dict: thousands of touches go through here.
_MEMBERS = {
    column.enum: {member.value: member for member in column.enum}
    for table in columns.TABLES
    for column in table.columns
    if column.enum is not None
}


def _made_from_fields(record: type[R]) -> Callable[[Sequence[Any]], R]:
    """`record(*values)` for values of all its fields in order, in half the time: a frozen
    dataclass's __init__ sets each field through `object.__setattr__`, this through the field's
    slot, as the record itself holds it (issue 17: making records was a third of reading the
    review of 1,000 applications). Values for fewer fields go through __init__ for its defaults.
    """
    assert not hasattr(record, "__post_init__"), f"{record.__name__}: made without __init__"
    setters = tuple(getattr(record, field.name).__set__ for field in fields(record))
    new = object.__new__

    def made(values: Sequence[Any]) -> R:
        if len(values) != len(setters):
            return record(*values)
        found = new(record)
        deque(map(call, setters, repeat(found), values), 0)
        return found

    return made


_application = _made_from_fields(Application)
_contact = _made_from_fields(Contact)
_interview = _made_from_fields(Interview)
_touch = _made_from_fields(Touch)
_call_draft = _made_from_fields(CallDraft)

# Computed columns looking back reads beside an application's own.
_COUNT = Column("interviews", columns.INTEGER, None)
_DAY = Column("last_interview", columns.DATE, None)


def _json_ids(ids: Iterable[int]) -> str:
    """Ids as a JSON array for `json_each(?)`: integers need no json module, which the shell
    agenda does not import otherwise (issue 17)."""
    return f"[{','.join(map(str, ids))}]"


def _select(of: tuple[Column, ...]) -> str:
    return ", ".join(column.name for column in of)


def _some_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _some_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _converted(rows: Iterable[Sequence], of: tuple[Column, ...], day: Converter) -> Iterator[list]:
    """The records' values in rows of these columns: each row's list, changed in place where
    a field's value is not what the column holds."""
    by_type: dict[str, Converter] = {
        columns.DATE: day,
        columns.TIME: _some_time,
        columns.BOOLEAN: bool,
    }
    changes: list[tuple[int, Converter]] = []
    for index, column in enumerate(of):
        if column.enum is not None:
            changes.append((index, _MEMBERS[column.enum].__getitem__))
        elif column.utc:
            changes.append((index, datetime.fromisoformat))
        elif column.sql_type in by_type:
            changes.append((index, by_type[column.sql_type]))

    for row in rows:
        values = list(row)
        for index, change in changes:
            values[index] = change(values[index])
        yield values


def _without_history(rows: Iterable[Sequence], beside: tuple[Column, ...] = ()) -> Iterator[list]:
    """Application rows' values with an empty history (and the `beside` columns' values last,
    after its version): each list goes into an `Application` by position."""
    history: tuple = ((),) * 6  # contacts, interviews, touches, two scripts, calls
    version = len(_APPLICATION) - 1
    for values in _converted(rows, (*_APPLICATION, *beside), _some_day):
        values[version:version] = history
        yield values


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
        try:
            return days[text]
        except KeyError:
            assert text is not None  # None is in `days`
            found = days[text] = date.fromisoformat(text)
            return found

    contacts_by_app: dict[int, list[Contact]] = defaultdict(list)
    for values in _converted(contacts, _CONTACT, day):
        application_id = values.pop()
        contacts_by_app[application_id].append(_contact(values))
    people: dict[int, list[int]] = defaultdict(list)
    for interview_id, contact_id in links:
        people[interview_id].append(contact_id)
    interviews_by_app: dict[int, list[Interview]] = defaultdict(list)
    for values in _converted(interviews, _INTERVIEW, day):
        application_id = values.pop()
        values.insert(_PEOPLE_AT, tuple(people[values[0]]))
        interviews_by_app[application_id].append(_interview(values))
    touches_by_app: dict[int, list[Touch]] = defaultdict(list)
    for values in _converted(touches, _TOUCH, day):
        application_id = values.pop()
        touches_by_app[application_id].append(_touch(values))
    scripts: dict[tuple[int, str], list[str]] = defaultdict(list)
    for application_id, variant, text in lines:
        scripts[(application_id, variant)].append(text)
    calls: dict[int, list[CallDraft]] = defaultdict(list)
    for values in _converted(drafts, _CALL_DRAFT, day):
        draft = _call_draft(values)
        calls[draft.application_id].append(draft)
    empty: tuple = ()
    applications = []
    for values in _converted(rows, _APPLICATION, day):
        application_id = values[0]
        # The record's own fields come first, in column order, its version last: its history
        # goes in between.
        values[-1:-1] = (
            tuple(contacts_by_app.get(application_id, empty)),
            tuple(interviews_by_app.get(application_id, empty)),
            tuple(touches_by_app.get(application_id, empty)),
            tuple(scripts.get((application_id, "call"), empty)),
            tuple(scripts.get((application_id, "voicemail"), empty)),
            tuple(calls.get(application_id, empty)),
        )
        applications.append(_application(values))
    return applications
