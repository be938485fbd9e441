"""The whole journey (issue 14): R11 before the interview, R12 on its day, R1's same-day notes,
R9's feedback call and R13's withdrawals, one rule id per test name.

Calendar used below (2026): Mon 2 Mar, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from followup_tui.domain.drafts import withdrawal_draft
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Persistence,
    Profile,
    Status,
    Touch,
    TouchKind,
    WithdrawAnswer,
)
from followup_tui.domain.review import RowState, review_list, review_queue, row_state
from followup_tui.domain.rules import (
    ActionKind,
    FlagKind,
    Settings,
    assess,
    follow_up_warnings,
    interview_brief,
)
from followup_tui.domain.script import ASK_TIMELINE, build_feedback_script

MON = date(2026, 3, 2)
TUE, WED, SAT = MON + timedelta(days=1), MON + timedelta(days=2), MON + timedelta(days=5)
DANA = Contact(1, "Dana Reyes", title="Engineering Manager", decision_maker=True)
LEE = Contact(2, "Lee Park", title="Staff Engineer")
SAM = Contact(3, "Sam Ito", title="Recruiter", email="sam@acme.example")

_ids = iter(range(100, 10_000))


def make(**fields) -> Application:
    return Application(
        id=fields.pop("id", 1),
        company=fields.pop("company", "Acme"),
        role=fields.pop("role", "Staff Engineer"),
        **fields,
    )


def out(day: date, channel: Channel, kind=TouchKind.STATUS_CHECK, contact=None) -> Touch:
    return Touch(next(_ids), day, channel, Direction.OUT, kind, contact_id=contact)


def reply(day: date) -> Touch:
    return Touch(next(_ids), day, Channel.EMAIL, Direction.IN, TouchKind.REPLY)


def kinds(assessment) -> list[ActionKind]:
    return [action.kind for action in assessment.actions]


# R11: applied, no interview yet ------------------------------------------------------------


def test_r11_applied_gets_an_email_follow_up_a_week_later_asking_who_is_hiring():
    application = make(applied_on=MON, source="job board")
    result = assess(application, MON)
    (action,) = result.actions
    assert action.kind is ActionKind.APPLICATION_FOLLOW_UP
    assert action.kind.value == "application_follow_up"
    assert action.due == MON + timedelta(days=7)
    assert action.channel is Channel.EMAIL
    assert action.rule == "R11"
    assert action.contact is None
    assert "find out who is hiring" in action.why
    assert result.has(FlagKind.NO_DECISION_MAKER)
    assert not action.overdue


def test_r11_follow_up_moves_to_a_weekday():
    action = assess(make(applied_on=SAT), SAT).next_action
    assert action.due == date(2026, 3, 16)  # Sat 14 -> Mon 16


def test_r11_goes_to_the_hiring_contact_when_known_else_any_contact():
    to_decider = assess(make(applied_on=MON, contacts=(LEE, DANA)), MON).next_action
    assert to_decider.contact == DANA
    recruiter = assess(make(applied_on=MON, contacts=(SAM,)), MON)
    assert recruiter.next_action.contact == SAM
    assert "find out who is hiring" not in recruiter.next_action.why
    assert not recruiter.has(FlagKind.NO_DECISION_MAKER)


def test_r11_days_are_a_setting():
    action = assess(make(applied_on=MON), MON, Settings(application_follow_up_days=10)).next_action
    assert action.due == date(2026, 3, 12)


def test_r11_without_a_date_applied_counts_from_the_day_it_was_added():
    assert assess(make(created_on=MON), MON).next_action.due == MON + timedelta(days=7)
    assert assess(make(), MON).actions == ()  # no day known: nothing to count from


def test_r11_r4_one_follow_up_a_week_by_persistence_rotating_the_channel():
    first = out(MON + timedelta(days=7), Channel.EMAIL, contact=3)
    standard = make(applied_on=MON, contacts=(SAM,), touches=(first,))
    action = assess(standard, MON + timedelta(days=8)).next_action
    assert action.kind is ActionKind.APPLICATION_FOLLOW_UP
    assert action.due == MON + timedelta(days=14)
    assert action.channel is Channel.LETTER
    assert action.rule == "R4"
    gentle = make(applied_on=MON, contacts=(SAM,), touches=(first,), persistence=Persistence.GENTLE)
    assert assess(gentle, MON + timedelta(days=8)).next_action.due == MON + timedelta(days=21)


def test_r11_r4_a_second_follow_up_inside_the_week_is_over_frequent():
    touches = (
        out(MON + timedelta(days=7), Channel.EMAIL),
        out(WED + timedelta(days=7), Channel.PHONE),
    )
    application = make(applied_on=MON, touches=touches)
    assert assess(application, WED + timedelta(days=7)).has(FlagKind.OVER_FREQUENT)
    warnings = follow_up_warnings(application, WED + timedelta(days=8))
    assert [flag.rule for flag in warnings] == ["R4"]


def test_r11_r8_cut_loose_counted_from_the_day_applied():
    application = make(applied_on=MON, contacts=(SAM,))
    result = assess(application, MON + timedelta(days=60))
    assert result.next_action.kind is ActionKind.FINAL_NOTE
    assert result.next_action.rule == "R8"
    assert result.has(FlagKind.CUT_LOOSE)
    assert assess(application, MON + timedelta(days=59)).next_action.kind is (
        ActionKind.APPLICATION_FOLLOW_UP
    )


def test_r11_r8_four_unanswered_follow_ups_then_the_final_note_then_close():
    touches = tuple(out(MON + timedelta(days=7 * week), Channel.EMAIL) for week in range(1, 5))
    application = make(applied_on=MON, touches=touches)
    assert assess(application, MON + timedelta(days=30)).next_action.kind is ActionKind.FINAL_NOTE
    final = out(MON + timedelta(days=35), Channel.EMAIL, TouchKind.FINAL_NOTE)
    closing = make(applied_on=MON, touches=(*touches, final))
    result = assess(closing, MON + timedelta(days=43))
    assert result.next_action.kind is ActionKind.SUGGEST_CLOSE


def test_r11_a_reply_restarts_the_wait():
    application = make(applied_on=MON, touches=(reply(MON + timedelta(days=3)),))
    assert assess(application, MON).next_action.due == MON + timedelta(days=10)


def test_r11_the_first_interview_logged_ends_the_stage():
    upcoming = make(applied_on=MON, interviews=(Interview(1, MON + timedelta(days=9)),))
    assert ActionKind.APPLICATION_FOLLOW_UP not in kinds(assess(upcoming, MON + timedelta(days=8)))
    held = make(applied_on=MON, contacts=(DANA,), interviews=(Interview(1, WED, None, "", (1,)),))
    result = assess(held, WED + timedelta(days=3))
    assert ActionKind.APPLICATION_FOLLOW_UP not in kinds(result)
    assert ActionKind.ASK_TIMELINE in kinds(result)  # R2, R3 from now on


def test_r11_closed_or_parked_applications_get_nothing():
    for status in (Status.PARKED, Status.WITHDRAWN):
        assert assess(make(applied_on=MON, status=status), MON + timedelta(days=8)).actions == ()


# R12: the interview day --------------------------------------------------------------------


def onsite(day: date = WED) -> Interview:
    return Interview(1, day, time(14, 30), "Onsite", (1, 2))


def test_r12_interview_day_action_gives_the_time_the_people_and_two_things_to_do():
    application = make(contacts=(DANA, LEE), interviews=(onsite(),))
    result = assess(application, WED)
    action = result.next_action
    assert action.kind is ActionKind.INTERVIEW
    assert action.kind.value == "interview"
    assert action.due == WED and not action.overdue and action.rule == "R12"
    assert action.interview_id == 1
    for text in ("14:30", "Dana Reyes", "Lee Park", ASK_TIMELINE, "business card"):
        assert text in action.why


def test_r12_interview_brief_for_the_screens():
    application = make(contacts=(DANA, LEE), interviews=(onsite(),))
    brief = interview_brief(application, 1)
    assert brief is not None
    assert brief.at_time == time(14, 30)
    assert brief.stage == "Onsite"
    assert brief.people == (DANA, LEE)
    assert brief.to_do[0] == f"Ask “{ASK_TIMELINE}”"
    assert "business card" in brief.to_do[1]
    assert interview_brief(application, 99) is None


def test_r12_only_on_the_day_itself():
    application = make(contacts=(DANA, LEE), interviews=(onsite(),))
    assert ActionKind.INTERVIEW not in kinds(assess(application, TUE))
    assert ActionKind.INTERVIEW not in kinds(assess(application, WED + timedelta(days=1)))


def test_r12_the_interview_comes_first_on_the_agenda():
    late = make(
        id=1,
        company="Aardvark",
        contacts=(DANA,),
        interviews=(Interview(1, MON - timedelta(days=7), None, "", (1,)),),
    )  # an overdue thank-you, an overdue status check
    today = make(id=2, company="Zeta", contacts=(DANA, LEE), interviews=(onsite(),))
    queue = review_queue(review_list([late, today], WED))
    assert queue[0].action.kind is ActionKind.INTERVIEW
    assert queue[0].assessment.application.company == "Zeta"
    assert queue[1].action.overdue


# R1: same day is best ----------------------------------------------------------------------


def test_r1_same_day_thank_you_is_on_the_interview_days_agenda():
    application = make(contacts=(DANA, LEE), interviews=(Interview(1, MON, None, "", (1, 2)),))
    result = assess(application, MON)
    thank_yous = [a for a in result.actions if a.kind is ActionKind.THANK_YOU]
    assert len(thank_yous) == 2
    for action in thank_yous:
        assert action.due == MON
        assert action.deadline == TUE and action.last_day == TUE
        assert not action.overdue
        assert "best today" in action.why and "Tue 3 Mar" in action.why
    today = [item.action.kind for item in review_queue([result])]
    assert today == [ActionKind.INTERVIEW, ActionKind.THANK_YOU, ActionKind.THANK_YOU]
    assert row_state(result) is RowState.TODAY


def test_r1_same_day_thank_you_still_due_the_next_day_and_overdue_after():
    application = make(contacts=(DANA,), interviews=(Interview(1, MON, None, "", (1,)),))
    next_day = assess(application, TUE)
    assert not next_day.next_action.overdue
    assert row_state(next_day) is RowState.TODAY
    late = assess(application, WED)
    assert late.next_action.kind is ActionKind.THANK_YOU and late.next_action.overdue
    assert row_state(late) is RowState.OVERDUE_THANK_YOU
    assert late.flags[0].kind is FlagKind.OVERDUE
    assert "was due Tue 3 Mar (1 day ago)" in late.flags[0].message


# R9: the feedback call ---------------------------------------------------------------------


def test_r9_feedback_call_has_no_r4_or_r2_warning():
    friendly = Contact(2, "Lee Park", rapport=True)
    application = make(
        contacts=(DANA, friendly),
        interviews=(Interview(1, MON, None, "", (1, 2)),),
        expected_decision=MON + timedelta(days=20),
        touches=(out(TUE, Channel.PHONE, contact=1),),
        status=Status.REJECTED,
        closed_on=WED,
    )
    assert follow_up_warnings(application, WED, TouchKind.FEEDBACK_REQUEST) == []
    assert follow_up_warnings(application, WED)  # a status check would break both


def test_r9_feedback_call_does_not_count_against_the_weekly_limit():
    feedback = out(TUE, Channel.PHONE, TouchKind.FEEDBACK_REQUEST, 1)
    application = make(contacts=(DANA,), touches=(feedback,), applied_on=MON)
    assert follow_up_warnings(application, WED) == []
    assert not assess(application, WED).has(FlagKind.OVER_FREQUENT)


def test_r9_feedback_script_thanks_them_asks_what_made_the_difference_and_keeps_the_door_open():
    friendly = Contact(2, "Lee Park", rapport=True)
    application = make(contacts=(friendly,), status=Status.REJECTED, closed_on=MON)
    bullets = build_feedback_script(application, Profile("Sam"), MON).bullets
    assert bullets[0].startswith("Hi Lee, this is Sam.") and "Thank you" in bullets[0]
    assert any("what made the difference" in bullet for bullet in bullets)
    assert "future openings" in bullets[-1]


# R13: an offer accepted ends the search ----------------------------------------------------


def test_r13_a_suggested_withdrawal_is_the_action_until_answered():
    application = make(
        contacts=(LEE, DANA),
        interviews=(Interview(1, MON, None, "", (1, 2)),),
        withdraw_suggested_on=WED,
    )
    result = assess(application, WED + timedelta(days=10))
    (action,) = result.actions
    assert action.kind is ActionKind.WITHDRAW and action.kind.value == "withdraw"
    assert action.rule == "R13"
    assert action.contact == DANA
    assert action.channel is Channel.EMAIL
    assert action.due == WED and not action.overdue  # the user's choice: never overdue
    kept = make(
        contacts=(LEE, DANA),
        interviews=(Interview(1, MON, None, "", (1, 2)),),
        withdraw_suggested_on=WED,
        withdraw_answer=WithdrawAnswer.KEEP,
    )
    assert ActionKind.WITHDRAW not in kinds(assess(kept, WED + timedelta(days=10)))


def test_r13_withdrawal_note_is_short_warm_and_signed():
    application = make(company="Globex", role="Backend Engineer", contacts=(SAM,))
    draft = withdrawal_draft(application, SAM, Profile("Sam Candidate", "+1 555"), WED)
    assert draft.kind == "withdrawal"
    assert draft.to == "sam@acme.example"
    body = draft.body
    assert body.startswith("Dear Sam Ito,")
    assert "Thank you for your time" in body
    assert "accepted another offer" in body
    assert "Backend Engineer" in body and "Globex" in body
    assert "in touch" in body  # the door stays open
    assert body.rstrip().endswith("Sam Candidate")
    assert "(fill in" not in body
    assert len(body.split()) < 90
