"""Opening files: pragmas, and every refusal leaves the file exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from followup_tui.demo import demo_applications
from followup_tui.domain.records import Application
from followup_tui.store import Store, StoreError
from followup_tui.store.migrations import LATEST

TODAY = date(2026, 3, 10)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_connections_have_wal_foreign_keys_busy_timeout_and_full_sync(db_path):
    with Store(db_path) as store, store._engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_new_database_is_at_the_latest_schema_and_private(db_path):
    Store(db_path).close()
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
    connection.close()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_round_trip_of_every_field(db_path):
    applications = demo_applications(TODAY)
    with Store(db_path) as store:
        store.insert_applications(applications, keep_ids=True)
        assert store.load_applications() == applications


def test_new_ids_keep_references_inside_the_application(db_path):
    original = demo_applications(TODAY)[0]
    with Store(db_path) as store:
        store.insert_applications([original], keep_ids=True)
        copy_id = store.add_application(original)
        copy = store.load_application(copy_id)
    assert copy_id != original.id
    names = {c.id: c.full_name for c in copy.contacts}
    assert [names[i] for i in copy.interviews[0].interviewer_ids] == ["Dana Reyes", "Lee Park"]
    assert names[copy.touches[0].contact_id] == "Dana Reyes"


def test_a_failed_insert_writes_nothing(db_path):
    good = demo_applications(TODAY)[0]
    clash = Application(id=good.id, company="Same id", role="x")
    with Store(db_path) as store:
        with pytest.raises(StoreError):
            store.insert_applications([good, clash], keep_ids=True)
        assert store.count_applications() == 0


def test_deleting_an_application_cascades(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY)[:1], keep_ids=True)
        with store._engine.begin() as connection:
            connection.execute(text("DELETE FROM application WHERE id = 1"))
            left = connection.execute(text("SELECT count(*) FROM touch")).scalar()
    assert left == 0


def test_refuses_a_file_that_is_not_sqlite_untouched(db_path):
    db_path.write_text("my shopping list\n")
    before = digest(db_path)
    with pytest.raises(StoreError, match="not a followup database"):
        Store(db_path)
    assert digest(db_path) == before


def test_refuses_another_programs_sqlite_database_untouched(db_path):
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    before = digest(db_path)
    with pytest.raises(StoreError, match="another program"):
        Store(db_path)
    assert digest(db_path) == before


def test_refuses_a_newer_schema_untouched(db_path):
    Store(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    connection.commit()
    connection.close()
    before = digest(db_path)
    with pytest.raises(StoreError, match="newer followup"):
        Store(db_path)
    assert digest(db_path) == before


def test_refuses_a_truncated_database_untouched(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    Path(f"{db_path}-wal").unlink(missing_ok=True)
    before = digest(db_path)
    with pytest.raises(StoreError, match="damaged"):
        Store(db_path)
    assert digest(db_path) == before


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nowhere" / "followup.sqlite")


def test_a_file_in_place_of_the_folder_is_a_clear_error(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StoreError, match="is not a folder"):
        Store(tmp_path / "afile" / "followup.sqlite")


def test_empty_file_becomes_a_database(db_path):
    db_path.touch()
    with Store(db_path) as store:
        assert store.count_applications() == 0
