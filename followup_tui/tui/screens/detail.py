"""Everything about one application: facts, next actions and flags, people, interviews, timeline."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from followup_tui.domain.rules import assess
from followup_tui.domain.text import one_line
from followup_tui.formats.dossier import dossier_text
from followup_tui.store import StoreError
from followup_tui.tui import flows
from followup_tui.tui.widgets.key_bar import KeyBar
from followup_tui.tui.widgets.picker import PickerScreen

_HEADINGS = ("Next:", "Flags:", "People:", "Interviews:", "Timeline:")


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
        text = Text(dossier_text(assess(application, self.app.today)))
        text.stylize("bold", 0, text.plain.index("\n"))
        for line_start, line in _lines(text.plain):
            if line in _HEADINGS:
                text.stylize("bold underline", line_start, line_start + len(line))
            elif line.startswith("  OVERDUE"):
                text.stylize("bold reverse", line_start + 2, line_start + 9)
        self.query_one("#dossier-text", Static).update(text)

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


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1
