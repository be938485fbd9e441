"""The store's error types: StoreError, and the kinds a screen words differently."""

import re

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class StoreError(Exception):
    """A problem with the database file, worded for the user: what happened, what to do.

    Always one line: SQLite's own texts (an integrity check's report) come with line breaks."""

    def __init__(self, message: object = "") -> None:
        super().__init__(_LINE_BREAKS.sub(" ", str(message)))


class StaleEdit(StoreError):
    """The row changed (in another copy of followup) since the record was read: not saved."""


class DiskFull(StoreError):
    """The disk holding the database or its backups is full: nothing is damaged; free space."""
