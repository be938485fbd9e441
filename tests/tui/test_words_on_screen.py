"""Screens say an outcome in the user's words: 'no answer', never the stored 'no_answer'
(the review's last touches and the call panel's last call showed the raw value)."""

from __future__ import annotations

from datetime import date, timedelta

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Profile,
    Touch,
    TouchKind,
)
from followup_tui.domain.review import review_queue
from followup_tui.domain.rules import DEFAULT_SETTINGS, assess
from followup_tui.domain.script import build_script
from followup_tui.tui.screens.call import _who_text
from followup_tui.tui.screens.review import step_sections

TODAY = date(2026, 3, 10)
DANA = Contact(1, "Dana Reyes", phone="555 0101", decision_maker=True)
APPLICATION = Application(
    1,
    "Acme",
    "Staff Engineer",
    contacts=(DANA,),
    interviews=(Interview(1, TODAY - timedelta(days=20), interviewer_ids=(1,)),),
    touches=(
        Touch(1, TODAY - timedelta(days=19), Channel.EMAIL, Direction.OUT, TouchKind.THANK_YOU, 1),
        Touch(
            2,
            TODAY - timedelta(days=12),
            Channel.PHONE,
            Direction.OUT,
            TouchKind.STATUS_CHECK,
            1,
            Outcome.NO_ANSWER,
        ),
    ),
)


def test_the_review_says_no_answer_in_words() -> None:
    assessment = assess(APPLICATION, TODAY)
    item = review_queue([assessment])[0]
    shown = "\n".join(content.plain for content in step_sections(item, assessment))
    assert "status check by phone, no answer" in shown
    assert "no_answer" not in shown


def test_the_call_panel_says_no_answer_in_words() -> None:
    script = build_script(APPLICATION, Profile("Alex Kim"), TODAY)
    shown = _who_text(APPLICATION, script, TODAY, TouchKind.STATUS_CHECK, DEFAULT_SETTINGS).plain
    assert "(status check, no answer)" in shown
    assert "no_answer" not in shown
