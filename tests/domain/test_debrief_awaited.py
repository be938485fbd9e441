"""R12: which interview still awaits its debrief (`awaiting_debrief`): how the screens know to
offer it, and the dashboard's light rows keep that interview and today's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from followup_tui.domain.records import Application, Contact, Interview, Status
from followup_tui.domain.review import light
from followup_tui.domain.rules import DEBRIEF_DAYS, assess, awaiting_debrief

TUE = date(2026, 3, 10)
DANA = Contact(1, "Dana Reyes")


def applying(*interviews: Interview, **fields) -> Application:
    return Application(1, "Acme", "Engineer", contacts=(DANA,), interviews=interviews, **fields)


def test_r12_the_interview_held_today_awaits_its_debrief_from_the_day_itself():
    today = Interview(1, TUE, interviewer_ids=(1,))
    assert awaiting_debrief(applying(today), TUE) == today
    assert awaiting_debrief(applying(replace(today, held_on=TUE + timedelta(days=1))), TUE) is None


def test_r12_the_last_interview_held_awaits_it_for_a_week():
    earlier = Interview(1, TUE - timedelta(days=20), topics="Roadmap")
    last = Interview(2, TUE - timedelta(days=DEBRIEF_DAYS))
    assert awaiting_debrief(applying(earlier, last), TUE) == last
    assert awaiting_debrief(applying(earlier, last), TUE + timedelta(days=1)) is None
    # Only the last one held: an older one without topics is history.
    assert (
        awaiting_debrief(applying(replace(earlier, topics=""), replace(last, topics="x")), TUE)
        is None
    )


def test_r12_topics_concerns_or_a_decision_date_learned_mean_it_is_recorded():
    held = Interview(1, TUE - timedelta(days=1))
    assert awaiting_debrief(applying(replace(held, topics="Roadmap")), TUE) is None
    assert awaiting_debrief(applying(replace(held, concerns="No Go")), TUE) is None
    learned = applying(
        held, expected_decision=TUE + timedelta(days=9), decision_learned_on=held.held_on
    )
    assert awaiting_debrief(learned, TUE) is None
    # A date learned before this interview (at an earlier one) says nothing of this one.
    older = replace(learned, decision_learned_on=held.held_on - timedelta(days=5))
    assert awaiting_debrief(older, TUE) == held


def test_r12_only_active_applications_await_a_debrief():
    held = Interview(1, TUE)
    for status in (Status.PARKED, Status.REJECTED, Status.OFFER_ACCEPTED):
        assert awaiting_debrief(applying(held, status=status), TUE) is None


def test_r12_the_dashboards_light_row_keeps_todays_interview_and_the_one_awaiting_debrief():
    old = Interview(1, TUE - timedelta(days=30), topics="Intro")
    waiting = Interview(2, TUE - timedelta(days=2))
    today = Interview(3, TUE, interviewer_ids=(1,))
    ahead = Interview(4, TUE + timedelta(days=3))

    def kept(*interviews: Interview) -> tuple[Interview, ...]:
        return light(assess(applying(*interviews), TUE)).application.interviews

    assert kept(old, waiting, ahead) == (waiting, ahead)
    assert kept(old, waiting, today, ahead) == (today, ahead)  # the last held awaits it
    assert kept(old, ahead) == (ahead,)
