"""Persistence: SQLModel tables, migrations and the service API screens and commands use.

`Store` (the write path, on SQLAlchemy) is imported on first use, so a program that only reads
through `store.reading.Reader` never pays for importing SQLAlchemy.
"""

from __future__ import annotations

from followup_tui.domain import TYPE_CHECKING
from followup_tui.store.errors import StaleEdit, StoreError

if TYPE_CHECKING:
    from followup_tui.store.repository import Store

__all__ = ["StaleEdit", "Store", "StoreError"]


def __getattr__(name: str) -> object:
    if name == "Store":
        from followup_tui.store.repository import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
