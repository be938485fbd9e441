"""The store's one error type."""


class StoreError(Exception):
    """A problem with the database file, worded for the user: what happened, what to do."""
