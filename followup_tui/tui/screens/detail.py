"""Everything about one application: facts, next actions and flags, people, interviews, timeline."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from followup_tui.domain.records import Application
from followup_tui.domain.rules import Assessment, assess
from followup_tui.domain.text import one_line
from followup_tui.formats import dossier
from followup_tui.store import StoreError
from followup_tui.tui import flows
from followup_tui.tui.widgets.key_bar import KeyBar
from followup_tui.tui.widgets.picker import PickerScreen


class DetailScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("e", "edit", "Edit", tooltip="Edit the application's facts"),
        Binding("c", "call", "Call", tooltip="Open the call panel: script, notes, outcome"),
        Binding("l", "log", "Log", tooltip="Log a touch: email, letter, call, reply..."),
        Binding("t", "thank_you", "Thank-you", tooltip="Log thank-you notes (checklist)"),
        Binding("s", "snooze", "Snooze", tooltip="Snooze to a date"),
        Binding("i", "add_interview", "Interview+", tooltip="Add an interview"),
        Binding("I", "edit_interview", "Edit interview", show=False, tooltip="Edit an interview"),
        Binding("n", "add_contact", "Contact+", tooltip="Add a contact"),
        Binding("N", "edit_contact", "Edit contact", show=False, tooltip="Edit a contact"),
        Binding("C", "close", "Close", tooltip="Close: offer, rejected, withdrawn, no response"),
        Binding("O", "reopen", "Reopen", show=False, tooltip="Reopen a closed application"),
        Binding("P", "park", "Park", show=False, tooltip="Park or unpark: out of the schedule"),
        Binding(
            "F", "feedback", "Feedback", show=False, tooltip="What they said, what you learned"
        ),
        Binding("D", "delete_touch", "Delete touch", show=False, tooltip="Delete a logged touch"),
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]

    def __init__(self, application_id: int) -> None:
        super().__init__()
        self.application_id = application_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dossier"):
            yield Static(id="dossier-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            application = self.app.reader.load_application(self.application_id)
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
        content = detail_content(assess(application, self.app.today))
        self.query_one("#dossier-text", Static).update(content)

    def action_call(self) -> None:
        self.app.open_call(self.application_id)

    def action_scroll_down(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_up()

    @work(exclusive=True, group="flow")
    async def action_close(self) -> None:
        await flows.close(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_reopen(self) -> None:
        await flows.reopen(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_park(self) -> None:
        await flows.park(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_feedback(self) -> None:
        await flows.feedback(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_delete_touch(self) -> None:
        await flows.delete_touch(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_edit(self) -> None:
        await flows.edit_application(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_log(self) -> None:
        await flows.log_menu(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_thank_you(self) -> None:
        await flows.thank_you(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_snooze(self) -> None:
        await flows.snooze(self.app, self.application_id)

    @work(exclusive=True, group="flow")
    async def action_add_interview(self) -> None:
        await flows.edit_interview(self.app, self.application_id, None)

    @work(exclusive=True, group="flow")
    async def action_add_contact(self) -> None:
        await flows.edit_contact(self.app, self.application_id, None)

    @work(exclusive=True, group="flow")
    async def action_edit_interview(self) -> None:
        interviews = self.application.interviews
        if not interviews:
            self.notify("No interviews yet: i adds one", severity="warning", markup=False)
            return
        choices = [
            (str(index + 1), f"{i.held_on:%a %d %b %Y} {one_line(i.stage)}", i.id)
            for index, i in enumerate(interviews[:9])
        ]
        chosen = await self.app.push_screen_wait(PickerScreen("Edit which interview?", choices))
        if chosen is not None:
            await flows.edit_interview(self.app, self.application_id, chosen)

    @work(exclusive=True, group="flow")
    async def action_edit_contact(self) -> None:
        contacts = self.application.contacts
        if not contacts:
            self.notify("No contacts yet: n adds one", severity="warning", markup=False)
            return
        choices = [
            (str(index + 1), one_line(c.full_name), c.id) for index, c in enumerate(contacts[:9])
        ]
        chosen = await self.app.push_screen_wait(PickerScreen("Edit which contact?", choices))
        if chosen is not None:
            await flows.edit_contact(self.app, self.application_id, chosen)


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
