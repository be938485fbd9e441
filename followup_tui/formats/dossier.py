"""One application as plain text: facts, next actions, flags, people, interviews, timeline.

`followup show` prints `dossier_text`. The detail screen styles the same sections: it reads the
`Section`s built here from the records, never this text back.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup_tui.domain.records import Application, Contact, Direction, Interview, Outcome, Touch
from followup_tui.domain.rules import Action, Assessment, describe
from followup_tui.domain.text import one_line, printable

DAY = "%a %d %b %Y"
OVERDUE = "OVERDUE"


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a section: its line, the lines under it, and a mark before it (OVERDUE)."""

    line: str
    details: tuple[str, ...] = ()
    mark: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    heading: str  # "People:"
    entries: tuple[Entry, ...]


def dossier_text(assessment: Assessment) -> str:
    application = assessment.application
    lines = [title(application), *header(application)]
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


def header(application: Application) -> list[str]:
    """The status line, then each fact that has a value: 'Location: Berlin'."""
    status = f"Status: {application.status.label}; persistence: {application.persistence.value}"
    return [status, *(f"{label}: {value}" for label, value in _facts(application) if value)]


def sections(assessment: Assessment) -> tuple[Section, ...]:
    """Next, Flags, People, Interviews, Timeline, in that order; a section may be empty."""
    application = assessment.application
    return (
        next_actions(assessment),
        flags(assessment),
        people(application),
        interviews(application),
        timeline(application),
    )


def next_actions(assessment: Assessment) -> Section:
    return Section("Next:", tuple(map(_action, assessment.actions)))


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


def interviews(application: Application) -> Section:
    return Section(
        "Interviews:",
        tuple(_interview(application, interview) for interview in application.interviews),
    )


def timeline(application: Application) -> Section:
    return Section("Timeline:", tuple(_touch(application, touch) for touch in application.touches))


def _action(action: Action) -> Entry:
    return Entry(
        f"{one_line(describe(action))}, due {action.last_day:{DAY}}",
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


def _interview(application: Application, interview: Interview) -> Entry:
    names = ", ".join(one_line(c.full_name) for c in application.interviewers(interview))
    at = f" {interview.at_time:%H:%M}" if interview.at_time else ""
    stage = f" {one_line(interview.stage)}" if interview.stage else ""
    details = (
        *((f"discussed: {one_line(interview.topics)}",) if interview.topics else ()),
        *((f"concerns: {one_line(interview.concerns)}",) if interview.concerns else ()),
    )
    return Entry(
        f"{interview.held_on:{DAY}}{at}{stage}" + (f" with {names}" if names else ""), details
    )


def _touch(application: Application, touch: Touch) -> Entry:
    contact = application.contact(touch.contact_id)
    arrow = "->" if touch.direction is Direction.OUT else "<-"
    who = f" {one_line(contact.full_name)}" if contact else ""
    outcome = f" ({touch.outcome.label})" if touch.outcome is not Outcome.NONE else ""
    return Entry(
        f"{touch.on:{DAY}} {arrow}{who} {touch.kind.label} by {touch.channel.label}{outcome}",
        (one_line(touch.notes),) if touch.notes else (),
    )


def _facts(application: Application) -> list[tuple[str, str]]:
    decision = application.expected_decision
    return [
        ("Location", one_line(application.location)),
        ("Posting", one_line(application.job_url)),
        ("Applied", f"{application.applied_on:{DAY}}" if application.applied_on else ""),
        ("Source", one_line(application.source)),
        ("Expected decision", f"{decision:{DAY}}" if decision else "unknown"),
        (
            "Snoozed until",
            f"{application.snoozed_until:{DAY}}" if application.snoozed_until else "",
        ),
        ("Strengths", one_line(application.key_strengths)),
        ("Notes", printable(application.notes)),
        ("Closed", f"{application.closed_on:{DAY}}" if application.closed_on else ""),
        ("Reason", one_line(application.closed_reason)),
        ("Feedback", one_line(application.feedback)),
        ("Lessons", one_line(application.lessons)),
    ]
