"""An interview imported from a calendar invitation keeps its UID: the same invitation again
updates it, a cancellation removes it, and the migration that adds the UID keeps every row."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from followup_tui.domain.records import Application, Contact, Interview
from followup_tui.store import StaleEdit, Store, StoreError
from followup_tui.store.migrations import LATEST

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
UID = "5k2v9q8n1o3p7r6s4t0u2w1x3y@google.com"
DANA = Contact(0, "Dana Reyes", email="dana.reyes@acme.example")
LEE = Contact(0, "Lee Park", email="Lee.Park@ACME.example")


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        store.insert_applications(
            [
                Application(id=1, company="ACME Corp", role="Staff Engineer"),
                Application(
                    id=2,
                    company="Globex",
                    role="Backend",
                    contacts=(Contact(1, "Priya N"),),
                ),
            ],
            keep_ids=True,
        )
        yield store


def onsite(day: date = date(2026, 11, 12), at: time = time(19, 0)) -> Interview:
    return Interview(0, day, at, stage="Onsite interview", notes="Where: ACME HQ")


def test_the_same_uid_twice_updates_one_interview(store):
    first, created = store.upsert_interview_by_uid(1, UID, onsite(), [DANA])
    assert created
    read = store.load_application(1).interviews[0]
    moved = replace(read, held_on=date(2026, 11, 13), at_time=time(15, 30))
    second, created = store.upsert_interview_by_uid(1, UID, moved, [DANA, LEE])
    assert (second, created) == (first, False)

    application = store.load_application(1)
    (interview,) = application.interviews
    assert (interview.held_on, interview.at_time) == (date(2026, 11, 13), time(15, 30))
    assert interview.version == read.version + 1
    # Dana once, though named twice; Lee matched by address whatever its case.
    assert [c.full_name for c in application.contacts] == ["Dana Reyes", "Lee Park"]
    assert interview.interviewer_ids == tuple(c.id for c in application.contacts)
    assert store.invited_interview(UID) == (1, first)


def test_people_become_the_applications_contacts_once_and_hand_added_ones_stay(store):
    store.upsert_interview_by_uid(2, "u@outlook", onsite(), [])
    read = store.load_application(2).interviews[0]
    # The user links Priya by hand; the invitation names her by name and address.
    store.save_interview(2, replace(read, interviewer_ids=(1,)))
    again = store.load_application(2).interviews[0]
    store.upsert_interview_by_uid(
        2, "u@outlook", again, [Contact(0, "Priya N", email="priya@globex.example")]
    )
    application = store.load_application(2)
    assert [(c.id, c.email) for c in application.contacts] == [(1, "priya@globex.example")]
    assert application.interviews[0].interviewer_ids == (1,)


def test_an_edit_made_elsewhere_meanwhile_is_not_overwritten(store):
    store.upsert_interview_by_uid(1, UID, onsite(), [])
    read = store.load_application(1).interviews[0]
    store.save_interview(1, replace(read, notes="typed in another copy"))
    with pytest.raises(StaleEdit):
        store.upsert_interview_by_uid(1, UID, replace(read, stage="x"), [])
    assert store.load_application(1).interviews[0].notes == "typed in another copy"


def test_an_invitation_already_on_another_application_is_refused(store):
    store.upsert_interview_by_uid(1, UID, onsite(), [DANA])
    read = store.load_application(1).interviews[0]
    with pytest.raises(StoreError, match="already on application #1"):
        store.upsert_interview_by_uid(2, UID, read, [DANA])
    assert store.load_application(2).interviews == ()
    assert store.load_application(2).contacts == (Contact(1, "Priya N"),)


def test_a_failed_upsert_writes_nothing(store):
    with pytest.raises(StoreError):
        store.upsert_interview_by_uid(99, UID, onsite(), [DANA])
    assert store.invited_interview(UID) is None
    assert sum(len(a.contacts) for a in store.load_applications()) == 1


def test_removing_by_uid_deletes_the_interview_and_keeps_the_contacts(store):
    store.upsert_interview_by_uid(1, UID, onsite(), [DANA, LEE])
    assert store.remove_invited_interview(UID)
    application = store.load_application(1)
    assert application.interviews == ()
    assert len(application.contacts) == 2
    assert not store.remove_invited_interview(UID)
    connection = sqlite3.connect(store.path)
    assert connection.execute("SELECT count(*) FROM interview_interviewer").fetchone() == (0,)
    connection.close()


def test_interviews_typed_in_have_no_uid_and_do_not_collide(store):
    store.save_interview(1, onsite())
    store.save_interview(1, onsite(date(2026, 11, 20)))
    store.upsert_interview_by_uid(1, UID, onsite(), [])
    connection = sqlite3.connect(store.path)
    uids = connection.execute("SELECT invite_uid FROM interview ORDER BY id").fetchall()
    connection.close()
    assert uids == [(None,), (None,), (UID,)]


def test_migrating_v4_gives_every_interview_an_empty_uid_and_keeps_every_row(tmp_path):
    path = tmp_path / "followup.sqlite"
    shutil.copy(FIXTURES / "schema_v4.sqlite", path)
    tables = ["application", "contact", "interview", "interview_interviewer", "touch"]

    def every_row() -> dict[str, list[dict]]:
        connection = sqlite3.connect(path)
        connection.row_factory = sqlite3.Row
        try:
            return {
                t: [dict(row) for row in connection.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]
                for t in tables
            }
        finally:
            connection.close()

    def kept(rows: list[dict], columns: dict) -> list[dict]:
        """The rows' values in the columns given: later steps add columns (v6, v7)."""
        return [{name: row[name] for name in columns} for row in rows]

    before = every_row()
    with Store(path) as store:
        assert store.migrated == list(range(5, LATEST + 1))
        assert store.invited_interview(UID) is None
        store.upsert_interview_by_uid(1, UID, onsite(), [DANA])
    after = every_row()
    assert kept(after["interview"][:2], before["interview"][0]) == before["interview"]
    assert [row["invite_uid"] for row in after["interview"]] == [None, None, UID]
    for table in ("application", "touch", "interview_interviewer"):
        rows = after[table][: len(before[table])]
        assert kept(rows, before[table][0]) == before[table]
    assert kept(after["contact"][:3], before["contact"][0]) == before["contact"]
