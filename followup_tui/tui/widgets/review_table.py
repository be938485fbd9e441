"""The dashboard's table: one row per application, highlighted by urgency."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from followup_tui.domain.dates import short_day
from followup_tui.domain.review import RowState, row_state
from followup_tui.domain.rules import Assessment, FlagKind
from followup_tui.domain.text import one_line
from followup_tui.tui.widgets.line_table import LineTable

_FLAG_WORDS = {
    FlagKind.OVER_FREQUENT: "over-frequent",
    FlagKind.TOO_EARLY: "too early",
    FlagKind.CUT_LOOSE: "gone silent",
    FlagKind.NO_DECISION_MAKER: "who decides?",
}


class ReviewTable(LineTable[Assessment]):
    """Rows are assessments, keyed by application id, coloured by how urgent they are."""

    # Widths fit a 120-cell terminal beside a one-cell scrollbar.
    COLUMNS = (
        ("", 10),
        ("Company", 16),
        ("Role", 14),
        ("Next", 20),
        ("Due", 10),
        ("Contact", 14),
        ("Via", 6),
        ("Flags", 13),
    )
    COMPONENT_CLASSES = {f"review--{state.value}" for state in RowState}

    def row_key(self, row: Assessment) -> object:
        return row.application.id

    def row_cells(self, row: Assessment) -> list[Text]:
        state = row_state(row)
        style = self.get_component_rich_style(f"review--{state.value}", partial=True)
        return _cells(row, state, style)

    @property
    def highlighted_id(self) -> int | None:
        highlighted = self.highlighted
        return highlighted.application.id if highlighted else None


def _cells(assessment: Assessment, state: RowState, style: Style) -> list[Text]:
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
    else:
        values = [
            action.kind.label,
            short_day(action.due),
            action.contact.full_name if action.contact else "—",
            action.channel.label if action.channel else "",
        ]
    texts = [state.mark, application.company, application.role, *values, flags]
    return [
        Text(one_line(value), style=style, no_wrap=True, overflow="ellipsis") for value in texts
    ]
