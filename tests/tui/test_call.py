"""R6, R7: the call panel driven with keys against a real SQLite file."""

from __future__ import annotations

from datetime import date

from followup_tui.domain.records import Channel, Outcome, TouchKind
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.draft import DraftScreen
from followup_tui.tui.widgets.form import FormScreen
from followup_tui.tui.widgets.picker import PickerScreen

from .helpers import SIZE, loaded, row, screen_text, settle, type_text

TODAY = date(2026, 3, 10)
INITECH = 3  # demo: timeline unknown, ask-for-the-timeline call due today to Bill Lumbergh


async def open_call(pilot, company: str) -> None:
    table = await loaded(pilot)
    index = next(i for i in range(table.row_count) if row(table, i)[1] == company)
    table.move_cursor(row=index)
    await pilot.press("c")
    await settle(pilot)


async def test_r6_panel_shows_who_to_call_and_the_script(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, "Initech")
        assert isinstance(app.screen, CallScreen)
        shown = screen_text(app)
        assert "Calling Bill Lumbergh, Director of Engineering" in shown
        assert "☎ +1 555 0133 · decides" in shown
        assert "1. Hi Bill, this is Sam Candidate. We met on Thursday 5" in shown  # wraps
        assert "4. In what timeframe do you expect to make a decision?" in shown
        await pilot.press("v")
        assert "If it goes to voicemail" in screen_text(app)
        assert "You can reach me at +1 555 0100" in screen_text(app)


async def test_r7_notes_during_the_call_logged_as_voicemail(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, "Initech")
        await pilot.press("enter")  # start: the notes take focus
        await settle(pilot)
        assert app.focused.id == "call-notes"
        await type_text(pilot, "Left a message [bold]x")
        await pilot.pause(1.5)  # saves land within 0.5 s; the margin is for a busy machine
        with Store(db_path) as store:  # saved while still on the call
            assert store.unfinished_calls()[0].notes == "Left a message [bold]x"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("enter", "down", "enter")  # open the outcome list, pick voicemail
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CallScreen)
    with Store(db_path) as store:
        touch = store.load_application(INITECH).touches[-1]
        assert store.unfinished_calls() == []
    assert (touch.on, touch.channel, touch.kind) == (TODAY, Channel.PHONE, TouchKind.STATUS_CHECK)
    assert touch.outcome is Outcome.VOICEMAIL
    assert touch.notes == "Left a message [bold]x"
    assert touch.contact_id == 4 and touch.duration_seconds is not None


async def test_r7_the_next_action_moves_on_after_the_call(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, "Initech")
        await pilot.press("enter")
        await type_text(pilot, "Reached Bill")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("tab")  # to the decision date
        await type_text(pilot, "2026-03-20")
        await pilot.press("tab")
        await type_text(pilot, "legacy TPS reports")
        await pilot.press("ctrl+s")
        table = await loaded(pilot)
        initech = next(
            row(table, i) for i in range(table.row_count) if row(table, i)[1] == "Initech"
        )
        assert initech[3:7] == ["Status check", "Fri 20 Mar", "Bill Lumbergh", "email"]
    with Store(db_path) as store:
        application = store.load_application(INITECH)
    assert application.expected_decision == date(2026, 3, 20)
    assert application.interviews[-1].concerns.endswith("; legacy TPS reports")


async def test_r7_leaving_keeps_the_call_and_it_is_offered_back(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, "Initech")
        await pilot.press("enter")
        await type_text(pilot, "Bill asked about")
        await pilot.press("escape", "escape")  # leave the notes, then the panel
        await settle(pilot)
        assert not isinstance(app.screen, CallScreen)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        assert "unfinished call with Bill Lumbergh at Initech" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert app.screen.notes == "Bill asked about"
        assert "on the call" in screen_text(app)


async def test_r6_edit_the_script_then_reset(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, "Initech")
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k")  # to the start, delete to the end of the line
        await type_text(pilot, "Did I get the job?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "R6: never ask" in screen_text(app)  # refused at the field
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Hi Bill, Sam here")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "1. Hi Bill, Sam here" in screen_text(app)
        assert "(edited)" in screen_text(app)
        with Store(db_path) as store:
            assert store.load_application(INITECH).call_script[0] == "Hi Bill, Sam here"
        await pilot.press("B", "y")
        await settle(pilot)
        assert "1. Hi Bill, this is Sam Candidate" in screen_text(app)


async def test_drafts_are_shown_and_copied(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await open_call(pilot, "Initech")
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen)
        assert copied and copied[0].startswith("To: bill@initech.example\nSubject: Platform")
        assert "In what timeframe do you expect to make a decision?" in copied[0]
        await pilot.press("escape", "escape")
        await settle(pilot)


async def test_call_from_the_detail_screen(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.push_screen(DetailScreen(INITECH))
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
