"""The actions on one application and their keys, written once for every screen that offers
them (dashboard, detail, review, looking back).

Every key carries a binding id, so a keymap (`FollowupApp(keymap={"snooze": "z"})`, Textual's
`App.set_keymap`) moves it on every screen at once. A screen lists the keys it offers with
`key(id, ...)`, changing only what it shows differently (whether the key bar shows it, the
help's wording); the action behind it is `ApplicationScreen`'s: for most keys one line,
`action_snooze = runs("snooze", "snoozed")`, naming the flow in `flows.py`. A new action goes in
`KEYS` and `ApplicationScreen`, its flow in `flows.py`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from followup_tui.tui.screens.base import FollowupScreen, ResultT

if TYPE_CHECKING:
    from followup_tui.tui.app import FollowupApp

# One application's flow: given the app and the application, True once it saved something.
Flow = Callable[["FollowupApp", int], Awaitable[bool]]

KEYS: dict[str, Binding] = {
    binding.id: binding
    for binding in (
        Binding("enter", "open", "Open", tooltip="Open the application's detail", id="open"),
        Binding("e", "edit", "Edit", tooltip="Edit the application's facts", id="edit"),
        Binding(
            "c", "call", "Call", tooltip="Open the call panel: script, notes, outcome", id="call"
        ),
        Binding(
            "l", "log", "Log", tooltip="Log a touch: email, letter, call, reply...", id="log-touch"
        ),
        Binding(
            "t", "thank_you", "Thank-you", tooltip="Log thank-you notes (checklist)", id="thank-you"
        ),
        Binding("s", "snooze", "Snooze", tooltip="Snooze to a date", id="snooze"),
        Binding("i", "add_interview", "Interview+", tooltip="Add an interview", id="add-interview"),
        Binding(
            "I",
            "edit_interview",
            "Edit interview",
            show=False,
            tooltip="Edit an interview",
            id="edit-interview",
        ),
        Binding(
            "b",
            "debrief",
            "Debrief",
            tooltip="After an interview: who was there, their cards, decision date, topics",
            id="debrief",
        ),
        Binding("n", "add_contact", "Contact+", tooltip="Add a contact", id="add-contact"),
        Binding(
            "N",
            "edit_contact",
            "Edit contact",
            show=False,
            tooltip="Edit a contact",
            id="edit-contact",
        ),
        Binding(
            "C",
            "close",
            "Close",
            tooltip="Close: offer, rejected, withdrawn, no response",
            id="close",
        ),
        Binding(
            "O", "reopen", "Reopen", show=False, tooltip="Reopen a closed application", id="reopen"
        ),
        Binding(
            "P",
            "park",
            "Park",
            show=False,
            tooltip="Park or unpark: out of the schedule",
            id="park",
        ),
        Binding(
            "F",
            "feedback",
            "Feedback",
            show=False,
            tooltip="What they said, what you learned",
            id="feedback",
        ),
        Binding(
            "D",
            "delete_touch",
            "Delete touch",
            show=False,
            tooltip="Delete a logged touch",
            id="delete-touch",
        ),
        Binding(
            "T",
            "edit_touch",
            "Edit touch",
            show=False,
            tooltip="Correct a logged touch: its day, kind, channel, person, outcome, notes",
            id="edit-touch",
        ),
        Binding(
            "X",
            "delete_application",
            "Delete",
            show=False,
            tooltip="Delete the application with its people, interviews and touches (u undoes)",
            id="delete-application",
        ),
    )
    if binding.id is not None
}


def key(binding_id: str, **changes: Any) -> Binding:
    """The shared key `binding_id`, with what this screen shows differently (`show`,
    `tooltip`, ...); its id stays, so a keymap still finds it."""
    return dataclasses.replace(KEYS[binding_id], **changes)


def keys(*binding_ids: str) -> list[Binding]:
    """The shared keys named, as they are."""
    return [KEYS[binding_id] for binding_id in binding_ids]


def load_flows():
    """The flows module (forms and all), imported on the first key that needs it rather than
    at start-up, where every millisecond delays the first frame."""
    from followup_tui.tui import flows

    return flows


def runs(
    flow: str, outcome: str = "done", *more: object
) -> Callable[[ApplicationScreen[Any]], None]:
    """A key's action: `flows.<flow>` run on the selected application (given `more` after its
    id); `outcome` is what its saving means to the screen (`flow_saved`)."""

    def action(screen: ApplicationScreen[Any]) -> None:
        screen.run_flow(
            lambda app, selected: getattr(load_flows(), flow)(app, selected, *more), outcome
        )

    action.__doc__ = f"Run flows.{flow} on the selected application."
    return action


class ApplicationScreen(FollowupScreen[ResultT]):
    """A screen whose keys act on one application: the one `selected_application` names."""

    def selected_application(self) -> int | None:
        """The application the keys act on; None (having said why) when there is none."""
        raise NotImplementedError

    def flow_saved(self, outcome: str) -> None:
        """A flow started here saved something: "done", "snoozed", "closed" or "deleted"."""

    def run_flow(
        self, flow: Flow, outcome: str = "done", application_id: int | None = None
    ) -> None:
        """Run `flow` on the selected application (or the one given) in this screen's one
        flow worker: flows await forms, and a second key must not start another over it."""
        if application_id is None:
            application_id = self.selected_application()
        if application_id is None:
            return
        self.run_worker(self._flow(flow, application_id, outcome), exclusive=True, group="flow")

    async def _flow(self, flow: Flow, application_id: int, outcome: str) -> None:
        if await flow(self.followup_app, application_id):
            self.flow_saved(outcome)

    # Keys ---------------------------------------------------------------------------------

    def action_open(self) -> None:
        if (selected := self.selected_application()) is not None:
            self.followup_app.open_application(selected)

    def action_call(self) -> None:
        if (selected := self.selected_application()) is not None:
            self.followup_app.open_call(selected)

    # Each key's flow (flows.py), run on the selected application.
    action_edit = runs("edit_application")
    action_log = runs("log_menu")
    action_thank_you = runs("thank_you")
    action_snooze = runs("snooze", "snoozed")
    action_add_interview = runs("edit_interview", "done", None)
    action_edit_interview = runs("edit_which_interview")
    action_debrief = runs("debrief")
    action_add_contact = runs("edit_contact", "done", None)
    action_edit_contact = runs("edit_which_contact")
    action_close = runs("close", "closed")
    action_reopen = runs("reopen")
    action_park = runs("park")
    action_feedback = runs("feedback")
    action_delete_touch = runs("delete_touch")
    action_edit_touch = runs("edit_touch")
    action_delete_application = runs("delete_application", "deleted")
