"""Drafts and call bullets read as a person wrote them, whatever the user typed in their notes
(issue 15 item 6): a note is quoted or a list item, never spliced into a sentence, and the
letters refer to the latest conversation."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from followup_tui.domain.drafts import drafts_for, note_items, status_email_draft
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Profile,
    Touch,
)
from followup_tui.domain.records import TouchKind as Kind
from followup_tui.domain.script import build_script

TODAY = date(2026, 12, 1)
ME = Profile("Sam Candidate", "+1 555 0100", "sam@example.com")
DANA = Contact(1, "Dana Reyes", decision_maker=True, email="dana@example.com")


def app(**fields) -> Application:
    base = dict(
        id=1,
        company="Northwind",
        role="Staff Engineer",
        key_strengths="shipped payments at scale",
        contacts=(DANA,),
        interviews=(
            Interview(1, date(2026, 11, 9), interviewer_ids=(1,), topics="Pilot to contract"),
        ),
    )
    return Application(**{**base, **fields})


def test_status_email_lists_the_strength_instead_of_splicing_it():
    body = status_email_draft(app(), DANA, ME, TODAY).body
    assert "As we discussed, shipped" not in body
    assert "\n- shipped payments at scale\n" in body


def test_call_bullet_quotes_the_topic_and_the_strength():
    strength = build_script(app(key_strengths="Closed three pilots"), ME, TODAY).bullets[2]
    assert "Picking up on Pilot to contract:" not in strength
    assert strength == "Tie what you discussed, “Pilot to contract”, to “Closed three pilots”."


def test_status_email_refers_to_the_latest_call_and_a_passed_decision_date():
    call = Touch(
        4, date(2026, 11, 20), Channel.PHONE, Direction.OUT, Kind.STATUS_CHECK, 1, Outcome.REACHED
    )
    later = app(touches=(call,), expected_decision=date(2026, 11, 27))
    body = status_email_draft(later, DANA, ME, TODAY).body
    assert "Monday 9 November" not in body
    assert "Following our conversation on Friday 20 November" in body
    assert "you expected to decide by Friday 27 November" in body
    script = build_script(later, ME, TODAY)
    assert "We spoke on Friday 20 November" in script.bullets[0]


# Text a user might type: words, punctuation, separators, quotes and capitals.
CHUNKS = ["shipped", "Pilot", " ", ";", "\n", ".", ",", ":", "“", '"', "As we", "Closed", "x"]
note = st.lists(st.sampled_from(CHUNKS), min_size=1, max_size=10).map("".join)
SPLICES = re.compile(
    r"(As we discussed|Picking up on|conversation about|straight away)[,:]? +[^“(\s]"
)


@settings(max_examples=200, deadline=None)
@given(strengths=note, topics=note, concerns=note)
# A note ending in ' .': its item was 'shippedshipped ' with the space, quoted without it.
@example(strengths="shippedshipped .", topics="shippedshipped .", concerns="shipped")
def test_property_a_note_appears_only_quoted_or_as_a_list_item(strengths, topics, concerns):
    interview = Interview(1, date(2026, 11, 9), interviewer_ids=(1,), topics=topics,
                          concerns=concerns)  # fmt: skip
    application = app(key_strengths=strengths, interviews=(interview,))
    # The same letters with every note a sentinel word: what the templates say on their own.
    template = app(key_strengths="QQ", interviews=(Interview(1, date(2026, 11, 9), (), topics="QQ",
                                                            concerns="QQ"),))  # fmt: skip
    script = build_script(application, ME, TODAY)
    texts = [draft.body for draft in drafts_for(application, ME, TODAY)]
    texts += ["\n".join(script.bullets)]
    templates = [d.body for d in drafts_for(template, ME, TODAY)]
    templates += ["\n".join(build_script(template, ME, TODAY).bullets)]
    items = sorted({*note_items(strengths), *note_items(topics), *note_items(concerns)}, key=len)
    for item in items:
        assume(not any(item in text for text in templates))
    for text in texts:
        # Take out every note where it belongs, quoted or a list item (longest first): none is
        # left anywhere else, spliced into a sentence.
        lines = [
            line for line in text.splitlines() if not (line.startswith("- ") and line[2:] in items)
        ]
        rest = "\n".join(lines)
        for item in reversed(items):
            rest = rest.replace(f"“{item}”", "\0")
        for item in items:
            assert item not in rest, (item, text)
    for text in texts:
        assert not SPLICES.search(text), text
