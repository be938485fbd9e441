"""A crash is never silent: the full report goes to a file in the user's log folder, and the
terminal, once restored, gets one line saying where it is.

Nothing here imports Textual: the CLI uses it too, for an error that escapes the app.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from followup_tui import __version__
from followup_tui.domain.text import printable


def log_folder() -> Path:
    """Where crash reports go: the user's log folder (on Linux `$XDG_STATE_HOME/followup/log`)."""
    import platformdirs

    return Path(platformdirs.user_log_dir("followup", appauthor=False))


class CrashReport:
    """One report per run: the first error, and any that follow while the app shuts down."""

    def __init__(self, error: BaseException, notes: str) -> None:
        self.error = error
        self.notes = notes  # what became of the open call's notes, in a few words
        self.path: Path | None = None
        self.problem: OSError | None = None  # why the report could not be written
        try:
            folder = log_folder()
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            stamp = datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
            path = folder / f"crash-{stamp}-{os.getpid()}.txt"
            # 600 from the start: a traceback may quote what the user typed.
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as file:
                file.write(_header(notes))
                file.write(_traceback(error))
            self.path = path
        except OSError as problem:
            self.problem = problem

    def add(self, error: BaseException) -> None:
        """A later error (raised while shutting down) goes into the same report."""
        if self.path is None:
            return
        try:
            with self.path.open("a", encoding="utf-8", errors="backslashreplace") as file:
                file.write("\nThen, while shutting down:\n")
                file.write(_traceback(error))
        except OSError:
            pass  # the first error is the one that matters, and it is written

    def line(self) -> str:
        """The one line for the terminal (a path's control characters shown, never obeyed)."""
        return printable(self._line())

    def _line(self) -> str:
        what = f"followup: error: followup stopped on an unexpected error ({_name(self.error)})"
        notes = f"; {self.notes}" if self.notes else ""
        if self.path is not None:
            return f"{what}{notes}. The full report is in {self.path}"
        return f"{what}{notes}. The report could not be written ({self.problem}): see above"


def _name(error: BaseException) -> str:
    return type(error).__name__


def _header(notes: str) -> str:
    return (
        f"followup {__version__} stopped on an unexpected error at "
        f"{datetime.now().astimezone().isoformat(timespec='seconds')}\n"
        f"Python {platform.python_version()} on {platform.platform()}\n"
        f"Command: {' '.join(sys.argv)}\n"
        f"{notes[:1].upper() + notes[1:] if notes else 'No call was open'}.\n\n"
    )


def _traceback(error: BaseException) -> str:
    return "".join(traceback.format_exception(error))
