"""Opening the database file safely: check it, back it up, migrate it, then hand out an engine.

Every check that can refuse a file runs on a read-only connection first, so a file that is not
ours, is damaged, or comes from a newer version is left exactly as it was.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.text import one_line
from followup_tui.store import migrations
from followup_tui.store.errors import StoreError
from followup_tui.store.files import make_private

if TYPE_CHECKING:  # SQLAlchemy is imported only when the first write needs an engine
    from sqlalchemy.engine import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_IOERR, _SQLITE_FULL = 10, 13
# SQLITE_IOERR_SHMOPEN, _SHMSIZE, _SHMMAP: the -shm file could not be made or grown.
_SHARED_MEMORY_ERRORS = {4618, 4874, 5386}
_FULL_BELOW_BYTES = 1 << 20


def open_for_reading(
    path: Path, *, busy_timeout_ms: int = 5000, must_exist: str = "ro"
) -> sqlite3.Connection:
    """A connection that reads `path` and cannot write to it (query_only).

    A WAL database is read through its -shm file, which a reader creates when it is missing:
    on a full disk that fails ("disk I/O error"). Then it is read in exclusive locking mode,
    which keeps the WAL index in this process's memory instead (sqlite.org/wal.html#noshm): the
    read still sees every commit, and other copies wait for it as for a write.
    `must_exist="rw"` makes a file deleted meanwhile an error, not a new empty database.
    """
    uri = f"{path.resolve().as_uri()}?mode={must_exist}"
    connection = _connect(uri, busy_timeout_ms)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        if getattr(error, "sqlite_errorcode", None) not in _SHARED_MEMORY_ERRORS:
            raise
    # Exclusive locks need a file opened for writing; query_only keeps it from writing.
    connection = _connect(f"{path.resolve().as_uri()}?mode=rw", busy_timeout_ms)
    try:
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _connect(uri: str, busy_timeout_ms: int) -> sqlite3.Connection:
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    connection.execute("PRAGMA query_only = ON")
    return connection


def is_disk_full(error: BaseException, folder: Path) -> bool:
    """Whether `error` (from SQLite or the OS) means the disk holding `folder` is full.

    SQLite says SQLITE_FULL when a write finds no space, but only "disk I/O error" when the
    -shm file cannot be grown: then the free space decides."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "full" in str(error)
    if code & 0xFF == _SQLITE_FULL:
        return True
    if code & 0xFF != _SQLITE_IOERR:
        return False
    try:
        space = os.statvfs(folder)
    except OSError:
        return False
    return space.f_bavail * space.f_frsize < _FULL_BELOW_BYTES


def check_report(connection: sqlite3.Connection, pragma: str = "quick_check") -> str:
    """SQLite's page-by-page check: "ok", or what it found, on one line."""
    rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    found = [" ".join(str(row[0]).split()) for row in rows]
    found = [line.replace("*** in database main *** ", "") for line in found]
    return "; ".join(found[:3]) + ("; ..." if len(found) > 3 else "")


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
        connection = open_for_reading(path)
    except sqlite3.OperationalError as error:
        raise StoreError(explain(path, error, "open")) from error
    except sqlite3.DatabaseError as error:
        raise StoreError(damaged_message(path, str(error))) from error
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
            check = check_report(connection)
            if check != "ok":
                raise StoreError(f"{path} is damaged ({check}). {_what_to_do(path)}")
    except sqlite3.OperationalError as error:  # busy, a full disk: not damage
        raise StoreError(explain(path, error)) from error
    except sqlite3.DatabaseError as error:
        raise StoreError(damaged_message(path, str(error))) from error
    finally:
        connection.close()
    return version


def damaged_message(path: Path, detail: str) -> str:
    return f"{path} is damaged or not a database ({detail}). {_what_to_do(path)}"


def _what_to_do(path: Path) -> str:
    from followup_tui.store.backups import latest_backup

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
        from followup_tui.store.backups import make_backup

        make_backup(path, datetime.now(), f"before-v{migrations.LATEST}")
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from error
    try:
        make_private(path)  # before the first write: a file made by `touch` is 644
        connection.execute("PRAGMA journal_mode = WAL")
        applied = migrations.migrate(connection)
        make_private(path)
    except sqlite3.OperationalError as error:
        raise StoreError(explain(path, error)) from error
    finally:
        connection.close()
    return applied


def explain(path: Path, error: BaseException, doing: str = "use") -> str:
    """One line for an operational error from SQLite (or the OS) while `doing` with `path`."""
    message = str(error)
    if is_disk_full(error, path.parent):
        return f"the disk holding {path} is full: free some space and try again. Nothing was saved"
    if "locked" in message or "busy" in message:
        return (
            f"{path} is busy: another followup is writing to it; try again in a moment. "
            "Nothing was saved"
        )
    return f"cannot {doing} {path}: {message}"


def who_writes(path: Path) -> str | None:
    """The other process holding `path`'s write lock, as "process 123 (followup import x)", or
    None when it cannot be told (not Linux, or the lock is gone). A writer in WAL mode holds a
    POSIX lock on byte 120 of the -shm file; Linux lists such locks in /proc/locks."""
    try:
        shm = os.stat(f"{path}-shm")
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            listed = locks.read().splitlines()
    except OSError:
        return None
    device = f"{os.major(shm.st_dev):02x}:{os.minor(shm.st_dev):02x}:{shm.st_ino}"
    for line in listed:
        fields = line.split()
        # "1: POSIX  ADVISORY  WRITE 7556 fe:00:2147698 120 120"
        if len(fields) >= 8 and fields[3] == "WRITE" and fields[5] == device and fields[6] == "120":
            pid = fields[4]
            if pid == str(os.getpid()):
                continue
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                    words = cmdline.read().decode(errors="replace").split("\0")
            except OSError:
                return f"process {pid}"
            # `/x/.venv/bin/python /x/.venv/bin/followup import /y/a.json`, short:
            # python followup import a.json
            command = one_line(" ".join(os.path.basename(word) for word in words if word))
            return f"process {pid} ({command[:100]})"
    return None


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
        make_private(path)  # this connection writes: the file and its -wal/-shm are private

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
