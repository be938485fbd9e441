"""Everything about one application: facts, next actions and flags, people, interviews, timeline."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from followup_tui.domain.rules import assess
from followup_tui.domain.text import one_line
from followup_tui.formats.dossier import dossier_text
from followup_tui.store import StoreError
from followup_tui.tui.actions import ApplicationScreen, keys
from followup_tui.tui.widgets.key_bar import KeyBar

_HEADINGS = ("Next:", "Flags:", "People:", "Interviews:", "Timeline:")


class DetailScreen(ApplicationScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        *keys("edit", "call", "log-touch", "thank-you", "snooze", "add-interview"),
        *keys("edit-interview", "add-contact", "edit-contact", "close", "reopen", "park"),
        *keys("feedback", "delete-touch"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="scroll-down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="scroll-up"),
    ]

    def __init__(self, application_id: int) -> None:
        super().__init__()
        self.application_id = application_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dossier"):
            yield Static(id="dossier-text")
        yield KeyBar()

    def selected_application(self) -> int | None:
        return self.application_id

    def on_mount(self) -> None:
        self.reload()

    def data_changed(self, application_id: int | None) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            application = self.followup_app.reader.load_application(self.application_id)
        except StoreError as error:
            self.query_one("#dossier-text", Static).update(Text(f"Could not load: {error}"))
            return
        if application is None:
            self.query_one("#dossier-text", Static).update(
                Text(f"Application #{self.application_id} no longer exists.")
            )
            return
        self.application = application
        self.sub_title = f"{one_line(application.company)} · {one_line(application.role)}"
        text = Text(dossier_text(assess(application, self.followup_app.today)))
        text.stylize("bold", 0, text.plain.index("\n"))
        for line_start, line in _lines(text.plain):
            if line in _HEADINGS:
                text.stylize("bold underline", line_start, line_start + len(line))
            elif line.startswith("  OVERDUE"):
                text.stylize("bold reverse", line_start + 2, line_start + 9)
        self.query_one("#dossier-text", Static).update(text)

    def action_scroll_down(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_up()


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1
