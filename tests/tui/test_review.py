"""The morning, driven with keys alone against a real SQLite file: review, log, snooze, forms."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

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
)
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.help import HelpScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen
from followup_tui.tui.widgets.review_table import ReviewTable

from .helpers import SIZE, loaded, row, screen_text, settle, type_text

TODAY = date(2026, 3, 10)  # a Tuesday
YESTERDAY = TODAY - timedelta(days=1)


def out(on: date, channel: Channel, contact: int, kind=TouchKind.STATUS_CHECK) -> Touch:
    return Touch(0, on, channel, Direction.OUT, kind, contact, Outcome.NONE)


def morning_db(path) -> dict[str, int]:
    """Four applications due today; returns their ids by company."""
    applications = [
        Application(
            id=0, company="Alder", role="Engineer",
            contacts=(Contact(1, "Ana Alder", decision_maker=True), Contact(2, "Ben Alder"),
                      Contact(3, "Cai Alder")),
            interviews=(Interview(1, YESTERDAY, interviewer_ids=(1, 2, 3)),),
        ),
        Application(  # called a week ago, unanswered: an email is due today (R4)
            id=0, company="Birch", role="Engineer", expected_decision=date(2026, 2, 27),
            contacts=(Contact(1, "Bo Birch", decision_maker=True),),
            interviews=(Interview(1, date(2026, 2, 20), interviewer_ids=(1,)),),
            touches=(out(date(2026, 2, 20), Channel.EMAIL, 1, TouchKind.THANK_YOU),
                     out(date(2026, 3, 3), Channel.PHONE, 1)),
        ),
        Application(
            id=0, company="Cedar", role="Engineer", expected_decision=TODAY,
            contacts=(Contact(1, "Cy Cedar", decision_maker=True),),
            interviews=(Interview(1, date(2026, 3, 2), interviewer_ids=(1,)),),
            touches=(out(date(2026, 3, 2), Channel.EMAIL, 1, TouchKind.THANK_YOU),),
        ),
        Application(
            id=0, company="Dogwood", role="Engineer", expected_decision=TODAY,
            contacts=(Contact(1, "Di Dogwood", decision_maker=True),),
            interviews=(Interview(1, date(2026, 3, 2), interviewer_ids=(1,)),),
            touches=(out(date(2026, 3, 2), Channel.EMAIL, 1, TouchKind.THANK_YOU),),
        ),
    ]  # fmt: skip
    with Store(path) as store:
        return {a.company: store.add_application(a) for a in applications}


def load(path, application_id: int) -> Application:
    with Store(path) as store:
        return store.load_application(application_id)


async def test_the_whole_morning_with_keys_alone(db_path):
    ids = morning_db(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        assert [row(table, i)[1] for i in range(4)] == ["Alder", "Birch", "Cedar", "Dogwood"]

        # A thank-you to two of the three interviewers, from the dashboard's checklist.
        await pilot.press("t")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.values()["people"] == []  # nobody ticked: the user ticks who they thanked
        await pilot.press("space", "down", "space")  # Ana and Ben, not Cai, the third
        await pilot.press("ctrl+s")
        await settle(pilot)
        thanked = [t.contact_id for t in load(db_path, ids["Alder"]).touches]
        names = {c.id: c.full_name for c in load(db_path, ids["Alder"]).contacts}
        assert sorted(names[i] for i in thanked) == ["Ana Alder", "Ben Alder"]

        # The review: Cai's note, Birch's email, Cedar's check, Dogwood's check.
        await pilot.press("r")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        steps = [(i.assessment.application.company, i.action.kind.value) for i in review.items]
        assert steps == [
            ("Alder", "thank_you"),
            ("Birch", "status_check"),
            ("Cedar", "status_check"),
            ("Dogwood", "status_check"),
        ]
        assert "Cai Alder" in screen_text(app)
        await pilot.press("n")  # skip Cai for now
        await settle(pilot)
        assert "Bo Birch" in screen_text(app) and "by email" in screen_text(app)
        await pilot.press("d")  # done by the suggested channel: email
        await settle(pilot)
        assert "Cy Cedar" in screen_text(app)
        await pilot.press("s")  # snooze Cedar: the form suggests +3d
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Di Dogwood" in screen_text(app)
        await pilot.press("space")  # skip
        await settle(pilot)
        summary = screen_text(app)
        assert "Done 1, snoozed 1, skipped 2." in summary
        assert "Next due: Wed 11 Mar: Dogwood" not in summary  # Dogwood is due today still
        assert "Next due: Fri 13 Mar: Cedar" in summary
        await pilot.press("escape")
        await settle(pilot)

        # The database and the dashboard afterwards.
        birch = load(db_path, ids["Birch"]).touches[-1]
        assert (birch.on, birch.channel, birch.kind) == (TODAY, Channel.EMAIL, "status_check")
        assert load(db_path, ids["Cedar"]).snoozed_until == date(2026, 3, 13)
        table = app.screen.query_one(ReviewTable)
        rows = {row(table, i)[1]: row(table, i) for i in range(table.row_count)}
        assert rows["Cedar"][4] == "Fri 13 Mar"
        assert rows["Birch"][0] == "· later" and rows["Birch"][6] == "letter"  # rotation, R4
        assert rows["Alder"][3] == "Send thank-you note" and rows["Alder"][5] == "Cai Alder"
        assert rows["Dogwood"][0] == "● TODAY"


async def test_a_second_follow_up_inside_a_week_asks_naming_the_rule(db_path):
    ids = morning_db(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        birch = next(i for i in range(table.row_count) if row(table, i)[1] == "Birch")
        table.move_cursor(row=birch)
        before = len(load(db_path, ids["Birch"]).touches)

        # Birch's last follow-up was a week ago: an email today breaks nothing.
        await pilot.press("l", "e")  # log, email sent
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(load(db_path, ids["Birch"]).touches) == before + 1

        # A second one the same day breaks R4: cancelling saves nothing.
        await pilot.press("l", "p")  # a phone call
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        shown = screen_text(app)  # the message wraps inside the dialog's border
        assert "R4: The last follow-up was the same day" in shown
        assert "at most one" in shown and "every 7 days (standard)" in shown
        await pilot.press("n")
        await settle(pilot)
        assert len(load(db_path, ids["Birch"]).touches) == before + 1

        # Confirming saves it, and the dashboard flags it over-frequent.
        await pilot.press("l", "p")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert len(load(db_path, ids["Birch"]).touches) == before + 2
        table = app.screen.query_one(ReviewTable)
        birch_row = next(
            row(table, i) for i in range(table.row_count) if row(table, i)[1] == "Birch"
        )
        assert birch_row[0] == "≈ TOO SOON"
        assert "over-frequent" in birch_row[7]


@pytest.mark.slow
async def test_invalid_form_input_shows_at_the_field_and_writes_nothing(db_path):
    ids = morning_db(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        await pilot.press("ctrl+s")  # empty company and role
        await settle(pilot)
        assert app.screen is form
        assert "Company is required" in screen_text(app)
        assert "Role is required" in screen_text(app)
        await type_text(pilot, "Elm")
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        for _ in range(4):
            await pilot.press("tab")
        await type_text(pilot, "2026-02-30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "'2026-02-30' is not a date" in screen_text(app)
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "someday")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "'someday' is not a date" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        with Store(db_path) as store:
            assert store.count_applications() == len(ids)

        # An interview with an unreadable date.
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "2026-13-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "'2026-13-01' is not a date" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        alder = load(db_path, ids["Alder"])
        assert len(alder.interviews) == 1


@pytest.mark.slow
async def test_add_an_application_then_an_interview_with_a_new_interviewer(db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "ACME [/]")
        await pilot.press("tab")
        await type_text(pilot, "Staff Engineer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)  # a new application opens
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "yesterday")
        for _ in range(4):  # time, stage, interviewers, new interviewers
            await pilot.press("tab")
        await type_text(pilot, "Dana Reyes, [bold]Lee")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert "Thank Dana Reyes" in shown or "Dana Reyes" in shown
        assert "[bold]Lee" in shown
        await pilot.press("escape")
        await settle(pilot)
    with Store(db_path) as store:
        (application,) = store.load_applications()
    assert application.company == "ACME [/]"
    assert [c.full_name for c in application.contacts] == ["Dana Reyes", "[bold]Lee"]
    assert application.interviews[0].held_on == YESTERDAY


async def test_detail_help_filter_closed_and_palette(db_path):
    ids = morning_db(db_path)
    with Store(db_path) as store:
        store.close_application(ids["Dogwood"], Status.WITHDRAWN, TODAY, "Moved on")
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        assert "Dogwood" not in [row(table, i)[1] for i in range(table.row_count)]

        await pilot.press("x")  # closed ones too
        table = await loaded(pilot)
        rows = {row(table, i)[1]: row(table, i)[0] for i in range(table.row_count)}
        assert rows["Dogwood"] == "✓ closed"
        await pilot.press("x")
        await loaded(pilot)

        await pilot.press("slash")
        await type_text(pilot, "cy ced")  # company word and contact word
        await pilot.pause()
        table = app.screen.query_one(ReviewTable)
        assert [row(table, i)[1] for i in range(table.row_count)] == ["Cedar"]
        await pilot.press("enter", "enter")  # leave the filter, open Cedar
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert "#3 Cedar · Engineer" in screen_text(app)

        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = screen_text(app)
        for expected in ("Log a touch", "Snooze to a date", "Add an interview", "esc "):
            assert expected in keys
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert app.screen.query_one(ReviewTable).row_count == 3  # Dogwood is closed

        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "open birch")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.application_id == ids["Birch"]


async def test_a_reply_with_a_new_decision_date_moves_the_next_check(db_path):
    ids = morning_db(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        table.move_cursor(row=[row(table, i)[1] for i in range(table.row_count)].index("Birch"))
        await pilot.press("l", "r")  # log a reply from them
        await settle(pilot)
        for _ in range(4):  # date, channel, from, outcome, notes
            await pilot.press("tab")
        await type_text(pilot, "They decide next week")
        await pilot.press("tab")
        await type_text(pilot, "+1w")
        await pilot.press("ctrl+s")
        await settle(pilot)
        birch = load(db_path, ids["Birch"])
        assert birch.touches[-1].direction is Direction.IN
        assert birch.touches[-1].notes == "They decide next week"
        assert (birch.expected_decision, birch.decision_learned_on) == (date(2026, 3, 17), TODAY)
        table = app.screen.query_one(ReviewTable)
        birch_row = next(
            row(table, i) for i in range(table.row_count) if row(table, i)[1] == "Birch"
        )
        assert birch_row[4] == "Tue 17 Mar"


async def test_q_quits_from_a_screen_but_not_from_a_form(db_path):
    morning_db(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("t")  # a form whose first field is a checklist, not a text box
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_an_edit_made_on_stale_data_is_refused_reloaded_and_explained(db_path):
    ids = morning_db(db_path)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)  # the cursor is on Alder
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        with Store(db_path) as other:  # another copy of followup saves first
            from dataclasses import replace

            other.save_application(replace(other.load_application(ids["Alder"]), role="Lead"))
        await pilot.press("end")
        await type_text(pilot, " Inc")
        await pilot.press("ctrl+s")
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("changed elsewhere" in message for message in messages)
        table = app.screen.query_one(ReviewTable)
        assert row(table, 0)[1:3] == ["Alder", "Lead"]  # reloaded: the other copy's edit
    alder = load(db_path, ids["Alder"])
    assert (alder.company, alder.role) == ("Alder", "Lead")


async def test_r5_a_status_check_is_addressed_to_the_decision_maker_not_the_interviewer(db_path):
    # A thank-you to the interviewer is still pending; the status check logged from the
    # dashboard must default to who decides (R5), not to the first action's contact.
    with Store(db_path) as store:
        (app_id,) = store.insert_applications(
            [
                Application(
                    0,
                    "Quince",
                    "Engineer",
                    contacts=(
                        Contact(1, "Ivy Interviewer"),
                        Contact(2, "Dana Decider", decision_maker=True),
                    ),
                    interviews=(Interview(1, TODAY - timedelta(days=8), interviewer_ids=(1,)),),
                )
            ],
            keep_ids=False,
        )
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("l", "e")  # log, email sent: a status check
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
            await settle(pilot)
    touch = load(db_path, app_id).touches[-1]
    decider = next(c for c in load(db_path, app_id).contacts if c.full_name == "Dana Decider")
    assert (touch.kind, touch.contact_id) == (TouchKind.STATUS_CHECK, decider.id)
