"""Who has an open call: one copy of followup at a time types into it (issue 12 item 8).

The copy showing an open call holds an advisory lock (flock) on a small file beside the
database, named after the call, and writes its process id in it. Another copy that finds the
lock taken leaves the call alone and says who has it. The kernel lets go of the lock when the
process ends, however it ends (a kill, a closed terminal), so a call is never held by nobody
alive: the next start offers it back.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_ATTEMPTS = 5  # a file removed under us (the call just finished elsewhere) is tried again


class CallTaken(Exception):
    """Another copy of followup has the call open."""

    def __init__(self, pid: int | None) -> None:
        super().__init__(f"open in another followup (pid {pid})" if pid else "open elsewhere")
        self.pid = pid


class CallClaim:
    """This process's hold on one open call, until `release`."""

    def __init__(self, path: Path, descriptor: int | None) -> None:
        self.path = path
        self._descriptor = descriptor  # None: no lock could be taken here (no flock, no file)

    def release(self, *, finished: bool = False) -> None:
        """Let go; `finished` (the call was logged or discarded) also removes the file."""
        if self._descriptor is None:
            return
        if finished:
            with contextlib.suppress(OSError):
                self.path.unlink()  # still holding the lock: nobody can be taking it now
        os.close(self._descriptor)  # closing lets go of the lock
        self._descriptor = None


def lock_path(db_path: Path, draft_id: int) -> Path:
    return db_path.with_name(f".{db_path.name}.call-{draft_id}.lock")


def claim_call(db_path: Path, draft_id: int) -> CallClaim:
    """Take the call for this process; CallTaken when another copy has it. Where no lock can be
    taken (not a Unix, a folder we cannot write) the claim holds nothing: the database itself
    is what refuses then."""
    try:
        import fcntl
    except ImportError:
        return CallClaim(lock_path(db_path, draft_id), None)
    path = lock_path(db_path, draft_id)
    for _ in range(_ATTEMPTS):
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return CallClaim(path, None)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(descriptor)
            os.close(descriptor)
            raise CallTaken(pid) from None
        except OSError:
            os.close(descriptor)
            return CallClaim(path, None)
        if not _still_at(path, descriptor):  # removed by its finishing owner meanwhile
            os.close(descriptor)
            continue
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        return CallClaim(path, descriptor)
    return CallClaim(path, None)


def _still_at(path: Path, descriptor: int) -> bool:
    try:
        named, held = path.stat(), os.fstat(descriptor)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _read_pid(descriptor: int) -> int | None:
    try:
        return int(os.pread(descriptor, 32, 0).decode().strip())
    except (OSError, ValueError):
        return None  # the owner has not written it yet
