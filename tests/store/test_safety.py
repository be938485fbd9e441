"""Nothing lost: backups, restores, and every damaged or awkward file gives one clear message
and is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from followup_tui.cli import main
from followup_tui.demo import demo_applications
from followup_tui.domain.records import Application
from followup_tui.store import Store, StoreError
from followup_tui.store.backups import KEEP, daily_backup, list_backups, make_backup, prune

TODAY = date(2026, 3, 10)
NOW = datetime(2026, 3, 10, 9, 0)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled(path: Path) -> Path:
    with Store(path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
    return path


def test_daily_backup_once_a_day_and_only_with_data(db_path):
    Store(db_path).close()  # empty: nothing to back up
    assert list_backups(db_path) == []
    filled(db_path)
    first = daily_backup(db_path, NOW)
    assert first is not None and first.name.endswith("-daily.sqlite")
    assert daily_backup(db_path, NOW.replace(hour=18)) is None  # same day
    assert daily_backup(db_path, datetime(2026, 3, 11, 8, 0)) is not None
    assert oct(first.stat().st_mode & 0o777) == "0o600"
    assert oct(first.parent.stat().st_mode & 0o777) == "0o700"
    copy = sqlite3.connect(first)
    assert copy.execute("SELECT count(*) FROM application").fetchone()[0] == 17
    copy.close()


def test_the_newest_backups_are_kept(db_path):
    filled(db_path)
    for day in range(1, KEEP + 5):
        make_backup(db_path, datetime(2026, 2, day, 9, 0), "daily")
    kept = list_backups(db_path)
    assert len(kept) == KEEP
    assert kept[0].name == "followup-20260218-090000-daily.sqlite"
    assert prune(db_path) == []


def test_backup_and_restore_commands_round_trip(db_path, tmp_path, capsys):
    filled(db_path)
    assert main(["backup", str(tmp_path / "copy.sqlite")]) == 0
    with Store(db_path) as store:  # a change after the backup
        store.add_application(Application(0, "Later", "Role"))
    assert main(["restore", str(tmp_path / "copy.sqlite"), "--yes"]) == 0
    with Store(db_path) as store:
        assert store.count_applications() == 17
    replaced = [b for b in list_backups(db_path) if "before-restore" in b.name]
    assert len(replaced) == 1
    copy = sqlite3.connect(replaced[0])
    assert copy.execute("SELECT count(*) FROM application").fetchone()[0] == 18
    copy.close()


def test_restore_refuses_a_bad_file_and_changes_nothing(db_path, tmp_path, capsys):
    filled(db_path)
    before = digest(db_path)
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    assert main(["restore", str(junk), "--yes"]) == 2
    assert "is not a followup database" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "missing.sqlite"), "--yes"]) == 2
    assert digest(db_path) == before
    assert not any("before-restore" in backup.name for backup in list_backups(db_path))


def test_restore_without_a_terminal_needs_yes(db_path, tmp_path, capsys, monkeypatch):
    filled(db_path)
    assert main(["backup", str(tmp_path / "copy.sqlite")]) == 0
    before = digest(db_path)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["restore", str(tmp_path / "copy.sqlite")]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert digest(db_path) == before


def test_a_damaged_database_names_the_backup_to_restore(db_path, capsys):
    filled(db_path)
    newest = make_backup(db_path, NOW, "daily")
    data = db_path.read_bytes()
    db_path.write_bytes(data[:4096] + b"\x00" * 4096 + data[8192:])  # a zeroed page
    Path(f"{db_path}-wal").unlink(missing_ok=True)
    before = digest(db_path)
    assert main(["due"]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and f"followup restore {newest}" in err
    assert len(err.strip().splitlines()) == 1
    assert digest(db_path) == before


def test_a_read_only_database_is_a_clear_message(db_path, monkeypatch, capsys):
    filled(db_path)
    before = digest(db_path)
    # Tests may run as root, whom permissions do not stop: ask the check the question instead.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == db_path else real_access(p, mode)
    )
    assert main(["due"]) == 2
    assert "is read-only" in capsys.readouterr().err
    assert digest(db_path) == before


def test_a_full_disk_saves_nothing_and_says_so(db_path):
    filled(db_path)
    with Store(db_path) as store:
        counts = store.count_applications()
        store._engine.dispose()

        @event.listens_for(store._engine, "connect")
        def _tiny(dbapi_connection, _record):  # the database cannot grow: SQLITE_FULL
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        big = Application(0, "Huge", "Role", notes="x" * 500_000)
        with pytest.raises(StoreError, match=r"disk holding .* is full"):
            store.add_application(big)
        assert store.count_applications() == counts
