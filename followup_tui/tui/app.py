"""The followup Textual app."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from followup_tui.domain.records import Application
from followup_tui.domain.text import one_line
from followup_tui.store import Store
from followup_tui.tui.screens.dashboard import DashboardScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.help import HelpScreen, key_table


class FollowupApp(App[None]):
    """Keyboard-driven daily review of job applications. `today` is fixed for the session."""

    CSS_PATH = "app.tcss"
    TITLE = "followup"
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="Show every key of this screen"),
        Binding("q", "quit", "Quit", show=False, tooltip="Quit"),
    ]

    def __init__(self, db_path: Path, today: date, *, demo: bool = False) -> None:
        super().__init__()
        self.db_path = db_path
        self.today = today
        self._store: Store | None = None
        # What the dashboard loaded last: the command palette jumps to these.
        self.known_applications: list[Application] = []
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

    def data_changed(self) -> None:
        """Something was saved: every open screen that shows data reads it again."""
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if callable(reload):
                reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # q inside a form, picker or dialog must not throw away what is on it.
        return not (action == "quit" and isinstance(self.screen, ModalScreen))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        title = self.screen.sub_title or self.screen.__class__.__name__
        self.push_screen(HelpScreen(title, key_table(self.screen)))

    def open_application(self, application_id: int) -> None:
        self.push_screen(DetailScreen(application_id))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in ("Keys", "Screenshot"):
                yield command
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.description and not binding.system and binding.action != "app.quit":
                yield SystemCommand(
                    binding.description,
                    binding.tooltip or binding.description,
                    lambda action=binding.action, node=active.node: self.run_action(action, node),
                )
        for application in self.known_applications:
            yield SystemCommand(
                f"Open {one_line(application.company)}: {one_line(application.role)}",
                f"Application #{application.id}",
                lambda application_id=application.id: self.open_application(application_id),
            )
