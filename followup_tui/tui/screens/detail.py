"""Everything about one application: facts, next actions and flags, people, interviews, timeline."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from followup_tui.domain.records import Application
from followup_tui.domain.rules import Assessment, assess
from followup_tui.domain.text import one_line
from followup_tui.formats import dossier
from followup_tui.store import StoreError
from followup_tui.tui.actions import ApplicationScreen, keys
from followup_tui.tui.widgets.key_bar import KeyBar


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
        app = self.followup_app
        content = detail_content(assess(application, app.today, app.rules))
        self.query_one("#dossier-text", Static).update(content)

    def action_scroll_down(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_up()


# The content, section by section, built from the records and the rules' assessment: user text
# is appended as data and styled by where it sits, never by what it says. Each section has its
# own builder so it can be restyled alone.


def detail_content(assessment: Assessment) -> Text:
    """The whole detail view: the same words as `followup show`, with headings styled."""
    application = assessment.application
    return Text().join(
        (
            header(application),
            next_actions(assessment),
            flags(assessment),
            people(application),
            interviews(application),
            timeline(application),
        )
    )


def header(application: Application) -> Text:
    """Number, company and role in bold; then the status and each fact known."""
    text = Text()
    text.append(dossier.title(application), style="bold")
    for line in dossier.header(application):
        text.append(f"\n{line}")
    return text.append("\n")


def next_actions(assessment: Assessment) -> Text:
    return _section(dossier.next_actions(assessment))


def flags(assessment: Assessment) -> Text:
    return _section(dossier.flags(assessment))


def people(application: Application) -> Text:
    return _section(dossier.people(application))


def interviews(application: Application) -> Text:
    return _section(dossier.interviews(application))


def timeline(application: Application) -> Text:
    return _section(dossier.timeline(application))


def _section(section: dossier.Section) -> Text:
    """A blank line, the heading underlined, each entry indented; nothing when it is empty."""
    text = Text()
    if not section.entries:
        return text
    text.append("\n")
    text.append(section.heading, style="bold underline")
    text.append("\n")
    for entry in section.entries:
        text.append("  ")
        if entry.mark:
            text.append(entry.mark, style="bold reverse")
            text.append(" ")
        text.append(f"{entry.line}\n")
        for detail in entry.details:
            text.append(f"    {detail}\n")
    return text
