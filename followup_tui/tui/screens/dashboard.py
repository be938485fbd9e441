"""The first screen: every active application with its next follow-up, most urgent first."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, WorkerState

from followup_tui.domain.review import review_list, summarize
from followup_tui.domain.rules import Assessment
from followup_tui.tui.widgets.action_panel import ActionPanel
from followup_tui.tui.widgets.review_table import ReviewTable

EMPTY = (
    "No applications yet. Add one from a shell:\n"
    "  followup add --company NAME --role ROLE --interview DATE --interviewer NAME"
)


class DashboardScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "reload", "Reload", tooltip="Read the database again"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield ReviewTable(id="review")
        yield ActionPanel(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.query_one(ReviewTable).loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self) -> list[Assessment]:
        """Read and assess every application off the UI thread."""
        applications = self.app.store.load_applications()
        return review_list(applications, self.app.today)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        table = self.query_one(ReviewTable)
        if event.state is WorkerState.SUCCESS:
            table.loading = False
            self._show(event.worker.result)
        elif event.state is WorkerState.ERROR:
            table.loading = False
            error = event.worker.error
            self.query_one(ActionPanel).show(None, empty_message=f"Could not load: {error}")
            self.notify(str(error), title="Could not load", severity="error", timeout=10)

    def _show(self, assessments: list[Assessment]) -> None:
        table = self.query_one(ReviewTable)
        table.show(assessments)
        summary = summarize(assessments)
        self.sub_title = f"{self.app.today:%a %d %b %Y} · {summary.due} due today"
        bar = Text()
        bar.append(f" {summary.due} due today ", style="bold")
        bar.append("  ")
        bar.append(f" {summary.overdue} overdue ", style="bold" if summary.overdue else "")
        bar.append("  ")
        bar.append(f" {summary.over_frequent} over-frequent ")
        bar.append(f"   {len(assessments)} in review")
        self.query_one("#summary", Static).update(bar)
        self.query_one("#summary").set_class(summary.overdue > 0, "-overdue")
        self._show_detail()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one(ReviewTable)
        self.query_one(ActionPanel).show(table.highlighted, empty_message=EMPTY)
