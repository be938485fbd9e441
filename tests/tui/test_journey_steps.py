"""The journey's screens one step at a time (issue 14 items 2, 4, 5): the interview day and the
debrief (R12), the feedback call (R9), an offer accepted (R13). tests/tui/test_journey.py walks
them end to end."""

from __future__ import annotations

from datetime import date, time, timedelta

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Status,
    Touch,
    TouchKind,
    WithdrawAnswer,
)
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.draft import DraftScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.action_panel import ActionPanel
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen
from followup_tui.tui.widgets.picker import PickerScreen

from .helpers import SIZE, loaded, row, screen_text, settle, type_text

TODAY = date(2026, 3, 10)  # a Tuesday; the demo's day
YESTERDAY = TODAY - timedelta(days=1)
ASK = "Ask “In what timeframe do you expect to make a decision?”"
CARDS = "Ask each interviewer for a business card"


def load(path, application_id: int) -> Application:
    with Store(path) as store:
        return store.load_application(application_id)


def add(path, application: Application) -> int:
    with Store(path) as store:
        return store.add_application(application)


async def select(pilot, company: str) -> None:
    table = await loaded(pilot)
    table.move_cursor(row=[row(table, i)[1] for i in range(table.row_count)].index(company))
    await pilot.pause()


def panel_text(app) -> str:
    """The dashboard's action panel, all of it (its height shows the first lines)."""
    return str(app.screen.query_one(ActionPanel).render())


async def tab_to(pilot, field: str) -> None:
    for _ in range(40):
        focused = pilot.app.screen.focused
        if focused is not None and focused.id == f"field-{field}":
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached {field}")


# R12: the interview day ------------------------------------------------------------------------


async def test_r12_todays_interview_comes_first_with_time_people_and_what_to_do(demo_db):
    """The demo's Globex interview today at 14:30 with Priya: first row, and the panel, the
    review step and the detail screen give the time, who (with card facts) and the two asks."""
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        first = row(table, 0)
        assert first[:4] == ["● TODAY", "Globex", "Backend Engineer", "Interview today 14:30"]
        assert first[5] == "Priya Natarajan"
        assert table.highlighted_id == 2  # the first row's panel is in view
        shown = screen_text(app)
        assert "14:30 · Technical interview today" in shown
        assert "You will meet: Priya Natarajan (Head of Platform, priya@globex.example" in shown
        assert ASK in shown and CARDS in shown

        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.current.assessment.application.company == "Globex"
        step = screen_text(app)
        assert "14:30 · Technical interview today" in step
        assert ASK in step and CARDS in step
        await pilot.press("d")  # nothing to log: the review steps on
        await settle(pilot)
        assert app.screen.index == 1
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        detail = screen_text(app)
        assert "14:30 · Technical interview today" in detail
        assert ASK in detail and CARDS in detail
        assert "After it, b records the debrief" in detail


def _interviewed_yesterday() -> Application:
    return Application(
        id=0,
        company="Acme",
        role="Engineer",
        contacts=(
            Contact(1, "Ana Alder", title="CTO"),
            Contact(2, "Ben Birch"),
            Contact(3, "Cy Cedar", title="Recruiter"),
        ),
        interviews=(Interview(1, YESTERDAY, time(10, 0), "Onsite", (1, 2)),),
    )


async def test_r12_the_day_after_b_opens_the_debrief_prefilled_and_saves_it(db_path):
    acme = add(db_path, _interviewed_yesterday())
    before = load(db_path, acme)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "Acme")
        assert "The Mon 9 Mar interview has no debrief yet: b records it" in panel_text(app)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        form = screen_text(app)
        assert "Debrief of the Mon 9 Mar interview: Acme" in form
        # The planned interviewers ticked, by shape; anyone else on record not.
        assert "☑ Ana Alder (CTO)" in form.replace("▌", " ").replace("▐", "")
        assert "☐ Cy Cedar (Recruiter)" in form.replace("▌", " ").replace("▐", "")
        assert "Ana Alder: title" in form
        # Ben was not there after all; Cy was.
        await pilot.press("down", "space", "down", "space")
        ana = before.contacts[0]
        await tab_to(pilot, f"email_{ana.id}")
        await type_text(pilot, "ana at acme")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)  # refused, at the field: nothing saved
        assert "does not look like an email address" in screen_text(app)
        assert load(db_path, acme) == before
        await pilot.press(*["backspace"] * 11)
        await type_text(pilot, "ana@acme.example")
        await tab_to(pilot, "topics")
        await type_text(pilot, "Billing rewrite")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        after = load(db_path, acme)
        (interview,) = after.interviews
        assert [c.full_name for c in after.interviewers(interview)] == ["Ana Alder", "Cy Cedar"]
        assert after.contact(ana.id).email == "ana@acme.example"
        assert interview.topics == "Billing rewrite"
        # Recorded: the hint goes; the thank-you notes go to who was there (R1).
        panel = panel_text(app)
        assert "no debrief yet" not in panel
        assert "Send thank-you note · Ana Alder" in panel
        assert "Send thank-you note · Cy Cedar" in panel
        assert "Ben Birch" not in panel


async def test_r12_the_debrief_asks_who_was_there(db_path):
    acme = add(db_path, _interviewed_yesterday())
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "Acme")
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("space", "down", "space")  # untick both
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "Tick who was there, or add them below" in screen_text(app)
        await tab_to(pilot, "new_people")
        await type_text(pilot, "Dee Dunn, Head of Data, +1 555 0101")
        await pilot.press("ctrl+s")
        await settle(pilot)
    after = load(db_path, acme)
    (dee,) = after.interviewers(after.interviews[0])
    assert (dee.full_name, dee.title, dee.email, dee.phone) == (
        "Dee Dunn", "Head of Data", "", "+1 555 0101"
    )  # fmt: skip


async def test_r12_the_debrief_key_is_in_the_palette_and_says_when_nothing_was_held(db_path):
    add(db_path, Application(id=0, company="Zed", role="Engineer", applied_on=YESTERDAY))
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "Zed")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Debrief" in titles
        await pilot.press("b")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        assert "No interview held yet" in " ".join(str(n.message) for n in app._notifications)


# R9: the feedback call --------------------------------------------------------------------------


def _rejected_after_a_status_call() -> Application:
    """Rejected yesterday, two days after a status call: a second follow-up now would break R4,
    and the decision date is still ahead (R2): neither applies to the feedback call."""
    return Application(
        id=0,
        company="Acme",
        role="Engineer",
        status=Status.REJECTED,
        closed_on=YESTERDAY,
        expected_decision=TODAY + timedelta(days=7),
        decision_learned_on=date(2026, 3, 2),
        contacts=(Contact(1, "Ana Alder", rapport=True, phone="+1 555 0100"),),
        interviews=(Interview(1, date(2026, 3, 2), interviewer_ids=(1,), topics="Billing"),),
        touches=(
            Touch(0, date(2026, 3, 2), Channel.EMAIL, Direction.OUT, TouchKind.THANK_YOU, 1),
            Touch(0, date(2026, 3, 7), Channel.PHONE, Direction.OUT, TouchKind.STATUS_CHECK, 1),
        ),
    )


async def test_r9_the_feedback_call_panel_has_its_script_no_warning_and_its_own_end_form(db_path):
    acme = add(db_path, _rejected_after_a_status_call())
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "Acme")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        shown = screen_text(app)
        assert "Feedback call · Acme" in shown
        assert "Would you share what made the difference" in shown
        assert "R4" not in shown and "R2" not in shown and "R5" not in shown
        await pilot.press("enter")
        await type_text(pilot, "Kind; brief")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = screen_text(app)
        assert "End the feedback call" in form
        assert "decision date" not in form and "concern" not in form
        await tab_to(pilot, "feedback")
        await type_text(pilot, "Wanted more Go")
        await pilot.press("tab")
        await type_text(pilot, "Lead with the Go side project")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CallScreen)
    after = load(db_path, acme)
    assert (after.feedback, after.lessons) == ("Wanted more Go", "Lead with the Go side project")
    call = after.touches[-1]
    assert (call.kind, call.outcome, call.notes) == (
        TouchKind.FEEDBACK_REQUEST, Outcome.REACHED, "Kind; brief"
    )  # fmt: skip
    assert (after.expected_decision, after.interviews[0].concerns) == (
        TODAY + timedelta(days=7), ""
    )  # fmt: skip


async def test_r9_a_feedback_call_left_open_resumes_as_the_feedback_call(db_path):
    acme = add(db_path, _rejected_after_a_status_call())
    from datetime import UTC, datetime

    with Store(db_path) as store:
        store.start_call(acme, 1, datetime.now(UTC))
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(20):  # the store opens after the first frame, then asks
            await settle(pilot)
            if isinstance(app.screen, PickerScreen):
                break
        assert isinstance(app.screen, PickerScreen)  # an unfinished call: resume it?
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert app.screen.kind is TouchKind.FEEDBACK_REQUEST
        assert "Would you share what made the difference" in screen_text(app)


# R13: an offer accepted -------------------------------------------------------------------------


def _three_active(db_path) -> tuple[int, int, int]:
    def one(company: str) -> Application:
        return Application(
            id=0,
            company=company,
            role="Engineer",
            contacts=(Contact(1, f"{company} Boss", email=f"boss@{company.lower()}.example"),),
            interviews=(Interview(1, date(2026, 3, 2), interviewer_ids=(1,), topics="x"),),
        )

    return add(db_path, one("Acme")), add(db_path, one("Birch")), add(db_path, one("Cedar"))


async def _accept_acme(pilot) -> None:
    await select(pilot, "Acme")
    await pilot.press("C")
    await settle(pilot)
    await pilot.press("enter", "up", "up", "enter")  # outcome: offer accepted
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_r13_none_for_now_closes_nothing_and_the_review_asks_again(db_path):
    acme, birch, cedar = _three_active(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _accept_acme(pilot)
        assert isinstance(app.screen, PickerScreen)
        assert "withdraw from the 2 other applications?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        for other in (birch, cedar):
            after = load(db_path, other)
            assert (after.status, after.withdraw_answer) == (
                Status.ACTIVE, WithdrawAnswer.UNANSWERED
            )  # fmt: skip
        table = await loaded(pilot)
        assert {row(table, i)[3] for i in range(table.row_count)} == {"Withdraw? (offer accepted)"}

        # Later, the review: w shows the note, d asks: withdraw, keep, or later.
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "w shows the note to send" in screen_text(app)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen) and app.screen.draft.kind == "withdrawal"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("k")  # keep Birch
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")  # withdraw from Cedar: the note was sent
        await settle(pilot)
    assert load(db_path, acme).status is Status.OFFER_ACCEPTED
    kept, withdrawn = load(db_path, birch), load(db_path, cedar)
    assert (kept.status, kept.withdraw_answer) == (Status.ACTIVE, WithdrawAnswer.KEEP)
    assert (withdrawn.status, withdrawn.withdraw_answer) == (
        Status.WITHDRAWN, WithdrawAnswer.WITHDRAW
    )  # fmt: skip
    assert withdrawn.touches[-1].notes == "Withdrawal note: accepted another offer"


async def test_r13_all_shows_each_note_and_withdraws_only_on_yes(db_path):
    _acme, birch, cedar = _three_active(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _accept_acme(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen)
        assert "Birch" in app.screen.text and "boss@birch.example" in app.screen.draft.to
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Sent the note to Birch Boss? Withdraw from Birch" in screen_text(app)
        await pilot.press("n")  # not sent after all: Birch stays asked
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen) and "Cedar" in app.screen.text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert load(db_path, birch).withdraw_answer is WithdrawAnswer.UNANSWERED
    assert load(db_path, cedar).status is Status.WITHDRAWN


async def test_r13_keep_them_all_is_one_answer(db_path):
    _acme, birch, cedar = _three_active(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _accept_acme(pilot)
        await pilot.press("k")
        await settle(pilot)
        table = await loaded(pilot)
        assert "Withdraw? (offer accepted)" not in {
            row(table, i)[3] for i in range(table.row_count)
        }
    for other in (birch, cedar):
        after = load(db_path, other)
        assert (after.status, after.withdraw_answer) == (Status.ACTIVE, WithdrawAnswer.KEEP)


# R11: the add form ------------------------------------------------------------------------------


async def test_r11_the_add_form_refuses_a_date_applied_ahead(db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        await tab_to(pilot, "applied_on")
        assert app.screen.focused.value == TODAY.isoformat()  # a new one: applied today
        await pilot.press("end", *["backspace"] * 10)
        await type_text(pilot, "+3d")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "has not come yet: give the day you applied" in screen_text(app)
    with Store(db_path) as store:
        assert store.count_applications() == 0
