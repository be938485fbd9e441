"""The followup Textual app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from followup_tui.store import Store
from followup_tui.tui.screens.dashboard import DashboardScreen


class FollowupApp(App[None]):
    """Keyboard-driven daily review of job applications. `today` is fixed for the session."""

    CSS_PATH = "app.tcss"
    TITLE = "followup"

    def __init__(self, db_path: Path, today: date, *, demo: bool = False) -> None:
        super().__init__()
        self.db_path = db_path
        self.today = today
        self._store: Store | None = None
        if demo:
            self.title = "followup · demo (temporary data)"

    @property
    def store(self) -> Store:
        """Opened on first use (by a worker, off the UI thread), closed when the app ends."""
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store

    def get_default_screen(self) -> Screen:
        return DashboardScreen()

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()
