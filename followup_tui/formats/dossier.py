"""One application as plain text: facts, next actions, flags, people, interviews, timeline.

`followup show` prints `dossier_text`. The detail screen styles the same sections: it reads the
`Section`s built here from the records, never this text back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup_tui.domain.dates import day_label
from followup_tui.domain.records import Application, Contact, Direction, Interview, Outcome, Touch
from followup_tui.domain.rules import Action, Assessment, describe
from followup_tui.domain.shared_methods import shared_repr_and_hash
from followup_tui.domain.text import one_line, printable

OVERDUE = "OVERDUE"


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Entry:
    """One item of a section: its line, the lines under it, and a mark before it (OVERDUE)."""

    line: str
    details: tuple[str, ...] = ()
    mark: str = ""


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Section:
    """A part of the dossier: its heading and its entries."""

    heading: str  # "People:"
    entries: tuple[Entry, ...]


def dossier_text(assessment: Assessment) -> str:
    application = assessment.application
    lines = [title(application), *header(application, assessment.today)]
    for section in sections(assessment):
        if not section.entries:
            continue
        lines += ["", section.heading]
        for entry in section.entries:
            mark = f"{entry.mark} " if entry.mark else ""
            lines.append(f"  {mark}{entry.line}")
            lines.extend(f"    {detail}" for detail in entry.details)
    return "\n".join(lines) + "\n"


def title(application: Application) -> str:
    return f"#{application.id} {one_line(application.company)}: {one_line(application.role)}"


def header(application: Application, today: date) -> list[str]:
    """The status line, then each fact that has a value: 'Location: Berlin'."""
    status = f"Status: {application.status.label}; persistence: {application.persistence.value}"
    return [status, *(f"{label}: {value}" for label, value in _facts(application, today) if value)]


def sections(assessment: Assessment) -> tuple[Section, ...]:
    """Next, Flags, People, Interviews, Timeline, in that order; a section may be empty."""
    application, today = assessment.application, assessment.today
    return (
        next_actions(assessment),
        flags(assessment),
        people(application),
        interviews(application, today),
        timeline(application, today),
    )


def next_actions(assessment: Assessment) -> Section:
    return Section(
        "Next:", tuple(_action(action, assessment.today) for action in assessment.actions)
    )


def flags(assessment: Assessment) -> Section:
    return Section(
        "Flags:",
        tuple(
            Entry(f"{flag.kind.label} ({flag.rule}): {one_line(flag.message)}")
            for flag in assessment.flags
        ),
    )


def people(application: Application) -> Section:
    return Section("People:", tuple(map(_contact, application.contacts)))


def interviews(application: Application, today: date) -> Section:
    return Section(
        "Interviews:",
        tuple(_interview(application, interview, today) for interview in application.interviews),
    )


def timeline(application: Application, today: date) -> Section:
    return Section(
        "Timeline:", tuple(_touch(application, touch, today) for touch in application.touches)
    )


def _action(action: Action, today: date) -> Entry:
    return Entry(
        f"{one_line(describe(action))}, due {day_label(action.last_day, today)}",
        (one_line(action.why),),
        OVERDUE if action.overdue else "",
    )


def _contact(contact: Contact) -> Entry:
    marks = [
        m for m, on in (("decides", contact.decision_maker), ("rapport", contact.rapport)) if on
    ]
    details = ", ".join(
        one_line(part) for part in (contact.title, contact.email, contact.phone, *marks) if part
    )
    return Entry(one_line(contact.full_name) + (f" ({details})" if details else ""))


def _interview(application: Application, interview: Interview, today: date) -> Entry:
    names = ", ".join(one_line(c.full_name) for c in application.interviewers(interview))
    at = f" {interview.at_time:%H:%M}" if interview.at_time else ""
    stage = f" {one_line(interview.stage)}" if interview.stage else ""
    details = (
        *((f"discussed: {one_line(interview.topics)}",) if interview.topics else ()),
        *((f"concerns: {one_line(interview.concerns)}",) if interview.concerns else ()),
    )
    return Entry(
        f"{day_label(interview.held_on, today)}{at}{stage}" + (f" with {names}" if names else ""),
        details,
    )


def _touch(application: Application, touch: Touch, today: date) -> Entry:
    contact = application.contact(touch.contact_id)
    arrow = "->" if touch.direction is Direction.OUT else "<-"
    who = f" {one_line(contact.full_name)}" if contact else ""
    outcome = f" ({touch.outcome.label})" if touch.outcome is not Outcome.NONE else ""
    return Entry(
        f"{day_label(touch.on, today)} {arrow}{who} {touch.kind.label} by "
        f"{touch.channel.label}{outcome}",
        (one_line(touch.notes),) if touch.notes else (),
    )


def _facts(application: Application, today: date) -> list[tuple[str, str]]:
    def day(value: date | None) -> str:
        return day_label(value, today) if value else ""

    decision = application.expected_decision
    return [
        ("Location", one_line(application.location)),
        ("Posting", one_line(application.job_url)),
        ("Applied", day(application.applied_on)),
        ("Source", one_line(application.source)),
        ("Expected decision", day(decision) or "unknown"),
        ("Snoozed until", day(application.snoozed_until)),
        ("Strengths", one_line(application.key_strengths)),
        ("Notes", printable(application.notes)),
        ("Closed", day(application.closed_on)),
        ("Reason", one_line(application.closed_reason)),
        ("Feedback", one_line(application.feedback)),
        ("Lessons", one_line(application.lessons)),
    ]
