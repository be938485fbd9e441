"""A review step reads like the detail screen (issue 15 item 3): the dashboard's mark beside the
application and the step's action, who to contact as a card (★ for who decides), the last
touches as the timeline's rows with days as every screen writes them, and when the next
follow-up is allowed."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.review import ReviewScreen

from .helpers import SIZE, loaded, settle

TODAY = date(2026, 3, 10)  # the demo's pinned day


def shown(screen: ReviewScreen, widget_id: str) -> str:
    widget = screen.query_one(f"#{widget_id}", Static)
    return str(widget.render()) if widget.display else ""


async def step_to(pilot, company: str) -> ReviewScreen:
    """The review (opened if need be), skipped on to `company`'s step."""
    if not isinstance(pilot.app.screen, ReviewScreen):
        await loaded(pilot)
        await pilot.press("r")
        await settle(pilot)
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    while review.current.assessment.application.company != company:
        await pilot.press("n")
        await settle(pilot)
    return review


async def test_the_step_shows_the_contact_as_a_card_and_the_touches_as_timeline_rows(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        review = await step_to(pilot, "Wayne Enterprises")
        assert shown(review, "review-mark") == "! OVERDUE"
        title = shown(review, "review-title").splitlines()
        assert title[0] == "#7 Wayne Enterprises · Engineering Manager"
        assert title[1] == "Send final note · Lucius Fox · email · was due Thu 5 Mar"
        # The card: name and ★ for who decides, then title, e-mail and phone, one a line.
        assert shown(review, "review-contact").splitlines() == [
            "Lucius Fox  ★ decides",
            "  CTO",
            "  lucius@wayne.example",
            "  +1 555 0177",
        ]
        touches = shown(review, "review-touches").splitlines()
        assert touches[-1] == "Thu 26 Feb → to   Lucius Fox: status check by phone, voicemail"
        assert shown(review, "review-when").splitlines()[0] == "Allowed now"

        # A day of another year carries it, as on the detail screen's timeline.
        review = await step_to(pilot, "Cyberdyne Systems")
        assert shown(review, "review-contact") == "Nobody recorded yet"
        assert shown(review, "review-touches").splitlines()[0] == (
            "Thu 25 Dec 2025 → to   Miles Dyson: thank you by email"
        )
