"""The daily review list: what the dashboard shows and `followup due` prints."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from operator import attrgetter

from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.records import Application, Contact, Interview, Labelled, Status
from followup_tui.domain.rules import (
    DEFAULT_SETTINGS,
    Action,
    ActionKind,
    Assessment,
    Flag,
    FlagKind,
    Settings,
    assess,
    assess_all,
    awaiting_debrief,
)
from followup_tui.domain.shared_methods import shared_repr_and_hash

if TYPE_CHECKING:
    from typing import Any, TypeVar

    _Record = TypeVar("_Record", Application, Contact, Interview, Action, Flag, Assessment)


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Summary:
    """What is due, each action counted once: overdue or due today, never both."""

    overdue: int  # actions due before today
    due_today: int  # actions due today (not the overdue ones)
    over_frequent: int  # applications whose latest follow-ups came too close together

    @property
    def due(self) -> int:
        """Actions due today or earlier: the steps of the daily review."""
        return self.overdue + self.due_today

    def counts(self) -> list[tuple[RowState, str]]:
        """The counts in words, each with the highlight its rows wear: overdue and
        over-frequent when there are any, due today always. The dashboard, the review and
        `followup due` all say it this way."""
        parts = []
        if self.overdue:
            parts.append((RowState.OVERDUE, f"{self.overdue} overdue"))
        parts.append((RowState.TODAY, f"{self.due_today} due today"))
        if self.over_frequent:
            parts.append((RowState.OVER_FREQUENT, f"{self.over_frequent} over-frequent"))
        return parts

    def headline(self, separator: str = " · ") -> str:
        return separator.join(words for _state, words in self.counts())


def review_list(
    applications: Iterable[Application],
    today: date,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    include_closed: bool = False,
) -> list[Assessment]:
    """Active applications, and closed ones that still owe an action (R9), most urgent first;
    with include_closed, the parked and closed ones after them."""
    assessments = assess_all(applications, today, settings)
    shown = [a for a in assessments if a.application.status is Status.ACTIVE or a.actions]
    if include_closed:
        ids = {a.application.id for a in shown}
        shown += [a for a in assessments if a.application.id not in ids]
    return shown


def light(assessment: Assessment, texts: dict[str, str] | None = None) -> Assessment:
    """The assessment cut to what the dashboard shows of it: a row, its panel, the filter.

    The application keeps its own fields but the text ones no row or panel shows (its notes
    stay); its contacts their names, and the people of the interviews kept their card facts
    too (today's brief shows them); of its interviews, today's, those ahead and the one
    awaiting its debrief (R12). The rules needed the whole history, a row does not: at 100,000
    applications all active the touches and past interviews were most of a gigabyte, and the
    contacts' other facts, the uids and each row's own copy of the same reasons some 150 MB
    more (issue 17). The actions name the row's cut contacts. Screens that need more (detail,
    call, review) read the application again.

    `texts`, shared by the rows of one load, holds each reason and flag message once: many
    rows give the same ones ("Gone silent: 4 follow-ups unanswered")."""
    application, today = assessment.application, assessment.today
    debrief = awaiting_debrief(application, today)  # R12: the panel offers it
    interviews = tuple(
        _blank(interview, _INTERVIEW_UNSHOWN)
        for interview in application.interviews
        if interview.held_on >= today or interview is debrief
    )
    met = {contact_id for interview in interviews for contact_id in interview.interviewer_ids}
    contacts = tuple(
        _blank(contact, _CONTACT_UNSHOWN if contact.id in met else _CONTACT_UNSHOWN + _CARD)
        for contact in application.contacts
    )
    by_id = {contact.id: contact for contact in contacts}
    kept = _copy(
        application,
        {
            **_emptied(application, _APPLICATION_UNSHOWN),
            "contacts": contacts,
            "interviews": interviews,
            "touches": (),
            "call_script": (),
            "voicemail_script": (),
            "call_drafts": (),
        },
    )
    shared: dict[str, str] = {} if texts is None else texts
    actions = tuple(
        _copy(
            action,
            {
                "why": shared.setdefault(action.why, action.why),
                "contact": action.contact and by_id.get(action.contact.id, action.contact),
            },
        )
        for action in assessment.actions
    )
    flags = tuple(_shared_message(flag, shared) for flag in assessment.flags)
    return _copy(assessment, {"application": kept, "actions": actions, "flags": flags})


# The text a light row leaves out (`light`): an application's fields no row or panel shows, a
# contact's beyond the name (and the card facts, for the people of the interviews kept), an
# interview's notes. Identity (uid) is the store's business, not a row's.
_APPLICATION_UNSHOWN = (
    "key_strengths",
    "feedback",
    "job_url",
    "location",
    "closed_reason",
    "lessons",
    "source",
    "uid",
)
_CONTACT_UNSHOWN = ("postal_address", "notes", "uid")
_CARD = ("title", "email", "phone")
_INTERVIEW_UNSHOWN = ("notes", "uid")


def _shared_message(flag: Flag, shared: dict[str, str]) -> Flag:
    message = shared.setdefault(flag.message, flag.message)
    return flag if message is flag.message else _copy(flag, {"message": message})


def _emptied(record: object, names: tuple[str, ...]) -> dict[str, str]:
    """The changes that empty these text fields of the record (those not empty already)."""
    return {name: "" for name in names if getattr(record, name)}


def _blank(record: _Record, names: tuple[str, ...]) -> _Record:
    """The record with these text fields empty: itself when they are already."""
    changes = _emptied(record, names)
    return _copy(record, changes) if changes else record


# Per record class: what reads all its fields at once, and each field's place among them.
_FIELDS: dict[type, tuple[attrgetter, dict[str, int]]] = {}


def _copy(record: _Record, changes: dict[str, Any]) -> _Record:
    """`dataclasses.replace(record, **changes)`, faster (a row's copies took a third less
    time): every row of a load goes through here a dozen times. Each field of these records
    is an argument of its class, in order."""
    kind = type(record)
    try:
        read, place = _FIELDS[kind]
    except KeyError:
        names = [field.name for field in fields(kind)]
        read, place = _FIELDS[kind] = attrgetter(*names), {n: i for i, n in enumerate(names)}
    values = list(read(record))
    for name, value in changes.items():
        values[place[name]] = value
    return kind(*values)


def light_review_list(
    batches: Iterable[Iterable[Application]],
    today: date,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    include_closed: bool = False,
) -> list[Assessment]:
    """`review_list` over applications read a batch at a time, each assessment made `light`
    as it comes: only one batch's histories are in memory at once."""
    shown: list[Assessment] = []
    rest: list[Assessment] = []
    texts: dict[str, str] = {}
    for batch in batches:
        for application in batch:
            assessment = assess(application, today, settings)
            if application.status is Status.ACTIVE or assessment.actions:
                shown.append(light(assessment, texts))
            elif include_closed:
                rest.append(light(assessment, texts))
    shown.sort(key=Assessment.urgency)
    rest.sort(key=Assessment.urgency)
    return shown + rest


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Item:
    """One action of one application: a step of the daily review."""

    assessment: Assessment
    action: Action


def review_queue(assessments: Iterable[Assessment], *, everything: bool = False) -> list[Item]:
    """Every action due today or earlier (or every action at all), most urgent first:
    overdue thank-you notes, then overdue follow-ups, then what is due today."""
    items = [
        Item(assessment, action)
        for assessment in assessments
        for action in assessment.actions
        if everything or action.due <= assessment.today
    ]
    items.sort(
        key=lambda item: (
            *item.action.urgency(item.assessment.today),
            item.assessment.application.company.casefold(),
            item.assessment.application.id,
        )
    )
    return items


def summarize(assessments: Iterable[Assessment]) -> Summary:
    overdue = due_today = frequent = 0
    for assessment in assessments:
        for action in assessment.due_actions:
            if action.overdue:
                overdue += 1
            else:
                due_today += 1
        frequent += assessment.has(FlagKind.OVER_FREQUENT)
    return Summary(overdue, due_today, frequent)


class RowState(Labelled):
    """How loudly a row in the review is highlighted, strongest first; the label is its mark."""

    OVERDUE_THANK_YOU = "overdue-thank-you", "‼ OVERDUE"  # R1: the strongest highlight
    OVERDUE = "overdue", "! OVERDUE"
    OVER_FREQUENT = "over-frequent", "≈ TOO SOON"  # R4
    TODAY = "today", "● TODAY"
    LATER = "later", "· later"
    IDLE = "idle", "○ waiting"  # nothing to do
    PARKED = "parked", "‖ parked"
    CLOSED = "closed", "✓ closed"

    @property
    def mark(self) -> str:
        """A symbol and a word, so the row reads without colour."""
        return self.label


def row_state(assessment: Assessment) -> RowState:
    action = assessment.next_action
    if action is not None and action.overdue:
        if action.kind is ActionKind.THANK_YOU:
            return RowState.OVERDUE_THANK_YOU
        return RowState.OVERDUE
    if assessment.has(FlagKind.OVER_FREQUENT):
        return RowState.OVER_FREQUENT
    if action is None:
        status = assessment.application.status
        if status is Status.PARKED:
            return RowState.PARKED
        if status.is_closed:
            return RowState.CLOSED
        return RowState.IDLE
    if action.due <= assessment.today:
        return RowState.TODAY
    return RowState.LATER
