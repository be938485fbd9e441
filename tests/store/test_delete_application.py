"""Deleting an application (issue 14 item 6): one transaction takes every row that belongs to
it, and undoing it puts every one of them back exactly as it was, ids included, in one
transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followup_tui.demo import demo_applications
from followup_tui.store import StaleEdit, Store, StoreError

TODAY = date(2026, 3, 10)
INITECH = 3  # two contacts, two interviews, three touches in the demo


def every_row(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, as SQLite holds it."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2').fetchall()
            for table in tables
        }
    finally:
        connection.close()


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
        # Every kind of row an application can have: edited script bullets, an open call.
        store.save_script(INITECH, "call", ["Who I am", "Still keen", "Any news?"])
        store.save_script(INITECH, "voicemail", ["Name and number"])
        store.start_call(INITECH, 4, datetime(2026, 3, 10, 9, 30, tzinfo=UTC))
        yield store


def test_delete_takes_every_row_of_the_application_and_no_other(store, db_path):
    before = every_row(db_path)
    initech = store.load_application(INITECH)

    deleted = store.delete_application(INITECH, version=initech.version)

    assert store.load_application(INITECH) is None
    assert (deleted.count("contact"), deleted.count("interview"), deleted.count("touch")) == (
        2,
        2,
        3,
    )
    assert (deleted.count("script_line"), deleted.count("call_draft")) == (4, 1)
    after = every_row(db_path)
    for table, rows in before.items():
        assert len(after[table]) == len(rows) - deleted.count(table), table
    others = [a for a in store.load_applications() if a.id != INITECH]
    assert len(others) == 16 and all(a.id != INITECH for a in others)


def test_undo_puts_every_row_back_exactly_ids_and_versions_included(store, db_path):
    initech = store.load_application(INITECH)
    # A version above 1, so it is seen kept rather than made again.
    store.snooze(INITECH, date(2026, 3, 20))
    before = every_row(db_path)
    initech = store.load_application(INITECH)

    deleted = store.delete_application(INITECH, version=initech.version)
    store.undelete_application(deleted)

    assert every_row(db_path) == before
    restored = store.load_application(INITECH)
    assert restored == initech and restored.version == initech.version == 2
    assert [c.id for c in restored.contacts] == [4, 5]


def test_delete_refuses_an_application_changed_elsewhere_and_deletes_nothing(store, db_path):
    initech = store.load_application(INITECH)
    store.snooze(INITECH, date(2026, 3, 20))  # another copy, meanwhile
    before = every_row(db_path)

    with pytest.raises(StaleEdit, match="changed elsewhere"):
        store.delete_application(INITECH, version=initech.version)

    assert every_row(db_path) == before


def test_delete_of_an_application_gone_already_is_a_store_error(store):
    with pytest.raises(StoreError, match="no application #99"):
        store.delete_application(99)


def test_undo_is_all_or_nothing_when_an_id_was_taken_meanwhile(store, db_path):
    deleted = store.delete_application(INITECH)
    after_delete = every_row(db_path)
    # Another copy adds a contact that takes one of the deleted contacts' ids.
    connection = sqlite3.connect(db_path)
    connection.execute("INSERT INTO contact (id, application_id, full_name) VALUES (5, 1, 'X')")
    connection.commit()
    connection.close()
    taken = every_row(db_path)
    assert taken != after_delete

    with pytest.raises(StoreError, match="Initech"):
        store.undelete_application(deleted)

    assert every_row(db_path) == taken  # not one row of it came back
    assert store.load_application(INITECH) is None


def test_the_snapshot_covers_every_table_that_points_at_an_application(store, db_path):
    """A table added later with a foreign key to application, contact or interview must be
    in what delete_application takes and gives back."""
    deleted = store.delete_application(INITECH)
    connection = sqlite3.connect(db_path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        pointing = {
            table
            for table in tables
            for row in connection.execute(f"PRAGMA foreign_key_list('{table}')")
            if row[2] in ("application", "contact", "interview")
        }
    finally:
        connection.close()
    assert pointing <= set(deleted.table_names())
