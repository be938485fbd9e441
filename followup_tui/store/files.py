"""Writing files so that a crash leaves either the old file or the new one, never half."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it into place."""
    import tempfile  # here: the shell agenda reads through this module's neighbours, never writes

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def make_private(database: Path) -> None:
    """The database and its -wal and -shm files readable by the user alone, whoever made them
    (a file made by `touch` is 644). SQLite gives new -wal/-shm files the database's mode."""
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        try:
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, 0o600)
        except OSError:
            continue  # not there, or not ours to change
