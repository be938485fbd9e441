"""R6: the call script, and the drafts built from the same facts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.drafts import drafts_for, thank_you_draft
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
from followup_tui.domain.script import (
    ASK_TIMELINE,
    HELP_DECIDE,
    INTEREST,
    MORE_INFORMATION,
    build_script,
    has_forbidden_phrase,
)

TODAY = date(2026, 3, 10)
TUESDAY = date(2026, 3, 3)
ME = Profile("Sam Candidate", "+1 555 0100", "sam@example.com")
DANA = Contact(1, "Dana Reyes", "Engineering Manager", phone="+1 555 0101", decision_maker=True)
LEE = Contact(2, "Lee Park", "Staff Engineer")


def app(**fields) -> Application:
    base = dict(
        id=1,
        company="Northwind",
        role="Staff Engineer",
        key_strengths="Led the billing migration; calm on call",
        contacts=(DANA, LEE),
        interviews=(
            Interview(
                1,
                TUESDAY,
                interviewer_ids=(2,),
                topics="invoice replay",
                concerns="no Kotlin experience",
            ),
        ),
    )
    return Application(**{**base, **fields})


def test_r6_four_bullets_who_interest_strength_question():
    script = build_script(app(), ME, TODAY)
    assert len(script.bullets) == 4
    who, interest, strength, question = script.bullets
    assert who == (
        "Hi Dana, this is Sam Candidate. We met on Tuesday 3 March about the Staff Engineer role."
    )
    assert interest.startswith(INTEREST[:-1])
    assert strength == (
        "Answer the concern they raised, “no Kotlin experience”, with “Led the billing migration”."
    )
    assert question == ASK_TIMELINE  # R2: the timeline is unknown
    assert script.contact == DANA and script.contact_decides


def test_r6_strength_tied_to_a_topic_when_no_concern():
    interview = Interview(1, TUESDAY, interviewer_ids=(2,), topics="invoice replay")
    strength = build_script(app(interviews=(interview,)), ME, TODAY).bullets[2]
    assert strength == "Tie what you discussed, “invoice replay”, to “Led the billing migration”."


def test_r6_a_concern_typed_as_a_sentence_reads_inside_the_bullet():
    interview = Interview(1, TUESDAY, interviewer_ids=(2,), concerns="Whether I know TPS")
    strength = build_script(app(interviews=(interview,)), ME, TODAY).bullets[2]
    assert strength.startswith("Answer the concern they raised, “Whether I know TPS”, with")


def test_r6_question_when_the_timeline_is_known():
    known = app(expected_decision=date(2026, 3, 9))
    assert build_script(known, ME, TODAY).question == HELP_DECIDE
    reached = Touch(
        5, date(2026, 3, 9), Channel.PHONE, Direction.OUT, TouchKind.STATUS_CHECK, 1,
        Outcome.REACHED,
    )  # fmt: skip
    asked = app(expected_decision=date(2026, 3, 9), touches=(reached,))
    assert build_script(asked, ME, TODAY).question == MORE_INFORMATION


def test_r6_missing_facts_say_what_to_fill_in():
    bare = Application(id=1, company="Globex", role="Engineer")
    script = build_script(bare, Profile(), TODAY)
    assert len(script.bullets) == 4
    assert script.contact is None
    who, _, strength, question = script.bullets
    assert "(fill in: who you are calling" in who
    assert "(fill in: your name" in who
    assert "(fill in: when you met" in who
    assert strength.startswith("(fill in: a strength")
    assert question == ASK_TIMELINE
    assert "(fill in: your phone number" in script.voicemail[-1]


def test_r5_script_calls_the_interviewer_when_no_decision_maker_is_known():
    script = build_script(app(contacts=(LEE,)), ME, TODAY)
    assert script.contact == LEE and not script.contact_decides


def test_r6_voicemail_is_short_interested_with_name_and_number():
    voicemail = build_script(app(), ME, TODAY).voicemail
    assert len(voicemail) == 3
    assert "Sam Candidate" in voicemail[0]
    assert "very interested" in voicemail[1]
    assert "+1 555 0100" in voicemail[2]


def test_r6_user_edits_replace_the_bullets():
    edited = app(call_script=("My own opener", "Interest", "Strength"))
    script = build_script(edited, ME, TODAY)
    assert script.bullets == ("My own opener", "Interest", "Strength") and script.edited


def test_r6_a_forbidden_phrase_in_the_users_notes_is_never_spoken():
    sneaky = app(key_strengths="Did I get the job? I am calm")
    strength = build_script(sneaky, ME, TODAY).bullets[2]
    assert "rephrase" in strength
    assert not has_forbidden_phrase(strength)


# Words, separators and the phrases R6 forbids, so generated facts try to smuggle them in.
CHUNKS = ["ab", "Dana", " ", ";", "\n", ".", "?", "did I get the job", "have you made a decision"]
text = st.lists(st.sampled_from(CHUNKS), max_size=8).map("".join)
contacts = st.lists(
    st.builds(Contact, id=st.integers(1, 5), full_name=text, decision_maker=st.booleans()),
    max_size=3,
    unique_by=lambda contact: contact.id,
)


@st.composite
def applications(draw) -> Application:
    people = draw(contacts)
    ids = [contact.id for contact in people]
    interviews = draw(
        st.lists(
            st.builds(
                Interview,
                id=st.integers(1, 9),
                held_on=st.dates(TODAY - timedelta(days=90), TODAY + timedelta(days=10)),
                interviewer_ids=st.lists(st.sampled_from(ids), unique=True).map(tuple)
                if ids
                else st.just(()),
                topics=text,
                concerns=text,
            ),
            max_size=3,
        )
    )
    return Application(
        id=1,
        company=draw(text),
        role=draw(text),
        key_strengths=draw(text),
        expected_decision=draw(st.none() | st.dates(TODAY - timedelta(days=30), TODAY)),
        contacts=tuple(people),
        interviews=tuple(interviews),
    )


@settings(max_examples=300, deadline=None)
@given(applications(), st.builds(Profile, name=text, phone=text))
def test_r6_property_three_or_four_bullets_and_no_forbidden_phrase(application, profile):
    script = build_script(application, profile, TODAY)
    assert 3 <= len(script.bullets) <= 4
    for line in (*script.bullets, *script.voicemail):
        assert not has_forbidden_phrase(line), line
    if script.contact is not None:
        assert script.contact in application.contacts
    assert script.question in (ASK_TIMELINE, HELP_DECIDE, MORE_INFORMATION)


def test_drafts_use_the_same_facts():
    thank_you, status, final = drafts_for(app(), ME, TODAY)
    assert thank_you.to == "(fill in: their email address)"
    assert "Dear Dana Reyes" in thank_you.body
    assert "\n- Led the billing migration\n- calm on call\n" in thank_you.body
    assert "invoice replay" in thank_you.body
    assert "May I call you during the week" in thank_you.body
    assert ASK_TIMELINE in status.body and "very interested" in status.body
    assert "an answer either way" in final.body
    for draft in (thank_you, status, final):
        assert not has_forbidden_phrase(draft.text)
        assert draft.body.rstrip().endswith(("Sam Candidate", "+1 555 0100"))


def test_r1_thank_you_draft_to_a_named_interviewer():
    draft = thank_you_draft(app(), LEE, ME, TODAY)
    assert draft.text.startswith("To: (fill in: their email address)\nSubject: Thank you")
    assert "Dear Lee Park" in draft.body


def test_r9_feedback_script_goes_to_the_contact_with_rapport():
    from followup_tui.domain.records import Status
    from followup_tui.domain.script import FEEDBACK_QUESTION, build_feedback_script

    friendly = Contact(2, "Lee Park", rapport=True)
    rejected = app(status=Status.REJECTED, contacts=(DANA, friendly))
    script = build_feedback_script(rejected, ME, TODAY)
    assert script.contact == friendly
    assert len(script.bullets) == 4 and script.question == FEEDBACK_QUESTION
    assert script.bullets[0].startswith("Hi Lee, this is Sam Candidate. Thank you for letting")
    assert not any(has_forbidden_phrase(line) for line in (*script.bullets, *script.voicemail))
