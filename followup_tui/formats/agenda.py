"""`followup due`: the agenda as plain text for a terminal and as stable JSON for scripts.

JSON layout: docs/agenda-format.md. Text output passes user text through `one_line`, so a
company name cannot move the cursor or colour the terminal.
"""

from __future__ import annotations

from datetime import date

from followup_tui.domain.dates import short_day
from followup_tui.domain.review import Summary, review_queue, summarize
from followup_tui.domain.rules import (
    Assessment,
    describe,
)
from followup_tui.domain.text import one_line

AGENDA_FORMAT = "followup-agenda"
AGENDA_VERSION = 1


def agenda_json(assessments: list[Assessment], today: date, *, everything: bool = False) -> str:
    """The agenda as JSON (docs/agenda-format.md), as `json.dumps(document, indent=2,
    ensure_ascii=False)` writes it, with a line end."""
    # Here: `followup due --quiet` in a shell start-up file writes no JSON.
    from followup_tui.formats.agenda_json import agenda_json_text

    return agenda_json_text(assessments, today, everything=everything)


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
