"""What a hostile round of testing found in the store (issue 12, items 9 and 11 to 15): a stale
edit that half-saved, backups matched by prefix, a full disk called damage, wider permissions
kept, a busy file that named nobody, and errors on two lines."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from followup_tui.cli import main
from followup_tui.demo import demo_applications
from followup_tui.domain.records import Application, Interview
from followup_tui.store import StaleEdit, Store, StoreError
from followup_tui.store import backups as backups_module
from followup_tui.store.backups import KEEP, latest_backup, list_backups, make_backup

TODAY = date(2026, 3, 10)
NOW = datetime(2026, 3, 10, 9, 0)


def filled(path: Path, copies: int = 1) -> Path:
    with Store(path, backup_daily=False) as store:
        for _ in range(copies):
            store.insert_applications(demo_applications(TODAY), keep_ids=False)
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# 9. Adding an interview with a decision date is one transaction -------------------------------


def test_an_interview_whose_decision_date_meets_a_stale_edit_is_not_saved_at_all(db_path):
    filled(db_path)
    with Store(db_path) as store:
        mine = store.load_application(1)
        theirs = store.load_application(1)
        store.save_application(replace(theirs, notes="saved by the other window"))
        with pytest.raises(StaleEdit, match="not saved"):
            store.save_interview(
                1,
                Interview(0, date(2026, 3, 9), stage="Onsite"),
                ("New Person",),
                expected_decision=date(2026, 3, 20),
                application_version=mine.version,
            )
        after = store.load_application(1)
    assert after.interviews == theirs.interviews  # "Not saved" means nothing was saved
    assert after.contacts == theirs.contacts
    assert after.expected_decision == theirs.expected_decision


def test_an_interview_and_its_decision_date_are_saved_together(db_path):
    filled(db_path)
    with Store(db_path) as store:
        current = store.load_application(1)
        new_id = store.save_interview(
            1,
            Interview(0, date(2026, 3, 9), stage="Onsite"),
            expected_decision=date(2026, 3, 20),
            application_version=current.version,
        )
        after = store.load_application(1)
    assert new_id in {interview.id for interview in after.interviews}
    assert after.expected_decision == date(2026, 3, 20)
    assert after.decision_learned_on == date(2026, 3, 9)


# 11. A busy database says who holds it and how long we waited ---------------------------------

HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


def test_a_busy_database_names_what_holds_it_and_how_long_it_waited(db_path, tmp_path):
    filled(db_path)
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    holder = subprocess.Popen(
        [sys.executable, str(script), str(db_path), "30", "followup-import-lookalike"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with Store(db_path, busy_timeout_ms=400) as store:
            started = time.monotonic()
            with pytest.raises(StoreError) as raised:
                store.snooze(1, TODAY)
            waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    message = str(raised.value)
    assert waited >= 0.4
    assert f"process {holder.pid}" in message and "followup-import-lookalike" in message
    assert "waited 0.4 s" in message and "Nothing was saved" in message
    assert "\n" not in message


# 12. A database's own backups, matched by exact name --------------------------------------------


def test_backups_of_a_database_whose_name_starts_the_same_are_not_this_ones(tmp_path, capsys):
    work = filled(tmp_path / "work.sqlite")
    old = filled(tmp_path / "work-old.sqlite")
    for day in range(1, KEEP + 2):  # work-old's backups, all newer than work's
        make_backup(old, datetime(2026, 3, day, 9, 0), "daily")
    mine = make_backup(work, datetime(2026, 2, 1, 9, 0), "manual")
    assert mine.exists()  # the rotation counts work's backups only
    assert list_backups(work) == [mine]
    assert all(backup.name.startswith("work-old-") for backup in list_backups(old))
    assert len(list_backups(old)) == KEEP
    assert latest_backup(work) == mine
    # A damaged work.sqlite is told to restore its own backup, not work-old's.
    data = work.read_bytes()
    work.write_bytes(data[:4096] + b"\x00" * 4096 + data[8192:])
    Path(f"{work}-wal").unlink(missing_ok=True)
    assert main(["--db", str(work), "due"]) == 2
    err = capsys.readouterr().err
    assert f"followup restore {mine}" in err


def test_main_backup_command_names_a_file_that_exists(tmp_path, capsys):
    work = filled(tmp_path / "work.sqlite")
    old = filled(tmp_path / "work-old.sqlite")
    for day in range(1, KEEP + 2):
        make_backup(old, datetime(2027, 1, day, 9, 0), "daily")  # newer than now
    assert main(["--db", str(work), "backup"]) == 0
    said = capsys.readouterr().out.strip().removeprefix("Backed up to ")
    assert Path(said).exists()


def test_day_of_a_similar_name_does_not_count_as_today(tmp_path):
    work = filled(tmp_path / "work.sqlite")
    old = filled(tmp_path / "work-old.sqlite")
    make_backup(old, NOW, "daily")
    assert backups_module.daily_backup(work, NOW) is not None


# 14. Files are private, whoever made them -----------------------------------------------------


@pytest.fixture
def wide_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_touched_database_and_its_wal_and_shm_become_private_on_first_write(db_path, wide_umask):
    db_path.touch(mode=0o644)
    assert mode(db_path) == 0o644
    with Store(db_path, backup_daily=False) as store:
        store.add_application(Application(0, "Acme", "Engineer"))
        for suffix in ("", "-wal", "-shm"):
            assert mode(Path(f"{db_path}{suffix}")) == 0o600, suffix


def test_an_existing_wider_database_becomes_private_on_first_write(db_path, wide_umask):
    filled(db_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.chmod(db_path, 0o644)
    with Store(db_path, backup_daily=False) as store:
        store.add_application(Application(0, "Acme", "Engineer"))
        for suffix in ("", "-wal", "-shm"):
            assert mode(Path(f"{db_path}{suffix}")) == 0o600, suffix


def test_a_backups_partial_file_is_private_from_the_start(db_path, wide_umask, monkeypatch):
    filled(db_path)
    seen: list[int] = []
    copy_pages = backups_module._copy_pages

    def watched(source: Path, destination: Path) -> None:
        copy_pages(source, destination)
        seen.append(mode(destination))  # before anything else touches it

    monkeypatch.setattr(backups_module, "_copy_pages", watched)
    made = make_backup(db_path, NOW, "manual")
    assert seen == [0o600] and mode(made) == 0o600


# 15. Every error is one line --------------------------------------------------------------------


def _zeroed(data: bytes, page: int) -> bytes:
    return data[: (page - 1) * 4096] + b"\x00" * 4096 + data[page * 4096 :]


def test_a_page_zeroed_inside_a_table_is_one_line(db_path, tmp_path, capsys):
    filled(db_path, copies=20)
    checkpoint = sqlite3.connect(db_path)
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = checkpoint.execute("PRAGMA page_count").fetchone()[0]
    checkpoint.close()
    Path(f"{db_path}-wal").unlink(missing_ok=True)
    Path(f"{db_path}-shm").unlink(missing_ok=True)
    data = db_path.read_bytes()
    # The first page whose zeroing SQLite's own check reports on several lines and every
    # command below meets (a page of a table they read, not of an index they do not).
    scratch = tmp_path / "scratch.sqlite"
    commands = (["due"], ["show", "1"], ["backup"])
    for page in range(pages // 2, pages):
        scratch.write_bytes(_zeroed(data, page))
        check = sqlite3.connect(f"{scratch.as_uri()}?mode=ro", uri=True)
        try:
            found = check.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError:
            continue
        finally:
            check.close()
        if "\n" in found:
            db_path.write_bytes(_zeroed(data, page))
            met = [main(argv) for argv in commands]
            capsys.readouterr()
            if met == [2, 2, 2]:
                break
    else:
        pytest.fail("no page gives a multi-line check that every command meets")
    for argv in commands:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "is damaged" in err, err
        assert len(err.strip().splitlines()) == 1, err
        assert "***" not in err


def test_a_store_error_is_one_line_whatever_it_quotes():
    assert str(StoreError("first line\nsecond line")) == "first line second line"
