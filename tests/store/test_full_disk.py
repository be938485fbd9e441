"""A full disk is reported as a full disk, never as damage, and a backup that cannot be written
never blocks reading: `due`, `show`, `export -o` to another disk, and the TUI read only, saying
why (issue 12, item 13). `due` and `show` take no backup at all (issue 17: the shell agenda
reads through the light reader; the app and the writing commands take the day's backup), so
they read on a full disk without a word; `export` still says its backup failed.

On a real full filesystem where the machine allows it (a small tmpfs, as root), and always with
SQLite's own SQLITE_FULL (`PRAGMA max_page_count`) and a -shm file that cannot grow (a file size
limit in a child process, with the free space reported as none)."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from followup_tui.cli import main
from followup_tui.demo import demo_applications
from followup_tui.launch import start
from followup_tui.store import Store, StoreError
from followup_tui.store import backups as backups_module
from followup_tui.store.backups import list_backups
from tests.tui.helpers import SIZE, loaded, screen_text, settle

pytestmark = pytest.mark.slow  # real full disks and child processes

TODAY = date(2026, 3, 10)


DEMO_COUNT = len(demo_applications(TODAY))


def filled(path: Path) -> Path:
    with Store(path, backup_daily=False) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
    return path


def reads_still_work(database: Path, elsewhere: Path, capsys) -> None:
    """due and show read without a word (they take no backup); export -o to another disk works
    and says the backup failed for a full disk; a write says the disk is full; nothing says
    damaged."""
    for argv in (["due"], ["show", "1"]):
        code = main(["--db", str(database), "--today", TODAY.isoformat(), *argv])
        captured = capsys.readouterr()
        assert code in (0, 1), captured.err  # due: 1 when something is overdue
        assert "Northwind Labs" in captured.out and captured.err == ""
    code = main(["--db", str(database), "export", "-o", str(elsewhere / "out.json")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "disk is full" in captured.err and "damaged" not in captured.err, captured.err
    assert len(captured.err.strip().splitlines()) <= 2  # the warning and "Exported to"
    assert (elsewhere / "out.json").stat().st_size > 1000
    assert "Northwind Labs" in (elsewhere / "out.json").read_text()
    code = main(["--db", str(database), "add", "--company", "New", "--role", "Role"])
    err = capsys.readouterr().err
    assert code == 2 and "full" in err and "damaged" not in err, err


async def the_tui_is_read_only_saying_why(database: Path) -> None:
    from followup_tui.tui.app import FollowupApp

    app = FollowupApp(database, TODAY, preload=start(database, TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert "Northwind Labs" in text
        assert "Read only:" in text and "disk is full" in text
        assert "damaged" not in text
        assert app.is_running


# A real full filesystem -------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 1 MB tmpfs, unmounted after the test; skipped where mounting is not allowed."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\x00" * 4096)


async def test_on_a_real_full_disk_reads_go_on_and_the_disk_is_named(small_disk, tmp_path, capsys):
    database = filled(small_disk / "followup.sqlite")
    fill(small_disk)
    with pytest.raises(OSError) as full:
        (small_disk / "more").write_bytes(b"x" * 8192)
    assert full.value.errno == errno.ENOSPC  # really full
    assert not Path(f"{database}-shm").exists()  # SQLite must make it to read
    reads_still_work(database, tmp_path, capsys)
    await the_tui_is_read_only_saying_why(database)
    assert list_backups(database) == []
    assert not [p for p in (small_disk / "backups").iterdir() if "partial" in p.name]


# SQLite's own SQLITE_FULL, anywhere --------------------------------------------------------------


@pytest.fixture
def backups_cannot_grow(monkeypatch):
    """Every backup copy may hold one page: writing it fails with SQLITE_FULL."""
    real = backups_module._open_copy

    def tiny(destination: Path) -> sqlite3.Connection:
        connection = real(destination)
        connection.execute("PRAGMA max_page_count = 1")
        return connection

    monkeypatch.setattr(backups_module, "_open_copy", tiny)


async def test_a_backup_that_cannot_be_written_never_blocks_reading(
    db_path, tmp_path, capsys, backups_cannot_grow
):
    filled(db_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    reads_still_work(db_path, elsewhere, capsys)
    await the_tui_is_read_only_saying_why(db_path)
    assert list_backups(db_path) == []
    assert [p.name for p in (db_path.parent / "backups").iterdir()] == [".followup.sqlite.lock"]


def test_a_backup_failing_with_no_space_says_the_disk_is_full(db_path, monkeypatch):
    filled(db_path)

    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups_module.os, "fsync", no_space)
    with pytest.raises(StoreError, match="the disk is full"):
        Store(db_path)
    with Store(db_path, reading=True) as store:
        assert "the disk is full" in str(store.backup_error)
        assert store.count_applications() == DEMO_COUNT


# A -shm file that cannot be made: what a full disk does to a reader ---------------------------

CHILD = """
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
real_statvfs = os.statvfs

def no_space_left(path):  # what a full disk reports
    found = real_statvfs(path)
    return os.statvfs_result((found.f_bsize, found.f_frsize, found.f_blocks, 0, 0,
                              found.f_files, found.f_ffree, found.f_favail, found.f_flag,
                              found.f_namemax))

os.statvfs = no_space_left
from followup_tui.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_shm_file_that_cannot_be_made_is_a_full_disk_not_damage(db_path, tmp_path):
    filled(db_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    script = tmp_path / "no_space.py"
    script.write_text(CHILD)
    limit = 16 * 1024  # the -shm file needs 32 KB; the database is bigger and is only read
    assert db_path.stat().st_size > limit

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), str(limit), "--db", str(db_path), *argv],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "FOLLOWUP_TODAY": TODAY.isoformat()},
        )

    for argv in (["due"], ["show", "1"]):  # read in exclusive locking mode, no backup taken
        done = run(*argv)
        assert done.returncode in (0, 1), done.stderr
        assert "Northwind Labs" in done.stdout
        assert done.stderr == ""
    done = run("add", "--company", "New", "--role", "Role")
    assert done.returncode == 2 and "full" in done.stderr and "damaged" not in done.stderr
    with Store(db_path, backup_daily=False) as store:
        assert store.count_applications() == DEMO_COUNT


async def test_the_tui_titles_a_full_disk_as_a_full_disk_not_a_failed_check(db_path, monkeypatch):
    from followup_tui.tui.app import FollowupApp

    filled(db_path)

    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups_module.os, "fsync", no_space)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await settle(pilot)
        shown = screen_text(app)  # the notice, title and all
        assert "The disk is full" in shown
        assert "failed its check" not in shown
