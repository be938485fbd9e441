"""One description of the stored data: every table's columns, and the record field each holds.

The read path (`reading.py`) builds its SELECTs and its row-to-record conversion from it, the
write path (`repository.py`) and the generator (`generate.py`) fill rows from it, and
`tests/store/test_columns.py` checks it, column by column, against the schema `migrations.py`
makes. A new stored field is named here, in the DDL (a migration step), in `tables.py` and in
`domain/records.py`; readers and writers follow.

Plain Python on purpose: the fast read path imports it and must not import SQLAlchemy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from followup_tui.domain import records

# The declared types used in migrations.py; how each reads back is said in reading.py.
TEXT, INTEGER, DATE, TIME, BOOLEAN = "TEXT", "INTEGER", "DATE", "TIME", "BOOLEAN"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name and declared type in the DDL, and the record field it holds."""

    name: str
    sql_type: str
    # The record's field; None for a link (`application_id` of a child) or a table no record has.
    field: str | None
    enum: type[StrEnum] | None = None  # stored as the member's value
    utc: bool = False  # an aware datetime, stored as ISO 8601 text in UTC
    # Set when the row is made and never by an edit of the record (`created_on`).
    on_insert_only: bool = False


def _same(name: str, sql_type: str = TEXT, **options: Any) -> Column:
    """A column whose record field has the same name."""
    return Column(name, sql_type, name, **options)


ID = _same("id", INTEGER)
VERSION = Column("row_version", INTEGER, "version")
LINK = Column("application_id", INTEGER, None)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]  # in the order PRAGMA table_info lists them
    record: type | None = None  # the records.py dataclass one row becomes

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"{self.name} has no column {name}")

    def in_record_order(self) -> tuple[Column, ...]:
        """The columns that hold fields, in the order of the record's fields: a row read in
        this order goes into the record by position (the cheapest way, see reading.py)."""
        by_field = {column.field: column for column in self.columns if column.field}
        assert self.record is not None, f"{self.name} holds no record"
        names = [field.name for field in dataclasses.fields(self.record)]
        return tuple(by_field[name] for name in names if name in by_field)

    def edited(self) -> tuple[Column, ...]:
        """The columns an edit of the record writes: its fields but the id and the version
        (the store keeps those) and what is set only when the row is made."""
        return tuple(
            column
            for column in self.columns
            if column.field and column not in (ID, VERSION) and not column.on_insert_only
        )


APPLICATION = Table(
    "application",
    (
        ID,
        _same("company"),
        _same("role"),
        _same("job_url"),
        _same("location"),
        _same("status", enum=records.Status),
        _same("persistence", enum=records.Persistence),
        _same("expected_decision", DATE),
        _same("decision_learned_on", DATE),
        _same("snoozed_until", DATE),
        _same("key_strengths"),
        _same("notes"),
        _same("closed_on", DATE),
        _same("closed_reason"),
        _same("feedback"),
        _same("lessons"),
        _same("created_on", DATE, on_insert_only=True),
        VERSION,
    ),
    records.Application,
)
CONTACT = Table(
    "contact",
    (
        ID,
        LINK,
        _same("full_name"),
        _same("title"),
        _same("email"),
        _same("phone"),
        _same("postal_address"),
        _same("decision_maker", BOOLEAN),
        _same("rapport", BOOLEAN),
        _same("notes"),
        VERSION,
    ),
    records.Contact,
)
INTERVIEW = Table(
    "interview",
    (
        ID,
        LINK,
        _same("held_on", DATE),
        _same("at_time", TIME),
        _same("stage"),
        _same("topics"),
        _same("concerns"),
        _same("notes"),
        VERSION,
        # The calendar invitation it came from: the store alone reads it (by UID), no record.
        Column("invite_uid", TEXT, None),
    ),
    records.Interview,
)
# Who sat in on an interview: `records.Interview.interviewer_ids`, in `position` order.
INTERVIEWER = Table(
    "interview_interviewer",
    (
        Column("interview_id", INTEGER, None),
        Column("contact_id", INTEGER, None),
        Column("position", INTEGER, None),
    ),
)
TOUCH = Table(
    "touch",
    (
        ID,
        LINK,
        _same("contact_id", INTEGER),
        Column("happened_on", DATE, "on"),
        _same("channel", enum=records.Channel),
        _same("direction", enum=records.Direction),
        _same("kind", enum=records.TouchKind),
        _same("outcome", enum=records.Outcome),
        _same("notes"),
        _same("duration_seconds", INTEGER),
    ),
    records.Touch,
)
# The user's own script bullets: `Application.call_script` and `.voicemail_script`.
SCRIPT_LINE = Table(
    "script_line",
    (
        Column("id", INTEGER, None),
        LINK,
        Column("variant", TEXT, None),
        Column("position", INTEGER, None),
        Column("text", TEXT, None),
    ),
)
CALL_DRAFT = Table(
    "call_draft",
    (
        ID,
        _same("application_id", INTEGER),
        _same("contact_id", INTEGER),
        _same("started_at", TEXT, utc=True),
        _same("notes"),
    ),
    records.CallDraft,
)
# One row a `Profile` field: key is the field's name.
PROFILE = Table("profile", (Column("key", TEXT, None), Column("value", TEXT, None)))

TABLES = (APPLICATION, CONTACT, INTERVIEW, INTERVIEWER, TOUCH, SCRIPT_LINE, CALL_DRAFT, PROFILE)


def stored(column: Column, value: Any) -> Any:
    """A field's value as the column holds it (dates, times and booleans as they are: both
    SQLAlchemy and sqlite3 take them)."""
    if value is None:
        return None
    if column.enum is not None:
        return column.enum(value).value
    if column.utc:
        assert isinstance(value, datetime)
        return value.astimezone(UTC).isoformat()
    return value


def values(columns: tuple[Column, ...], record: object) -> dict[str, Any]:
    """Column name -> stored value of `record`'s fields, for the given columns."""
    return {
        column.name: stored(column, getattr(record, column.field))
        for column in columns
        if column.field is not None
    }


def row_values(table: Table, record: object) -> dict[str, Any]:
    """Everything a new row takes from the record: every field but the id and the version."""
    inserted = _INSERTED.get(table.name)
    if inserted is None:  # worked out once: the generator makes millions of rows
        inserted = _INSERTED[table.name] = tuple(
            column for column in table.columns if column not in (ID, VERSION)
        )
    return values(inserted, record)


_INSERTED: dict[str, tuple[Column, ...]] = {}


def names(columns: tuple[Column, ...]) -> Iterator[str]:
    return (column.name for column in columns)
