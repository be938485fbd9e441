"""SQLModel tables, for the write store (`repository.py`).

A record's table is made from its description in `columns.py`: one field a column, typed and
defaulted as the record's field is, in the form the column holds it (a StrEnum as its value's
text, an aware datetime as UTC text), NULL allowed where the field may be None. No record field
is named here: the store changes a row through its record. Written out are what every row of a
kind has (its id, its link to its application, its version), the links to a contact, and the
three tables no record has.

The schema itself is created by `migrations.py`, never by `create_all`;
`tests/store/test_migrations.py` checks that the two agree column by column.
"""

from __future__ import annotations

import dataclasses
from datetime import date, time
from typing import Any, TypeVar, get_args, get_type_hints

from pydantic import create_model
from sqlmodel import Field, SQLModel

from followup_tui.store import columns


class Row(SQLModel):
    """A row with an id of its own."""

    id: int | None = Field(default=None, primary_key=True)


class Versioned(Row):
    """A row that keeps a version: every change bumps it, and an edit made on an older version
    is refused (`StaleEdit`, two copies open at once)."""

    row_version: int = 1


class OfApplication(Row):
    """A row of one application's history, deleted with it."""

    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE")


class VersionedOfApplication(OfApplication, Versioned):
    """A contact or an interview: one application's, and versioned."""


_PYTHON = {
    columns.TEXT: str,
    columns.INTEGER: int,
    columns.DATE: date,
    columns.TIME: time,
    columns.BOOLEAN: bool,
}
# The contact a touch or a call was with: when the contact goes, the touch stays, with no one.
_LINKS = {"contact_id": ("contact.id", "SET NULL")}

_Base = TypeVar("_Base", bound=Row)


def _row_class(table: columns.Table, base: type[_Base]) -> type[_Base]:
    """The SQLModel class of a record's table: `base`'s columns, then one field for each other
    column of the description. A row made without a uid is given a new one."""
    record = table.record
    assert record is not None, f"{table.name} holds no record"
    assert set(base.model_fields) <= set(columns.names(table.columns)), f"{base} on {table.name}"
    hints = get_type_hints(record)
    fields = {field.name: field for field in dataclasses.fields(record)}
    definitions: dict[str, Any] = {}
    for column in table.columns:
        if column.name in base.model_fields:
            continue
        assert column.field is not None, f"{table.name}.{column.name} holds no field"
        nullable = type(None) in get_args(hints[column.field])
        python: Any = _PYTHON[column.sql_type]
        options: dict[str, Any] = {}
        default = fields[column.field].default
        if column.field == "uid":
            options["default_factory"] = columns.new_uid
        elif default is not dataclasses.MISSING:
            options["default"] = columns.stored(column, default)
        elif nullable:
            options["default"] = None
        if column.name in _LINKS:
            options["foreign_key"], options["ondelete"] = _LINKS[column.name]
        definitions[column.name] = (python | None if nullable else python, Field(**options))
    return create_model(
        f"{record.__name__}Row",
        __base__=base,
        __module__=__name__,
        __cls_kwargs__={"table": True},
        __namespace__={"__tablename__": table.name},
        **definitions,
    )


ApplicationRow = _row_class(columns.APPLICATION, Versioned)
ContactRow = _row_class(columns.CONTACT, VersionedOfApplication)
InterviewRow = _row_class(columns.INTERVIEW, VersionedOfApplication)
TouchRow = _row_class(columns.TOUCH, OfApplication)
CallDraftRow = _row_class(columns.CALL_DRAFT, OfApplication)


class InterviewerRow(SQLModel, table=True):
    """Who sat in on an interview: a link between an interview and a contact."""

    __tablename__ = "interview_interviewer"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    contact_id: int = Field(foreign_key="contact.id", primary_key=True, ondelete="CASCADE")
    position: int = 0


class ScriptLineRow(OfApplication, table=True):
    """One call-script bullet the user edited (R6): variant 'call' or 'voicemail'."""

    __tablename__ = "script_line"

    variant: str
    position: int
    text: str


class ProfileRow(SQLModel, table=True):
    """About the user: name, phone, email (for scripts and drafts)."""

    __tablename__ = "profile"

    key: str = Field(primary_key=True)
    value: str
