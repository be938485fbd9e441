"""R8, R9: closing, reopening, parking, undo and looking back, with keys, on a real file."""

from __future__ import annotations

from datetime import date

import pytest

from followup_tui.domain.records import Status
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.looking_back import LookingBackScreen
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen

from .helpers import SIZE, loaded, row, screen_text, settle, type_text

TODAY = date(2026, 3, 10)
INITECH, UMBRELLA, CYBERDYNE = 3, 4, 8


def load(path, application_id):
    with Store(path) as store:
        return store.load_application(application_id)


async def select(pilot, company: str) -> None:
    table = await loaded(pilot)
    table.move_cursor(row=[row(table, i)[1] for i in range(table.row_count)].index(company))
    await pilot.pause()


def companies(app) -> list[str]:
    from followup_tui.tui.widgets.review_table import ReviewTable

    table = app.screen.query_one(ReviewTable)
    return [row(table, i)[1] for i in range(table.row_count)]


@pytest.mark.slow
async def test_close_rejected_with_rapport_then_feedback_reopen_park_and_undo(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        # Close Initech as rejected, with rapport with Milton (the second contact).
        await select(pilot, "Initech")
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        for _ in range(2):
            await pilot.press("tab")  # outcome (rejected by default), date, to the reason
        await type_text(pilot, "Internal candidate")
        await pilot.press("tab", "tab")  # the notes, then the rapport checklist
        await pilot.press("down", "space")  # Milton Waddams
        await pilot.press("ctrl+s")
        await settle(pilot)
        initech = load(db_path, INITECH)
        assert (initech.status, initech.closed_on, initech.closed_reason) == (
            Status.REJECTED, TODAY, "Internal candidate"
        )  # fmt: skip
        assert [c.full_name for c in initech.contacts if c.rapport] == ["Milton Waddams"]
        # R9: it stays in the review only for the feedback call, to Milton.
        table = await loaded(pilot)
        initech_row = next(
            row(table, i) for i in range(table.row_count) if row(table, i)[1] == "Initech"
        )
        assert initech_row[3] == "Ask for feedback" and initech_row[5] == "Milton Waddams"

        # The feedback call gets the feedback script.
        await select(pilot, "Initech")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert "Would you share what made the difference" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)

        # What they said and the lessons, from the detail screen.
        await select(pilot, "Initech")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("F")
        await settle(pilot)
        await type_text(pilot, "Wanted more Go")
        await pilot.press("tab")
        await type_text(pilot, "Lead with the Go side project")
        await pilot.press("ctrl+s")
        await settle(pilot)
        initech = load(db_path, INITECH)
        assert (initech.feedback, initech.lessons) == (
            "Wanted more Go", "Lead with the Go side project"
        )  # fmt: skip

        # Reopen it from the detail screen.
        await pilot.press("O")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert load(db_path, INITECH).status is Status.ACTIVE
        await pilot.press("escape")
        await settle(pilot)

        # Park Umbrella: out of the review, not closed.
        await select(pilot, "Umbrella Health")
        await pilot.press("P")
        await settle(pilot)
        assert load(db_path, UMBRELLA).status is Status.PARKED
        assert "Umbrella Health" not in companies(app)

        # Close Cyberdyne as no response, then undo it with one key.
        before = load(db_path, CYBERDYNE)
        await select(pilot, "Cyberdyne Systems")
        await pilot.press("C")
        await settle(pilot)
        await pilot.press("enter", "down", "down", "enter")  # outcome: no response
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert load(db_path, CYBERDYNE).status is Status.NO_RESPONSE
        assert "Cyberdyne Systems" not in companies(app)
        await pilot.press("u")
        await settle(pilot)
        assert load(db_path, CYBERDYNE) == before
        assert "Cyberdyne Systems" in companies(app)
        await pilot.press("u")  # nothing left to undo
        await settle(pilot)
        assert load(db_path, CYBERDYNE) == before


async def test_deleting_a_touch_asks_first_and_undo_brings_it_back(demo_db, db_path):
    before = load(db_path, INITECH)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.push_screen(DetailScreen(INITECH))
        await settle(pilot)
        await pilot.press("D", "1")  # the newest touch
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # declined: nothing deleted
        await settle(pilot)
        assert load(db_path, INITECH) == before
        await pilot.press("D", "1")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert len(load(db_path, INITECH).touches) == len(before.touches) - 1
        await pilot.press("u")
        await settle(pilot)
        assert load(db_path, INITECH) == before


async def test_looking_back_lists_closed_and_parked_with_figures(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, LookingBackScreen)
        shown = screen_text(app)
        for expected in ("offer accepted", "Aperture Sci", "‖ parked", "Initrode",
                         "How far they got", "Response rate", "Median days"):  # fmt: skip
            assert expected in shown, expected
        # Reopen the withdrawn one from here.
        closed = [app.screen.rows[i].company for i in range(len(app.screen.rows))]
        black_mesa = closed.index("Black Mesa")
        for _ in range(black_mesa):
            await pilot.press("j")
        await pilot.press("O", "y")
        await settle(pilot)
    assert load(db_path, 12).status is Status.ACTIVE


async def test_r8_the_review_offers_the_drafted_final_note_then_logs_it(demo_db, db_path):
    from followup_tui.tui.screens.draft import DraftScreen
    from followup_tui.tui.screens.review import ReviewScreen

    app = FollowupApp(db_path, TODAY)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("n", "n")  # past Globex's interview (R12) and Northwind's thank-you
        await settle(pilot)
        assert "Send final note" in screen_text(app) and "Wayne Enterprises" in screen_text(app)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen)
        assert "an answer either way" in copied[0] and "Dear Lucius Fox" in copied[0]
        await pilot.press("escape", "d")  # close the draft, log the note as sent
        await settle(pilot)
    wayne = load(db_path, 7)
    assert wayne.touches[-1].kind == "final_note" and wayne.touches[-1].on == TODAY
