"""The first screen: every active application with its next follow-up, most urgent first."""

from __future__ import annotations

import gc
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Header, Input, Static
from textual.worker import Worker, WorkerState

from followup_tui.domain.records import Status
from followup_tui.domain.review import light_review_list, review_queue, summarize
from followup_tui.domain.rules import Assessment
from followup_tui.domain.text import printable
from followup_tui.store.errors import StoreError
from followup_tui.tui.actions import KEYS, ApplicationScreen, key, keys, load_flows
from followup_tui.tui.widgets.action_panel import ActionPanel
from followup_tui.tui.widgets.key_bar import KeyBar
from followup_tui.tui.widgets.review_table import ReviewTable

EMPTY = (
    "No applications yet: press a to add one, or from a shell:\n"
    "  followup add --company NAME --role ROLE --interview DATE --interviewer NAME"
)


class DashboardScreen(ApplicationScreen[None]):
    AUTO_FOCUS = "#review"
    BINDINGS = [
        Binding(
            "r", "review", "Review", tooltip="Start the daily review of what is due", id="review"
        ),
        Binding("a", "add", "Add", tooltip="Add an application", id="add-application"),
        key("edit", show=False, tooltip="Edit the highlighted application"),
        *keys("call", "log-touch"),
        key("thank-you", show=False, tooltip="Log thank-you notes"),
        key("snooze", tooltip="Snooze the highlighted application"),
        key("add-interview", show=False),
        key("debrief", show=False, tooltip="Debrief the interview just held"),
        key("add-contact", show=False),
        key("close", show=False, tooltip="Close: offer, rejected, withdrawn..."),
        KEYS["park"],
        key("delete-application", tooltip="Delete the highlighted application (u undoes)"),
        Binding(
            "L",
            "looking_back",
            "Looking back",
            show=False,
            tooltip="Closed and parked applications, and the figures",
            id="looking-back",
        ),
        Binding(
            "slash", "filter", "Filter", tooltip="Filter by company, role or contact", id="filter"
        ),
        Binding(
            "x",
            "toggle_closed",
            "Closed",
            show=False,
            tooltip="Show or hide closed ones",
            id="toggle-closed",
        ),
        Binding(
            "R", "reload", "Reload", show=False, tooltip="Read the database again", id="reload"
        ),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    # Closed and parked applications shown too (x); reads them all again when it changes.
    show_closed: reactive[bool] = reactive(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.assessments: list[Assessment] = []
        self._haystacks: list[str] = []
        self._store_error: StoreError | None = None
        self._loaded_once = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield FilterBox(
            self._apply_filter,
            placeholder="filter: company, role or contact (escape clears)",
            id="filter",
        )
        yield ReviewTable(on_highlight=self._show_detail, id="review")
        yield ActionPanel(id="detail")
        yield KeyBar()

    def on_mount(self) -> None:
        preload = self.followup_app.preload
        if preload is not None and preload.ready:
            # Read before Textual was imported: the first frame has the data, no worker needed.
            try:
                first = preload.take(self.followup_app.today, self.followup_app.rules)
            except StoreError:
                first = None  # the worker reads again and reports the error where it shows
            if first is not None:
                self._loaded(first)
                return
        self.reload()

    # Loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        # Only the first load shows the loading indicator; later ones (after each save) keep
        # the rows in view until the new ones are ready, so keys keep working meanwhile.
        if not self._loaded_once:
            self.query_one(ReviewTable).loading = True
        self.load(self.show_closed)

    def action_reload(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, include_closed: bool) -> list[Assessment]:
        """Read and assess what the review shows, off the UI thread."""
        app = self.followup_app
        today = app.today
        if app.preload is not None and not include_closed:
            first = app.preload.take(today, app.rules)
            if first is not None:
                return first
        batches = app.reader.review_batches(today, include_closed=include_closed)
        return light_review_list(batches, today, app.rules, include_closed=include_closed)

    def data_changed(self, application_id: int | None) -> None:
        if application_id is None:
            self.reload()
        else:
            self.application_changed(application_id)

    def store_failed(self, error: StoreError) -> None:
        self.show_store_error(error)

    def application_changed(self, application_id: int) -> None:
        """One application was saved: read and assess it alone and put its row where it now
        belongs (at 100,000 applications a whole reload takes seconds)."""
        loading = any(w.group == "load" and w.is_running for w in self.workers)
        if self.show_closed or not self._loaded_once or loading:
            self.reload()  # a whole load is due, or under way and maybe older than this save
            return
        self.load_one(application_id)

    @work(thread=True, exit_on_error=False, group="load-one")
    def load_one(self, application_id: int) -> tuple[int, Assessment | None]:
        application = self.followup_app.reader.load_application(application_id)
        if application is None:
            return application_id, None
        app = self.followup_app
        shown = light_review_list([[application]], app.today, app.rules)
        return application_id, (shown[0] if shown else None)

    def _merge(self, application_id: int, assessment: Assessment | None) -> None:
        kept = [a for a in self.assessments if a.application.id != application_id]
        if assessment is not None:
            kept.append(assessment)
            kept.sort(key=Assessment.urgency)  # the order review_list gives
        self._show(kept)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "load-one":
            if event.worker.state is WorkerState.SUCCESS and event.worker.result is not None:
                self._merge(*event.worker.result)
            elif event.worker.state is WorkerState.ERROR:
                self.reload()  # say what is wrong the usual way
            return
        if event.worker.group != "load":
            return
        table = self.query_one(ReviewTable)
        if event.state is WorkerState.SUCCESS and event.worker.result is not None:
            table.loading = False
            self._loaded(event.worker.result)
        elif event.state is WorkerState.ERROR:
            table.loading = False
            error = event.worker.error
            self.query_one(ActionPanel).show(None, empty_message=f"Could not load: {error}")
            self.notify(
                printable(str(error)),
                title="Could not load",
                severity="error",
                timeout=10,
                markup=False,
            )

    def _loaded(self, assessments: list[Assessment]) -> None:
        self._loaded_once = True
        self._show(assessments)
        # Thousands of loaded records are long-lived and hold no reference cycles (reference
        # counting frees them): keep the cyclic collector from walking them again and again,
        # which at 10,000 applications cost keys pauses of 100 ms and more.
        gc.freeze()
        # The first frame with data goes out first; then the store opens behind it.
        self.call_after_refresh(self.followup_app.open_store_once)

    def show_store_error(self, error: StoreError) -> None:
        """The full check failed after the first frame: say so where it stays in view."""
        self._store_error = error
        self._show(self.assessments)

    def _show(self, assessments: list[Assessment]) -> None:
        self.assessments = assessments
        self._haystacks = [_haystack(assessment) for assessment in assessments]
        self.followup_app.known_applications = [a.application for a in assessments]
        active = [a for a in assessments if a.actions or a.application.status is Status.ACTIVE]
        summary = summarize(active)
        self.sub_title = f"{self.followup_app.today:%a %d %b %Y} · {summary.headline()}"
        # Each count in the colour and with the symbol of the rows it counts.
        table = self.query_one(ReviewTable)
        bar = Text()
        for state, words in summary.counts():
            bar.append(f" {state.mark.split()[0]} {words} ", style=table.state_style(state))
            bar.append(" ")
        bar.append(f"  {len(active)} in review")
        if self.show_closed:
            bar.append(f" · {len(assessments) - len(active)} closed or parked shown")
        if self._store_error is not None:
            bar.append(f"\n Read only: {self._store_error}", style="bold")
        self.query_one("#summary", Static).update(bar)
        self.query_one("#summary").set_class(self._store_error is not None, "-overdue")
        self._apply_filter()

    # The table, the filter and the panel --------------------------------------------------------

    def _apply_filter(self) -> None:
        words = self.query_one("#filter", Input).value.casefold().split()
        shown = [
            assessment
            for assessment, haystack in zip(self.assessments, self._haystacks, strict=True)
            if all(word in haystack for word in words)
        ]
        self.query_one(ReviewTable).show(shown)  # which shows the highlighted one below

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(ReviewTable).focus()

    def action_filter(self) -> None:
        box = self.query_one(FilterBox)
        box.shown = True
        box.focus()

    def key_escape(self) -> None:
        box = self.query_one(FilterBox)
        if box.shown:
            box.value = ""
            box.shown = False
            self.query_one(ReviewTable).focus()

    def action_toggle_closed(self) -> None:
        self.show_closed = not self.show_closed

    def watch_show_closed(self) -> None:
        self.notify(
            "Showing closed and parked" if self.show_closed else "Hiding closed",
            timeout=2,
            markup=False,
        )
        self.reload()

    @on(ReviewTable.Selected)
    def _selected(self) -> None:
        self.action_open()

    def _show_detail(self, highlighted: Assessment | None) -> None:
        empty = EMPTY if not self.assessments else "Nothing matches the filter."
        self.query_one(ActionPanel).show(highlighted, empty_message=empty)

    def selected_application(self) -> int | None:
        selected = self.query_one(ReviewTable).highlighted_id
        if selected is None:
            self.notify("No application selected", severity="warning", timeout=3, markup=False)
        return selected

    # Keys ---------------------------------------------------------------------------------------

    def action_review(self) -> None:
        from followup_tui.tui.screens.review import ReviewScreen

        items = review_queue(self.assessments)
        if not items:
            self.notify("Nothing is due today.", title="Review", timeout=4, markup=False)
            return
        self.app.push_screen(self.followup_app.kept(ReviewScreen, items))

    def action_looking_back(self) -> None:
        from followup_tui.tui.screens.looking_back import LookingBackScreen

        self.app.push_screen(self.followup_app.kept(LookingBackScreen))

    @work(exclusive=True, group="flow")
    async def action_add(self) -> None:
        new_id = await load_flows().add_application(self.followup_app)
        if new_id is not None:
            self.followup_app.open_application(new_id)


class FilterBox(Input):
    """The filter box calls `on_change` as the value changes, so the table narrows in the same
    frame that shows the letter typed (Input.Changed would arrive a frame, some 17 ms, later).
    It is hidden until `shown` (the `-shown` class in app.tcss)."""

    shown: reactive[bool] = reactive(False)

    def __init__(self, on_change: Callable[[], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self._on_change = on_change

    def watch_value(self, _value: str) -> None:
        self._on_change()

    def watch_shown(self, shown: bool) -> None:
        self.set_class(shown, "-shown")


def _haystack(assessment: Assessment) -> str:
    application = assessment.application
    names = " ".join(contact.full_name for contact in application.contacts)
    return f"{application.company} {application.role} {names}".casefold()
