"""Backups beside the database: daily, before migrations and restores, and on request.

Copies go through SQLite's backup API (a consistent copy of a live WAL database, never `cp`),
are written under a temporary name, fsynced, renamed into place, and readable by the user alone.
Names sort by time: `followup-20260310-091500-daily.sqlite`.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from followup_tui.store import migrations
from followup_tui.store.errors import StoreError

BACKUPS_FOLDER = "backups"
KEEP = 14


def backups_dir(path: Path) -> Path:
    return path.parent / BACKUPS_FOLDER


def list_backups(path: Path) -> list[Path]:
    """This database's backups, newest first."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.sqlite"), reverse=True)


def latest_backup(path: Path) -> Path | None:
    found = list_backups(path)
    return found[0] if found else None


def backup_path(path: Path, now: datetime, why: str) -> Path:
    return backups_dir(path) / f"{path.stem}-{now:%Y%m%d-%H%M%S}-{why}.sqlite"


def _copy_pages(source: Path, destination: Path) -> None:
    """SQLite's backup API: every page of `source`, read-only, into `destination`."""
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(destination)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def copy_database(source: Path, destination: Path) -> Path:
    """A consistent copy through the backup API, private, fsynced, renamed into place."""
    destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        _copy_pages(source, partial)
        os.chmod(partial, 0o600)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        partial.replace(destination)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"could not write the backup {destination}: {error}") from error
    return destination


def make_backup(path: Path, now: datetime, why: str) -> Path:
    made = copy_database(path, backup_path(path, now, why))
    prune(path)
    return made


def daily_backup(path: Path, now: datetime) -> Path | None:
    """The first open of a day copies the database, unless today's copy exists or it holds no
    application yet (an empty copy would use up the day's slot)."""
    if not path.exists() or not _holds_applications(path):
        return None
    today = f"{path.stem}-{now:%Y%m%d}-"
    if any(backup.name.startswith(today) for backup in list_backups(path)):
        return None
    return make_backup(path, now, "daily")


def _holds_applications(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return connection.execute("SELECT EXISTS (SELECT 1 FROM application)").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def prune(path: Path, keep: int = KEEP) -> list[Path]:
    """Keep the newest `keep` backups; returns those removed."""
    removed = list_backups(path)[keep:]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def check_restorable(source: Path) -> int:
    """Refuse anything that is not a sound followup database we can read; return its version."""
    if not source.is_file():
        raise StoreError(f"{source}: no such file")
    try:
        connection = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"{source} cannot be opened: {error}") from error
    try:
        version = migrations.user_version(connection)
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
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
