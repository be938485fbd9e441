"""The rules engine against RULES.md, one rule id per test name.

Calendar used below (2026): Mon 2 Mar, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
"""

from __future__ import annotations

from datetime import date, timedelta

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Persistence,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.domain.rules import (
    ActionKind,
    FlagKind,
    Settings,
    assess,
    assess_all,
    follow_up_warnings,
)

MON = date(2026, 3, 2)
DANA = Contact(1, "Dana Reyes", title="Engineering Manager", decision_maker=True)
LEE = Contact(2, "Lee Park", title="Staff Engineer")
SAM = Contact(3, "Sam Ito", title="Recruiter")


def make(
    *,
    interviews: tuple[Interview, ...] = (),
    touches: tuple[Touch, ...] = (),
    contacts: tuple[Contact, ...] = (DANA, LEE, SAM),
    **fields,
) -> Application:
    return Application(
        id=fields.pop("id", 1),
        company=fields.pop("company", "Acme"),
        role=fields.pop("role", "Staff Engineer"),
        contacts=contacts,
        interviews=interviews,
        touches=touches,
        **fields,
    )


def interview(day: date, *people: int, id: int = 1) -> Interview:
    return Interview(id, day, interviewer_ids=people)


_ids = iter(range(100, 10_000))


def out(day: date, channel: Channel, kind=TouchKind.STATUS_CHECK, contact=1, **kw) -> Touch:
    return Touch(next(_ids), day, channel, Direction.OUT, kind, contact_id=contact, **kw)


def reply(day: date, contact=1) -> Touch:
    return Touch(next(_ids), day, Channel.EMAIL, Direction.IN, TouchKind.REPLY, contact_id=contact)


def thanks(day: date, contact: int) -> Touch:
    return out(day, Channel.EMAIL, TouchKind.THANK_YOU, contact)


def kinds(assessment) -> list[ActionKind]:
    return [action.kind for action in assessment.actions]


def step(assessment):
    """The next action but the interview itself, which comes first on its day (R12)."""
    return next(a for a in assessment.actions if a.kind is not ActionKind.INTERVIEW)


# R1 ---------------------------------------------------------------------------------------


def test_r1_thank_you_due_to_each_interviewer_by_the_next_day():
    application = make(interviews=(interview(MON, 1, 2),))
    result = assess(application, MON)
    thank_yous = [a for a in result.actions if a.kind is ActionKind.THANK_YOU]
    assert {a.contact.full_name for a in thank_yous} == {"Dana Reyes", "Lee Park"}
    assert all(a.last_day == MON + timedelta(days=1) for a in thank_yous)  # due by the next day
    assert all(a.due == MON for a in thank_yous)  # on the interview day's agenda already
    assert all(a.rule == "R1" and a.channel is Channel.EMAIL for a in thank_yous)
    assert not result.has(FlagKind.OVERDUE)


def test_r1_thank_you_not_sent_by_the_next_day_is_overdue_and_most_urgent():
    application = make(interviews=(interview(MON, 1, 2),), touches=(thanks(MON, 1),))
    result = assess(application, MON + timedelta(days=2))
    assert result.next_action.kind is ActionKind.THANK_YOU
    assert result.next_action.contact == LEE
    assert result.next_action.overdue
    assert result.has(FlagKind.OVERDUE)
    assert result.flags[0].rule == "R1"


def test_r1_thank_you_sent_to_everyone_leaves_no_thank_you_action():
    application = make(interviews=(interview(MON, 1, 2),), touches=(thanks(MON, 1), thanks(MON, 2)))
    assert ActionKind.THANK_YOU not in kinds(assess(application, MON + timedelta(days=3)))


def test_r1_several_interviews_each_need_their_own_thank_you():
    first = interview(MON, 1, id=1)
    second = interview(MON + timedelta(days=7), 1, 3, id=2)
    application = make(interviews=(first, second), touches=(thanks(MON, 1),))
    result = assess(application, MON + timedelta(days=7))
    pending = {(a.interview_id, a.contact.id) for a in result.actions if a.kind == "thank_you"}
    assert pending == {(2, 1), (2, 3)}


def test_r1_no_interviewer_known_asks_who_you_met():
    application = make(interviews=(interview(MON),))
    action = step(assess(application, MON))
    assert action.kind is ActionKind.THANK_YOU
    assert action.contact is None
    assert "No interviewer recorded" in action.why


def test_r1_future_interview_needs_nothing_yet():
    application = make(interviews=(interview(MON + timedelta(days=3), 1),))
    assert assess(application, MON).actions == ()


def test_r1_thank_you_notes_do_not_count_against_the_weekly_limit():
    # Thank-you on Tuesday, status check the next Monday: not over-frequent (R1, R4).
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON + timedelta(days=1), 1), out(MON + timedelta(days=7), Channel.PHONE)),
    )
    result = assess(application, MON + timedelta(days=8))
    assert not result.has(FlagKind.OVER_FREQUENT)


# R2 ---------------------------------------------------------------------------------------


def test_r2_interview_without_decision_date_asks_for_the_timeline():
    application = make(interviews=(interview(MON, 1),), touches=(thanks(MON, 1),))
    action = assess(application, MON + timedelta(days=1)).next_action
    assert action.kind is ActionKind.ASK_TIMELINE
    assert "ask when they expect to decide" in action.why


def test_r2_no_status_check_before_the_decision_date():
    decision = MON + timedelta(days=21)
    application = make(
        interviews=(interview(MON, 1),), touches=(thanks(MON, 1),), expected_decision=decision
    )
    for offset in range(0, 21):
        action = step(assess(application, MON + timedelta(days=offset)))
        assert action.kind is ActionKind.STATUS_CHECK
        assert action.due >= decision


def test_r2_status_check_before_the_decision_date_is_flagged_too_early():
    decision = MON + timedelta(days=14)
    early = out(MON + timedelta(days=4), Channel.PHONE)
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1), early),
        expected_decision=decision,
    )
    result = assess(application, MON + timedelta(days=5))
    assert [flag.touch_id for flag in result.flags if flag.kind is FlagKind.TOO_EARLY] == [early.id]


def test_r2_the_check_that_learned_the_date_is_not_too_early():
    learned_on = MON + timedelta(days=4)
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1), out(learned_on, Channel.PHONE, outcome=Outcome.REACHED)),
        expected_decision=MON + timedelta(days=14),
        decision_learned_on=learned_on,
    )
    assert not assess(application, MON + timedelta(days=5)).has(FlagKind.TOO_EARLY)


# R3 ---------------------------------------------------------------------------------------


def test_r3_timeline_unknown_first_check_five_days_after_last_interview():
    # Monday + 5 = Saturday, moved to Monday 9 Mar for a phone call.
    application = make(interviews=(interview(MON, 1),), touches=(thanks(MON, 1),))
    action = step(assess(application, MON))
    assert action.channel is Channel.PHONE
    assert action.due == date(2026, 3, 9)


def test_r3_first_check_on_a_weekday_stays_put():
    tuesday = date(2026, 3, 3)
    application = make(interviews=(interview(tuesday, 1),), touches=(thanks(tuesday, 1),))
    assert step(assess(application, tuesday)).due == date(2026, 3, 9)  # Sun 8 -> Mon 9


def test_r3_timeline_known_check_on_the_decision_date_next_weekday_if_weekend():
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1),),
        expected_decision=date(2026, 3, 14),  # a Saturday
    )
    action = step(assess(application, MON))
    assert action.kind is ActionKind.STATUS_CHECK
    assert action.due == date(2026, 3, 16)


def test_r3_expected_date_in_the_past_makes_the_check_overdue():
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1),),
        expected_decision=date(2026, 3, 5),
    )
    result = assess(application, date(2026, 3, 11))
    assert result.next_action.kind is ActionKind.STATUS_CHECK
    assert result.next_action.overdue
    assert result.has(FlagKind.OVERDUE)


def test_r3_the_first_check_counts_from_the_last_of_several_interviews():
    application = make(
        interviews=(interview(MON, 1, id=1), interview(date(2026, 3, 4), 2, id=2)),
        touches=(thanks(MON, 1), thanks(date(2026, 3, 4), 2)),
    )
    assert step(assess(application, date(2026, 3, 4))).due == date(2026, 3, 9)


# R4 ---------------------------------------------------------------------------------------


def test_r4_next_follow_up_a_week_after_the_last_and_rotates_channel():
    call = out(date(2026, 3, 9), Channel.PHONE, outcome=Outcome.NO_ANSWER)
    application = make(interviews=(interview(MON, 1),), touches=(thanks(MON, 1), call))
    result = assess(application, date(2026, 3, 10))
    assert result.next_action.due == date(2026, 3, 16)
    assert result.next_action.channel is Channel.EMAIL
    assert result.next_action.rule == "R4"
    assert result.earliest_follow_up == date(2026, 3, 16)


def test_r4_rotation_phone_email_letter_phone():
    touches = [thanks(MON, 1)]
    expected = [Channel.EMAIL, Channel.LETTER, Channel.PHONE]
    day = date(2026, 3, 9)
    last = Channel.PHONE
    for channel in expected:
        touches.append(out(day, last))
        application = make(interviews=(interview(MON, 1),), touches=tuple(touches))
        assert assess(application, day).next_action.channel is channel
        last = channel
        day += timedelta(days=7)


def test_r4_second_follow_up_inside_a_week_is_over_frequent():
    first = out(date(2026, 3, 9), Channel.PHONE)
    second = out(date(2026, 3, 11), Channel.EMAIL)
    application = make(interviews=(interview(MON, 1),), touches=(thanks(MON, 1), first, second))
    result = assess(application, date(2026, 3, 11))
    flags = [flag for flag in result.flags if flag.kind is FlagKind.OVER_FREQUENT]
    assert [flag.touch_id for flag in flags] == [second.id]
    assert flags[0].rule == "R4"


def test_r4_over_frequent_flag_fades_once_a_full_gap_has_passed():
    application = make(
        interviews=(interview(MON, 1),),
        touches=(out(date(2026, 3, 9), Channel.PHONE), out(date(2026, 3, 11), Channel.EMAIL)),
    )
    assert assess(application, date(2026, 3, 17)).has(FlagKind.OVER_FREQUENT)
    assert not assess(application, date(2026, 3, 18)).has(FlagKind.OVER_FREQUENT)


def test_r4_inbound_replies_do_not_count_as_follow_ups():
    application = make(
        interviews=(interview(MON, 1),),
        touches=(out(date(2026, 3, 9), Channel.PHONE), reply(date(2026, 3, 10))),
    )
    assert not assess(application, date(2026, 3, 10)).has(FlagKind.OVER_FREQUENT)


def test_r4_persistence_levels_set_the_gap():
    call = out(date(2026, 3, 9), Channel.PHONE)
    dues = {}
    for level in Persistence:
        application = make(
            interviews=(interview(MON, 1),),
            touches=(thanks(MON, 1), call),
            persistence=level,
        )
        dues[level] = assess(application, date(2026, 3, 9)).next_action.due
    assert dues[Persistence.PERSISTENT] == date(2026, 3, 13)  # +4, a Friday
    assert dues[Persistence.STANDARD] == date(2026, 3, 16)  # +7
    assert dues[Persistence.GENTLE] == date(2026, 3, 23)  # +14


def test_r4_persistent_allows_follow_ups_four_days_apart():
    application = make(
        interviews=(interview(MON, 1),),
        touches=(out(date(2026, 3, 9), Channel.PHONE), out(date(2026, 3, 13), Channel.EMAIL)),
        persistence=Persistence.PERSISTENT,
    )
    assert not assess(application, date(2026, 3, 13)).has(FlagKind.OVER_FREQUENT)


def test_r4_long_timeline_nothing_due_before_the_decision_date_but_thank_yous():
    decision = MON + timedelta(days=75)
    application = make(interviews=(interview(MON, 1),), expected_decision=decision)
    result = assess(application, MON + timedelta(days=30))
    assert [action.kind for action in result.due_actions] == [ActionKind.THANK_YOU]
    follow_up = next(a for a in result.actions if a.kind is ActionKind.STATUS_CHECK)
    assert follow_up.due >= decision


def test_r4_letters_may_fall_on_a_weekend():
    # R3 moves phone and email off the weekend; a letter after an email may be posted Saturday.
    email = out(date(2026, 3, 7), Channel.EMAIL)
    application = make(interviews=(interview(MON, 1),), touches=(thanks(MON, 1), email))
    action = assess(application, date(2026, 3, 9)).next_action
    assert action.channel is Channel.LETTER
    assert action.due == date(2026, 3, 14)  # a Saturday, not moved


def test_r3_a_later_decision_date_outranks_the_weekly_cadence():
    # A check a week ago allows another now (R4), but the decision date is later (R3).
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1), out(date(2026, 3, 6), Channel.PHONE, outcome=Outcome.REACHED)),
        expected_decision=date(2026, 3, 30),
        decision_learned_on=date(2026, 3, 6),
    )
    action = assess(application, date(2026, 3, 16)).next_action
    assert (action.due, action.rule, action.channel) == (date(2026, 3, 30), "R3", Channel.EMAIL)


def test_r4_logging_a_second_follow_up_inside_a_week_warns_naming_the_rule():
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1), out(date(2026, 3, 9), Channel.PHONE)),
    )
    warnings = follow_up_warnings(application, date(2026, 3, 12))
    assert [(w.kind, w.rule) for w in warnings] == [(FlagKind.OVER_FREQUENT, "R4")]
    assert "3 days earlier" in warnings[0].message
    assert follow_up_warnings(application, date(2026, 3, 16)) == []
    same_day = follow_up_warnings(application, date(2026, 3, 9))
    assert "was the same day" in same_day[0].message


def test_r4_thank_you_notes_do_not_trigger_the_weekly_warning():
    application = make(
        interviews=(interview(MON, 1),), touches=(out(MON + timedelta(days=1), Channel.PHONE),)
    )
    day = MON + timedelta(days=2)
    assert follow_up_warnings(application, day, TouchKind.THANK_YOU) == []
    assert follow_up_warnings(application, day, TouchKind.STATUS_CHECK) != []


def test_r2_logging_a_status_check_before_the_decision_date_warns():
    application = make(interviews=(interview(MON, 1),), expected_decision=date(2026, 3, 20))
    warnings = follow_up_warnings(application, date(2026, 3, 12))
    assert [(w.kind, w.rule) for w in warnings] == [(FlagKind.TOO_EARLY, "R2")]
    assert follow_up_warnings(application, date(2026, 3, 20)) == []
    assert follow_up_warnings(application, date(2026, 3, 12), TouchKind.FINAL_NOTE) == []


# R5 ---------------------------------------------------------------------------------------


def test_r5_status_check_goes_to_the_decision_maker():
    application = make(interviews=(interview(MON, 2),), touches=(thanks(MON, 2),))
    action = step(assess(application, MON))
    assert action.contact == DANA  # decision maker, though Lee did the interview


def test_r5_no_decision_maker_known_says_find_out_who_decides():
    application = make(
        interviews=(interview(MON, 2),), touches=(thanks(MON, 2),), contacts=(LEE, SAM)
    )
    result = assess(application, MON)
    assert step(result).contact == LEE  # the interviewer, meanwhile
    assert "find out who decides" in step(result).why
    assert result.has(FlagKind.NO_DECISION_MAKER)


def test_r5_no_contacts_at_all_still_schedules_the_check():
    application = make(interviews=(interview(MON),), contacts=())
    follow_up = next(
        a for a in assess(application, MON).actions if a.kind not in ("thank_you", "interview")
    )
    assert follow_up.contact is None
    assert "find out who decides" in follow_up.why


# R8 ---------------------------------------------------------------------------------------


def _unanswered(count: int, start: date) -> tuple[Touch, ...]:
    channels = [Channel.PHONE, Channel.EMAIL, Channel.LETTER]
    return tuple(
        out(start + timedelta(days=7 * i), channels[i % 3], outcome=Outcome.NO_ANSWER)
        for i in range(count)
    )


def test_r8_four_unanswered_follow_ups_call_for_a_final_note():
    touches = (thanks(MON, 1), *_unanswered(4, date(2026, 3, 9)))
    application = make(interviews=(interview(MON, 1),), touches=touches)
    result = assess(application, date(2026, 3, 31))
    assert result.next_action.kind is ActionKind.FINAL_NOTE
    assert result.next_action.channel in (Channel.EMAIL, Channel.LETTER)
    assert result.next_action.rule == "R8"
    assert result.has(FlagKind.CUT_LOOSE)
    three = make(interviews=(interview(MON, 1),), touches=touches[:-1])
    assert assess(three, date(2026, 3, 31)).next_action.kind is ActionKind.ASK_TIMELINE


def test_r8_an_inbound_reply_resets_the_silence_count():
    touches = (
        thanks(MON, 1),
        *_unanswered(3, date(2026, 3, 9)),
        reply(date(2026, 3, 24)),
        out(date(2026, 3, 31), Channel.PHONE, outcome=Outcome.NO_ANSWER),
    )
    application = make(interviews=(interview(MON, 1),), touches=touches)
    result = assess(application, date(2026, 4, 1))
    assert result.next_action.kind is ActionKind.ASK_TIMELINE
    assert not result.has(FlagKind.CUT_LOOSE)


def test_r8_sixty_days_past_the_decision_date_with_no_reply():
    decision = date(2026, 3, 16)
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1), out(decision, Channel.PHONE, outcome=Outcome.VOICEMAIL)),
        expected_decision=decision,
    )
    assert not assess(application, decision + timedelta(days=59)).has(FlagKind.CUT_LOOSE)
    result = assess(application, decision + timedelta(days=60))
    assert result.has(FlagKind.CUT_LOOSE)
    assert result.next_action.kind is ActionKind.FINAL_NOTE
    assert result.next_action.due == decision + timedelta(days=60)


def test_r8_sixty_days_counts_from_the_later_of_interview_and_decision_date():
    application = make(interviews=(interview(MON, 1),), touches=(thanks(MON, 1),))
    assert assess(application, MON + timedelta(days=60)).has(FlagKind.CUT_LOOSE)
    later = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1),),
        expected_decision=MON + timedelta(days=30),
    )
    assert not assess(later, MON + timedelta(days=60)).has(FlagKind.CUT_LOOSE)


def test_r8_after_the_final_note_suggest_closing_as_no_response():
    touches = (
        thanks(MON, 1),
        *_unanswered(4, date(2026, 3, 9)),
        out(date(2026, 4, 6), Channel.EMAIL, TouchKind.FINAL_NOTE),
    )
    application = make(interviews=(interview(MON, 1),), touches=touches)
    action = assess(application, date(2026, 4, 7)).next_action
    assert action.kind is ActionKind.SUGGEST_CLOSE
    assert action.due == date(2026, 4, 13)
    answered = make(interviews=(interview(MON, 1),), touches=(*touches, reply(date(2026, 4, 8))))
    assert assess(answered, date(2026, 4, 9)).next_action.kind is not ActionKind.SUGGEST_CLOSE


# R9 ---------------------------------------------------------------------------------------


def test_r9_closed_applications_produce_nothing():
    for status in (Status.OFFER_ACCEPTED, Status.WITHDRAWN, Status.NO_RESPONSE, Status.PARKED):
        application = make(interviews=(interview(MON, 1),), status=status)
        result = assess(application, MON + timedelta(days=30))
        assert result.actions == () and result.flags == ()


def test_r9_rejected_with_rapport_calls_for_feedback():
    friendly = Contact(2, "Lee Park", rapport=True)
    application = make(
        interviews=(interview(MON, 1, 2),),
        contacts=(DANA, friendly),
        status=Status.REJECTED,
        closed_on=date(2026, 3, 13),  # a Friday
    )
    action = assess(application, date(2026, 3, 13)).next_action
    assert action.kind is ActionKind.FEEDBACK_CALL
    assert action.contact == friendly
    assert action.channel is Channel.PHONE
    assert action.due == date(2026, 3, 16)  # next weekday
    assert action.rule == "R9"


def test_r9_rejected_without_rapport_or_after_asking_produces_nothing():
    plain = make(interviews=(interview(MON, 1),), status=Status.REJECTED, closed_on=MON)
    assert assess(plain, MON).actions == ()
    friendly = Contact(2, "Lee Park", rapport=True)
    asked = make(
        interviews=(interview(MON, 1),),
        contacts=(DANA, friendly),
        status=Status.REJECTED,
        closed_on=MON,
        touches=(out(MON + timedelta(days=1), Channel.PHONE, TouchKind.FEEDBACK_REQUEST, 2),),
    )
    assert assess(asked, MON + timedelta(days=2)).actions == ()


# Snooze, ordering, settings ---------------------------------------------------------------


def test_snooze_moves_the_due_date_and_lifts_overdue():
    application = make(
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1),),
        snoozed_until=date(2026, 3, 20),
    )
    result = assess(application, date(2026, 3, 12))
    assert result.next_action.due == date(2026, 3, 20)
    assert not result.has(FlagKind.OVERDUE)


def test_assess_all_sorts_overdue_thank_you_first_then_overdue_then_today():
    today = date(2026, 3, 12)
    overdue_thanks = make(id=1, company="Zeta", interviews=(interview(date(2026, 3, 9), 1),))
    overdue_check = make(
        id=2,
        company="Beta",
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1),),
        expected_decision=date(2026, 3, 10),
    )
    due_today = make(
        id=3,
        company="Alpha",
        interviews=(interview(MON, 1),),
        touches=(thanks(MON, 1),),
        expected_decision=today,
    )
    nothing = make(id=4, company="Aardvark")
    order = [
        a.application.id
        for a in assess_all([nothing, due_today, overdue_check, overdue_thanks], today)
    ]
    assert order == [1, 2, 3, 4]


def test_settings_change_the_defaults():
    application = make(interviews=(interview(MON, 1),), touches=(thanks(MON, 1),))
    assert step(assess(application, MON, Settings(first_check_days=7))).due == date(2026, 3, 9)
    assert step(assess(application, MON, Settings(first_check_days=3))).due == date(2026, 3, 5)
