"""R9: the looking-back figures over hand-made histories."""

from __future__ import annotations

from datetime import date

from followup_tui.domain.figures import figures
from followup_tui.domain.records import (
    Application,
    Channel,
    Direction,
    Interview,
    Outcome,
    Status,
    Touch,
    TouchKind,
)

D = date(2026, 3, 2)


def interviews(*days: int) -> tuple[Interview, ...]:
    return tuple(Interview(i, date(2026, 3, day)) for i, day in enumerate(days, start=1))


def touch(kind: TouchKind, direction=Direction.OUT, outcome=Outcome.NONE) -> Touch:
    return Touch(1, D, Channel.PHONE, direction, kind, None, outcome)


def closed(status: Status, closed_day: int, *interview_days: int, touches=()) -> Application:
    return Application(
        id=1, company="X", role="Y", status=status, closed_on=date(2026, 3, closed_day),
        interviews=interviews(*interview_days), touches=touches,
    )  # fmt: skip


HISTORY = [
    Application(id=1, company="A", role="R"),  # applied, nothing else
    Application(id=2, company="B", role="R", interviews=interviews(2),
                touches=(touch(TouchKind.STATUS_CHECK, outcome=Outcome.NO_ANSWER),)),
    closed(Status.OFFER_ACCEPTED, 20, 2, 9),  # 11 days after the last interview
    closed(Status.OFFER_DECLINED, 16, 2, 9),  # 7 days
    closed(Status.REJECTED, 12, 2),  # 10 days
    closed(Status.REJECTED, 6, 2),  # 4 days
    closed(Status.NO_RESPONSE, 30, 2),
    closed(Status.WITHDRAWN, 5, 2),
    Application(id=9, company="I", role="R", interviews=interviews(3),
                touches=(touch(TouchKind.STATUS_CHECK),
                         touch(TouchKind.REPLY, Direction.IN, Outcome.REPLIED))),
]  # fmt: skip


def test_stages_reached():
    assert figures(HISTORY).stages == (
        ("applied", 9),
        ("interviewed", 8),
        ("two rounds or more", 2),
        ("offer", 2),
        ("accepted", 1),
    )


def test_outcomes_counted():
    assert dict(figures(HISTORY).outcomes) == {
        "offer accepted": 1,
        "offer declined": 1,
        "rejected": 2,
        "withdrawn": 1,
        "no response": 1,
    }


def test_response_rate_counts_answers_among_applications_followed_up():
    result = figures(HISTORY)
    # Followed up: B (no answer), the six closed ones, I (a reply) = 8.
    # Answered: the two offers, the two rejections, I = 5 (withdrawn and no response did not).
    assert (result.answered, result.followed_up) == (5, 8)
    assert result.response_rate == 5 / 8


def test_median_days_from_last_interview_to_decision_by_outcome():
    medians = dict(figures(HISTORY).median_days)
    assert medians["offer accepted"] == 11
    assert medians["offer declined"] == 7
    assert medians["rejected"] == 7  # median of 10 and 4
    assert medians["no response"] == 28
    assert medians["withdrawn"] == 3


def test_no_history_no_figures():
    result = figures([])
    assert result.response_rate is None
    assert all(days is None for _, days in result.median_days)
    assert all(count == 0 for _, count in result.stages)
