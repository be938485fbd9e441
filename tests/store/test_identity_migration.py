"""Every application, contact, interview and touch has a stable identity, a UUID: the migration
gives each existing row one and keeps every row, and every new row gets one (issue 16 item 2)."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Touch,
    TouchKind,
)
from followup_tui.store import Store, StoreError
from followup_tui.store.migrations import LATEST

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
IDENTIFIED = ("application", "contact", "interview", "touch")


def rows(path: Path, table: str) -> list[dict]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(f"SELECT * FROM {table} ORDER BY id")]
    finally:
        connection.close()


def is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def test_migrating_v6_gives_every_row_its_own_uuid_and_keeps_every_row(tmp_path):
    path = tmp_path / "followup.sqlite"
    shutil.copy(FIXTURES / "schema_v6.sqlite", path)
    before = {table: rows(path, table) for table in IDENTIFIED}
    assert all(before.values())

    with Store(path) as store:
        assert store.migrated == list(range(7, LATEST + 1))
        loaded = store.load_applications()

    uids = []
    for table in IDENTIFIED:
        after = rows(path, table)
        assert [{k: row[k] for k in before[table][0]} for row in after] == before[table], table
        assert all(is_uuid(row["uid"]) for row in after), table
        uids += [row["uid"] for row in after]
    assert len(set(uids)) == len(uids)
    # The records carry them.
    assert {a.uid for a in loaded} == {row["uid"] for row in rows(path, "application")}
    assert all(is_uuid(c.uid) for a in loaded for c in a.contacts)
    assert all(is_uuid(t.uid) for a in loaded for t in a.touches)


def test_every_new_row_gets_a_uuid_and_keeps_one_it_is_given(db_path):
    given = str(uuid.uuid4())
    with Store(db_path) as store:
        [first, second] = store.insert_applications(
            [
                Application(0, "Alder", "Engineer", uid=given),
                Application(0, "Birch", "Engineer", contacts=(Contact(1, "Ana"),)),
            ],
            keep_ids=False,
        )
        contact_id = store.save_contact(second, Contact(0, "Ben"))
        store.save_interview(second, Interview(0, date(2026, 3, 2)), ["Cal"])
        store.log_touches(
            second, [Touch(0, date(2026, 3, 3), Channel.EMAIL, Direction.OUT, TouchKind.OTHER)]
        )
        alder, birch = store.load_application(first), store.load_application(second)
    assert alder.uid == given
    records = [birch, *birch.contacts, *birch.interviews, *birch.touches]
    assert len(records) == 1 + 3 + 1 + 1 and contact_id in {c.id for c in birch.contacts}
    assert all(is_uuid(record.uid) for record in records)
    assert len({record.uid for record in records}) == len(records)


def test_an_edit_keeps_the_uid(db_path):
    with Store(db_path) as store:
        [application_id] = store.insert_applications(
            [Application(0, "Alder", "Engineer", contacts=(Contact(1, "Ana"),))], keep_ids=False
        )
        before = store.load_application(application_id)
        store.save_application(replace(before, role="Staff Engineer", uid=""))
        store.save_contact(application_id, replace(before.contacts[0], title="EM", uid=""))
        after = store.load_application(application_id)
    assert (after.role, after.uid) == ("Staff Engineer", before.uid)
    assert after.contacts[0].uid == before.contacts[0].uid


def test_a_uid_names_one_row(db_path):
    with Store(db_path) as store:
        [first] = store.insert_applications([Application(0, "Alder", "Engineer")], keep_ids=False)
        uid = store.load_application(first).uid
        with pytest.raises(StoreError):
            store.insert_applications([Application(0, "Birch", "X", uid=uid)], keep_ids=False)
        assert [a.company for a in store.load_applications()] == ["Alder"]
