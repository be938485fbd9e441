"""One description of the stored data: every table's columns, and the record field each holds.

A record's own table holds its fields (`domain/records.py`), one column each, under the field's
name and with a type that follows from the field's (text, integer, date, time, boolean; a
StrEnum as its value's text, an aware datetime as UTC text). Only what differs is written here:
a column named otherwise (`happened_on`, `row_version`), the links, a field set only when the
row is made (`created_on`; every record's `uid`, its identity, which a new row is given when the
record has none). A tuple field (a record's history, its interviewers) is held in a table of its
own.

The read path (`reading.py`) builds its SELECTs and its row-to-record conversion from it,
`tables.py` makes the write path's SQLModel tables from it, the write path (`repository.py`) and
the generator (`generate.py`) fill rows from it, and `tests/store/test_columns.py` checks it,
column by column, against the schema `migrations.py` makes. A new stored field is named in
`domain/records.py` and in the DDL (a migration step); the tables, readers and writers follow.

Plain Python on purpose: the fast read path imports it and must not import SQLAlchemy.
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum

from followup_tui.domain import TYPE_CHECKING, records
from followup_tui.domain.shared_methods import shared_repr_and_hash

if TYPE_CHECKING:
    from typing import Any

# The declared types used in migrations.py; how each reads back is said in reading.py.
TEXT, INTEGER, DATE, TIME, BOOLEAN = "TEXT", "INTEGER", "DATE", "TIME", "BOOLEAN"


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Column:
    """One column: its name and declared type in the DDL, and the record field it holds."""

    name: str
    sql_type: str
    # The record's field; None for a link (`application_id` of a child) or a table no record has.
    field: str | None
    enum: type[StrEnum] | None = None  # stored as the member's value
    utc: bool = False  # an aware datetime, stored as ISO 8601 text in UTC
    # Set when the row is made and never by an edit of the record (`created_on`, `uid`).
    on_insert_only: bool = False


ID = Column("id", INTEGER, "id")
VERSION = Column("row_version", INTEGER, "version")
LINK = Column("application_id", INTEGER, None)


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Table:
    """One table: its name, its columns, and the record one of its rows becomes."""

    name: str
    columns: tuple[Column, ...]
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


_SQL_TYPES = {str: TEXT, int: INTEGER, bool: BOOLEAN, date: DATE, time: TIME, datetime: TEXT}


def _held_type(record: type, field: dataclasses.Field) -> type | None:
    """The type a field's column holds, from its annotation as records.py writes it (text:
    `from __future__ import annotations`): `date | None` is a date that may be NULL, a name is
    looked up in records.py, then among the builtins. None for a tuple, kept in a table of its
    own. Looked up, not evaluated: `get_type_hints` compiled every annotation, 3.5 ms of every
    start of the shell agenda (issue 17)."""
    annotation = field.type
    assert isinstance(annotation, str), f"{record.__name__}.{field.name}: not text"
    [name] = [part.strip() for part in annotation.split("|") if part.strip() != "None"]
    if name.startswith("tuple["):
        return None
    module = vars(sys.modules[record.__module__])
    found = module[name] if name in module else getattr(builtins, name)
    assert isinstance(found, type), f"{record.__name__}.{field.name}: {annotation}"
    return found


def _held(
    record: type,
    *,
    links: tuple[Column, ...] = (),
    named: Mapping[str, str] | None = None,
    on_insert_only: tuple[str, ...] = ("uid",),
) -> tuple[Column, ...]:
    """The columns of a record's own table: its id, its links, then one column a field (named
    as the field but for those in `named`). A record's identity (`uid`) is set when its row is
    made, never by an edit."""
    held = [ID, *links]
    for field in dataclasses.fields(record):
        kind = _held_type(record, field)
        if field.name == "id" or kind is None:
            continue  # a tuple is kept in a table of its own
        if field.name == "version":
            held.append(VERSION)
            continue
        enum = kind if issubclass(kind, StrEnum) else None
        held.append(
            Column(
                (named or {}).get(field.name, field.name),
                TEXT if enum else _SQL_TYPES[kind],
                field.name,
                enum=enum,
                utc=kind is datetime,
                on_insert_only=field.name in on_insert_only,
            )
        )
    return tuple(held)


APPLICATION = Table(
    "application",
    _held(records.Application, on_insert_only=("created_on", "uid")),
    records.Application,
)
CONTACT = Table("contact", _held(records.Contact, links=(LINK,)), records.Contact)
INTERVIEW = Table(
    "interview",
    # The invitation it came from is the invitation's to change (`upsert_interview_by_uid`).
    _held(records.Interview, links=(LINK,), on_insert_only=("uid", "invite_uid")),
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
    "touch", _held(records.Touch, links=(LINK,), named={"on": "happened_on"}), records.Touch
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
    # A call is on one application and began when it began: saving its notes rewrites neither.
    _held(records.CallDraft, on_insert_only=("application_id", "started_at")),
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
    """Everything a new row takes from the record: every field but the id and the version, and
    a new uid where the record has none yet."""
    inserted = _INSERTED.get(table.name)
    if inserted is None:  # worked out once: the generator makes millions of rows
        inserted = _INSERTED[table.name] = tuple(
            column for column in table.columns if column not in (ID, VERSION)
        )
    row = values(inserted, record)
    if row.get("uid") == "":
        row["uid"] = new_uid()
    return row


def new_uid() -> str:
    """A new record's identity: a random UUID, the same in every copy and file it goes to."""
    import uuid  # here: the shell agenda reads through this module and makes no record

    return str(uuid.uuid4())


_INSERTED: dict[str, tuple[Column, ...]] = {}


def names(columns: tuple[Column, ...]) -> Iterator[str]:
    return (column.name for column in columns)
