"""A table that renders only the rows in view (Textual's Line API).

Textual's DataTable builds and measures every row up front: a quarter of a second per thousand
rows, again whenever the rows change. Here a row's cells are built the first time it scrolls
into view, so 100,000 rows cost what 30 do. The header stays on the first line while the rows
scroll under it. Subclasses say what a row's cells are.

Columns take their width from the content (of the first rows, measured when the rows change)
and the terminal: each grows from its narrowest to what its content needs, up to a cap; when
the terminal is too narrow for them all, the optional columns go, the least important first,
before the ones that must stay are cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = TypeVar("Row")

MEASURED_ROWS = 100  # rows read for the content's width: the most urgent, at the top


@dataclass(frozen=True, slots=True)
class Column:
    """A column: drawn at least `least` cells wide, at most `most` (as wide as its content
    between the two). `drop` 0 keeps it at any width; optional columns go when the terminal is
    too narrow, the highest `drop` first."""

    label: str
    least: int
    most: int = 0  # 0: the same as least, a fixed width
    drop: int = 0

    @property
    def widest(self) -> int:
        return max(self.least, self.most)


def _column(column: Column | tuple[str, int]) -> Column:
    if isinstance(column, Column):
        return column
    label, width = column
    return Column(label, width)


def fit_columns(
    columns: Sequence[Column], needed: Sequence[int], available: int
) -> tuple[list[tuple[int, int]], int]:
    """Which columns to draw and how wide, and the gap between them, to fit `available` cells.

    needed: how wide each column's content is. Returns ([(column index, width)], gap).
    A line is one cell of margin, the cells with the gap between them, and one cell after.
    """
    natural = [
        max(column.least, min(column.widest, need))
        for column, need in zip(columns, needed, strict=True)
    ]
    kept = list(range(len(columns)))

    def total(widths: dict[int, int], gap: int) -> int:
        return 2 + sum(widths.values()) + gap * max(0, len(widths) - 1)

    # The optional columns go, least important first, while the columns that stay could not
    # show their content in full beside the narrowest of the optional ones.
    optional = sorted((i for i in kept if columns[i].drop), key=lambda i: -columns[i].drop)
    for index in optional:
        widths = {i: natural[i] if not columns[i].drop else columns[i].least for i in kept}
        if total(widths, 1) <= available:
            break
        kept.remove(index)
    widths = {i: columns[i].least for i in kept}
    spare = available - total(widths, 1)
    gap = 1
    # The spare cells go to the columns that stay, then to a wider gap, then to the others.
    staying = [i for i in kept if not columns[i].drop]
    others = sorted((i for i in kept if columns[i].drop), key=lambda i: columns[i].drop)
    for indexes in (staying, None, others):
        if indexes is None:
            if spare >= len(kept) - 1:
                spare -= len(kept) - 1
                gap = 2
            continue
        for i in indexes:
            grow = max(0, min(spare, natural[i] - widths[i]))
            widths[i] += grow
            spare -= grow
    return [(i, widths[i]) for i in kept], gap


class LineTable(ScrollView, Generic[Row], can_focus=True):
    """Rows are any objects; `row_cells` turns one into Text cells (never markup), `row_key`
    names it so the cursor stays on it when the rows change."""

    # Column, or (label, width) for a fixed width.
    COLUMNS: ClassVar[Sequence[Column | tuple[str, int]]] = ()
    COMPONENT_CLASSES = {"line-table--header", "line-table--cursor", "line-table--cursor-blurred"}
    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        overflow-x: auto;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .line-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .line-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .line-table--cursor-blurred {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous row"),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next row"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="A screenful up"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="A screenful down"),
        Binding("home,g", "first", "Top", show=False, tooltip="First row"),
        Binding("end,G", "last", "Bottom", show=False, tooltip="Last row"),
        Binding("enter", "select", "Open", show=False, tooltip="Open the highlighted row"),
    ]

    class Selected(Message):
        """Enter, or a click on the highlighted row."""

        def __init__(self, table: LineTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> LineTable:
            return self.table

    def __init__(
        self,
        *,
        on_highlight: Callable[[Row | None], None] | None = None,
        id: str | None = None,
    ) -> None:
        """on_highlight is called when the cursor lands on another row, before the frame is
        drawn: a message would reach a panel showing the row one frame (some 17 ms) later."""
        super().__init__(id=id)
        self._on_highlight = on_highlight
        self._rows: Sequence[Row] = ()
        self._cursor = 0
        self._cells: dict[int, list[Text]] = {}  # row index -> cells, built when first shown
        self._columns = [_column(column) for column in self.COLUMNS]
        self._needed = [len(column.label) for column in self._columns]  # the content's width
        self._layout: list[tuple[int, int]] = []  # (column index, width) of those drawn
        self._gap = 1
        self._width = 0
        self._fit()

    def on_mount(self) -> None:
        self.virtual_size = Size(self._width, 1)
        # Row colours may come from the theme: re-style the rows when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def on_unmount(self) -> None:
        # The subscription's callback holds this table, so the signal's weak key never dies:
        # every closed screen's table stayed alive with all its rows until the theme changed
        # (looking back at 10,000 applications: 9,000 records more per open; issue 17).
        self.app.theme_changed_signal.unsubscribe(self)

    # What subclasses provide ----------------------------------------------------------------

    def row_cells(self, row: Row) -> list[Text]:
        """One Text per column."""
        raise NotImplementedError

    def row_key(self, row: Row) -> object:
        return row

    def row_widths(self, row: Row) -> list[int]:
        """How many cells each column of the row needs; subclasses may say it without
        building the row's Text (which is kept for rows in view only)."""
        return [cell.cell_len for cell in self.row_cells(row)]

    # Rows and the cursor --------------------------------------------------------------------

    def show(self, rows: Sequence[Row]) -> None:
        """Replace the rows, keeping the cursor on the same row (by key) when it is still there."""
        keep = self.highlighted
        self._rows = rows
        self._cells.clear()
        self._measure()
        self._fit()
        self.virtual_size = Size(self._width, len(rows) + 1)
        cursor = self._cursor
        if keep is not None:
            key = self.row_key(keep)
            cursor = next((i for i, row in enumerate(rows) if self.row_key(row) == key), cursor)
        self._cursor = max(0, min(cursor, len(rows) - 1))
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    def hold(self, rows: Sequence[Row]) -> None:
        """Rows equal to those shown, read again: held in their stead (the old ones can go),
        nothing drawn again."""
        self._rows = rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def highlighted(self) -> Row | None:
        return self._rows[self._cursor] if self._rows else None

    def move_cursor(self, *, row: int) -> None:
        if not self._rows:
            return
        row = max(0, min(row, len(self._rows) - 1))
        if row == self._cursor:
            return
        old, self._cursor = self._cursor, row
        self._refresh_row(old)
        self._refresh_row(row)
        self._scroll_to_cursor()
        self._highlighted()

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of one row, styled as shown (without the cursor)."""
        cells = self._cells.get(index)
        if cells is None:
            cells = self._cells[index] = self.row_cells(self._rows[index])
        return cells

    def _highlighted(self) -> None:
        if self._on_highlight is not None:
            self._on_highlight(self.highlighted)

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

    # Column widths ---------------------------------------------------------------------------

    def drawn_columns(self) -> list[tuple[str, int]]:
        """The columns drawn at the present width: (label, width) of each."""
        return [(self._columns[index].label, width) for index, width in self._layout]

    def _measure(self) -> None:
        """How wide each column's content is, in the first rows."""
        needed = [len(column.label) for column in self._columns]
        for row in self._rows[:MEASURED_ROWS]:
            needed = [max(a, b) for a, b in zip(needed, self.row_widths(row), strict=True)]
        self._needed = needed

    def _fit(self) -> None:
        # The vertical scrollbar's column is kept free, so rows do not shift when it shows.
        available = self.size.width - self.styles.scrollbar_size_vertical
        if available <= 0:  # not laid out yet: as wide as the content asks
            available = sum(column.widest + 2 for column in self._columns)
        self._layout, self._gap = fit_columns(self._columns, self._needed, available)
        drawn = sum(width for _index, width in self._layout)
        self._width = 2 + drawn + self._gap * max(0, len(self._layout) - 1)

    def on_resize(self, event: events.Resize) -> None:
        self._fit()
        self.virtual_size = Size(self._width, len(self._rows) + 1)
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
        self.move_cursor(row=len(self._rows) - 1)

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.Selected(self))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return  # the header
        row = round(self.scroll_y) + event.y - 1
        if row >= len(self._rows):
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
            style = base + self.get_component_rich_style("line-table--header")
            cells = [Text(column.label) for column in self._columns]
            return self._strip(cells, style, None, width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, base)
        cursor = None
        if index == self._cursor:
            name = "line-table--cursor" if self.has_focus else "line-table--cursor-blurred"
            cursor = self.get_component_rich_style(name)
        return self._strip(self.get_row_at(index), base, cursor, width)

    def _strip(self, cells: list[Text], base: Style, cursor: Style | None, width: int) -> Strip:
        # The row's own style (its first cell's) fills the padding between cells too.
        line = Text(" ", no_wrap=True, end="", style=cells[0].style if cells else "")
        gap = " " * self._gap
        for number, (index, cell_width) in enumerate(self._layout):
            part = cells[index].copy()
            part.truncate(cell_width, overflow="ellipsis", pad=True)
            if number:
                line.append(gap)
            line.append_text(part)
        line.append(" ")
        segments = Segment.apply_style(line.render(self.app.console), base, cursor)
        strip = Strip(segments, self._width)
        left = round(self.scroll_x)
        return strip.crop_extend(left, left + width, base if cursor is None else base + cursor)
