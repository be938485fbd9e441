"""What the forms and the commands both check, worded once: a screen shows the message under
its field, `followup log`/`close`/`edit` print it on one line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from followup_tui.domain.dates import short_day
from followup_tui.domain.records import Application


def not_happened_yet(on: date, today: date) -> str | None:
    """A touch is logged on the day it happened or later, never ahead."""
    if on > today:
        return f"{short_day(on)} has not happened yet: log it on the day"
    return None


def not_come_yet(on: date, today: date) -> str | None:
    """An application is closed on the day it closed or later, never ahead."""
    if on > today:
        return f"{short_day(on)} has not come yet: close it on the day"
    return None


def not_applied_yet(on: date, today: date) -> str | None:
    """The day applied (R11) is today or before."""
    if on > today:
        return f"{short_day(on)} has not come yet: give the day you applied"
    return None


def with_decision_date(application: Application, decision: date | None, today: date) -> Application:
    """The application expecting a decision by `decision` (None: unknown). A changed date was
    learned today (R2 judges status checks after that day), an unchanged one keeps its day."""
    if decision == application.expected_decision:
        return application
    return replace(
        application, expected_decision=decision, decision_learned_on=today if decision else None
    )
