"""The store's writes for the whole journey (issue 14): the debrief after an interview (R12),
the feedback call (R9), and withdrawing after an offer is accepted (R13). Each is one
transaction: all of it is saved, or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Debrief,
    Direction,
    Interview,
    Outcome,
    Status,
    Touch,
    TouchKind,
    WithdrawAnswer,
)
from followup_tui.domain.rules import ActionKind, assess
from followup_tui.store import StaleEdit, Store, StoreError

TODAY = date(2026, 3, 10)


def acme(company: str = "Acme", **fields) -> Application:
    return Application(
        id=0,
        company=company,
        role="Staff Engineer",
        contacts=(Contact(1, "Dana Reyes"), Contact(2, "Lee Park", rapport=True)),
        interviews=(Interview(1, TODAY, time(14, 30), "Onsite", (1,)),),
        **fields,
    )


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        yield store


# R12: the debrief ----------------------------------------------------------------------------


def test_r12_debrief_saves_people_decision_date_topics_and_concerns_at_once(store):
    app_id = store.add_application(acme())
    application = store.load_application(app_id)
    interview = application.interviews[0]
    dana = replace(application.contacts[0], title="Engineering Manager", email="dana@acme.io")
    new = Contact(0, "Kim Oh", title="Recruiter", phone="+1 555 0102", decision_maker=True)
    debrief = Debrief(
        interview.id,
        people=(dana, new),
        expected_decision=date(2026, 3, 24),
        topics="Invoices; on-call",
        concerns="No Kotlin",
        interview_version=interview.version,
    )
    people = store.save_debrief(app_id, debrief)

    after = store.load_application(app_id)
    assert after.expected_decision == date(2026, 3, 24)
    assert after.decision_learned_on == TODAY  # learned at the interview
    (saved,) = after.interviews
    assert (saved.topics, saved.concerns) == ("Invoices; on-call", "No Kotlin")
    assert saved.at_time == time(14, 30) and saved.stage == "Onsite"  # the rest kept
    assert saved.interviewer_ids == people
    dana_after, kim = (after.contact(i) for i in people)
    assert dana_after.title == "Engineering Manager" and dana_after.email == "dana@acme.io"
    assert kim.full_name == "Kim Oh" and kim.phone == "+1 555 0102" and kim.decision_maker
    assert len(after.contacts) == 3  # Lee stays a contact, though not at this interview
    # The thank-you notes follow from it (R1): one to each person there.
    thanked = {a.contact.full_name for a in assess(after, TODAY).actions if a.kind == "thank_you"}
    assert thanked == {"Dana Reyes", "Kim Oh"}


def test_r12_debrief_without_a_date_keeps_the_known_one(store):
    app_id = store.add_application(acme(expected_decision=date(2026, 3, 20)))
    interview = store.load_application(app_id).interviews[0]
    store.save_debrief(app_id, Debrief(interview.id, topics="Roadmap"))
    assert store.load_application(app_id).expected_decision == date(2026, 3, 20)


def test_r12_debrief_is_all_or_nothing(store):
    app_id = store.add_application(acme())
    other = store.add_application(acme("Globex"))
    application = store.load_application(app_id)
    stranger = store.load_application(other).contacts[0]  # not on this application
    debrief = Debrief(
        application.interviews[0].id,
        people=(Contact(0, "Kim Oh"), stranger),
        expected_decision=date(2026, 3, 24),
        topics="Roadmap",
    )
    with pytest.raises(StoreError, match="not on application"):
        store.save_debrief(app_id, debrief)
    assert store.load_application(app_id) == application  # nothing saved, Kim neither


def test_r12_debrief_on_a_stale_contact_is_refused(store):
    app_id = store.add_application(acme())
    application = store.load_application(app_id)
    dana = application.contacts[0]
    store.save_contact(app_id, replace(dana, title="EM"))  # another copy edits Dana meanwhile
    debrief = Debrief(application.interviews[0].id, people=(replace(dana, email="d@acme.io"),))
    with pytest.raises(StaleEdit):
        store.save_debrief(app_id, debrief)
    assert store.load_application(app_id).contacts[0].email == ""


# R9: the feedback call -----------------------------------------------------------------------


def test_r9_feedback_call_logs_the_touch_and_records_feedback_and_lessons(store):
    app_id = store.add_application(acme(lessons="Practise system design"))
    store.close_application(app_id, Status.REJECTED, TODAY, "Internal hire")
    application = store.load_application(app_id)
    lee = application.contacts[1]
    assert assess(application, TODAY).next_action.kind is ActionKind.FEEDBACK_CALL
    call = Touch(
        0, TODAY, Channel.PHONE, Direction.OUT, TouchKind.FEEDBACK_REQUEST, lee.id, Outcome.REACHED
    )
    touch_id = store.log_feedback_call(
        app_id, call, feedback="They went with more Go experience", lessons="Lead with Go work"
    )
    after = store.load_application(app_id)
    assert after.touches[-1] == replace(call, id=touch_id)
    assert after.feedback == "They went with more Go experience"
    assert after.lessons == "Practise system design\n\nLead with Go work"
    assert assess(after, TODAY).actions == ()  # asked: the feedback call is done


def test_r9_feedback_call_closes_an_open_call_and_takes_only_a_feedback_request(store):
    app_id = store.add_application(acme())
    draft_id = store.start_call(app_id, None, datetime.now().astimezone())
    call = Touch(0, TODAY, Channel.PHONE, Direction.OUT, TouchKind.FEEDBACK_REQUEST)
    store.log_feedback_call(app_id, call, feedback="Timing", draft_id=draft_id)
    assert store.unfinished_calls() == []
    status = replace(call, kind=TouchKind.STATUS_CHECK)
    with pytest.raises(StoreError, match="feedback request"):
        store.log_feedback_call(app_id, status, feedback="x")
    assert len(store.load_application(app_id).touches) == 1


# R13: an offer accepted ----------------------------------------------------------------------


def test_r13_accepting_an_offer_suggests_withdrawing_each_other_active_application(store):
    accepted = store.add_application(acme("Initech"))
    others = [store.add_application(acme(name)) for name in ("Globex", "Hooli")]
    closed = store.add_application(acme("Umbrella", status=Status.REJECTED, closed_on=TODAY))
    store.close_application(accepted, Status.OFFER_ACCEPTED, TODAY, "Signed")
    for app_id in others:
        application = store.load_application(app_id)
        assert application.withdraw_suggested_on == TODAY
        assert application.withdraw_answer is WithdrawAnswer.UNANSWERED
        assert assess(application, TODAY).next_action.kind is ActionKind.WITHDRAW
    assert store.load_application(closed).withdraw_suggested_on is None
    assert store.load_application(accepted).withdraw_suggested_on is None


def test_r13_withdraw_logs_the_note_and_closes_as_withdrawn_at_once(store):
    accepted = store.add_application(acme("Initech"))
    other = store.add_application(acme("Globex"))
    store.close_application(accepted, Status.OFFER_ACCEPTED, TODAY)
    dana = store.load_application(other).contacts[0]
    note = Touch(0, TODAY, Channel.EMAIL, Direction.OUT, TouchKind.OTHER, dana.id, notes="Withdrew")
    touch_id = store.withdraw_application(other, note)
    after = store.load_application(other)
    assert after.status is Status.WITHDRAWN and after.closed_on == TODAY
    assert after.closed_reason == "accepted another offer"
    assert after.withdraw_answer is WithdrawAnswer.WITHDRAW
    assert after.touches[-1] == replace(note, id=touch_id)
    assert assess(after, TODAY).actions == ()


def test_r13_withdraw_is_all_or_nothing(store):
    other = store.add_application(acme("Globex"))
    before = store.load_application(other)
    note = Touch(0, TODAY, Channel.EMAIL, Direction.OUT, TouchKind.OTHER, 999)
    with pytest.raises(StoreError):
        store.withdraw_application(other, note)
    assert store.load_application(other) == before


def test_r13_keep_answers_and_the_rules_go_on(store):
    accepted = store.add_application(acme("Initech"))
    other = store.add_application(acme("Globex"))
    store.close_application(accepted, Status.OFFER_ACCEPTED, TODAY)
    store.keep_application(other)
    after = store.load_application(other)
    assert after.withdraw_answer is WithdrawAnswer.KEEP
    assert after.status is Status.ACTIVE
    assert ActionKind.WITHDRAW not in {a.kind for a in assess(after, TODAY).actions}


def test_r13_keeping_several_is_one_answer_all_or_nothing(store):
    accepted = store.add_application(acme("Initech"))
    kept = [store.add_application(acme(name)) for name in ("Globex", "Hooli")]
    store.close_application(accepted, Status.OFFER_ACCEPTED, TODAY)
    before = [store.load_application(app_id) for app_id in kept]
    with pytest.raises(StoreError):
        store.keep_application(*kept, 999)  # one gone: nothing kept
    assert [store.load_application(app_id) for app_id in kept] == before
    store.keep_application(*kept)
    for app_id in kept:
        assert store.load_application(app_id).withdraw_answer is WithdrawAnswer.KEEP


def test_r13_undoing_the_acceptance_takes_back_the_unanswered_suggestions(store):
    accepted = store.add_application(acme("Initech"))
    asked, kept = store.add_application(acme("Globex")), store.add_application(acme("Hooli"))
    before = store.load_application(accepted)
    store.close_application(accepted, Status.OFFER_ACCEPTED, TODAY)
    store.keep_application(kept)
    store.restore(before)  # the close dialog's undo
    assert store.load_application(asked).withdraw_suggested_on is None
    assert store.load_application(kept).withdraw_answer is WithdrawAnswer.KEEP  # answered: kept
    store.close_application(accepted, Status.OFFER_ACCEPTED, TODAY)
    store.reopen_application(accepted)
    assert store.load_application(asked).withdraw_suggested_on is None
