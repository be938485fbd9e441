"""`followup due`: the agenda as plain text for a terminal and as stable JSON for scripts.

JSON layout: docs/agenda-format.md. Text output passes user text through `one_line`, so a
company name cannot move the cursor or colour the terminal.
"""

from __future__ import annotations

from datetime import date

from followup_tui.domain.dates import short_day
from followup_tui.domain.records import Application, Contact
from followup_tui.domain.review import Item, Summary, review_queue, summarize
from followup_tui.domain.rules import (
    Action,
    ActionKind,
    Assessment,
    Flag,
    describe,
    interview_brief,
)
from followup_tui.domain.text import one_line

TYPE_CHECKING = False  # typing's, without importing typing: the shell agenda (issue 17)
if TYPE_CHECKING:
    from typing import Any

AGENDA_FORMAT = "followup-agenda"
AGENDA_VERSION = 1


def agenda_json(assessments: list[Assessment], today: date, *, everything: bool = False) -> str:
    # Here: `followup due --quiet` in a shell start-up file prints no JSON.
    from followup_tui.formats.json_text import indented_json

    summary = summarize(assessments)
    document: dict[str, Any] = {
        "format": AGENDA_FORMAT,
        "version": AGENDA_VERSION,
        "today": today.isoformat(),
        "summary": {
            "due": summary.due,
            "overdue": summary.overdue,
            "over_frequent": summary.over_frequent,
        },
        "items": [_item_json(item) for item in review_queue(assessments, everything=everything)],
    }
    return indented_json(document) + "\n"


def _item_json(item: Item) -> dict[str, Any]:
    action, application = item.action, item.assessment.application
    contact = action.contact
    return {
        "application": _application_json(application),
        "action": action.kind.value,
        "label": action.kind.label,
        "due": action.due.isoformat(),
        "deadline": action.last_day.isoformat(),
        "overdue": action.overdue,
        "rule": action.rule,
        "why": action.why,
        "channel": action.channel.value if action.channel else None,
        "contact": None if contact is None else _contact_json(contact),
        "interview_id": action.interview_id,
        "interview": _interview_json(application, action),
        "flags": [_flag_json(flag) for flag in item.assessment.flags],
    }


def _interview_json(application: Application, action: Action) -> dict[str, Any] | None:
    """For today's interview (R12): when, who you will meet, the two things to do there."""
    if action.kind is not ActionKind.INTERVIEW:
        return None
    brief = interview_brief(application, action.interview_id)
    if brief is None:
        return None
    return {
        "time": brief.at_time.strftime("%H:%M") if brief.at_time else None,
        "stage": brief.stage,
        "people": [_contact_json(person) for person in brief.people],
        "to_do": list(brief.to_do),
    }


def _contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.full_name,
        "title": contact.title,
        "email": contact.email,
        "phone": contact.phone,
        "decision_maker": contact.decision_maker,
    }


def _application_json(application: Application) -> dict[str, Any]:
    return {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "status": application.status.value,
    }


def _flag_json(flag: Flag) -> dict[str, Any]:
    return {
        "kind": flag.kind.value,
        "rule": flag.rule,
        "message": flag.message,
        "touch_id": flag.touch_id,
    }


def headline(summary: Summary) -> str:
    """Each action counted once, in the dashboard's words: "3 overdue, 2 due today"."""
    return summary.headline(", ")


def agenda_text(assessments: list[Assessment], today: date, *, everything: bool = False) -> str:
    items = review_queue(assessments, everything=everything)
    lines = [f"{today:%a %d %b %Y}: {headline(summarize(assessments))}"]
    if not items:
        lines.append("Nothing due today.")
    for item in items:
        action, application = item.action, item.assessment.application
        if action.overdue:
            mark = "OVERDUE"
        elif action.due <= today:
            mark = "TODAY"
        else:
            mark = "LATER"
        lines.append(
            f"{mark:<8} #{application.id} {one_line(application.company)}"
            f" ({one_line(application.role)})"
        )
        lines.append(f"         {one_line(describe(action))}, due {short_day(action.last_day)}")
        lines.append(f"         {one_line(action.why)}")
        for flag in item.assessment.flags:
            if flag.kind.value in ("over_frequent", "too_early", "cut_loose"):
                lines.append(f"         ! {flag.kind.label}: {one_line(flag.message)}")
    return "\n".join(lines) + "\n"


def agenda_short(assessments: list[Assessment], *, everything: bool = False) -> str:
    """One line per action, for a shell prompt or cron; empty when nothing is due.

    The first character marks it: `!` overdue, `*` due today, a space for later.
    """
    lines = []
    for item in review_queue(assessments, everything=everything):
        action, application = item.action, item.assessment.application
        mark = "!" if action.overdue else ("*" if action.due <= item.assessment.today else " ")
        lines.append(
            f"{mark} {short_day(action.last_day)}  {one_line(application.company)}: "
            f"{one_line(describe(action))}"
        )
    return "".join(line + "\n" for line in lines)
