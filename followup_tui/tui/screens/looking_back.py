"""Looking back: closed applications with their outcomes, the parked ones, and the figures."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Static
from textual.worker import Worker, WorkerState

from followup_tui.domain.dates import short_day
from followup_tui.domain.figures import Figures, Tally, figures
from followup_tui.domain.records import Status
from followup_tui.domain.text import one_line
from followup_tui.tui.actions import ApplicationScreen, key, load_flows
from followup_tui.tui.widgets.key_bar import KeyBar
from followup_tui.tui.widgets.line_table import LineTable

BAR = 14  # characters for the longest bar


class ClosedTable(LineTable[Tally]):
    """Closed applications, newest first, then the parked ones."""

    # Fits beside the figures in 120 columns.
    COLUMNS = (("Outcome", 14), ("Company", 13), ("Role", 11), ("Closed", 10), ("Days", 4),
               ("Reason", 10))  # fmt: skip

    def row_key(self, row: Tally) -> object:
        return row.id

    def row_cells(self, row: Tally) -> list[Text]:
        return _cells(row)


class LookingBackScreen(ApplicationScreen[None]):
    AUTO_FOCUS = "#closed"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        key("reopen", show=True, tooltip="Reopen the highlighted application"),
        key("park", action="unpark", description="Unpark", tooltip="Put a parked one back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Tally] = []
        self._figures: Text | None = None  # the figures shown, None before the first read

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="looking-back"):
            yield ClosedTable(id="closed")
            yield Static(id="figures")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Looking back"
        self.reload()

    def reopen(self) -> None:
        """Kept between uses (`FollowupApp.kept`): read again; the cursor on the first row."""
        self.query_one(ClosedTable).move_cursor(row=0)
        self.reload()

    def data_changed(self, application_id: int | None) -> None:
        self.reload()

    def reload(self) -> None:
        if not self.rows:
            self.query_one(ClosedTable).loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self) -> tuple[list[Tally], list[Tally], Text]:
        """Every application as looking back lists and counts it, without its history (the
        figures count them all), off the UI thread."""
        tallies = self.followup_app.reader.looking_back()
        closed = sorted(
            (a for a in tallies if a.status.is_closed),
            key=lambda a: (a.closed_on is None, a.closed_on),
            reverse=True,
        )
        parked = [a for a in tallies if a.status is Status.PARKED]
        text = _figures_text(figures(tallies), len(closed), len(parked))
        return closed, parked, text

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        table = self.query_one(ClosedTable)
        if event.state is WorkerState.SUCCESS and event.worker.result is not None:
            table.loading = False
            closed, parked, text = event.worker.result
            rows = [*closed, *parked]
            unchanged = self._figures is not None and rows == self.rows and text == self._figures
            self.rows = rows
            if unchanged:
                # Reopened (kept) or told of a save, and nothing it shows has changed: the
                # table and figures drawn already stand; drawing them again was a second full
                # paint of the screen as it opened.
                table.hold(rows)
                return
            self._figures = text
            table.show(self.rows)
            self.query_one("#figures", Static).update(text)
        elif event.state is WorkerState.ERROR:
            table.loading = False
            error = event.worker.error
            self.query_one("#figures", Static).update(Text(f"Could not load: {error}"))

    def _selected(self) -> Tally | None:
        selected = self.query_one(ClosedTable).highlighted
        if selected is None:
            self.notify("Nothing closed or parked yet", severity="warning", timeout=3, markup=False)
        return selected

    def selected_application(self) -> int | None:
        return application.id if (application := self._selected()) is not None else None

    @on(ClosedTable.Selected)
    def _chosen(self) -> None:
        self.action_open()

    def action_unpark(self) -> None:
        application = self._selected()
        if application is not None and application.status is Status.PARKED:
            self.run_flow(
                lambda app, selected: load_flows().park(app, selected), "done", application.id
            )


def _cells(application: Tally) -> list[Text]:
    if application.status is Status.PARKED:
        outcome, closed, days = "‖ parked", "", ""
    else:
        outcome = application.status.label
        closed = short_day(application.closed_on) if application.closed_on else ""
        last = application.last_interview
        days = (
            str((application.closed_on - last).days)
            if last and application.closed_on and application.closed_on >= last
            else ""
        )
    values = [
        outcome,
        application.company,
        application.role,
        closed,
        days,
        application.closed_reason,
    ]
    return [Text(one_line(value), no_wrap=True, overflow="ellipsis") for value in values]


def _figures_text(result: Figures, closed: int, parked: int) -> Text:
    text = Text()
    text.append(f"{closed} closed, {parked} parked\n\n", style="bold")
    text.append("How far they got\n", style="bold underline")
    top = max((count for _, count in result.stages), default=0) or 1
    for stage, count in result.stages:
        bar = "█" * round(BAR * count / top)
        text.append(f"{stage:<18}{count:>4} ")
        text.append(f"{bar}\n", style="bold")
    text.append("\nOutcomes\n", style="bold underline")
    for label, count in result.outcomes:
        text.append(f"{label:<18}{count:>4}\n")
    text.append("\nResponse rate ", style="bold")
    if result.response_rate is None:
        text.append("no follow-ups yet\n")
    else:
        text.append(
            f"{result.response_rate:.0%} ({result.answered} of {result.followed_up} followed up "
            "got an answer)\n"
        )
    text.append("\nMedian days, last interview to decision\n", style="bold underline")
    for label, days in result.median_days:
        text.append(f"{label:<18}{'' if days is None else f'{days:g}':>4}\n")
    return text
