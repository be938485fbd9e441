"""A review step done is a step done (issue 14 item 8): d on a phone step asks how the call went
as the call panel's end form does (reached, to start with) and records a decision date learned
on it; the summary after the last step names the channel each step was actually done by."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from followup_tui.domain.records import Channel, Outcome, TouchKind
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen
from followup_tui.tui.widgets.picker import PickerScreen

from .helpers import SIZE, loaded, screen_text, settle

TODAY = date(2026, 3, 10)
NORTHWIND, INITECH = 1, 3


def load(path, application_id: int):
    with Store(path) as store:
        return store.load_application(application_id)


async def review_to(pilot, company: str) -> ReviewScreen:
    """The review, skipped on to `company`'s step."""
    await loaded(pilot)
    await pilot.press("r")
    await settle(pilot)
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    while review.current.assessment.application.company != company:
        await pilot.press("n")
        await settle(pilot)
    return review


async def test_r7_d_on_a_phone_step_starts_at_reached_and_records_the_decision_date(
    demo_db, db_path
):
    before = load(db_path, INITECH)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        review = await review_to(pilot, "Initech")  # ask for the timeline, by phone (R2)
        step = review.index
        await pilot.press("d")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.values()["outcome"] is Outcome.REACHED  # as the call panel's end form
        assert "New expected decision date, if you learned one" in screen_text(app)
        form.query_one("#field-expected_decision", Input).value = "2026-03-20"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen | FormScreen)
        assert review.index == step + 1  # the step is done: the review stepped on

    initech = load(db_path, INITECH)
    call = initech.touches[-1]
    assert len(initech.touches) == len(before.touches) + 1
    assert (call.on, call.channel, call.kind, call.outcome) == (
        TODAY,
        Channel.PHONE,
        TouchKind.STATUS_CHECK,
        Outcome.REACHED,
    )
    assert (initech.expected_decision, initech.decision_learned_on) == (date(2026, 3, 20), TODAY)


async def test_the_review_summary_names_the_channel_a_step_was_done_by(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        review = await review_to(pilot, "Northwind Labs")  # a thank-you note, by email
        assert review.current.action.channel is Channel.EMAIL
        await pilot.press("o")  # done by another channel
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("l")  # by letter
        await settle(pilot)
        assert load(db_path, NORTHWIND).touches[-1].channel is Channel.LETTER
        while review.current is not None:
            await pilot.press("n")
            await settle(pilot)
        summary = screen_text(app)
        line = next(line for line in summary.splitlines() if "Northwind Labs" in line)
        assert "done" in line and "letter" in line and "email" not in line


async def test_tab_reaches_the_decision_date_before_the_buttons(demo_db, db_path):
    """Every field of the form comes before Save and Cancel in tab order: the buttons are
    docked below the fields, and Textual orders focus by position, so a field below the
    fold came after them (Tab from the notes went to Save, past the decision date)."""
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await review_to(pilot, "Initech")
        await pilot.press("d")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        visited = [form.focused.id]
        while visited[-1] != "field-expected_decision" and len(visited) < 12:
            await pilot.press("tab")
            visited.append(form.focused.id)
        assert visited[-1] == "field-expected_decision"
        assert all(name.startswith("field-") for name in visited), visited
