"""What the keys do, shared by the dashboard, the detail screen and the review.

Each flow asks what it needs (forms, confirmations), checks the rules before saving, writes
through `writes.write` (which reports a failure, tells the screens and the user, and remembers
the undo), and returns whether it saved anything. Flows await screens, so callers run them in
an async worker (`tui.actions` does).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from followup_tui.domain.dates import day_label, short_day
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Debrief,
    Direction,
    Interview,
    Outcome,
    Status,
    Touch,
    TouchKind,
    WithdrawAnswer,
)
from followup_tui.domain.review import Item
from followup_tui.domain.rules import (
    ActionKind,
    assess,
    awaiting_debrief,
    follow_up_warnings,
    who_decides,
)
from followup_tui.domain.text import one_line, printable
from followup_tui.store import StoreError
from followup_tui.tui.screens.forms import (
    InterviewDraft,
    TouchDraft,
    WithdrawChoice,
    application_form,
    close_form,
    contact_form,
    debrief_form,
    feedback_form,
    interview_form,
    snooze_form,
    thank_you_form,
    touch_form,
    withdraw_form,
)
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen
from followup_tui.tui.widgets.picker import PickerScreen
from followup_tui.tui.writes import Undo, write

if TYPE_CHECKING:
    from followup_tui.store.repository import DeletedApplication, Store
    from followup_tui.tui.app import FollowupApp

P = ParamSpec("P")
T = TypeVar("T")

_ACTION_TOUCH = {
    ActionKind.THANK_YOU: TouchKind.THANK_YOU,
    ActionKind.ASK_TIMELINE: TouchKind.STATUS_CHECK,
    ActionKind.STATUS_CHECK: TouchKind.STATUS_CHECK,
    ActionKind.FINAL_NOTE: TouchKind.FINAL_NOTE,
    ActionKind.FEEDBACK_CALL: TouchKind.FEEDBACK_REQUEST,
    ActionKind.APPLICATION_FOLLOW_UP: TouchKind.STATUS_CHECK,  # R11: asking where it stands
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
    application_id: int | None,
    done: str,
    *,
    undo: Undo | None = None,
) -> bool:
    """A flow's save of one application (None: of others too) through the write path: True
    once it is saved."""
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


def _loaded(
    flow: Callable[Concatenate[FollowupApp, Application, P], Awaitable[bool]],
) -> Callable[Concatenate[FollowupApp, int, P], Coroutine[Any, Any, bool]]:
    """The flow, given an application's id: it runs on the application as stored now, and
    does nothing when it is gone (`_load` says so)."""

    @functools.wraps(flow)
    async def run(app: FollowupApp, application_id: int, *args: P.args, **kwargs: P.kwargs) -> bool:
        application = _load(app, application_id)
        return application is not None and await flow(app, application, *args, **kwargs)

    return run


def _refused(app: FollowupApp, why: str) -> bool:
    """Say why the key does nothing here; False, as nothing was saved."""
    app.notify(why, severity="warning", markup=False)
    return False


async def _pick(
    app: FollowupApp, title: str, labelled: Sequence[tuple[str, T]], none: str
) -> T | None:
    """One of the first nine (label, value) pairs, by its number; None if there are none (and
    `none` says so) or none is picked."""
    if not labelled:
        _refused(app, none)
        return None
    choices = [(str(key), label, value) for key, (label, value) in enumerate(labelled[:9], start=1)]
    picked: T | None = await app.push_screen_wait(PickerScreen(title, choices))
    return picked


def _restorable(
    app: FollowupApp,
    application: Application,
    change: Callable[[Store], object],
    done: str,
    *,
    others_too: bool = False,
) -> bool:
    """Save a change of the application's own fields and its contacts' marks; undo puts them
    back as they were read. `others_too`: the change reaches other applications as well (an
    offer accepted asks each other one to withdraw, R13), so every screen reads again."""
    changed = None if others_too else application.id
    return saved(app, change, changed, done, undo=lambda store: store.restore(application))


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


async def _edited(
    app: FollowupApp, current: Application, form: FormScreen, done: Callable[[Application], str]
) -> bool:
    """The application's own fields, as the form gives them back, saved."""
    edited: Application | None = await app.push_screen_wait(form)
    if edited is None:
        return False
    return saved(app, lambda store: store.save_application(edited), current.id, done(edited))


@_loaded
async def edit_application(app: FollowupApp, current: Application) -> bool:
    form = application_form(current, app.today)
    return await _edited(app, current, form, lambda edited: f"Saved {one_line(edited.company)}")


@_loaded
async def edit_contact(app: FollowupApp, application: Application, contact_id: int | None) -> bool:
    contact = application.contact(contact_id) if contact_id else None
    edited = await app.push_screen_wait(contact_form(contact))
    if edited is None:
        return False
    return saved(
        app,
        lambda store: store.save_contact(application.id, edited),
        application.id,
        f"Saved {one_line(edited.full_name)}",
    )


@_loaded
async def edit_interview(
    app: FollowupApp, application: Application, interview_id: int | None
) -> bool:
    interview = next((i for i in application.interviews if i.id == interview_id), None)
    draft: InterviewDraft | None = await app.push_screen_wait(
        interview_form(application, interview, app.today)
    )
    if draft is None:
        return False
    return saved(
        app,
        lambda store: store.save_interview(
            application.id,
            draft.interview,
            draft.new_interviewers,
            expected_decision=draft.expected_decision,
            application_version=application.version,
        ),
        application.id,
        f"Saved the {short_day(draft.interview.held_on)} interview",
    )


@_loaded
async def edit_which_interview(app: FollowupApp, application: Application) -> bool:
    """Pick one of the application's interviews, then edit it."""
    labelled = [
        (f"{day_label(i.held_on, app.today)} {one_line(i.stage)}", i.id)
        for i in application.interviews
    ]
    chosen = await _pick(app, "Edit which interview?", labelled, "No interviews yet: i adds one")
    return chosen is not None and await edit_interview(app, application.id, chosen)


@_loaded
async def edit_which_contact(app: FollowupApp, application: Application) -> bool:
    """Pick one of the application's contacts, then edit them."""
    labelled = [(one_line(c.full_name), c.id) for c in application.contacts]
    chosen = await _pick(app, "Edit which contact?", labelled, "No contacts yet: n adds one")
    return chosen is not None and await edit_contact(app, application.id, chosen)


@_loaded
async def debrief(app: FollowupApp, application: Application) -> bool:
    """R12: after an interview, who was there (their cards), the decision date they gave,
    topics and concerns, saved in one write; the thank-you notes (R1) to each person follow.

    The interview awaiting its debrief (`awaiting_debrief`) if there is one; else the one held
    last, or, with several held, the one picked (a debrief saved is edited the same way)."""
    waiting = awaiting_debrief(application, app.today)
    held = list(reversed(application.held_by(app.today)))
    if waiting is not None:
        interview: Interview | None = waiting
    elif len(held) == 1:
        interview = held[0]
    else:
        labelled = [(f"{i.held_on:%a %d %b %Y} {one_line(i.stage)}", i) for i in held]
        none = "No interview held yet: i adds one (today's counts)"
        interview = await _pick(app, "Debrief which interview?", labelled, none)
    if interview is None:
        return False
    result: Debrief | None = await app.push_screen_wait(
        debrief_form(application, interview, app.today)
    )
    if result is None:
        return False
    names = [one_line(person.full_name) for person in result.people]
    return saved(
        app,
        lambda store: store.save_debrief(application.id, result),
        application.id,
        f"Saved the debrief: thank-you notes due to {', '.join(names)} (t logs them)",
    )


# Touches ----------------------------------------------------------------------------------------


async def _confirm_rules(app: FollowupApp, application: Application, touch: Touch) -> bool:
    """Ask before saving a follow-up that breaks R4 or R2; True to go ahead."""
    if not touch.is_outbound_follow_up:
        return True
    warnings = follow_up_warnings(application, touch.on, touch.kind, app.rules)
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


@_loaded
async def log_touch(app: FollowupApp, application: Application, suggested: Touch) -> bool:
    """The touch form, starting from the suggested touch, then the rule check, then the save."""
    return await _logged(app, application, suggested) is not None


async def _logged(
    app: FollowupApp, application: Application, suggested: Touch
) -> list[Touch] | None:
    """`log_touch`'s work: the touches logged, or None when nothing was."""
    if suggested.kind is TouchKind.THANK_YOU:
        return await _thanked(app, application)
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
        return None
    if not await save_touches(app, application, [draft.touch], draft.expected_decision):
        return None
    return [draft.touch]


async def log_menu(app: FollowupApp, application_id: int) -> bool:
    choice = await app.push_screen_wait(PickerScreen("Log what?", LOG_CHOICES))
    if choice is None:
        return False
    kind, channel = choice
    return await log_touch(app, application_id, Touch(0, app.today, channel, Direction.OUT, kind))


@_loaded
async def thank_you(app: FollowupApp, application: Application) -> bool:
    """The thank-you checklist (R1), nobody ticked: the user ticks who they thanked."""
    return await _thanked(app, application) is not None


async def _thanked(app: FollowupApp, application: Application) -> list[Touch] | None:
    """`thank_you`'s work: the notes logged, or None when none were."""
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
        return None
    touches = await app.push_screen_wait(thank_you_form(application, pending, app.today))
    if touches is None or not await save_touches(app, application, touches):
        return None
    return touches


@_loaded
async def snooze(app: FollowupApp, application: Application) -> bool:
    result = await app.push_screen_wait(snooze_form(application, app.today))
    if result is None:
        return False
    (until,) = result
    message = f"Snoozed until {short_day(until)}" if until else "Awake again"
    return saved(
        app,
        lambda store: store.snooze(application.id, until),
        application.id,
        f"{one_line(application.company)}: {message}",
    )


# The review's keys ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepDone:
    """A review step done; `channel`: how, when a touch was logged for it (the review's
    summary names it: a note sent by letter is not "email")."""

    channel: Channel | None = None


def _step(saved: bool) -> StepDone | None:
    return StepDone() if saved else None


def _by(touches: Sequence[Touch] | None) -> StepDone | None:
    return StepDone(touches[0].channel) if touches else None


async def done(app: FollowupApp, item: Item, channel: Channel | None = None) -> StepDone | None:
    """Log the action as done, by its suggested channel or the one given; None when nothing
    was done.

    Written touches are logged at once. A call opens the form for how it went: "reached" to
    start with, as the call panel's end form starts, and the decision date if one was learned
    (R2, R7), saved with the touch in one write.
    """
    action = item.action
    application = item.assessment.application
    channel = channel or action.channel or Channel.EMAIL
    if action.kind is ActionKind.SUGGEST_CLOSE:
        return _step(await close_no_response(app, application))
    if action.kind is ActionKind.INTERVIEW:
        return StepDone()  # R12: nothing to log; the interview's own record says it happened
    if action.kind is ActionKind.WITHDRAW:
        return _step(await withdraw(app, application, action.contact, channel))
    kind = _ACTION_TOUCH[action.kind]
    contact_id = action.contact.id if action.contact else None
    if action.kind is ActionKind.THANK_YOU and contact_id is None:
        return _by(await _thanked(app, application))
    touch = Touch(0, app.today, channel, Direction.OUT, kind, contact_id)
    if channel is Channel.PHONE:  # a call: its form asks how it went
        return _by(await _logged(app, application, replace(touch, outcome=Outcome.REACHED)))
    return _by([touch] if await save_touches(app, application, [touch]) else None)


async def other_channel(app: FollowupApp, item: Item) -> StepDone | None:
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
        return None
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


async def withdraw(
    app: FollowupApp, application: Application, contact: Contact | None, channel: Channel
) -> bool:
    """R13, asked again (the review's d on "Withdraw?"): withdraw (the note sent), keep it, or
    later; nothing happens without the user's word. w in the review shows the note first."""
    company = one_line(application.company)
    choices = [
        ("y", f"Withdraw: the note is sent by {channel.label}; log it, close as withdrawn", True),
        ("k", f"Keep {company}: the search goes on there", False),
        ("l", "Later: ask me again (escape)", None),
    ]
    answer = await app.push_screen_wait(PickerScreen(f"Withdraw from {company}?", choices))
    if answer is None:
        return False
    if not answer:
        return _kept(app, [application])
    return _withdrawn(app, application, contact, channel)


def _withdrawn(
    app: FollowupApp, application: Application, contact: Contact | None, channel: Channel
) -> bool:
    """The withdrawal note logged as sent and the application closed as withdrawn: one write."""
    note = Touch(
        0,
        app.today,
        channel,
        Direction.OUT,
        TouchKind.OTHER,
        contact.id if contact else None,
        notes="Withdrawal note: accepted another offer",
    )
    return saved(
        app,
        lambda store: store.withdraw_application(application.id, note),
        application.id,
        f"Withdrew from {one_line(application.company)}",
    )


def _kept(app: FollowupApp, applications: Sequence[Application]) -> bool:
    """R13: the user keeps these after accepting another offer: their rules go on (one write)."""
    ids = [application.id for application in applications]
    names = ", ".join(one_line(application.company) for application in applications)
    return (
        write(
            app,
            lambda store: store.keep_application(*ids),
            changed=ids[0] if len(ids) == 1 else None,
            done=f"Kept {names}: the search goes on there",
        )
        is not None
    )


async def withdraw_from_others(app: FollowupApp, accepted: Application) -> None:
    """R13: an offer accepted; the other active applications listed, and each withdrawn from,
    kept or left for later as the user says: all, some (ticked), none for now, or keep them all.
    For each one withdrawn from, its drafted note is shown (edit, copy or mail it), then sent,
    logged and the application closed as withdrawn on the user's yes. Those left stay in the
    review as "Withdraw?" until answered."""
    try:
        others = [
            other
            for other in app.reader.review_applications(app.today)
            if other.id != accepted.id
            and other.status is Status.ACTIVE
            and other.withdraw_suggested_on is not None
            and other.withdraw_answer is WithdrawAnswer.UNANSWERED
        ]
    except StoreError as error:
        app.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        return
    if not others:
        return
    count = f"the {len(others)} other applications" if len(others) > 1 else "the other one"
    choices = [
        ("a", "All: a note to each, then each closed as withdrawn", "all"),
        ("s", "Some: tick which (the rest kept, or asked again later)", "some"),
        ("n", "None for now: each stays in the review as “Withdraw?” (escape)", "none"),
        ("k", "Keep them all: the search goes on there", "keep"),
    ]
    title = f"Offer accepted at {one_line(accepted.company)}: withdraw from {count}?"
    answer = await app.push_screen_wait(PickerScreen(title, choices))
    if answer == "keep":
        _kept(app, others)
        return
    if answer not in ("all", "some"):
        app.notify("Each stays in the review as “Withdraw?” until you answer", markup=False)
        return
    chosen, kept = others, []
    if answer == "some":
        picked: WithdrawChoice | None = await app.push_screen_wait(withdraw_form(others))
        if picked is None:
            return
        chosen = [other for other in others if other.id in picked.withdraw_ids]
        if picked.keep_rest:
            kept = [other for other in others if other.id not in picked.withdraw_ids]
    for other in chosen:
        await _send_withdrawal(app, other)
    if kept:
        _kept(app, kept)


async def _send_withdrawal(app: FollowupApp, application: Application) -> bool:
    """Its note drafted and shown, then on the user's yes logged and the application closed."""
    from followup_tui.domain.drafts import withdrawal_draft
    from followup_tui.tui.screens.draft import DraftScreen

    action = assess(application, app.today, app.rules).next_action
    contact = action.contact if action is not None else None
    channel = (action.channel if action is not None else None) or Channel.EMAIL
    try:
        draft = withdrawal_draft(application, contact, app.profile(), app.today)
    except StoreError as error:
        app.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        return False
    await app.push_screen_wait(DraftScreen(draft))
    company = one_line(application.company)
    to = f" to {one_line(contact.full_name)}" if contact else ""
    question = f"Sent the note{to}? Withdraw from {company}"
    details = [
        f"Logs the note as sent by {channel.label} and closes {company} as withdrawn.",
        "No: it stays in the review as “Withdraw?” until you answer.",
    ]
    if not await app.push_screen_wait(ConfirmScreen(question, details, yes="Withdraw")):
        return False
    return _withdrawn(app, application, contact, channel)


# Closing, reopening, parking, deleting (R9) -------------------------------------------------------


@_loaded
async def close(app: FollowupApp, application: Application) -> bool:
    if application.status.is_closed:
        return _refused(app, "Already closed: O reopens it")
    result = await app.push_screen_wait(close_form(application, app.today))
    if result is None:
        return False
    closed = _restorable(
        app,
        application,
        lambda store: store.close_application(
            application.id,
            result.status,
            result.on,
            result.reason,
            notes=result.notes,
            rapport_ids=result.rapport_ids,
        ),
        f"Closed {one_line(application.company)}: {result.status.label}",
        others_too=result.status is Status.OFFER_ACCEPTED,
    )
    if closed and result.status is Status.OFFER_ACCEPTED:
        await withdraw_from_others(app, application)  # R13: the search ends
    return closed


@_loaded
async def reopen(app: FollowupApp, application: Application) -> bool:
    if not application.status.is_closed:
        return _refused(app, "It is not closed")
    question = f"Reopen {one_line(application.company)}? It goes back into the review."
    if not await app.push_screen_wait(ConfirmScreen(question, yes="Reopen")):
        return False
    return _restorable(
        app,
        application,
        lambda store: store.reopen_application(application.id),
        f"Reopened {one_line(application.company)}",
        others_too=application.status is Status.OFFER_ACCEPTED,  # R13: its asks taken back
    )


@_loaded
async def park(app: FollowupApp, application: Application) -> bool:
    parked = application.status is Status.PARKED
    what = "Back in the schedule" if parked else "Parked (out of the schedule, not closed)"
    return _restorable(
        app,
        application,
        lambda store: store.park_application(application.id, not parked),
        f"{one_line(application.company)}: {what}",
    )


@_loaded
async def delete_touch(app: FollowupApp, application: Application) -> bool:
    latest = [(_touch_label(application, t), t) for t in reversed(application.touches[-9:])]
    touch = await _pick(app, "Delete which touch?", latest, "No touches to delete")
    if touch is None:
        return False
    question = f"Delete {_touch_label(application, touch)}?"
    if not await app.push_screen_wait(ConfirmScreen(question, yes="Delete")):
        return False
    return saved(
        app,
        lambda store: store.delete_touch(application.id, touch.id),
        application.id,
        "Deleted the touch",
        undo=lambda store: store.restore_touch(application.id, touch),
    )


@_loaded
async def edit_touch(app: FollowupApp, application: Application) -> bool:
    """Correct a logged touch: its form, filled in as it was logged; saved only if nobody
    changed it meanwhile (the store checks), and u puts it back as it was."""
    latest = [(_touch_label(application, t), t) for t in reversed(application.touches[-9:])]
    touch = await _pick(app, "Edit which touch?", latest, "No touches to edit: l logs one")
    if touch is None:
        return False
    draft: TouchDraft | None = await app.push_screen_wait(
        touch_form(application, touch, app.today, editing=True)
    )
    if draft is None:
        return False
    edited = draft.touch
    if edited == touch:
        app.notify("Nothing changed", timeout=3, markup=False)
        return False
    return saved(
        app,
        lambda store: store.edit_touch(application.id, touch, edited),
        application.id,
        f"Saved {_touch_label(application, edited)}",
        undo=lambda store: store.edit_touch(application.id, edited, touch),
    )


@_loaded
async def delete_application(app: FollowupApp, application: Application) -> bool:
    """Delete an application and all that is its, once the user has seen what goes with it
    and said yes; u puts every row back as it was (one transaction each way)."""
    company = one_line(application.company)
    question = f"Delete {company} ({one_line(application.role)}) and all that is recorded for it?"
    details = [_what_goes(application), "u undoes it (until the next change)."]
    if not await app.push_screen_wait(ConfirmScreen(question, details, yes="Delete")):
        return False
    taken: list[DeletedApplication] = []  # what the delete took, for the undo

    def delete(store: Store) -> None:
        taken.append(store.delete_application(application.id, version=application.version))

    return saved(
        app,
        delete,
        application.id,
        f"Deleted {company}",
        undo=lambda store: store.undelete_application(taken[0]),
    )


def _what_goes(application: Application) -> str:
    """'With it go its 2 people (Dana Reyes, Lee Park), 1 interview and 3 touches.'"""
    names = [one_line(contact.full_name) for contact in application.contacts]
    shown = ", ".join(names[:6] + (["…"] if len(names) > 6 else []))
    parts = []
    if names:
        parts.append(f"{_counted(len(names), 'person', 'people')} ({shown})")
    if application.interviews:
        parts.append(_counted(len(application.interviews), "interview", "interviews"))
    if application.touches:
        parts.append(_counted(len(application.touches), "touch", "touches"))
    if application.call_script or application.voicemail_script:
        parts.append("the call script you edited")
    if application.call_drafts:
        parts.append("the notes of a call left open")
    if not parts:
        return "Nothing else is recorded for it."
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"With it go its {listed}."


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@_loaded
async def feedback(app: FollowupApp, application: Application) -> bool:
    """R9: what they said when asked why, and what you learned."""
    done = f"Saved feedback and lessons for {one_line(application.company)}"
    return await _edited(app, application, feedback_form(application), lambda _: done)


def _touch_label(application: Application, touch: Touch) -> str:
    person = application.contact(touch.contact_id)
    to = "to" if touch.direction is Direction.OUT else "from"
    who = f" {to} {one_line(person.full_name)}" if person else ""
    return f"{short_day(touch.on)}: {touch.kind.label} by {touch.channel.label}{who}"
