"""The dashboard's table: one row per application, highlighted by urgency.

A Line API widget: it renders only the rows in view, so 10,000 rows cost what 30 do. (Textual's
DataTable builds and measures every row: a quarter of a second per thousand, again on every
filter key.) The header stays on the first line; the rest scroll under it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from followup_tui.domain.dates import short_day
from followup_tui.domain.review import RowState, row_state
from followup_tui.domain.rules import Assessment, FlagKind
from followup_tui.domain.text import one_line

# Widths fit a 120-cell terminal beside a one-cell scrollbar; each cell is padded by one on
# both sides.
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
ROW_WIDTH = sum(width + 2 for _label, width in COLUMNS)
_FLAG_WORDS = {
    FlagKind.OVER_FREQUENT: "over-frequent",
    FlagKind.TOO_EARLY: "too early",
    FlagKind.CUT_LOOSE: "gone silent",
    FlagKind.NO_DECISION_MAKER: "who decides?",
}


class ReviewTable(ScrollView, can_focus=True):
    """Rows are assessments; every cell is a Text object, so user text is never markup."""

    COMPONENT_CLASSES = {
        *(f"review--{state.value}" for state in RowState),
        "review--header",
        "review--cursor",
        "review--cursor-blurred",
    }
    DEFAULT_CSS = """
    ReviewTable {
        background: $surface;
        color: $foreground;
        overflow-x: auto;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .review--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .review--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .review--cursor-blurred {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous application"),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next application"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="A screenful up"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="A screenful down"),
        Binding("home,g", "first", "Top", show=False, tooltip="First application"),
        Binding("end,G", "last", "Bottom", show=False, tooltip="Last application"),
        Binding("enter", "select", "Open", show=False, tooltip="Open the highlighted application"),
    ]

    class Selected(Message):
        """Enter, or a click on the highlighted row."""

        def __init__(self, table: ReviewTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> ReviewTable:
            return self.table

    def __init__(
        self,
        *,
        on_highlight: Callable[[Assessment | None], None] | None = None,
        id: str | None = None,
    ) -> None:
        """on_highlight is called when the cursor lands on another row, before the frame is
        drawn: a message would reach the panel below one frame (some 17 ms) later."""
        super().__init__(id=id)
        self._on_highlight = on_highlight
        self._assessments: list[Assessment] = []
        self._cursor = 0
        self._cells: dict[int, list[Text]] = {}  # row index -> cells, built when first shown

    def on_mount(self) -> None:
        self.virtual_size = Size(ROW_WIDTH, 1)
        # Row colours come from the theme: re-style the rows when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    # Rows and the cursor --------------------------------------------------------------------

    def show(self, assessments: list[Assessment]) -> None:
        """Replace the rows, keeping the cursor on the same application when it is still there."""
        keep = self.highlighted_id
        self._assessments = assessments
        self._cells.clear()
        self.virtual_size = Size(ROW_WIDTH, len(assessments) + 1)
        cursor = 0
        if keep is not None:
            cursor = next(
                (i for i, a in enumerate(assessments) if a.application.id == keep), self._cursor
            )
        self._cursor = max(0, min(cursor, len(assessments) - 1))
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    @property
    def row_count(self) -> int:
        return len(self._assessments)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    def move_cursor(self, *, row: int) -> None:
        if not self._assessments:
            return
        row = max(0, min(row, len(self._assessments) - 1))
        if row == self._cursor:
            return
        old, self._cursor = self._cursor, row
        self._refresh_row(old)
        self._refresh_row(row)
        self._scroll_to_cursor()
        self._highlighted()

    def _highlighted(self) -> None:
        if self._on_highlight is not None:
            self._on_highlight(self.highlighted)

    @property
    def highlighted(self) -> Assessment | None:
        if not self._assessments:
            return None
        return self._assessments[self._cursor]

    @property
    def highlighted_id(self) -> int | None:
        highlighted = self.highlighted
        return highlighted.application.id if highlighted else None

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of one row, styled as shown (without the cursor)."""
        cells = self._cells.get(index)
        if cells is None:
            assessment = self._assessments[index]
            state = row_state(assessment)
            style = self.get_component_rich_style(f"review--{state.value}", partial=True)
            cells = self._cells[index] = _cells(assessment, state, style)
        return cells

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        visible = self._visible_rows()
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + visible:
            self.scroll_to(y=self._cursor - visible + 1, animate=False, immediate=True)

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(index + 1)  # line 0 is the header

    def _restyle(self) -> None:
        self._cells.clear()
        self.refresh()

    # Keys and the mouse ----------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor + 1)

    def action_page_up(self) -> None:
        self.move_cursor(row=self._cursor - self._visible_rows())

    def action_page_down(self) -> None:
        self.move_cursor(row=self._cursor + self._visible_rows())

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=len(self._assessments) - 1)

    def action_select(self) -> None:
        if self._assessments:
            self.post_message(self.Selected(self))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return  # the header
        row = round(self.scroll_y) + event.y - 1
        if row >= len(self._assessments):
            return
        if row == self._cursor:
            self.action_select()
        else:
            self.move_cursor(row=row)

    def on_focus(self) -> None:
        self._refresh_row(self._cursor)

    def on_blur(self) -> None:
        self._refresh_row(self._cursor)

    # Rendering ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("review--header")
            cells = [Text(label) for label, _width in COLUMNS]
            return self._strip(cells, style, None, width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self._assessments):
            return Strip.blank(width, base)
        cursor = None
        if index == self._cursor:
            name = "review--cursor" if self.has_focus else "review--cursor-blurred"
            cursor = self.get_component_rich_style(name)
        return self._strip(self.get_row_at(index), base, cursor, width)

    def _strip(self, cells: list[Text], base: Style, cursor: Style | None, width: int) -> Strip:
        # The row's own style (its cells share it) fills the padding between cells too.
        line = Text(no_wrap=True, end="", style=cells[0].style)
        for cell, (_label, cell_width) in zip(cells, COLUMNS, strict=True):
            part = cell.copy()
            part.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append_text(part)
            line.append(" ")
        segments = Segment.apply_style(line.render(self.app.console), base, cursor)
        strip = Strip(segments, ROW_WIDTH)
        left = round(self.scroll_x)
        return strip.crop_extend(left, left + width, base if cursor is None else base + cursor)


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
