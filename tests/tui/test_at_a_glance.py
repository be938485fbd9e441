"""Issue 15 items 1, 2 and 4: every terminal size, dialogs, and highlights that mean one thing."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from followup_tui.domain.review import RowState, review_list, review_queue, summarize
from followup_tui.formats.agenda import agenda_text
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.form import FormScreen

from .helpers import loaded, screen_text, settle

TODAY = date(2026, 3, 10)  # a Tuesday
SUNDAY = date(2026, 3, 15)
SMALL = (80, 24)
LARGE = (200, 50)
FORM_SIZE = (120, 40)


def _line_with(text: str, word: str) -> str:
    return next(line for line in text.splitlines() if word in line)


# 1. Every terminal size ---------------------------------------------------------------------


async def test_at_80_columns_the_dashboard_keeps_who_and_when(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await loaded(pilot)
        shown = screen_text(app)
        header = _line_with(shown, "Company")
        for column in ("Company", "Next", "Due", "Contact"):
            assert column in header
        wayne = _line_with(shown, "Wayne")
        assert "Lucius Fox" in wayne  # the who, on the row itself
        assert "Thu 5 Mar" in wayne
        assert "Send final note" in wayne
        assert len(wayne.rstrip()) <= SMALL[0]


async def test_at_200_columns_no_name_is_cut(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=LARGE) as pilot:
        table = await loaded(pilot)
        shown = screen_text(app)
        assert "Wayne Enterprises" in shown
        assert "Priya Natarajan" in shown
        rows = shown.splitlines()[3 : 3 + table.row_count]
        assert not [line for line in rows if "…" in line]
        assert "Flags" in _line_with(shown, "Company")


async def test_columns_go_by_importance_as_the_terminal_narrows(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=LARGE) as pilot:
        table = await loaded(pilot)
        wide = [label for label, _width in table.drawn_columns()]
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        narrow = [label for label, _width in table.drawn_columns()]
    assert wide == ["", "Company", "Role", "Next", "Due", "Contact", "Via", "Flags"]
    assert narrow[:5] == ["", "Company", "Next", "Due", "Contact"]
    assert "Role" not in narrow


async def test_the_call_panel_header_at_80_columns_reads_apart(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        title = app.screen.query_one("#call-notes-title").region
        timer = app.screen.query_one("#call-timer").region
        assert timer.x >= title.right + 1  # a gap between "Notes" and the timer's words
        assert timer.width * timer.height >= len("not started: enter starts the call")
        assert "enter starts the" in screen_text(app)


async def test_the_review_key_bar_at_80_columns_is_whole_words_and_help(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await loaded(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        bar = screen_text(app).splitlines()[-1]
        assert "? Help" in bar
        assert "esc End review" in bar
        assert "d Done" in bar
        assert bar.rstrip().endswith(("Help", "palette"))


# 2. Dialogs ----------------------------------------------------------------------------------


async def test_the_add_form_opens_at_its_top_with_save_in_view(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=FORM_SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        shown = screen_text(app)
        assert "Add an application" in shown
        assert "Company" in shown
        assert "Save (ctrl+s)" in shown
        assert app.screen.focused is app.screen.query_one("#field-company")


async def test_the_key_bar_over_a_form_shows_the_form_keys(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=FORM_SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await settle(pilot)
        bar = screen_text(app).splitlines()[-1]
        assert "^s Save" in bar
        assert "esc Cancel" in bar
        assert "Review" not in bar  # the dashboard's keys are not the form's


async def test_enter_saves_the_snooze_dialog(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=FORM_SIZE) as pilot:
        table = await loaded(pilot)
        snoozed = table.highlighted_id
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-until", Input).value = "2026-03-20"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    assert snoozed is not None
    with Store(demo_db) as store:
        application = store.load_application(snoozed)
    assert application is not None
    assert application.snoozed_until == date(2026, 3, 20)


# 4. Each highlight means one thing -----------------------------------------------------------


def test_overdue_is_not_counted_as_due_today_too(demo_db):
    with Store(demo_db) as store:
        applications = store.load_applications()
    for today in (TODAY, SUNDAY):
        assessments = review_list(applications, today)
        summary = summarize(assessments)
        queue = review_queue(assessments)
        on_the_day = [item for item in queue if item.action.due == today]
        assert summary.due_today == len(on_the_day)
        assert summary.overdue + summary.due_today == len(queue)


async def test_the_header_the_review_and_due_agree(demo_db):
    with Store(demo_db) as store:
        assessments = review_list(store.load_applications(), TODAY)
    summary = summarize(assessments)
    assert summary.overdue and summary.due_today  # both kinds, so an overlap would show
    counts = f"{summary.overdue} overdue · {summary.due_today} due today"
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        header = screen_text(app).splitlines()[1]
        title = app.screen.sub_title
        await pilot.press("r")
        await settle(pilot)
        review_title = app.screen.sub_title
    assert f"{summary.overdue} overdue" in header
    assert f"{summary.due_today} due today" in header
    assert f"{summary.due} due today" not in header
    assert counts in title
    assert counts in review_title
    first_line = agenda_text(assessments, TODAY).splitlines()[0]
    assert first_line.startswith(
        f"Tue 10 Mar 2026: {summary.overdue} overdue, {summary.due_today} due today"
    )


async def test_each_row_state_has_its_own_colour_and_symbol(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await loaded(pilot)
        # The highlights, and the plain colour of a row due later.
        marked = [
            RowState.OVERDUE_THANK_YOU,
            RowState.OVERDUE,
            RowState.OVER_FREQUENT,
            RowState.TODAY,
            RowState.LATER,
        ]
        styles = {
            state: table.get_component_rich_style(f"review--{state.value}", partial=True)
            for state in marked
        }
        too_soon, today = styles[RowState.OVER_FREQUENT], styles[RowState.TODAY]
        assert too_soon.color != today.color
        assert len({str(style) for style in styles.values()}) == len(marked)
    assert len({state.mark.split()[0] for state in RowState}) == len(RowState)
