"""A readable dossier per application in Markdown: facts, people, interviews, timeline, notes.

User text is escaped, so a company called `*ACME* [x](y)` prints as typed instead of as
formatting or a link.
"""

from __future__ import annotations

import re
from datetime import date

from followup_tui.domain.records import Application, Direction, Outcome
from followup_tui.domain.rules import DEFAULT_SETTINGS, Settings, assess, describe
from followup_tui.domain.text import printable

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def escape(text: str) -> str:
    """Markdown-inert text on one line: specials backslash-escaped, controls made visible."""
    line = " ".join(printable(text).split())
    line = _SPECIAL.sub(r"\\\1", line)
    if re.match(r"^(\d+)\.", line) or line.startswith(("-", "=")):
        line = "\\" + line  # would start a list or an underline
    return line


def block(text: str) -> str:
    """Multi-line user text, each line escaped, kept as separate lines."""
    return "  \n".join(escape(line) for line in printable(text).splitlines() if line.strip())


def to_markdown(
    applications: list[Application], today: date, settings: Settings = DEFAULT_SETTINGS
) -> str:
    return "\n---\n\n".join(_dossier(application, today, settings) for application in applications)


def _dossier(application: Application, today: date, settings: Settings) -> str:
    assessment = assess(application, today, settings)
    out = [f"# {escape(application.company)}: {escape(application.role)}", ""]
    facts = [
        ("Status", application.status.label),
        ("Persistence", application.persistence.value),
        ("Location", application.location),
        ("Posting", application.job_url),
        ("Applied", str(application.applied_on or "")),
        ("Source", application.source),
        ("Expected decision", str(application.expected_decision or "unknown")),
        ("Key strengths", application.key_strengths),
        ("Closed", str(application.closed_on or "")),
        ("Reason", application.closed_reason),
        ("Feedback", application.feedback),
        ("Lessons", application.lessons),
    ]
    for label, value in facts:
        if value:
            out.append(f"- **{label}:** {escape(value)}")
    if application.notes.strip():
        out += ["", "## Notes", "", block(application.notes)]
    if assessment.actions:
        out += ["", f"## Next (as of {today.isoformat()})", ""]
        for action in assessment.actions:
            late = " **(overdue)**" if action.overdue else ""
            out.append(f"- {action.last_day.isoformat()}: {escape(describe(action))}{late}")
            out.append(f"  - {escape(action.why)}")
    if application.contacts:
        out += ["", "## People", ""]
        for contact in application.contacts:
            marks = [m for m, on in (("decides", contact.decision_maker),
                                     ("rapport", contact.rapport)) if on]  # fmt: skip
            card = [contact.title, contact.email, contact.phone, contact.postal_address, *marks]
            details = ", ".join(escape(part) for part in card if part)
            out.append(f"- **{escape(contact.full_name)}**" + (f" ({details})" if details else ""))
    if application.interviews:
        out += ["", "## Interviews", ""]
        for interview in application.interviews:
            people = ", ".join(escape(c.full_name) for c in application.interviewers(interview))
            at = f" {interview.at_time:%H:%M}" if interview.at_time else ""
            stage = f" {escape(interview.stage)}" if interview.stage else ""
            out.append(f"- {interview.held_on.isoformat()}{at}{stage}"
                       + (f" with {people}" if people else ""))  # fmt: skip
            if interview.topics:
                out.append(f"  - Discussed: {escape(interview.topics)}")
            if interview.concerns:
                out.append(f"  - Concerns: {escape(interview.concerns)}")
    if application.touches:
        out += ["", "## Timeline", ""]
        for touch in application.touches:
            person = application.contact(touch.contact_id)
            arrow = "to" if touch.direction is Direction.OUT else "from"
            who = f" {arrow} {escape(person.full_name)}" if person else ""
            outcome = "" if touch.outcome is Outcome.NONE else f" ({touch.outcome.label})"
            minutes = (
                f", {round(touch.duration_seconds / 60)} min" if touch.duration_seconds else ""
            )
            out.append(
                f"- {touch.on.isoformat()}: {touch.kind.label} by "
                f"{touch.channel.label}{who}{outcome}{minutes}"
            )
            if touch.notes.strip():
                out.append(f"  - {escape(touch.notes)}")
    return "\n".join(out) + "\n"
