"""Looking back (R9): how far applications got, how often employers answered, how long they took.

Pure: computed from the applications alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from followup_tui.domain.records import Application, Status

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


def figures(applications: Iterable[Application]) -> Figures:
    applications = list(applications)
    interviewed = [a for a in applications if a.interviews]
    stages = (
        ("applied", len(applications)),
        ("interviewed", len(interviewed)),
        ("two rounds or more", sum(1 for a in interviewed if len(a.interviews) >= 2)),
        ("offer", sum(1 for a in applications if a.status in OFFERS)),
        ("accepted", sum(1 for a in applications if a.status is Status.OFFER_ACCEPTED)),
    )
    closed = [a for a in applications if a.status in OUTCOMES]
    outcomes = tuple(
        (status.label, sum(1 for a in closed if a.status is status)) for status in OUTCOMES
    )
    followed = [a for a in applications if _followed_up(a)]
    answered = sum(1 for a in followed if _answered(a))
    days: dict[Status, list[int]] = {status: [] for status in OUTCOMES}
    for application in closed:
        if application.closed_on is None or not application.interviews:
            continue
        last = max(interview.held_on for interview in application.interviews)
        if application.closed_on >= last:
            days[application.status].append((application.closed_on - last).days)
    median_days = tuple(
        (status.label, float(median(days[status])) if days[status] else None) for status in OUTCOMES
    )
    return Figures(stages, outcomes, answered, len(followed), median_days)


def _followed_up(application: Application) -> bool:
    return application.status in OUTCOMES or any(
        touch.is_outbound_follow_up for touch in application.touches
    )


def _answered(application: Application) -> bool:
    """An inbound touch, a call that reached someone, or a decision other than silence."""
    if application.status in OUTCOMES and application.status is not Status.NO_RESPONSE:
        return application.status is not Status.WITHDRAWN or any(
            touch.is_answer for touch in application.touches
        )
    return any(touch.is_answer for touch in application.touches)
