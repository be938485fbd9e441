"""Opening the database file safely: check it, back it up, migrate it, then hand out an engine.

Every check that can refuse a file runs on a read-only connection first, so a file that is not
ours, is damaged, or comes from a newer version is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.store import migrations
from followup_tui.store.backups import latest_backup, make_backup
from followup_tui.store.errors import StoreError

if TYPE_CHECKING:  # SQLAlchemy is imported only when the first write needs an engine
    from sqlalchemy.engine import Engine

SQLITE_HEADER = b"SQLite format 3\x00"


def inspect(path: Path, *, quick_check: bool = True) -> int:
    """Check an existing or future database file without writing to it; return its version.

    Without quick_check only the header, owner and version are read (milliseconds however big
    the file is); the page-by-page check is what `Store` runs before it writes.
    Raises StoreError for a missing folder, a file that is not SQLite, another program's
    database, a damaged file, or one from a newer followup.
    """
    folder = path.parent
    if not folder.exists():
        raise StoreError(f"the folder {folder} does not exist; create it or choose another --db")
    if not folder.is_dir():
        raise StoreError(f"{folder} is not a folder; choose another --db")
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file; choose another --db")
    if not path.exists():
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"cannot create a database in {folder}: the folder is not writable")
        return 0
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from error
    if not header:
        return 0  # an empty file is an empty database
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a followup database (not SQLite); it was left untouched")
    if not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(
            f"{path} is read-only; make it writable (chmod u+rw) or choose another --db. "
            "It was left untouched"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(
            f"the folder {folder} is read-only, and SQLite keeps its journal beside the "
            "database; make the folder writable. The file was left untouched"
        )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from error
    try:
        version = migrations.user_version(connection)
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
        if app_id not in (0, migrations.APPLICATION_ID) or (version == 0 and tables):
            raise StoreError(
                f"{path} is a SQLite database of another program; it was left untouched"
            )
        if version > migrations.LATEST:
            raise StoreError(
                f"{path} was written by a newer followup (schema {version}; this version "
                f"knows up to {migrations.LATEST}); upgrade followup. The file was left untouched"
            )
        if quick_check:
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise StoreError(f"{path} is damaged ({check}). {_what_to_do(path)}")
    except sqlite3.DatabaseError as error:
        raise StoreError(damaged_message(path, str(error))) from error
    finally:
        connection.close()
    return version


def damaged_message(path: Path, detail: str) -> str:
    return f"{path} is damaged or not a database ({detail}). {_what_to_do(path)}"


def _what_to_do(path: Path) -> str:
    latest = latest_backup(path)
    if latest is None:
        return (
            "No backup exists; keep the file and try `sqlite3 FILE .recover`. It was left untouched"
        )
    return f"Restore the newest backup: followup restore {latest}. The file was left untouched"


def prepare(path: Path) -> list[int]:
    """Check the file, back it up if a migration is due, and migrate it to the latest schema."""
    version = inspect(path)
    if version == migrations.LATEST:
        return []
    if version > 0:
        make_backup(path, datetime.now(), f"before-v{migrations.LATEST}")
    new_file = not path.exists()
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from error
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        applied = migrations.migrate(connection)
    except sqlite3.OperationalError as error:
        raise StoreError(f"cannot write {path}: {_explain(error)}") from error
    finally:
        connection.close()
    if new_file:
        os.chmod(path, 0o600)
    return applied


def _explain(error: Exception) -> str:
    message = str(error)
    if "full" in message:
        return "the disk is full; free some space and try again. Nothing was saved"
    return message


def create_engine(path: Path, busy_timeout_ms: int = 5000) -> Engine:
    """An engine whose every connection has the pragmas we rely on.

    Transactions are begun by us, not by the sqlite3 driver (its legacy mode on Python 3.11
    does not BEGIN before SELECT): BEGIN IMMEDIATE, so a read-then-write never fails with
    SQLITE_BUSY halfway. The engine only writes; reads go through `reading.Reader`.
    """
    import sqlalchemy
    from sqlalchemy import event

    engine = sqlalchemy.create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
