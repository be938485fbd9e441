"""The whole journey with keys alone (issue 14's acceptance), on the demo's real SQLite file.

(a) One application from applied, through the interview day (R12), the debrief, the thank-you
notes (R1), a status call, a rejection with rapport and the feedback call (R9), to closed.
(b) An offer accepted, then the other applications withdrawn from (some) and kept (R13).

Each day is its own run of the app on the same file, as the user opens it each morning. Each
step asserts what the screen shows and what the database holds.
"""

from __future__ import annotations

from datetime import date

import pytest

from followup_tui.domain.records import (
    Application,
    Channel,
    Outcome,
    Status,
    TouchKind,
    WithdrawAnswer,
)
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.draft import DraftScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen
from followup_tui.tui.widgets.picker import PickerScreen

from .helpers import SIZE, loaded, row, screen_text, settle, type_text

APPLIED = date(2026, 3, 2)  # a Monday
INTERVIEW_DAY = date(2026, 3, 10)  # the demo's day: Globex has an interview at 14:30 too
DECISION_DAY = date(2026, 3, 20)  # the date they give at the interview (a Friday)
REJECTED_ON = date(2026, 3, 23)
COMPANY = "Vandelay Industries"


def stored(path, company: str) -> Application:
    with Store(path) as store:
        return next(a for a in store.load_applications() if a.company == company)


def companies(table) -> list[str]:
    return [row(table, index)[1] for index in range(table.row_count)]


async def select(pilot, company: str):
    table = await loaded(pilot)
    table.move_cursor(row=companies(table).index(company))
    await pilot.pause()
    return table


async def tab_to(pilot, field: str) -> None:
    """Tab through the form to the field named (as the user would, key by key)."""
    for _ in range(40):
        focused = pilot.app.screen.focused
        if focused is not None and focused.id == f"field-{field}":
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached {field}")


async def replace_text(pilot, text: str) -> None:
    """Clear the focused input and type `text`."""
    await pilot.press("end", *["backspace"] * 40)
    await type_text(pilot, text)


@pytest.mark.slow
async def test_journey_from_applied_through_the_interview_day_to_the_feedback_call(
    demo_db, db_path
):
    # Day 1, Tue 3 Mar: the add form takes the day applied and where it came from (R11).
    app = FollowupApp(db_path, date(2026, 3, 3))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, COMPANY)
        await pilot.press("tab")
        await type_text(pilot, "Staff Engineer")
        await tab_to(pilot, "applied_on")
        await pilot.pause()
        assert "Date applied" in screen_text(app)
        await replace_text(pilot, "yesterday")
        await tab_to(pilot, "source")
        await type_text(pilot, "Referral from Sam")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        shown = screen_text(app)
        assert "Follow up on the application" in shown and "Referral from Sam" in shown
    vandelay = stored(db_path, COMPANY)
    assert (vandelay.applied_on, vandelay.source) == (APPLIED, "Referral from Sam")
    assert vandelay.interviews == ()

    # Day 2, Tue 10 Mar: the interview is today. Added with its time and who you will meet, it
    # comes first on the dashboard, with the time, the people and the two things to do (R12).
    app = FollowupApp(db_path, INTERVIEW_DAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await select(pilot, COMPANY)
        assert row(table, table.cursor_row)[0] == "! OVERDUE"  # R11: due Mon 9 Mar
        await pilot.press("i")
        await settle(pilot)
        await tab_to(pilot, "at_time")
        await type_text(pilot, "09:00")
        await pilot.press("tab")
        await type_text(pilot, "Onsite")
        await tab_to(pilot, "new_interviewers")
        await type_text(pilot, "Dana Reyes, Lee Park")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")  # the detail screen the new application opened in
        table = await loaded(pilot)
        first, second = row(table, 0), row(table, 1)
        assert {first[1], second[1]} == {COMPANY, "Globex"}  # both interviews today, first
        ours = first if first[1] == COMPANY else second
        assert ours[0] == "● TODAY" and ours[3] == "Interview today 09:00"
        assert ours[5] == "Dana Reyes, Lee Park"
        await select(pilot, COMPANY)
        panel = screen_text(app)
        assert "09:00 · Onsite interview today" in panel
        assert "You will meet: Dana Reyes; Lee Park" in panel
        assert "1. Ask “In what timeframe do you expect to make a decision?”" in panel
        assert "2. Ask each interviewer for a business card" in panel

        # The review starts with the two interviews; d steps on without logging anything.
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen
        steps = [item.assessment.application.company for item in review.items[:2]]
        assert sorted(steps) == sorted([COMPANY, "Globex"])
        while review.current and review.current.assessment.application.company != COMPANY:
            await pilot.press("n")
            await settle(pilot)
        assert "You will meet: Dana Reyes; Lee Park" in screen_text(app)
        touches_before = len(stored(db_path, COMPANY).touches)

        # After the interview: b, the debrief. Dana and Lee ticked, their cards completed, Sam
        # from the recruiting team added from his card, the date they gave, topics, concerns.
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        form = screen_text(app)
        assert "☑" in form and "Dana Reyes: title" in form
        await tab_to(pilot, f"title_{_id(db_path, 'Dana Reyes')}")
        await type_text(pilot, "VP Engineering")
        await pilot.press("tab")
        await type_text(pilot, "dana@vandelay.example")
        await tab_to(pilot, "new_people")
        await type_text(pilot, "Sam Ortiz, Recruiter, sam@vandelay.example, +1 555 0100")
        await tab_to(pilot, "expected_decision")
        await type_text(pilot, DECISION_DAY.isoformat())
        await pilot.press("tab")
        await type_text(pilot, "Scaling the import pipeline")
        await pilot.press("tab")
        await type_text(pilot, "No Go experience")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert review.current is None or review.current.assessment.application.company != COMPANY
        vandelay = stored(db_path, COMPANY)
        (interview,) = vandelay.interviews
        assert [c.full_name for c in vandelay.interviewers(interview)] == [
            "Dana Reyes", "Lee Park", "Sam Ortiz"
        ]  # fmt: skip
        dana, _lee, sam = vandelay.interviewers(interview)
        assert (dana.title, dana.email) == ("VP Engineering", "dana@vandelay.example")
        assert (sam.title, sam.email, sam.phone) == (
            "Recruiter", "sam@vandelay.example", "+1 555 0100"
        )  # fmt: skip
        assert (interview.topics, interview.concerns) == (
            "Scaling the import pipeline", "No Go experience"
        )  # fmt: skip
        assert (vandelay.expected_decision, vandelay.decision_learned_on) == (
            DECISION_DAY, INTERVIEW_DAY
        )  # fmt: skip
        assert len(vandelay.touches) == touches_before  # the debrief logs no touch
        await pilot.press("escape")  # end the review

        # The thank-you notes (R1), best today: one to each person who was there.
        await select(pilot, COMPANY)
        await pilot.press("enter")  # the detail screen lists every action
        await settle(pilot)
        shown = screen_text(app)
        for name in ("Dana Reyes", "Lee Park", "Sam Ortiz"):
            assert f"Send thank-you note · {name}" in shown
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("space", "down", "space", "down", "space")  # tick the three thanked
        await pilot.press("ctrl+s")
        await settle(pilot)
        thanks = [t for t in stored(db_path, COMPANY).touches if t.kind is TouchKind.THANK_YOU]
        assert sorted(t.contact_id for t in thanks) == sorted(c.id for c in (dana, _lee, sam))
        assert {t.on for t in thanks} == {INTERVIEW_DAY}
        assert "Send thank-you note" not in screen_text(app)
        await pilot.press("escape")

    # Day 3, Fri 20 Mar: the decision date they gave; the status call (R3, R6, R7).
    app = FollowupApp(db_path, DECISION_DAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await select(pilot, COMPANY)
        assert row(table, table.cursor_row)[3] == "Status check"
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert "Calling Dana Reyes" in screen_text(app)
        await pilot.press("enter")
        await type_text(pilot, "Still deciding")
        await pilot.press("ctrl+s")  # end the call: how it went, any new date or concern
        await settle(pilot)
        assert "New expected decision date" in screen_text(app)
        await pilot.press("ctrl+s")  # reached them
        await settle(pilot)
        assert not isinstance(app.screen, CallScreen)
    call = stored(db_path, COMPANY).touches[-1]
    assert (call.kind, call.channel, call.outcome, call.on) == (
        TouchKind.STATUS_CHECK, Channel.PHONE, Outcome.REACHED, DECISION_DAY
    )  # fmt: skip
    assert call.notes == "Still deciding"

    # Day 4, Mon 23 Mar: rejected; good rapport with Dana, so a feedback call comes next (R9).
    app = FollowupApp(db_path, REJECTED_ON)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, COMPANY)
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await tab_to(pilot, "reason")
        await type_text(pilot, "Went with a Go specialist")
        await tab_to(pilot, "rapport")
        await pilot.press("space")  # Dana Reyes, the first contact
        await pilot.press("ctrl+s")
        await settle(pilot)
        table = await select(pilot, COMPANY)
        assert row(table, table.cursor_row)[3] == "Ask for feedback"
        assert row(table, table.cursor_row)[5] == "Dana Reyes"
    vandelay = stored(db_path, COMPANY)
    assert (vandelay.status, vandelay.closed_on) == (Status.REJECTED, REJECTED_ON)
    assert [c.full_name for c in vandelay.contacts if c.rapport] == ["Dana Reyes"]

    # Day 5, Tue 24 Mar: the feedback call, its own call: its script, no R4 warning although
    # the status call was four days ago, and an end form for what they said and what you
    # learned, recorded in the application's feedback and lessons.
    app = FollowupApp(db_path, date(2026, 3, 24))
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, COMPANY)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        shown = screen_text(app)
        assert "Would you share what made the difference" in shown
        assert "R4" not in shown and "R2" not in shown
        await pilot.press("enter")
        await type_text(pilot, "Friendly; 10 minutes")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert "What they said" in shown and "New expected decision date" not in shown
        await tab_to(pilot, "feedback")
        await type_text(pilot, "They needed Go from day one")
        await pilot.press("tab")
        await type_text(pilot, "Lead with the Go side project")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CallScreen)
        # Closed: nothing left to do, it leaves the review.
        table = await loaded(pilot)
        assert COMPANY not in companies(table)
    vandelay = stored(db_path, COMPANY)
    assert vandelay.status is Status.REJECTED
    assert (vandelay.feedback, vandelay.lessons) == (
        "They needed Go from day one", "Lead with the Go side project"
    )  # fmt: skip
    feedback_call = vandelay.touches[-1]
    assert (feedback_call.kind, feedback_call.outcome, feedback_call.contact_id) == (
        TouchKind.FEEDBACK_REQUEST, Outcome.REACHED, dana.id
    )  # fmt: skip
    assert feedback_call.notes == "Friendly; 10 minutes"
    with Store(db_path) as store:
        assert store.unfinished_calls() == []


def _id(path, name: str) -> int:
    application = stored(path, COMPANY)
    return next(c.id for c in application.contacts if c.full_name == name)


@pytest.mark.slow
async def test_journey_from_an_offer_accepted_to_the_others_withdrawn_and_kept(demo_db, db_path):
    today = INTERVIEW_DAY
    with Store(db_path) as store:
        active = [a for a in store.load_applications() if a.status is Status.ACTIVE]
    accepted = next(a for a in active if a.company == "Initech")
    others = sorted((a for a in active if a.id != accepted.id), key=lambda a: a.id)
    withdrawn = others[:2]  # ticked: a note to each, then closed as withdrawn
    app = FollowupApp(db_path, today)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "Initech")
        await pilot.press("C")
        await settle(pilot)
        await pilot.press("enter", "up", "up", "enter")  # outcome: from rejected up to accepted
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Every other active one is listed: all, some, none, or keep them all.
        assert isinstance(app.screen, PickerScreen)
        shown = screen_text(app)
        assert f"withdraw from the {len(others)} other applications?" in shown
        for word in ("All", "Some", "None for now", "Keep them all"):
            assert word in shown
        assert stored(db_path, "Initech").status is Status.OFFER_ACCEPTED
        await pilot.press("s")
        await settle(pilot)
        # Some: a checklist, none ticked to start; the rest kept.
        assert isinstance(app.screen, FormScreen)
        shown = screen_text(app)
        assert "☐" in shown and "☑" not in shown
        await pilot.press("space", "down", "space")  # the first two
        await tab_to(pilot, "rest")
        await pilot.press("enter", "down", "enter")  # keep them
        await pilot.press("ctrl+s")
        await settle(pilot)
        for other in withdrawn:
            # Its note, drafted: thank them, say you accepted another offer, keep the door open.
            assert isinstance(app.screen, DraftScreen)
            assert app.screen.draft.kind == "withdrawal"
            assert other.company in app.screen.text
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert f"Withdraw from {other.company}" in screen_text(app)
            await pilot.press("y")
            await settle(pilot)
        table = await loaded(pilot)
        for other in withdrawn:
            assert other.company not in companies(table)
    for other in withdrawn:
        after = stored(db_path, other.company)
        assert (after.status, after.closed_on, after.withdraw_answer) == (
            Status.WITHDRAWN, today, WithdrawAnswer.WITHDRAW
        )  # fmt: skip
        note = after.touches[-1]
        assert (note.on, note.channel, note.kind) == (today, Channel.EMAIL, TouchKind.OTHER)
    for other in others[2:]:
        after = stored(db_path, other.company)
        assert (after.status, after.withdraw_answer) == (Status.ACTIVE, WithdrawAnswer.KEEP)
