"""Correcting mistakes (issue 14 item 6): deleting an application (asked first, naming what
goes with it; u puts every row back), editing a logged touch (a stale edit refused), and
checklists that start with nobody ticked and show ticked and unticked by shape."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.widgets import Input, TextArea

from followup_tui.domain.records import Channel
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.dashboard import DashboardScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen
from followup_tui.tui.widgets.picker import PickerScreen
from followup_tui.tui.widgets.ticks import TICKED, UNTICKED, TickList

from .helpers import SIZE, loaded, row, screen_text, settle

TODAY = date(2026, 3, 10)
NORTHWIND, INITECH = 1, 3  # Northwind owes Lee Park a thank-you (R1); Initech has 2, 2, 3


def load(path: Path, application_id: int):
    with Store(path) as store:
        return store.load_application(application_id)


def every_row(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2').fetchall()
            for table in tables
        }
    finally:
        connection.close()


def companies(app) -> list[str]:
    from followup_tui.tui.widgets.review_table import ReviewTable

    table = app.screen.query_one(ReviewTable)
    return [row(table, i)[1] for i in range(table.row_count)]


async def select(pilot, company: str) -> None:
    table = await loaded(pilot)
    table.move_cursor(row=[row(table, i)[1] for i in range(table.row_count)].index(company))
    await pilot.pause()


def notices(app) -> list[str]:
    """The notifications on screen, as drawn (run_test(notifications=True))."""
    return [toast.render().plain for toast in app.screen.query("Toast")]


def line_with(app, text: str) -> str:
    return next(line for line in screen_text(app).splitlines() if text in line)


# Deleting an application --------------------------------------------------------------------


async def test_delete_an_application_asks_naming_what_goes_and_u_puts_every_row_back(
    demo_db, db_path
):
    with Store(db_path) as store:  # an edited script too: every kind of row comes back
        store.save_script(INITECH, "call", ["Who I am", "Still keen"])
    before = every_row(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await select(pilot, "Initech")
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        dialog = app.screen
        assert (
            dialog.question == "Delete Initech (Platform Engineer) and all that is recorded for it?"
        )
        assert dialog.details == [
            "With it go its 2 people (Bill Lumbergh, Milton Waddams), 2 interviews, 3 touches"
            " and the call script you edited.",
            "u undoes it (until the next change).",
        ]

        await pilot.press("y")
        await settle(pilot)
        assert load(db_path, INITECH) is None
        assert "Initech" not in companies(app)
        assert any("Deleted Initech" in notice for notice in notices(app))
        after = every_row(db_path)
        assert [len(after[t]) for t in ("contact", "interview", "touch", "script_line")] == [
            len(before["contact"]) - 2,
            len(before["interview"]) - 2,
            len(before["touch"]) - 3,
            len(before["script_line"]) - 2,
        ]

        await pilot.press("u")
        await settle(pilot)
        assert every_row(db_path) == before  # every row, ids and versions included
        assert "Initech" in companies(app)


async def test_delete_from_the_detail_screen_goes_back_to_the_dashboard(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await select(pilot, "Initech")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing happens
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen) and load(db_path, INITECH) is not None

        await pilot.press("X")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert load(db_path, INITECH) is None


# Editing a logged touch ---------------------------------------------------------------------


async def open_touch_form(pilot, app) -> FormScreen:
    """Initech's detail, T, the latest touch: its form."""
    await select(pilot, "Initech")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("T")
    await settle(pilot)
    assert isinstance(app.screen, PickerScreen)
    await pilot.press("1")  # the latest
    await settle(pilot)
    form = app.screen
    assert isinstance(form, FormScreen)
    return form


async def test_edit_a_logged_touch_from_the_detail_screen_and_undo_it(demo_db, db_path):
    touch = load(db_path, INITECH).touches[-1]
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_touch_form(pilot, app)
        assert "Edit the touch" in screen_text(app)
        values = form.values()
        assert (values["on"], values["channel"], values["contact"], values["notes"]) == (
            touch.on.isoformat(),
            touch.channel,
            touch.contact_id or 0,
            touch.notes,
        )
        form.query_one("#field-on", Input).value = "2026-03-06"
        form.query_one("#field-notes", TextArea).text = "Left a message with the assistant"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        edited = load(db_path, INITECH).touches
        assert len(edited) == 3
        assert replace(touch, on=date(2026, 3, 6), notes="Left a message with the assistant") in (
            edited
        )
        assert any("Saved Fri 6 Mar" in n and "(u undoes)" in n for n in notices(app))

        await pilot.press("u")
        await settle(pilot)
        assert load(db_path, INITECH).touches[-1] == touch


async def test_a_stale_touch_edit_is_refused(demo_db, db_path):
    touch = load(db_path, INITECH).touches[-1]
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await open_touch_form(pilot, app)
        with Store(db_path) as other:  # another copy edits it meanwhile
            other.edit_touch(INITECH, touch, replace(touch, channel=Channel.LETTER))
        form.query_one("#field-notes", TextArea).text = "mine"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("changed elsewhere" in notice for notice in notices(app))
        assert load(db_path, INITECH).touches[-1] == replace(touch, channel=Channel.LETTER)


# Checklists -----------------------------------------------------------------------------------


async def test_the_thank_you_checklist_opens_with_nobody_ticked_and_shows_ticks_by_shape(
    demo_db, db_path
):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await select(pilot, "Northwind Labs")
        await pilot.press("t")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.values()["people"] == []  # Lee Park is owed a note, but not ticked
        assert UNTICKED in line_with(app, "Lee Park") and TICKED not in screen_text(app)
        await pilot.press("ctrl+s")  # nobody ticked: nothing logged
        await settle(pilot)
        assert "Tick at least one person" in screen_text(app)

        checklist = form.query_one("#field-people", TickList)
        lee, other = sorted(
            load(db_path, NORTHWIND).contacts, key=lambda c: c.full_name != "Lee Park"
        )
        checklist.focus()
        checklist.highlighted = [option.value for option in checklist.options].index(lee.id)
        await pilot.press("space")
        await settle(pilot)
        assert TICKED in line_with(app, "Lee Park")
        assert UNTICKED in line_with(app, other.full_name)


async def test_the_close_forms_rapport_list_and_check_fields_show_ticks_by_shape(demo_db, db_path):
    initech = load(db_path, INITECH)
    milton = next(c for c in initech.contacts if c.full_name == "Milton Waddams")
    with Store(db_path) as store:
        store.save_contact(INITECH, replace(milton, rapport=True))
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await select(pilot, "Initech")
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        milton_line = line_with(app, "Milton Waddams")
        bill_line = line_with(app, "Bill Lumbergh")
        assert TICKED in milton_line and UNTICKED not in milton_line
        assert UNTICKED in bill_line and TICKED not in bill_line
        assert "X" not in milton_line.split("Milton")[0]  # not Textual's "X" either way
        await pilot.press("escape")
        await settle(pilot)

        # A check field (the contact form's marks) too.
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        await pilot.press("2")  # Milton
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-rapport").focus()  # below the fold at this size
        await settle(pilot)
        boxes = [line for line in screen_text(app).splitlines() if "▐" in line]
        decides = next(line for line in boxes if "Makes the hiring decision" in line)
        rapport = next(line for line in boxes if "Good rapport" in line)
        assert UNTICKED in decides and TICKED not in decides
        assert TICKED in rapport and UNTICKED not in rapport
