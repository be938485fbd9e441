"""Looking back (R9): how far applications got, how often employers answered, how long they took.

Pure: computed from the applications alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from statistics import median

from followup_tui.domain.records import (
    Application,
    Channel,
    Direction,
    Outcome,
    Status,
    Touch,
    TouchKind,
)

OFFERS = (Status.OFFER_ACCEPTED, Status.OFFER_DECLINED)
# How a closed application ended, in the order the figures list them; each says its own label.
OUTCOMES = tuple(status for status in Status if status.is_closed)


@dataclass(frozen=True, slots=True)
class Figures:
    stages: tuple[tuple[str, int], ...]  # (stage, applications that reached it), funnel order
    outcomes: tuple[tuple[str, int], ...]  # (outcome, closed applications), in OUTCOMES order
    answered: int  # applications where the employer answered in any way
    followed_up: int  # applications with at least one outbound follow-up or an outcome
    # Median days from the last interview to the decision, by outcome; None where no data.
    median_days: tuple[tuple[str, float | None], ...]

    @property
    def response_rate(self) -> float | None:
        """Share of the applications followed up on that got an answer; None with none."""
        return self.answered / self.followed_up if self.followed_up else None


@dataclass(frozen=True, slots=True)
class Tally:
    """What looking back shows and counts of one application, without its history: the store
    reads these in SQL (at 10,000 applications, instead of 10,000 records with 80,000 touches)."""

    id: int
    company: str
    role: str
    status: Status
    closed_on: date | None
    closed_reason: str
    interviews: int  # how many were held or planned
    last_interview: date | None
    follow_up_touch: bool  # an outbound follow-up (R4's kind) was logged
    answer_touch: bool  # an inbound touch or a call that reached someone was logged

    @classmethod
    def of(cls, application: Application) -> Tally:
        held = [interview.held_on for interview in application.interviews]
        return cls.counted(
            application,
            len(held),
            max(held, default=None),
            ((touch.direction, touch.kind, touch.outcome) for touch in application.touches),
        )

    @classmethod
    def counted(
        cls,
        application: Application,
        interviews: int,
        last_interview: date | None,
        touches: Iterable[tuple[Direction, TouchKind, Outcome]],
    ) -> Tally:
        """An application read without its history (`application`'s own fields only), how
        many interviews it has, and the kinds of touch logged (direction, kind, outcome)."""
        said = [_touch_says(*touch) for touch in touches]
        return cls(
            application.id,
            application.company,
            application.role,
            application.status,
            application.closed_on,
            application.closed_reason,
            interviews,
            last_interview,
            any(follow_up for follow_up, _ in said),
            any(answer for _, answer in said),
        )


@cache
def _touch_says(direction: Direction, kind: TouchKind, outcome: Outcome) -> tuple[bool, bool]:
    """Whether such a touch is an outbound follow-up, and whether it is an answer: asked of a
    Touch itself, so the rules stay worded once (records.Touch)."""
    touch = Touch(0, date.min, next(iter(Channel)), direction, kind, None, outcome)
    return touch.is_outbound_follow_up, touch.is_answer


def figures(applications: Iterable[Application | Tally]) -> Figures:
    tallies = [a if isinstance(a, Tally) else Tally.of(a) for a in applications]
    interviewed = [a for a in tallies if a.interviews]
    stages = (
        ("applied", len(tallies)),
        ("interviewed", len(interviewed)),
        ("two rounds or more", sum(1 for a in interviewed if a.interviews >= 2)),
        ("offer", sum(1 for a in tallies if a.status in OFFERS)),
        ("accepted", sum(1 for a in tallies if a.status is Status.OFFER_ACCEPTED)),
    )
    closed = [a for a in tallies if a.status in OUTCOMES]
    outcomes = tuple(
        (status.label, sum(1 for a in closed if a.status is status)) for status in OUTCOMES
    )
    followed = [a for a in tallies if _followed_up(a)]
    answered = sum(1 for a in followed if _answered(a))
    days: dict[Status, list[int]] = {status: [] for status in OUTCOMES}
    for tally in closed:
        last = tally.last_interview
        if tally.closed_on is None or last is None:
            continue
        if tally.closed_on >= last:
            days[tally.status].append((tally.closed_on - last).days)
    median_days = tuple(
        (status.label, float(median(days[status])) if days[status] else None) for status in OUTCOMES
    )
    return Figures(stages, outcomes, answered, len(followed), median_days)


def _followed_up(tally: Tally) -> bool:
    return tally.status in OUTCOMES or tally.follow_up_touch


def _answered(tally: Tally) -> bool:
    """An inbound touch, a call that reached someone, or a decision other than silence."""
    if tally.status in OUTCOMES and tally.status is not Status.NO_RESPONSE:
        return tally.status is not Status.WITHDRAWN or tally.answer_touch
    return tally.answer_touch
