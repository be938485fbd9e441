"""columns.py is the one description of the stored data: it must match the schema the
migrations make, name every record field, and carry every field through a write and a read."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from followup_tui.domain.records import (
    Application,
    CallDraft,
    Contact,
    Interview,
    Touch,
)
from followup_tui.store import Store, columns
from followup_tui.store.columns import Table
from followup_tui.store.reading import Reader

# Record fields no column of the record's own table holds, and where they are kept instead.
HELD_ELSEWHERE = {
    Application: {
        "contacts",  # contact
        "interviews",  # interview
        "touches",  # touch
        "call_script",  # script_line, variant 'call'
        "voicemail_script",  # script_line, variant 'voicemail'
        "call_drafts",  # call_draft
    },
    Interview: {"interviewer_ids"},  # interview_interviewer
}


def schema_mismatches(path: Path, tables: tuple[Table, ...] = columns.TABLES) -> list[str]:
    """Every difference between the description and the file's schema, column by column."""
    connection = sqlite3.connect(path)
    try:
        stored = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        problems = []
        described = {table.name: table for table in tables}
        if sorted(described) != stored:
            problems.append(f"tables: described {sorted(described)}, stored {stored}")
        for name in stored:
            table = described.get(name)
            info = connection.execute(f"PRAGMA table_info({name})").fetchall()
            # By name: the description lists a record's columns in the order of its fields.
            in_ddl = sorted((row[1], row[2]) for row in info)
            in_description = sorted((c.name, c.sql_type) for c in table.columns) if table else []
            if in_ddl != in_description:
                problems.append(f"{name}: DDL {in_ddl} != description {in_description}")
        return problems
    finally:
        connection.close()


def new_database(tmp_path: Path) -> Path:
    path = tmp_path / "followup.sqlite"
    Store(path, backup_daily=False).close()
    return path


def test_the_description_matches_the_schema_the_migrations_make(tmp_path):
    assert schema_mismatches(new_database(tmp_path)) == []


def test_a_column_in_the_ddl_but_not_in_the_description_is_caught(tmp_path):
    path = new_database(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE contact ADD COLUMN nickname TEXT")
    connection.close()
    assert [problem.split(":")[0] for problem in schema_mismatches(path)] == ["contact"]


def test_a_column_in_the_description_but_not_in_the_ddl_is_caught(tmp_path):
    path = new_database(tmp_path)
    touch = dataclasses.replace(
        columns.TOUCH, columns=(*columns.TOUCH.columns, columns.Column("mood", "TEXT", "mood"))
    )
    tables = tuple(touch if table is columns.TOUCH else table for table in columns.TABLES)
    assert [problem.split(":")[0] for problem in schema_mismatches(path, tables)] == ["touch"]


def test_every_record_field_has_a_column_or_a_named_home():
    for table in columns.TABLES:
        if table.record is None:
            continue
        names = {field.name for field in dataclasses.fields(table.record)}
        described = {column.field for column in table.columns if column.field}
        assert described <= names, f"{table.name} describes fields its record lacks"
        assert names - described == HELD_ELSEWHERE.get(table.record, set()), table.name


# A value of each kind unlike every default, so a field that is not carried shows.
def _unusual(column: columns.Column, record_id: int, number: int) -> Any:
    if column.enum is not None:
        return list(column.enum)[-1]
    if column.utc:
        return datetime(2026, 3, 10, 14, 30, number, tzinfo=UTC)
    if column.sql_type == columns.DATE:
        return date(2025, 1, 1) + timedelta(days=number)
    if column.sql_type == columns.TIME:
        return time(9, number)
    if column.sql_type == columns.BOOLEAN:
        return True
    if column.sql_type == columns.INTEGER:
        return 60 + number
    return f"{column.field} of #{record_id} ({number}) é ☎"


def _filled(table: Table, record_id: int, **given: Any) -> Any:
    """A record of the table with every described field set to an unusual value."""
    assert table.record is not None
    values: dict[str, Any] = {}
    for number, column in enumerate(table.in_record_order()):
        assert column.field is not None
        if column.field != "version":  # the store's, not the user's
            values[column.field] = _unusual(column, record_id, number)
    return table.record(**(values | {"id": record_id} | given))


def _every_field_set() -> Application:
    contacts = (
        _filled(columns.CONTACT, 3),
        _filled(columns.CONTACT, 4, decision_maker=False),
    )
    return _filled(
        columns.APPLICATION,
        7,
        contacts=contacts,
        interviews=(_filled(columns.INTERVIEW, 5, interviewer_ids=(4, 3)),),
        touches=(_filled(columns.TOUCH, 6, contact_id=4),),
        call_script=("Thank them", "Ask about the timeline"),
        voicemail_script=("Leave your number",),
        call_drafts=(_filled(columns.CALL_DRAFT, 8, application_id=7, contact_id=3),),
    )


def test_every_field_goes_through_the_writer_and_back_through_the_reader(db_path):
    application = _every_field_set()
    # The test's record is what it means to be: no field left at its default.
    for record in (application, application.contacts[0], application.interviews[0]):
        defaults = type(record)(id=0, **_required(type(record)))
        for field in dataclasses.fields(record):
            if field.name not in ("id", "version", "created_on"):
                assert getattr(record, field.name) != getattr(defaults, field.name), field.name
    with Store(db_path, backup_daily=False) as store:
        store.insert_applications([application], keep_ids=True)
        written = store.load_application(7)
    read = Reader(db_path).load_applications()
    assert read == [application]
    assert written == application
    assert _types(read[0]) == _types(application)  # True, not 1; an enum, not its value
    touch, draft = read[0].touches[0], read[0].call_drafts[0]
    assert isinstance(touch, Touch) and isinstance(draft, CallDraft)
    assert draft.started_at.tzinfo is not None


def _types(value: Any) -> Any:
    """The type of every value inside a record, recursively."""
    if dataclasses.is_dataclass(value):
        return {f.name: _types(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_types(item) for item in value]
    return type(value)


def _required(record: type) -> dict[str, Any]:
    """Values for the fields a record cannot be made without (but its id)."""
    return {
        Application: {"company": "x", "role": "x"},
        Contact: {"full_name": "x"},
        Interview: {"held_on": date(2000, 1, 1)},
    }[record]


def test_an_edit_writes_every_edited_field_and_keeps_the_rest(db_path):
    with Store(db_path, backup_daily=False) as store:
        [application_id] = store.insert_applications(
            [Application(0, "Old", "Old", created_on=date(2026, 1, 2))], keep_ids=False
        )
        edited = _filled(columns.APPLICATION, application_id, created_on=date(1999, 1, 1))
        store.save_application(edited)
        contact_id = store.save_contact(application_id, _filled(columns.CONTACT, 0))
        contact = _filled(columns.CONTACT, contact_id, title="Director", rapport=False)
        store.save_contact(application_id, contact)
        read = store.load_application(application_id)
    assert read is not None
    # Set when the row is made: the id, the version, and what no edit changes (created_on, uid).
    made = {c.field for c in columns.APPLICATION.columns if c.on_insert_only}
    kept = {"id", "version"} | made | HELD_ELSEWHERE[Application]
    for field in dataclasses.fields(Application):
        if field.name not in kept:
            assert getattr(read, field.name) == getattr(edited, field.name), field.name
    assert read.created_on == date(2026, 1, 2)  # set when the row was made, never by an edit
    assert read.version == 2
    assert read.contacts == (contact,)
    assert read.contacts[0].version == 2
