"""The same file twice: the export keeps every record's identity (version 2), and an import
matches what is already here instead of adding it again (issue 16 item 2)."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, time
from pathlib import Path

from followup_tui.demo import DEMO_PROFILE, demo_applications
from followup_tui.domain.matching import match, summary
from followup_tui.domain.records import Application, Interview, Status
from followup_tui.formats.json_format import FORMAT_VERSION, dumps, parse_document
from followup_tui.store import Store

TODAY = date(2026, 3, 10)
V1 = Path(__file__).resolve().parent.parent / "fixtures" / "export_v1.json"


def stored(tmp_path: Path) -> list[Application]:
    """The demo as a database holds it: every record with its uid."""
    with Store(tmp_path / "here.sqlite") as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True, profile=DEMO_PROFILE)
        return store.load_applications()


def test_the_export_is_version_2_and_every_record_carries_its_uid(tmp_path):
    here = stored(tmp_path)
    document = json.loads(dumps(here, DEMO_PROFILE))
    assert document["version"] == FORMAT_VERSION == 2
    for application, exported in zip(here, document["applications"], strict=True):
        assert exported["uid"] == application.uid
        for kind in ("contacts", "interviews", "touches"):
            assert [r["uid"] for r in exported[kind]] == [r.uid for r in getattr(application, kind)]
    assert all(uuid.UUID(a["uid"]) for a in document["applications"])


def test_the_invitation_an_interview_came_from_survives_a_round_trip(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        [application_id] = store.insert_applications(
            [Application(0, "ACME", "Engineer")], keep_ids=False
        )
        store.upsert_interview_by_uid(application_id, "uid-1@google.com", Interview(0, TODAY))
        text = dumps(store.load_applications())
    assert json.loads(text)["applications"][0]["interviews"][0]["invite_uid"] == "uid-1@google.com"
    with Store(tmp_path / "b.sqlite") as copy:
        exported = parse_document(text)
        copy.insert_applications(exported.applications, keep_ids=True)
        assert copy.invited_interview("uid-1@google.com") is not None
        assert dumps(copy.load_applications()) == text


def test_export_import_export_is_byte_identical_with_the_uids(tmp_path):
    text = dumps(stored(tmp_path), DEMO_PROFILE)
    exported = parse_document(text)
    with Store(tmp_path / "copy.sqlite") as copy:
        copy.insert_applications(exported.applications, keep_ids=True, profile=exported.profile)
        assert dumps(copy.load_applications(), copy.load_profile()) == text


def test_a_version_1_file_still_reads_and_has_no_uids():
    exported = parse_document(V1.read_text(encoding="utf-8"))
    assert len(exported.applications) == 7
    assert exported.applications[0].company == "Northwind Labs"
    assert {a.uid for a in exported.applications} == {""}


def test_the_same_records_again_are_all_already_here(tmp_path):
    here = stored(tmp_path)
    again = parse_document(dumps(here)).applications
    matches = match(here, again)
    assert [m.stored.id for m in matches if m.stored] == [a.id for a in here]
    assert not any(m.added or m.differences for m in matches)
    assert summary(matches) == "0 added, 17 already here"


def test_a_record_changed_in_the_file_differs_and_a_new_one_is_added(tmp_path):
    here = stored(tmp_path)
    northwind, globex = here[0], here[1]
    dana = northwind.contacts[0]
    changed = replace(
        northwind,
        role="Principal Engineer",
        contacts=(replace(dana, email="dana@new.example"), *northwind.contacts[1:]),
    )
    met = Interview(99, date(2026, 3, 11), time(9, 0), "Final", (globex.contacts[0].id,))
    grown = replace(globex, interviews=(*globex.interviews, met))
    fresh = Application(0, "Initrode", "SRE")
    matches = match(here, [changed, grown, fresh, *here[2:]])
    changed_match, grown_match, fresh_match = matches[:3]
    assert changed_match.stored == northwind
    assert changed_match.differences == ("role", "contact Dana Reyes: email")
    assert grown_match.differences == () and grown_match.added == (met,)
    assert fresh_match.stored is None
    assert summary(matches) == (
        "1 added, 16 already here (1 new record in them), 1 differs (not changed)"
    )


def test_without_uids_an_application_is_matched_on_company_role_and_date_applied(tmp_path):
    here = stored(tmp_path)
    northwind = here[0]
    row = Application(0, " northwind labs ", "Staff Engineer", created_on=northwind.created_on)
    later = replace(row, created_on=date(2026, 3, 1))
    other_role = replace(row, role="Engineering Manager")
    matches = match(here, [row, later, other_role])
    assert [m.stored.id if m.stored else None for m in matches] == [northwind.id, None, None]
    assert matches[0].differences == ()  # a spreadsheet row is not compared field by field


def test_a_closed_application_here_and_active_in_the_file_differs_by_its_status(tmp_path):
    here = stored(tmp_path)
    tyrell = next(a for a in here if a.status is Status.REJECTED)
    reopened = replace(tyrell, status=Status.ACTIVE, closed_on=None)
    (only,) = match(here, [reopened])
    assert only.differences == ("status", "closed_on")
    assert summary([only], updated=True) == (
        "0 added, 0 already here, 1 differs (updated to the file's version)"
    )


def test_contacts_are_compared_by_who_they_are_not_by_their_ids(tmp_path):
    here = stored(tmp_path)
    northwind = here[0]
    # The same people under other ids (a file written by another database): nothing differs.
    shifted = {c.id: c.id + 100 for c in northwind.contacts}
    moved = replace(
        northwind,
        contacts=tuple(replace(c, id=shifted[c.id]) for c in northwind.contacts),
        interviews=tuple(
            replace(i, id=i.id + 100, interviewer_ids=tuple(shifted[p] for p in i.interviewer_ids))
            for i in northwind.interviews
        ),
        touches=tuple(
            replace(t, id=t.id + 100, contact_id=shifted.get(t.contact_id))
            for t in northwind.touches
        ),
    )
    (only,) = match(here, [moved])
    assert (only.differences, only.added) == ((), ())
    swapped = replace(
        moved, touches=tuple(replace(t, contact_id=shifted[2]) for t in moved.touches)
    )
    (only,) = match(here, [swapped])
    assert only.differences == ("touch of Sun 8 Mar: contact_id",)
