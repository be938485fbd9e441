"""Starting the TUI fast: check the file, then read the dashboard's data while Textual imports.

Nothing here imports Textual or SQLAlchemy. `start` runs before either: the header check fails
in plain words on the terminal, a file that needs creating or migrating goes through the store
first, and the first load of the daily review starts in a thread. The dashboard's first frame
shows what it read.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from followup_tui.domain.review import light_review_list
from followup_tui.domain.rules import DEFAULT_SETTINGS, Assessment, Settings
from followup_tui.store.errors import StoreError
from followup_tui.store.reading import Reader

QUICK_READ_S = 0.3  # how long the first frame waits for the read before Textual starts


class Preload:
    """The dashboard's first load, running in a thread; `take` waits for it, once."""

    def __init__(self, reader: Reader, today: date, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.reader = reader
        self._today = today
        self._settings = settings
        self._done = threading.Event()
        self._result: list[Assessment] | None = None
        self._error: StoreError | None = None
        self._taken = False
        self._thread = threading.Thread(target=self._run, name="followup-preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            batches = self.reader.review_batches(self._today)
            self._result = light_review_list(batches, self._today, self._settings)
        except StoreError as error:
            self._error = error
        finally:
            self._done.set()

    @property
    def error(self) -> StoreError | None:
        return self._error

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def wait(self, seconds: float) -> bool:
        return self._done.wait(seconds)

    def take(self, today: date, settings: Settings = DEFAULT_SETTINGS) -> list[Assessment] | None:
        """The first load's result (raising its StoreError), or None when it was taken already
        or was made for another day or other settings."""
        if self._taken or today != self._today or settings != self._settings:
            return None
        self._taken = True
        self._done.wait()
        if self._error is not None:
            raise self._error
        result, self._result = self._result, None  # the dashboard holds it from here
        return result


def start(path: Path, today: date, settings: Settings = DEFAULT_SETTINGS) -> Preload:
    """Check the file (StoreError says why it cannot be used), create or migrate it through the
    store when needed, and start reading the review."""
    reader = Reader.open_quickly(path)
    if reader is None:
        from followup_tui.store import Store

        Store(path).close()  # a new file or an older schema: before the screen takes over
        reader = Reader(path)
    preload = Preload(reader, today, settings)
    # A review that reads quickly is best read before Textual is imported, not beside it: the
    # two would share one interpreter lock, and SQLite's reader, which lets go of it for every
    # row, waits behind the import each time (measured: 0.07 s alone, 0.4 s beside it). A big
    # one goes on reading while the screen comes up with its loading indicator.
    if preload.wait(QUICK_READ_S) and preload.error is not None:
        raise preload.error  # said on the terminal, before any screen
    return preload
