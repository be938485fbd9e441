"""Migrations never lose a row, back up first, and end at the schema the tables describe."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest
from sqlalchemy import ColumnDefault, Date, Integer, MetaData, Table
from sqlalchemy.dialects import sqlite
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


# SQLModel declares text as VARCHAR, the DDL as TEXT: the same to SQLite.
_TEXT = {"VARCHAR": "TEXT"}


def _literal(default: ColumnDefault | None) -> str | None:
    """A SQLModel column's default as the DDL writes it: 'active', 0, 1, ''."""
    if default is None:
        return None
    value = default.arg
    if isinstance(value, bool):
        return str(int(value))
    return f"'{value}'" if isinstance(value, str) else str(value)


def orm_mismatches(path: Path, tables: Iterable[Table]) -> list[str]:
    """Every difference between the SQLModel tables and the file's schema, column by column:
    name, declared type, NOT NULL, primary key, default, and the links (where each points, what
    deleting that row does)."""
    connection = sqlite3.connect(path)
    try:
        problems = []
        for table in tables:
            info = connection.execute(f"PRAGMA table_info({table.name})").fetchall()
            in_ddl = {
                name: (kind, not_null, default, pk) for _, name, kind, not_null, default, pk in info
            }
            if set(in_ddl) != set(table.columns.keys()):
                problems.append(
                    f"{table.name}: DDL {sorted(in_ddl)}, SQLModel {table.columns.keys()}"
                )
                continue
            for column in table.columns:
                kind, not_null, default, pk = in_ddl[column.name]
                where = f"{table.name}.{column.name}"
                declared = column.type.compile(dialect=sqlite.dialect())
                if kind != _TEXT.get(declared, declared):
                    problems.append(f"{where}: DDL {kind}, SQLModel {declared}")
                if bool(pk) != column.primary_key:
                    problems.append(f"{where}: primary key in one only")
                if not column.primary_key and bool(not_null) == column.nullable:
                    problems.append(f"{where}: NOT NULL in one only")
                if column.default is not None and callable(column.default.arg):
                    continue  # made for each row: a new uid (the DDL's '' is for rows before v7)
                if default != _literal(column.default):
                    problems.append(
                        f"{where}: DDL default {default}, SQLModel {_literal(column.default)}"
                    )
            links = {
                (link[3], link[2], link[4], link[6])
                for link in connection.execute(f"PRAGMA foreign_key_list({table.name})")
            }
            linked = {
                (
                    link.parent.name,
                    link.column.table.name,
                    link.column.name,
                    link.ondelete or "NO ACTION",
                )
                for link in table.foreign_keys
            }
            if links != linked:
                problems.append(f"{table.name}: links in the DDL {links}, in SQLModel {linked}")
        return problems
    finally:
        connection.close()


def test_migrated_schema_matches_the_sqlmodel_tables(tmp_path):
    path = tmp_path / "followup.sqlite"
    Store(path).close()
    assert orm_mismatches(path, SQLModel.metadata.sorted_tables) == []


def _drift(table: Table, change: str) -> None:
    column = table.c.closed_on if table.name == "application" else table.c.contact_id
    if change == "NULL":
        column.nullable = not column.nullable
    elif change == "type":
        column.type = Integer() if table.name == "application" else Date()
    elif change == "default":
        column.default = ColumnDefault("2026-01-01")
    elif change == "link":
        next(iter(column.foreign_keys)).ondelete = "CASCADE"


@pytest.mark.parametrize(
    ("table_name", "change"),
    [
        ("application", "NULL"),
        ("application", "type"),
        ("application", "default"),
        ("touch", "NULL"),
        ("touch", "link"),
        ("call_draft", "type"),
    ],
)
def test_a_sqlmodel_table_unlike_the_ddl_is_caught(tmp_path, table_name, change):
    path = tmp_path / "followup.sqlite"
    Store(path).close()
    copies = MetaData()
    tables = [table.to_metadata(copies) for table in SQLModel.metadata.sorted_tables]
    _drift(copies.tables[table_name], change)
    problems = orm_mismatches(path, tables)
    assert problems and {re.split("[.:]", problem)[0] for problem in problems} == {table_name}


def test_a_column_only_the_ddl_has_is_caught(tmp_path):
    path = tmp_path / "followup.sqlite"
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE interview ADD COLUMN mood TEXT")
    connection.close()
    problems = orm_mismatches(path, SQLModel.metadata.sorted_tables)
    assert [problem.split(":")[0] for problem in problems] == ["interview"]


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
