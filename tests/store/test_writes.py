"""The store's write calls used by the screens: each one transaction, each checked."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from followup_tui.demo import demo_applications
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Profile,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.store import Store, StoreError

TODAY = date(2026, 3, 10)


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
        yield store


def test_log_touches_and_a_new_decision_date(store):
    reply = Touch(
        0, TODAY, Channel.EMAIL, Direction.IN, TouchKind.REPLY, 4, Outcome.REPLIED, "Soon"
    )
    (touch_id,) = store.log_touches(3, [reply], expected_decision=date(2026, 3, 24))
    application = store.load_application(3)
    assert application.touches[-1] == replace(reply, id=touch_id)
    assert application.expected_decision == date(2026, 3, 24)
    assert application.decision_learned_on == TODAY


def test_log_touches_refuses_a_contact_of_another_application(store):
    touch = Touch(0, TODAY, Channel.EMAIL, Direction.OUT, TouchKind.STATUS_CHECK, 1)
    with pytest.raises(StoreError, match="not on application #3"):
        store.log_touches(3, [touch])
    assert len(store.load_application(3).touches) == 3


def test_unknown_application_is_a_store_error(store):
    with pytest.raises(StoreError, match="no application #99"):
        store.snooze(99, TODAY)


def test_snooze_and_lift(store):
    store.snooze(3, date(2026, 3, 20))
    assert store.load_application(3).snoozed_until == date(2026, 3, 20)
    store.snooze(3, None)
    assert store.load_application(3).snoozed_until is None


def test_save_application_updates_fields_but_not_history(store):
    before = store.load_application(1)
    store.save_application(replace(before, company="Northwind", notes="[bold]edited"))
    after = store.load_application(1)
    assert (after.company, after.notes) == ("Northwind", "[bold]edited")
    assert after.touches == before.touches and after.contacts == before.contacts


def test_save_contact_adds_and_edits(store):
    new_id = store.save_contact(2, Contact(0, "Ola Nordmann", title="CTO", decision_maker=True))
    store.save_contact(2, Contact(new_id, "Ola Nordmann", title="Chief Technology Officer"))
    contact = store.load_application(2).contact(new_id)
    assert contact.title == "Chief Technology Officer" and not contact.decision_maker
    with pytest.raises(StoreError):
        store.save_contact(3, Contact(new_id, "Moved"))  # belongs to application 2


def test_save_interview_with_known_and_new_interviewers(store):
    interview = Interview(0, date(2026, 3, 9), time(9, 0), "Final", (3,), "Go", "None")
    interview_id = store.save_interview(2, interview, ["New Person", "Other Person"])
    application = store.load_application(2)
    saved = next(i for i in application.interviews if i.id == interview_id)
    names = [application.contact(i).full_name for i in saved.interviewer_ids]
    assert names == ["Priya Natarajan", "New Person", "Other Person"]
    store.save_interview(2, replace(saved, interviewer_ids=saved.interviewer_ids[:1]))
    again = next(i for i in store.load_application(2).interviews if i.id == interview_id)
    assert again.interviewer_ids == saved.interviewer_ids[:1]


def test_close_application(store):
    store.close_application(8, Status.NO_RESPONSE, TODAY, "No answer after the final note")
    application = store.load_application(8)
    assert (application.status, application.closed_on) == (Status.NO_RESPONSE, TODAY)
    with pytest.raises(StoreError):
        store.close_application(8, Status.ACTIVE, TODAY)


START = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


def test_r7_call_notes_saved_then_finished_as_one_touch(store):
    draft_id = store.start_call(3, 4, START)
    store.save_call_notes(draft_id, "Bill says two more candidates")
    (draft,) = store.unfinished_calls()
    assert (draft.application_id, draft.contact_id, draft.started_at) == (3, 4, START)
    assert draft.notes == "Bill says two more candidates"
    call = Touch(0, TODAY, Channel.PHONE, Direction.OUT, TouchKind.STATUS_CHECK, 4,
                 Outcome.REACHED, draft.notes, duration_seconds=312)  # fmt: skip
    touch_id = store.finish_call(
        draft_id, call, expected_decision=date(2026, 3, 20), concern="on-call rota"
    )
    application = store.load_application(3)
    assert application.touches[-1] == replace(call, id=touch_id)
    assert application.expected_decision == date(2026, 3, 20)
    assert application.interviews[-1].concerns.endswith("; on-call rota")
    assert store.unfinished_calls() == []


def test_r7_saving_call_notes_writes_the_notes_alone(store, db_path):
    """The day and hour a call began, as the file holds them, stay as they are: saving notes
    as they are typed rewrites neither them nor the application the call is on."""
    draft_id = store.start_call(3, 4, START)
    with closing(sqlite3.connect(db_path)) as db, db:  # another program's form of the time
        db.execute("UPDATE call_draft SET started_at = ? WHERE id = ?",
                   ("2026-03-10T09:00:00+02:00", draft_id))  # fmt: skip
    store.save_call_notes(draft_id, "typed")
    with closing(sqlite3.connect(db_path)) as db:
        row = db.execute("SELECT application_id, started_at, notes FROM call_draft").fetchone()
    assert row == (3, "2026-03-10T09:00:00+02:00", "typed")


def test_r7_a_discarded_call_logs_nothing(store):
    draft_id = store.start_call(3, None, START)
    store.discard_call(draft_id)
    assert store.unfinished_calls() == []
    assert len(store.load_application(3).touches) == 3
    with pytest.raises(StoreError, match="no longer open"):
        store.save_call_notes(draft_id, "late")


def test_profile_and_script_edits(store):
    assert store.load_profile() == Profile()
    store.save_profile(Profile("Sam", "+1 555 0100"))
    assert store.load_profile() == Profile("Sam", "+1 555 0100", "")
    store.save_script(1, "call", ["One", "Two", "Three"])
    assert store.load_application(1).call_script == ("One", "Two", "Three")
    store.save_script(1, "call", [])
    assert store.load_application(1).call_script == ()


def test_export_round_trip_keeps_calls_in_progress_durations_and_profile(store, tmp_path):
    from followup_tui.formats.json_format import dumps, parse_document

    store.save_profile(Profile("Sam [b]", "+1 555 0100", "sam@example.com"))
    draft_id = store.start_call(3, 4, START)
    store.save_call_notes(draft_id, "half-typed [bold]")
    call = Touch(0, TODAY, Channel.PHONE, Direction.OUT, TouchKind.STATUS_CHECK, 4,
                 Outcome.VOICEMAIL, "", duration_seconds=45)  # fmt: skip
    store.log_touches(3, [call])
    text = dumps(store.load_applications(), store.load_profile())
    exported = parse_document(text)
    with Store(tmp_path / "copy.sqlite") as copy:
        copy.insert_applications(exported.applications, keep_ids=True, profile=exported.profile)
        assert dumps(copy.load_applications(), copy.load_profile()) == text
        assert copy.unfinished_calls()[0].notes == "half-typed [bold]"


def test_r9_close_with_notes_and_rapport_then_reopen(store):
    store.close_application(3, Status.REJECTED, TODAY, "Internal hire", notes="Asked [b]why",
                            rapport_ids=[5])  # fmt: skip
    application = store.load_application(3)
    assert (application.status, application.closed_on, application.closed_reason) == (
        Status.REJECTED, TODAY, "Internal hire"
    )  # fmt: skip
    assert application.notes.endswith("Asked [b]why")
    assert application.contact(5).rapport and not application.contact(4).rapport
    store.reopen_application(3)
    reopened = store.load_application(3)
    assert (reopened.status, reopened.closed_on) == (Status.ACTIVE, None)


def test_park_and_unpark_but_not_a_closed_one(store):
    store.park_application(3, True)
    assert store.load_application(3).status is Status.PARKED
    store.park_application(3, False)
    assert store.load_application(3).status is Status.ACTIVE
    with pytest.raises(StoreError, match="reopen it first"):
        store.park_application(10, True)  # rejected


def test_restore_puts_back_fields_and_contact_marks(store):
    before = store.load_application(3)
    store.close_application(3, Status.REJECTED, TODAY, "x", notes="n", rapport_ids=[4, 5])
    store.restore(before)
    assert store.load_application(3) == before


def test_delete_and_restore_a_touch_with_its_id(store):
    before = store.load_application(3)
    touch = before.touches[1]
    store.delete_touch(3, touch.id)
    assert touch not in store.load_application(3).touches
    store.restore_touch(3, touch)
    assert store.load_application(3) == before
    with pytest.raises(StoreError):
        store.delete_touch(1, touch.id)  # another application's


def test_a_row_is_never_read_or_written_as_another_table_s_record(store):
    """mypy sees every row as its base class; the store checks the kinds match."""
    from followup_tui.store.repository import _record, _write
    from followup_tui.store.tables import ContactRow

    row = ContactRow(application_id=1)
    with pytest.raises(TypeError, match="a ContactRow holds no Application"):
        _write(row, store.load_application(1))
    with pytest.raises(TypeError):
        _record(row, Application)
