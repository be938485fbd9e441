"""The pieces an application is shown with on the detail screen and in the review: a person's
card, a timeline row, an action with its day. Content built from the records, never markup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from followup_tui.domain.dates import date_words, day_label
from followup_tui.domain.records import Application, Contact, Direction, Outcome, Touch
from followup_tui.domain.rules import Action, describe
from followup_tui.domain.text import one_line


def head_and_sections(prefix: str, sections: Iterable[tuple[str, str]]) -> ComposeResult:
    """The header (the state's mark beside the title) and one bordered section per (id, title),
    empty until the screen fills them: `{prefix}-head`, `{prefix}-mark`, `{prefix}-title`. For a
    screen's compose, inside its scrolling body."""
    with Horizontal(id=f"{prefix}-head"):
        yield Static(id=f"{prefix}-mark")
        yield Static(id=f"{prefix}-title")
    for section_id, title in sections:
        section = Static(id=section_id, classes="detail-section")
        section.border_title = title
        yield section


# Secondary words (reasons, titles, the status line). "$text-muted" is not applied to Content
# spans, so dim: it follows every theme's foreground.
MUTED = "dim"
ONE_DAY = timedelta(days=1)


def action_line(action: Action, today: date, style: str = "") -> Content:
    """'Call Dana Smith by phone · was due Mon 9 Mar': what, then when (dimmed)."""
    day = day_label(action.last_day, today)
    if action.overdue:
        when = f"was due {day}"
    elif action.last_day <= today + ONE_DAY:
        when = f"due {date_words(action.last_day, today)}"  # today, tomorrow
    else:
        when = f"due {day}"
    return Content.assemble((one_line(describe(action)), style), (f" · {when}", MUTED))


def card(contact: Contact) -> Content:
    """Name with ★ decides and ♥ rapport, then title, e-mail and phone, one a line."""
    marks = [
        mark
        for mark, on in (("★ decides", contact.decision_maker), ("♥ rapport", contact.rapport))
        if on
    ]
    first: list[Content | tuple[str, str] | str] = [(one_line(contact.full_name), "bold")]
    if marks:
        first.append(("  " + "  ".join(marks), "$text-accent"))
    rows = [Content.assemble(*first)]
    rows += [
        Content.assemble(("  ", ""), (one_line(part), MUTED if index else ""))
        for index, part in enumerate(p for p in (contact.title, contact.email, contact.phone) if p)
    ]
    return lines(rows)


def timeline(application: Application, touches: Sequence[Touch], today: date) -> Content:
    """One row per touch in the order given, the days aligned (`touch_row`)."""
    width = max((len(day_label(touch.on, today)) for touch in touches), default=0)
    return lines(touch_row(application, touch, today, width) for touch in touches)


def touch_row(application: Application, touch: Touch, today: date, width: int) -> Content:
    """Date, direction, who, what by which channel and the outcome; the notes under it."""
    contact = application.contact(touch.contact_id)
    outgoing = touch.direction is Direction.OUT
    arrow = "→ to  " if outgoing else "← from"
    who = one_line(contact.full_name) if contact else "them"
    outcome = f", {touch.outcome.label}" if touch.outcome is not Outcome.NONE else ""
    line = Content.assemble(
        (f"{day_label(touch.on, today):<{width}}", "bold"),
        (f" {arrow} ", "$text-accent" if outgoing else "$text-success"),
        f"{who}: {touch.kind.label} by {touch.channel.label}{outcome}",
    )
    if not touch.notes:
        return line
    return Content.assemble(line, "\n", (" " * (width + 8) + one_line(touch.notes), MUTED))


def lines(parts: Iterable[Content | str]) -> Content:
    return Content("\n").join(Content(part) if isinstance(part, str) else part for part in parts)


def blocks(parts: Iterable[Content]) -> Content:
    return Content("\n\n").join(parts)
