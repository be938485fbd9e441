"""The dashboard's table: one row per application, highlighted by urgency."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from followup_tui.domain.dates import short_day
from followup_tui.domain.review import RowState, row_state
from followup_tui.domain.rules import Assessment, FlagKind
from followup_tui.domain.text import one_line

# Widths fit a 120-cell terminal: DataTable pads each cell by one on both sides.
COLUMNS = (
    ("", "mark", 10),
    ("Company", "company", 16),
    ("Role", "role", 15),
    ("Next", "next", 20),
    ("Due", "due", 10),
    ("Contact", "contact", 14),
    ("Via", "via", 6),
    ("Flags", "flags", 13),
)
_FLAG_WORDS = {
    FlagKind.OVER_FREQUENT: "over-frequent",
    FlagKind.TOO_EARLY: "too early",
    FlagKind.CUT_LOOSE: "gone silent",
    FlagKind.NO_DECISION_MAKER: "who decides?",
}


class ReviewTable(DataTable[Text]):
    """Rows keyed by application id. Every cell is a Text object: user text is never markup."""

    COMPONENT_CLASSES = {f"review--{state.value}" for state in RowState}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "Top", show=False),
        Binding("G", "scroll_bottom", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._assessments: list[Assessment] = []

    def on_mount(self) -> None:
        for label, key, width in COLUMNS:
            self.add_column(label, key=key, width=width)
        # Row colours come from the theme: re-style the rows when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._fill())

    def show(self, assessments: list[Assessment]) -> None:
        """Replace the rows, keeping the cursor on the same application when it is still there."""
        keep = self.highlighted_id
        self._assessments = assessments
        self._fill()
        if keep is not None:
            for index, assessment in enumerate(assessments):
                if assessment.application.id == keep:
                    self.move_cursor(row=index)
                    break

    @property
    def highlighted(self) -> Assessment | None:
        if not self._assessments or self.cursor_row >= len(self._assessments):
            return None
        return self._assessments[self.cursor_row]

    @property
    def highlighted_id(self) -> int | None:
        highlighted = self.highlighted
        return highlighted.application.id if highlighted else None

    def _fill(self) -> None:
        self.clear()
        for assessment in self._assessments:
            state = row_state(assessment)
            style = self.get_component_rich_style(f"review--{state.value}", partial=True)
            self.add_row(*_cells(assessment, state, style), key=str(assessment.application.id))


def _cells(assessment: Assessment, state: RowState, style: Style) -> list[Text]:
    application = assessment.application
    action = assessment.next_action
    flags = ", ".join(
        dict.fromkeys(
            _FLAG_WORDS[flag.kind] for flag in assessment.flags if flag.kind in _FLAG_WORDS
        )
    )
    if action is None:
        upcoming = [i for i in application.interviews if i.held_on > assessment.today]
        next_text = f"interview {short_day(upcoming[0].held_on)}" if upcoming else "nothing due"
        values = [next_text, "", "", ""]
    else:
        values = [
            action.kind.label,
            short_day(action.due),
            action.contact.full_name if action.contact else "—",
            action.channel.value if action.channel else "",
        ]
    texts = [state.mark, application.company, application.role, *values, flags]
    return [
        Text(one_line(value), style=style, no_wrap=True, overflow="ellipsis") for value in texts
    ]
