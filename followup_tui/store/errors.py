"""The store's one error type."""


class StoreError(Exception):
    """A problem with the database file, worded for the user: what happened, what to do."""


class StaleEdit(StoreError):
    """The row changed (in another copy of followup) since the record was read: not saved."""
