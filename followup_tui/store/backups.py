"""Backups beside the database: daily, before migrations and restores, and on request.

Copies go through SQLite's backup API (a consistent copy of a live WAL database, never `cp`),
are written under a temporary name of their own (private from the start), fsynced, renamed
into place, and readable by the user alone. Names sort by time:
`followup-20260310-091500-daily.sqlite`; a database's backups are matched by their exact name,
so `work-old.sqlite`'s are never taken for `work.sqlite`'s. Two copies starting at once take
turns on a lock file, so the day's backup is taken once.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from followup_tui.store import migrations
from followup_tui.store.errors import DiskFull, StoreError

BACKUPS_FOLDER = "backups"
KEEP = 14
# Why a backup was made: the last part of its name (see backup_path's callers).
_WHY = r"(?:daily|manual|before-restore|before-v\d+)"


def backups_dir(path: Path) -> Path:
    return path.parent / BACKUPS_FOLDER


def _own_name(path: Path) -> re.Pattern[str]:
    """The names of this database's backups, and no other's: `work-20260310-091500-daily`
    is work.sqlite's, `work-old-20260310-091500-daily` is not."""
    return re.compile(rf"{re.escape(path.stem)}-(\d{{8}})-\d{{6}}-{_WHY}\.sqlite")


def list_backups(path: Path) -> list[Path]:
    """This database's backups, newest first."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    own = _own_name(path)
    return sorted(
        (found for found in folder.glob("*.sqlite") if own.fullmatch(found.name)), reverse=True
    )


def latest_backup(path: Path) -> Path | None:
    found = list_backups(path)
    return found[0] if found else None


def backup_path(path: Path, now: datetime, why: str) -> Path:
    return backups_dir(path) / f"{path.stem}-{now:%Y%m%d-%H%M%S}-{why}.sqlite"


def _copy_pages(source: Path, destination: Path) -> None:
    """SQLite's backup API: every page of `source`, read-only, into `destination`."""
    from followup_tui.store.database import open_for_reading

    reader = open_for_reading(source)
    try:
        writer = _open_copy(destination)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def _open_copy(destination: Path) -> sqlite3.Connection:
    return sqlite3.connect(destination)


def copy_database(source: Path, destination: Path) -> Path:
    """A consistent copy through the backup API, private, fsynced, renamed into place.

    The copy is written under a name of its own (two copies of followup backing up in the same
    second must not write one file), created private; it and any -wal, -shm or -journal SQLite
    left beside it are removed if anything fails."""
    try:
        destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            dir=destination.parent, prefix=f".{destination.name}.", suffix=".partial"
        )
        os.close(handle)  # mkstemp makes it 600: private before a byte is written
    except OSError as error:
        raise _write_failed(destination, error) from error
    partial = Path(name)
    try:
        _copy_pages(source, partial)
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        partial.replace(destination)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise _write_failed(destination, error) from error
    finally:
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return destination


def _write_failed(destination: Path, error: OSError | sqlite3.Error) -> StoreError:
    """What to raise when a backup (or its folder or lock) cannot be written: DiskFull when the
    disk is full, so a screen can say so instead of calling the database damaged."""
    from followup_tui.store.database import is_disk_full

    if is_disk_full(error, destination.parent):
        return DiskFull(
            f"the disk is full, so the backup {destination} could not be written; free some "
            "space and try again"
        )
    return StoreError(f"could not write the backup {destination}: {error}")


@contextmanager
def _turn(path: Path) -> Iterator[None]:
    """This database's backups to ourselves: another copy of followup backing up or pruning
    the same database waits (a lock on a file in the backups folder, released on exit, even
    by a killed process)."""
    folder = backups_dir(path)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(folder / f".{path.name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise _write_failed(folder, error) from error
    try:
        try:
            import fcntl
        except ImportError:  # not on a Unix: unique temporary names still keep copies apart
            yield
            return
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def make_backup(path: Path, now: datetime, why: str) -> Path:
    with _turn(path):
        made = copy_database(path, backup_path(path, now, why))
        prune(path)
    return made


def daily_backup(path: Path, now: datetime) -> Path | None:
    """The first open of a day copies the database, unless today's copy exists or it holds no
    application yet (an empty copy would use up the day's slot). Two copies starting at once
    take turns: the second finds the first one's copy and makes none."""
    if not path.exists() or not _holds_applications(path):
        return None
    with _turn(path):
        if _backed_up_on(path, now):
            return None
        made = copy_database(path, backup_path(path, now, "daily"))
        prune(path)
    return made


def _backed_up_on(path: Path, now: datetime) -> bool:
    own, day = _own_name(path), f"{now:%Y%m%d}"
    matches = (own.fullmatch(found.name) for found in list_backups(path))
    return any(match is not None and match[1] == day for match in matches)


def _holds_applications(path: Path) -> bool:
    from followup_tui.store.database import open_for_reading

    try:
        connection = open_for_reading(path)
    except sqlite3.Error:
        return False
    try:
        return connection.execute("SELECT EXISTS (SELECT 1 FROM application)").fetchone()[0]
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def prune(path: Path, keep: int = KEEP) -> list[Path]:
    """Keep the newest `keep` backups; returns those removed."""
    removed = list_backups(path)[keep:]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def check_restorable(source: Path) -> int:
    """Refuse anything that is not a sound followup database we can read; return its version."""
    from followup_tui.store.database import check_report

    if not source.is_file():
        raise StoreError(f"{source}: no such file")
    try:
        connection = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"{source} cannot be opened: {error}") from error
    try:
        version = migrations.user_version(connection)
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        check = check_report(connection, "integrity_check")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{source} is not a followup database ({error})") from error
    finally:
        connection.close()
    if app_id != migrations.APPLICATION_ID:
        raise StoreError(f"{source} is not a followup database")
    if version > migrations.LATEST:
        raise StoreError(f"{source} was written by a newer followup (schema {version})")
    if check != "ok":
        raise StoreError(f"{source} is damaged ({check})")
    return version


def restore(path: Path, source: Path, now: datetime) -> Path | None:
    """Replace the database with `source`, after backing up what it replaces.

    Returns the backup of the replaced database (None if there was none). The copy goes
    through the backup API into the live file, so its WAL stays consistent.
    """
    check_restorable(source)
    replaced = None
    if path.exists() and path.stat().st_size > 0:
        replaced = make_backup(path, now, "before-restore")
    try:
        _copy_pages(source, path)
    except sqlite3.Error as error:
        raise StoreError(f"could not restore {source} into {path}: {error}") from error
    os.chmod(path, 0o600)
    return replaced
