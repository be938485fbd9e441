"""The interviews held by today are computed once, by `Application.held_by`, and the rules (R1,
R3, R5), the drafts, the call script (R6) and the action panel all read that one answer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from followup_tui.domain.drafts import drafts_for, thank_you_draft
from followup_tui.domain.records import Application, Contact, Interview, Profile
from followup_tui.domain.rules import ActionKind, assess, who_decides
from followup_tui.domain.script import build_script

TODAY = date(2026, 3, 10)  # a Tuesday
DANA = Contact(1, "Dana Reyes", email="dana@example.com")
LEE = Contact(2, "Lee Park", email="lee@example.com")
PROFILE = Profile("Alex Kim", "555 0100")
FIRST = Interview(1, TODAY - timedelta(days=6), interviewer_ids=(1,), topics="the old system")
TODAYS = Interview(3, TODAY, interviewer_ids=(1,), topics="the roadmap")
TOMORROW = Interview(2, TODAY + timedelta(days=1), interviewer_ids=(2,), topics="the new team")


def make(*interviews: Interview) -> Application:
    return Application(1, "Acme", "Staff Engineer", contacts=(DANA, LEE), interviews=interviews)


def test_held_by_today_is_up_to_and_including_today_in_the_order_held() -> None:
    application = make(TOMORROW, TODAYS, FIRST)
    assert application.held_by(TODAY) == (FIRST, TODAYS)
    assert application.upcoming(TODAY) == (TOMORROW,)
    assert make().held_by(TODAY) == ()


def test_an_interview_tomorrow_is_held_nowhere() -> None:
    application = make(FIRST, TOMORROW)
    # R1: no thank-you note for tomorrow's interviewer; R3: counted from the first interview.
    assessment = assess(application, TODAY)
    thanks = [a for a in assessment.actions if a.kind is ActionKind.THANK_YOU]
    assert [a.interview_id for a in thanks] == [1]
    follow_up = next(a for a in assessment.actions if a.kind is not ActionKind.THANK_YOU)
    assert follow_up.due == FIRST.held_on + timedelta(days=5)
    # R5: the most recent interviewer held so far, not tomorrow's.
    assert who_decides(application, TODAY) == (DANA, False)
    # The drafts and the script speak of the interview already held.
    draft = thank_you_draft(application, DANA, PROFILE, TODAY)
    assert "the old system" in draft.body and "the new team" not in draft.body
    assert f"{FIRST.held_on:%A} {FIRST.held_on.day}" in draft.body
    assert all(d.to == DANA.email for d in drafts_for(application, PROFILE, TODAY))
    script = build_script(application, PROFILE, TODAY)
    assert script.contact == DANA
    assert f"{FIRST.held_on:%A} {FIRST.held_on.day}" in script.bullets[0]
    assert "the old system" in script.bullets[2]


def test_held_interviews_come_from_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    """With `held_by` saying nothing is held yet, every reader agrees: nothing is held."""
    application = make(FIRST)
    monkeypatch.setattr(Application, "held_by", lambda self, today: ())
    assert assess(application, TODAY).actions == ()
    assert who_decides(application, TODAY) == (DANA, False)  # R5: the first contact known
    assert (
        "Thank you for meeting me about" in thank_you_draft(application, DANA, PROFILE, TODAY).body
    )
    script = build_script(application, PROFILE, TODAY)
    assert "no interview is logged" in script.bullets[0]
    assert application.upcoming(TODAY) == (FIRST,)
