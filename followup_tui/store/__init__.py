"""Persistence: SQLModel tables, migrations and the service API screens and commands use."""

from followup_tui.store.errors import StaleEdit, StoreError
from followup_tui.store.repository import Store

__all__ = ["StaleEdit", "Store", "StoreError"]
