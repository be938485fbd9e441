"""Issue 17 item 4: the dashboard keeps each row light (no history, contacts by name, no uids,
each reason held once), and shows of it exactly what it would show of the whole assessment:
the row, the panel below the table, what the filter searches."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.visual import VisualType

from followup_tui.demo import demo_applications
from followup_tui.domain.review import light_review_list, review_list, row_state
from followup_tui.domain.rules import ActionKind
from followup_tui.store.generate import generate
from followup_tui.store.reading import Reader
from followup_tui.tui.screens.dashboard import _haystack
from followup_tui.tui.widgets.action_panel import ActionPanel
from followup_tui.tui.widgets.review_table import _values

TODAY = date(2026, 3, 10)


class Panel(ActionPanel):
    """The panel's text, without an app to show it in."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self.text = content


def _shown(assessment) -> tuple:
    panel = Panel()
    panel.show(assessment)
    return _values(assessment, row_state(assessment)), panel.text, _haystack(assessment)


def _applications(tmp_path):
    path = tmp_path / "generated.sqlite"
    generate(path, 300, TODAY, active_share=1.0)
    return demo_applications(TODAY) + Reader(path).load_applications()


# The demo's interview days, a debrief awaited, interviews ahead; the generated ones' overdue
# thank-you notes, silences and over-frequent follow-ups.
@pytest.mark.parametrize("days", [-3, 0, 1, 6])
def test_a_light_row_shows_what_the_whole_assessment_shows(tmp_path, days):
    today = TODAY + timedelta(days=days)
    applications = _applications(tmp_path)
    whole = review_list(applications, today)
    rows = light_review_list([applications], today)
    assert [row.application.id for row in rows] == [a.application.id for a in whole]
    briefs = 0
    for row, assessment in zip(rows, whole, strict=True):
        assert _shown(row) == _shown(assessment)
        briefs += any(action.kind is ActionKind.INTERVIEW for action in row.actions)
    assert days != 0 or briefs  # today's interviews, with their people's card facts


def test_a_light_row_keeps_names_not_the_rest(tmp_path):
    rows = light_review_list([_applications(tmp_path)], TODAY)
    met = 0
    for row in rows:
        application = row.application
        assert application.uid == "" and not application.key_strengths
        assert not any(contact.uid or contact.notes for contact in application.contacts)
        kept = {i for interview in application.interviews for i in interview.interviewer_ids}
        for contact in application.contacts:
            if contact.id in kept:
                met += 1
            else:
                assert (contact.title, contact.email, contact.phone) == ("", "", "")
        # The actions name the row's own (cut) contacts, not copies of the whole ones.
        contacts = {id(contact) for contact in application.contacts}
        assert all(id(a.contact) in contacts for a in row.actions if a.contact is not None)
    assert met  # the people of today's interviews keep their card facts (the brief shows them)
    # A reason or message many rows give is held once.
    reasons = [action.why for row in rows for action in row.actions]
    messages = [flag.message for row in rows for flag in row.flags]
    assert len({id(text) for text in reasons + messages}) == len(set(reasons + messages))
    assert len(set(messages)) < len(messages)
