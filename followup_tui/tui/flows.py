"""What the keys do, shared by the dashboard, the detail screen and the review.

Each flow asks what it needs (forms, confirmations), checks the rules before saving, writes
through `writes.write` (which reports a failure, tells the screens and the user, and remembers
the undo), and returns whether it saved anything. Flows await screens, so callers run them in
an async worker (`tui.actions` does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from followup_tui.domain.dates import short_day
from followup_tui.domain.records import (
    Application,
    Channel,
    Direction,
    Outcome,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.domain.review import Item
from followup_tui.domain.rules import ActionKind, assess, follow_up_warnings, who_decides
from followup_tui.domain.text import one_line, printable
from followup_tui.store import StoreError
from followup_tui.tui.screens.forms import (
    InterviewDraft,
    TouchDraft,
    application_form,
    close_form,
    contact_form,
    feedback_form,
    interview_form,
    snooze_form,
    thank_you_form,
    touch_form,
)
from followup_tui.tui.widgets.form import ConfirmScreen
from followup_tui.tui.widgets.picker import PickerScreen
from followup_tui.tui.writes import Undo, write

if TYPE_CHECKING:
    from followup_tui.store.repository import Store
    from followup_tui.tui.app import FollowupApp

_ACTION_TOUCH = {
    ActionKind.THANK_YOU: TouchKind.THANK_YOU,
    ActionKind.ASK_TIMELINE: TouchKind.STATUS_CHECK,
    ActionKind.STATUS_CHECK: TouchKind.STATUS_CHECK,
    ActionKind.FINAL_NOTE: TouchKind.FINAL_NOTE,
    ActionKind.FEEDBACK_CALL: TouchKind.FEEDBACK_REQUEST,
}

LOG_CHOICES = [
    ("e", "Email sent (follow-up)", (TouchKind.STATUS_CHECK, Channel.EMAIL)),
    ("l", "Letter posted (follow-up)", (TouchKind.STATUS_CHECK, Channel.LETTER)),
    ("p", "Phone call (follow-up)", (TouchKind.STATUS_CHECK, Channel.PHONE)),
    ("t", "Thank-you notes", (TouchKind.THANK_YOU, Channel.EMAIL)),
    ("r", "Reply received from them", (TouchKind.REPLY, Channel.EMAIL)),
    ("f", "Final note sent", (TouchKind.FINAL_NOTE, Channel.EMAIL)),
    ("b", "Feedback request", (TouchKind.FEEDBACK_REQUEST, Channel.PHONE)),
    ("o", "Other", (TouchKind.OTHER, Channel.OTHER)),
]


def saved(
    app: FollowupApp,
    change: Callable[[Store], object],
    application_id: int,
    done: str,
    *,
    undo: Undo | None = None,
) -> bool:
    """A flow's save of one application through the write path: True once it is saved."""
    return write(app, change, changed=application_id, done=done, undo=undo) is not None


def _load(app: FollowupApp, application_id: int) -> Application | None:
    try:
        application = app.reader.load_application(application_id)
    except StoreError as error:
        app.notify(
            printable(str(error)), title="Not saved", severity="error", timeout=10, markup=False
        )
        return None
    if application is None:
        app.notify(
            f"Application #{application_id} is gone (deleted elsewhere?)",
            severity="error",
            markup=False,
        )
    return application


# Applications, contacts, interviews -------------------------------------------------------------


async def add_application(app: FollowupApp) -> int | None:
    application = await app.push_screen_wait(application_form(None, app.today))
    if application is None:
        return None
    written = write(
        app,
        lambda store: store.save_application(application),
        changed=None,
        done=f"Added {one_line(application.company)}",
    )
    return None if written is None else written.value


async def edit_application(app: FollowupApp, application_id: int) -> bool:
    current = _load(app, application_id)
    if current is None:
        return False
    edited = await app.push_screen_wait(application_form(current, app.today))
    if edited is None:
        return False
    return saved(
        app,
        lambda store: store.save_application(edited),
        application_id,
        f"Saved {one_line(edited.company)}",
    )


async def edit_contact(app: FollowupApp, application_id: int, contact_id: int | None) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    contact = application.contact(contact_id) if contact_id else None
    edited = await app.push_screen_wait(contact_form(contact))
    if edited is None:
        return False
    return saved(
        app,
        lambda store: store.save_contact(application_id, edited),
        application_id,
        f"Saved {one_line(edited.full_name)}",
    )


async def edit_interview(app: FollowupApp, application_id: int, interview_id: int | None) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    interview = next((i for i in application.interviews if i.id == interview_id), None)
    draft: InterviewDraft | None = await app.push_screen_wait(
        interview_form(application, interview, app.today)
    )
    if draft is None:
        return False
    return saved(
        app,
        lambda store: store.save_interview(
            application_id,
            draft.interview,
            draft.new_interviewers,
            expected_decision=draft.expected_decision,
            application_version=application.version,
        ),
        application_id,
        f"Saved the {short_day(draft.interview.held_on)} interview",
    )


async def edit_which_interview(app: FollowupApp, application_id: int) -> bool:
    """Pick one of the application's interviews, then edit it."""
    application = _load(app, application_id)
    if application is None:
        return False
    if not application.interviews:
        app.notify("No interviews yet: i adds one", severity="warning", markup=False)
        return False
    choices = [
        (str(index + 1), f"{i.held_on:%a %d %b %Y} {one_line(i.stage)}", i.id)
        for index, i in enumerate(application.interviews[:9])
    ]
    chosen = await app.push_screen_wait(PickerScreen("Edit which interview?", choices))
    return chosen is not None and await edit_interview(app, application_id, chosen)


async def edit_which_contact(app: FollowupApp, application_id: int) -> bool:
    """Pick one of the application's contacts, then edit them."""
    application = _load(app, application_id)
    if application is None:
        return False
    if not application.contacts:
        app.notify("No contacts yet: n adds one", severity="warning", markup=False)
        return False
    choices = [
        (str(index + 1), one_line(c.full_name), c.id)
        for index, c in enumerate(application.contacts[:9])
    ]
    chosen = await app.push_screen_wait(PickerScreen("Edit which contact?", choices))
    return chosen is not None and await edit_contact(app, application_id, chosen)


# Touches ----------------------------------------------------------------------------------------


async def _confirm_rules(app: FollowupApp, application: Application, touch: Touch) -> bool:
    """Ask before saving a follow-up that breaks R4 or R2; True to go ahead."""
    if not touch.is_outbound_follow_up:
        return True
    warnings = follow_up_warnings(application, touch.on, touch.kind)
    if not warnings:
        return True
    details = [f"{warning.rule}: {warning.message}" for warning in warnings]
    return await app.push_screen_wait(
        ConfirmScreen("This follow-up breaks a rule. Log it anyway?", details, yes="Log anyway")
    )


async def save_touches(
    app: FollowupApp,
    application: Application,
    touches: list[Touch],
    expected_decision: date | None = None,
) -> bool:
    for touch in touches:
        if not await _confirm_rules(app, application, touch):
            app.notify("Nothing logged", timeout=3, markup=False)
            return False
    what = touches[0].kind.label
    count = f"{len(touches)} " if len(touches) > 1 else ""
    return saved(
        app,
        lambda store: store.log_touches(
            application.id, touches, expected_decision=expected_decision
        ),
        application.id,
        f"Logged {count}{what} for {one_line(application.company)}",
    )


async def log_touch(app: FollowupApp, application_id: int, suggested: Touch) -> bool:
    """The touch form, starting from the suggested touch, then the rule check, then the save."""
    application = _load(app, application_id)
    if application is None:
        return False
    if suggested.kind is TouchKind.THANK_YOU:
        return await thank_you(app, application_id)
    if suggested.contact_id is None:
        # The follow-up's contact (R5: who decides), not a pending thank-you's interviewer.
        follow_up = next(
            (
                action
                for action in assess(application, app.today, app.rules).actions
                if action.contact is not None and action.kind is not ActionKind.THANK_YOU
            ),
            None,
        )
        contact = follow_up.contact if follow_up else who_decides(application, app.today)[0]
        suggested = replace(suggested, contact_id=contact.id if contact else None)
    draft: TouchDraft | None = await app.push_screen_wait(
        touch_form(application, suggested, app.today)
    )
    if draft is None:
        return False
    return await save_touches(app, application, [draft.touch], draft.expected_decision)


async def log_menu(app: FollowupApp, application_id: int) -> bool:
    choice = await app.push_screen_wait(PickerScreen("Log what?", LOG_CHOICES))
    if choice is None:
        return False
    kind, channel = choice
    return await log_touch(app, application_id, Touch(0, app.today, channel, Direction.OUT, kind))


async def thank_you(app: FollowupApp, application_id: int) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    pending = {
        action.contact.id
        for action in assess(application, app.today, app.rules).actions
        if action.kind is ActionKind.THANK_YOU and action.contact is not None
    }
    if not any(i.interviewer_ids for i in application.interviews) and not application.contacts:
        app.notify(
            "Add the people you met first (i: interview, n: contact)",
            severity="warning",
            markup=False,
        )
        return False
    touches = await app.push_screen_wait(thank_you_form(application, pending, app.today))
    if touches is None:
        return False
    return await save_touches(app, application, touches)


async def snooze(app: FollowupApp, application_id: int) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    result = await app.push_screen_wait(snooze_form(application, app.today))
    if result is None:
        return False
    (until,) = result
    message = f"Snoozed until {short_day(until)}" if until else "Awake again"
    return saved(
        app,
        lambda store: store.snooze(application_id, until),
        application_id,
        f"{one_line(application.company)}: {message}",
    )


# The review's keys ------------------------------------------------------------------------------


async def done(app: FollowupApp, item: Item, channel: Channel | None = None) -> bool:
    """Log the action as done, by its suggested channel or the one given.

    Written touches are logged at once; a call opens the form for its outcome.
    """
    action = item.action
    application = item.assessment.application
    channel = channel or action.channel or Channel.EMAIL
    if action.kind is ActionKind.SUGGEST_CLOSE:
        return await close_no_response(app, application)
    kind = _ACTION_TOUCH[action.kind]
    contact_id = action.contact.id if action.contact else None
    if action.kind is ActionKind.THANK_YOU and contact_id is None:
        return await thank_you(app, application.id)
    touch = Touch(0, app.today, channel, Direction.OUT, kind, contact_id)
    if channel is Channel.PHONE:  # a call: its form asks how it went
        return await log_touch(app, application.id, replace(touch, outcome=Outcome.NO_ANSWER))
    return await save_touches(app, application, [touch])


async def other_channel(app: FollowupApp, item: Item) -> bool:
    choices = [
        (key, label, channel)
        for key, label, channel in (
            ("p", "Phone", Channel.PHONE),
            ("e", "Email", Channel.EMAIL),
            ("l", "Letter", Channel.LETTER),
            ("o", "Other", Channel.OTHER),
        )
        if channel is not item.action.channel
    ]
    channel = await app.push_screen_wait(PickerScreen("Done by which channel?", choices))
    if channel is None:
        return False
    return await done(app, item, channel)


async def close_no_response(app: FollowupApp, application: Application) -> bool:
    """R8: after the final note and a week of silence, close, but only when the user says so."""
    question = f"Close {one_line(application.company)} as no response?"
    details = ["It leaves the review and keeps its history."]
    if not await app.push_screen_wait(ConfirmScreen(question, details, yes="Close")):
        return False
    return saved(
        app,
        lambda store: store.close_application(
            application.id, Status.NO_RESPONSE, app.today, "No answer after the final note"
        ),
        application.id,
        f"Closed {one_line(application.company)}: no response",
    )


# Closing, reopening, parking, deleting (R9) -------------------------------------------------------


async def close(app: FollowupApp, application_id: int) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    if application.status.is_closed:
        app.notify("Already closed: O reopens it", severity="warning", markup=False)
        return False
    result = await app.push_screen_wait(close_form(application, app.today))
    if result is None:
        return False
    label = result.status.label
    return saved(
        app,
        lambda store: store.close_application(
            application_id,
            result.status,
            result.on,
            result.reason,
            notes=result.notes,
            rapport_ids=result.rapport_ids,
        ),
        application_id,
        f"Closed {one_line(application.company)}: {label}",
        undo=lambda store: store.restore(application),
    )


async def reopen(app: FollowupApp, application_id: int) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    if not application.status.is_closed:
        app.notify("It is not closed", severity="warning", markup=False)
        return False
    question = f"Reopen {one_line(application.company)}? It goes back into the review."
    if not await app.push_screen_wait(ConfirmScreen(question, yes="Reopen")):
        return False
    return saved(
        app,
        lambda store: store.reopen_application(application_id),
        application_id,
        f"Reopened {one_line(application.company)}",
        undo=lambda store: store.restore(application),
    )


async def park(app: FollowupApp, application_id: int) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    parked = application.status is Status.PARKED
    what = "Back in the schedule" if parked else "Parked (out of the schedule, not closed)"
    return saved(
        app,
        lambda store: store.park_application(application_id, not parked),
        application_id,
        f"{one_line(application.company)}: {what}",
        undo=lambda store: store.restore(application),
    )


async def delete_touch(app: FollowupApp, application_id: int) -> bool:
    application = _load(app, application_id)
    if application is None:
        return False
    touches = list(application.touches)[-9:]
    if not touches:
        app.notify("No touches to delete", severity="warning", markup=False)
        return False
    choices = [
        (str(index), _touch_label(application, touch), touch)
        for index, touch in enumerate(reversed(touches), start=1)
    ]
    touch = await app.push_screen_wait(PickerScreen("Delete which touch?", choices))
    if touch is None:
        return False
    question = f"Delete {_touch_label(application, touch)}?"
    if not await app.push_screen_wait(ConfirmScreen(question, yes="Delete")):
        return False
    return saved(
        app,
        lambda store: store.delete_touch(application_id, touch.id),
        application_id,
        "Deleted the touch",
        undo=lambda store: store.restore_touch(application_id, touch),
    )


async def feedback(app: FollowupApp, application_id: int) -> bool:
    """R9: what they said when asked why, and what you learned."""
    application = _load(app, application_id)
    if application is None:
        return False
    edited = await app.push_screen_wait(feedback_form(application))
    if edited is None:
        return False
    return saved(
        app,
        lambda store: store.save_application(edited),
        application_id,
        f"Saved feedback and lessons for {one_line(application.company)}",
    )


def _touch_label(application: Application, touch: Touch) -> str:
    person = application.contact(touch.contact_id)
    to = "to" if touch.direction is Direction.OUT else "from"
    who = f" {to} {one_line(person.full_name)}" if person else ""
    return f"{short_day(touch.on)}: {touch.kind.label} by {touch.channel.label}{who}"
