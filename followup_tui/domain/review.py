"""The daily review list: what the dashboard shows and `followup due` prints."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from followup_tui.domain.records import Application, Labelled, Status
from followup_tui.domain.rules import (
    DEFAULT_SETTINGS,
    Action,
    ActionKind,
    Assessment,
    FlagKind,
    Settings,
    assess,
    assess_all,
    awaiting_debrief,
)


@dataclass(frozen=True, slots=True)
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


def light(assessment: Assessment) -> Assessment:
    """The assessment with its application cut to what the dashboard shows (its own fields,
    its contacts, today's interviews and those ahead, and the one awaiting its debrief): the
    rules needed the whole history, a row does not. At 100,000 applications the touches and
    past interviews were most of a gigabyte. Screens that need the history (detail, call,
    review) read the application again."""
    application, today = assessment.application, assessment.today
    debrief = awaiting_debrief(application, today)  # R12: the panel offers it
    kept = replace(
        application,
        interviews=tuple(
            interview
            for interview in application.interviews
            if interview.held_on >= today or interview is debrief
        ),
        touches=(),
        call_script=(),
        voicemail_script=(),
        call_drafts=(),
    )
    return replace(assessment, application=kept)


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
    for batch in batches:
        for application in batch:
            assessment = assess(application, today, settings)
            if application.status is Status.ACTIVE or assessment.actions:
                shown.append(light(assessment))
            elif include_closed:
                rest.append(light(assessment))
    shown.sort(key=Assessment.urgency)
    rest.sort(key=Assessment.urgency)
    return shown + rest


@dataclass(frozen=True, slots=True)
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
