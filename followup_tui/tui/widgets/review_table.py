"""The dashboard's table: one row per application, highlighted by urgency."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from followup_tui.domain.dates import short_day
from followup_tui.domain.review import RowState, row_state
from followup_tui.domain.rules import ActionKind, Assessment, FlagKind, interview_brief
from followup_tui.domain.text import one_line
from followup_tui.tui.widgets.line_table import Column, LineTable

_FLAG_WORDS = {
    FlagKind.OVER_FREQUENT: "over-frequent",
    FlagKind.TOO_EARLY: "too early",
    FlagKind.CUT_LOOSE: "gone silent",
    FlagKind.NO_DECISION_MAKER: "who decides?",
}


class ReviewTable(LineTable[Assessment]):
    """Rows are assessments, keyed by application id, coloured by how urgent they are."""

    # At 80 columns the status, company, next action, due date and contact stay; the role goes
    # first, then the flags, then the channel.
    COLUMNS = (
        Column("", 10),
        Column("Company", 10, 30),
        Column("Role", 10, 30, drop=3),
        Column("Next", 12, 28),
        Column("Due", 10),
        Column("Contact", 10, 24),
        Column("Via", 5, 8, drop=1),
        Column("Flags", 8, 30, drop=2),
    )
    COMPONENT_CLASSES = {f"review--{state.value}" for state in RowState}

    def row_key(self, row: Assessment) -> object:
        return row.application.id

    def row_cells(self, row: Assessment) -> list[Text]:
        state = row_state(row)
        style = self.state_style(state)
        return [
            Text(value, style=style, no_wrap=True, overflow="ellipsis")
            for value in _values(row, state)
        ]

    def row_widths(self, row: Assessment) -> list[int]:
        return [cell_len(value) for value in _values(row, row_state(row))]

    def state_style(self, state: RowState) -> Style:
        """The highlight of rows in that state (app.tcss), for anything counting them."""
        return self.get_component_rich_style(f"review--{state.value}", partial=True)

    @property
    def highlighted_id(self) -> int | None:
        highlighted = self.highlighted
        return highlighted.application.id if highlighted else None


def _values(assessment: Assessment, state: RowState) -> list[str]:
    application = assessment.application
    action = assessment.next_action
    flags = ", ".join(
        dict.fromkeys(
            _FLAG_WORDS[flag.kind] for flag in assessment.flags if flag.kind in _FLAG_WORDS
        )
    )
    if action is None:
        upcoming = application.upcoming(assessment.today)
        next_text = f"interview {short_day(upcoming[0].held_on)}" if upcoming else "nothing due"
        values = [next_text, "", "", ""]
    elif action.kind is ActionKind.INTERVIEW:  # R12: when, and who you will meet
        brief = interview_brief(application, action.interview_id)
        at = f" {brief.at_time:%H:%M}" if brief and brief.at_time else ""
        people = ", ".join(person.full_name for person in brief.people) if brief else ""
        values = [f"{action.kind.label}{at}", short_day(action.last_day), people or "—", ""]
    else:
        values = [
            action.kind.label,
            short_day(action.last_day),
            action.contact.full_name if action.contact else "—",
            action.channel.label if action.channel else "",
        ]
    texts = [state.mark, application.company, application.role, *values, flags]
    return [one_line(value) for value in texts]
