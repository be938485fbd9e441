"""`followup list`: every application on one line each for a terminal, and stable JSON for
scripts (docs/cli.md). Text output passes user text through `one_line`, so a company name
cannot move the cursor or break the table."""

from __future__ import annotations

from datetime import date

from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.dates import short_day
from followup_tui.domain.rules import Action, Assessment, describe
from followup_tui.domain.text import one_line

if TYPE_CHECKING:
    from typing import Any

LIST_FORMAT = "followup-list"
LIST_VERSION = 1
_HEADINGS = ("ID", "COMPANY", "ROLE", "STATUS", "NEXT ACTION")
_WIDEST = 30  # a company or role cell longer than this is cut with an ellipsis


def listing_text(assessments: list[Assessment]) -> str:
    """A table: id, company, role, status, next action with its day; a header line first."""
    if not assessments:
        return "No applications (add one with `followup add`).\n"
    rows = [_HEADINGS]
    for assessment in assessments:
        application = assessment.application
        rows.append(
            (
                f"#{application.id}",
                _cut(one_line(application.company)),
                _cut(one_line(application.role)),
                application.status.label,
                _next(assessment.next_action, assessment.today),
            )
        )
    # Each column but the last as wide as its widest cell, the cells padded on the right: one
    # format a row (issue 17: `followup list` prints a row per application).
    columns = list(zip(*rows, strict=True))[:-1]
    row_format = "  ".join(f"{{:<{max(map(len, cells))}}}" for cells in columns) + "  {}"
    return "".join(row_format.format(*row).rstrip() + "\n" for row in rows)


def listing_ids(assessments: list[Assessment]) -> str:
    """For shell completion: `ID<tab>company · role`, one a line (fish shows the part after the
    tab as the description; the bash and zsh scripts split it)."""
    return "".join(
        f"{a.application.id}\t{one_line(a.application.company)} · {one_line(a.application.role)}\n"
        for a in assessments
    )


def listing_json(assessments: list[Assessment], today: date) -> str:
    # Here: `followup list` in a shell start-up file prints no JSON.
    from followup_tui.formats.json_text import indented_json

    document = {
        "format": LIST_FORMAT,
        "version": LIST_VERSION,
        "today": today.isoformat(),
        "applications": [_application_json(assessment) for assessment in assessments],
    }
    return indented_json(document) + "\n"


def _application_json(assessment: Assessment) -> dict[str, Any]:
    application, action = assessment.application, assessment.next_action
    return {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "status": application.status.value,
        "next_action": None if action is None else _action_json(action),
    }


def _action_json(action: Action) -> dict[str, Any]:
    return {
        "action": action.kind.value,
        "label": action.kind.label,
        "due": action.due.isoformat(),
        "deadline": action.last_day.isoformat(),  # R1: a thank-you is due by the next day
        "overdue": action.overdue,
        "rule": action.rule,
        "channel": action.channel.value if action.channel else None,
        "contact": None
        if action.contact is None
        else {"id": action.contact.id, "name": action.contact.full_name},
    }


def _next(action: Action | None, today: date) -> str:
    if action is None:
        return "-"
    if action.overdue:
        when = f"due {short_day(action.last_day)} (OVERDUE)"
    elif action.last_day <= today:
        when = "due today"
    elif action.due <= today:  # R1: a thank-you on the interview day, due by the next
        when = f"today, due by {short_day(action.last_day)}"
    else:
        when = f"due {short_day(action.last_day)}"
    return f"{one_line(describe(action))}, {when}"


def _cut(text: str) -> str:
    return text if len(text) <= _WIDEST else text[: _WIDEST - 1] + "…"
