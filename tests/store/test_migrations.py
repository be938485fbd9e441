"""Migrations never lose a row, back up first, and end at the schema the tables describe."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

import followup_tui.store.tables  # noqa: F401  (registers the tables)
from followup_tui.store import Store
from followup_tui.store.backups import backups_dir
from followup_tui.store.migrations import LATEST, STEPS, migrate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASED = sorted(int(p.stem.removeprefix("schema_v")) for p in FIXTURES.glob("schema_v*.sqlite"))
TABLES = ["application", "contact", "interview", "interview_interviewer", "touch", "script_line"]


def every_row(path: Path) -> dict[str, list[dict]]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return {
            table: [dict(row) for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in TABLES
        }
    finally:
        connection.close()


def test_every_released_schema_has_a_fixture():
    assert list(range(1, LATEST)) == RELEASED, "add tests/fixtures/schema_vN.sqlite for each step"


@pytest.mark.parametrize("version", RELEASED)
def test_upgrade_from_each_released_schema_keeps_every_row(version, tmp_path):
    path = tmp_path / "followup.sqlite"
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite", path)
    before = every_row(path)
    assert sum(len(rows) for rows in before.values()) > 10

    with Store(path) as store:
        assert store.migrated == list(range(version + 1, LATEST + 1))
        loaded = store.load_applications()
    after = every_row(path)
    for table, rows in before.items():
        kept = [{key: row[key] for key in rows[0]} for row in after[table]]
        assert kept == rows, f"rows changed in {table}"
    assert {a.company for a in loaded} == {"ACME [/]", "Globex", "שלום Ltd"}

    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()

    backups = list(backups_dir(path).glob(f"*before-v{LATEST}.sqlite"))
    assert len(backups) == 1
    assert every_row(backups[0]) == before  # the backup is the file as it was


def test_a_failing_step_leaves_the_file_at_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "followup.sqlite"
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, target=1)
    broken = [*STEPS[:1], [*STEPS[1], "CREATE TABLE broken (oops"]]
    monkeypatch.setattr("followup_tui.store.migrations.STEPS", broken)
    with pytest.raises(sqlite3.OperationalError):
        migrate(connection)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    indexes = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"
    )
    assert indexes.fetchall() == []  # step 2's earlier statements were rolled back too
    connection.close()


def test_migrated_schema_matches_the_sqlmodel_tables(tmp_path):
    path = tmp_path / "followup.sqlite"
    Store(path).close()
    connection = sqlite3.connect(path)
    for table in SQLModel.metadata.sorted_tables:
        columns = {row[1]: row for row in connection.execute(f"PRAGMA table_info({table.name})")}
        assert set(columns) == {column.name for column in table.columns}, table.name
        for column in table.columns:
            not_null = bool(columns[column.name][3])
            if not column.primary_key:
                assert not_null == (not column.nullable), f"{table.name}.{column.name}"
    connection.close()


def test_v6_old_applications_read_as_applied_on_no_known_day_and_nothing_to_withdraw(tmp_path):
    path = tmp_path / "followup.sqlite"
    shutil.copy(FIXTURES / "schema_v5.sqlite", path)
    with Store(path) as store:
        loaded = store.load_applications()
    for application in loaded:
        assert application.applied_on is None and application.source == ""
        assert application.withdraw_suggested_on is None
        assert application.withdraw_answer == ""
    connection = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError):  # only '', 'keep' or 'withdraw'
        connection.execute("UPDATE application SET withdraw_answer = 'maybe'")
    connection.close()
