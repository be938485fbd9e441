"""The standard-library read path: the same records as written, and the review's narrow query."""

from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import date, timedelta

import pytest

from followup_tui.demo import demo_applications
from followup_tui.domain.figures import Tally, figures
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.domain.review import light, light_review_list, review_list
from followup_tui.domain.rules import assess, awaiting_debrief
from followup_tui.store import Store, StoreError, reading
from followup_tui.store.generate import generate
from followup_tui.store.reading import Reader

TODAY = date(2026, 3, 10)


def _rejected_cases() -> list[Application]:
    """Every way a rejected application can or cannot still owe the R9 feedback call."""
    feedbacks = ["", "  ", "\u00a0\n", "\t\x0b", "ok", "Not enough Go."]
    closings = [None, TODAY - timedelta(days=20)]
    requests = [None, -3, 0, 2]  # a feedback request n days after the closing (or today)
    cases = []
    for number, (feedback, rapport, closed_on, request) in enumerate(
        itertools.product(feedbacks, (True, False), closings, requests), start=1
    ):
        touches = ()
        if request is not None:
            day = (closed_on or TODAY) + timedelta(days=request)
            touches = (Touch(1, day, Channel.PHONE, Direction.OUT, TouchKind.FEEDBACK_REQUEST, 1),)
        cases.append(
            Application(
                number,
                f"Rejected {number}",
                "Engineer",
                status=Status.REJECTED,
                feedback=feedback,
                closed_on=closed_on,
                contacts=(Contact(1, "Ada Byron", rapport=rapport),),
                touches=touches,
            )
        )
    return cases


def _ids(applications: list[Application], today: date) -> list[int]:
    return [assessment.application.id for assessment in review_list(applications, today)]


@pytest.mark.parametrize("today", [TODAY, TODAY - timedelta(days=30), TODAY + timedelta(days=9)])
def test_review_query_keeps_exactly_what_the_review_shows(db_path, today):
    # R9: the narrow query may read more than the review shows, never less.
    with Store(db_path) as store:
        store.insert_applications(_rejected_cases() + demo_applications(TODAY), keep_ids=False)
        everything = store.load_applications()
        narrow = store.review_applications(today)
    assert len(narrow) < len(everything)
    assert _ids(narrow, today) == _ids(everything, today)
    assert review_list(narrow, today) == review_list(everything, today)


def test_review_query_on_generated_data(tmp_path):
    path = tmp_path / "generated.sqlite"
    generate(path, 600, TODAY, active_share=0.2)
    reader = Reader.open_quickly(path)
    everything = reader.load_applications()
    narrow = reader.review_applications(TODAY)
    assert len(narrow) < len(everything) / 2
    assert review_list(narrow, TODAY) == review_list(everything, TODAY)
    assert reader.review_applications(TODAY, include_closed=True) == everything


def test_looking_back_reads_no_history(tmp_path, monkeypatch):
    """Issue 17 item 3: looking back read every application with its whole history (at 10,000,
    840,000 conversions per open); it reads each application's own fields and what the figures
    count (interviews, the kinds of touch) in SQL now, and builds no record of its history."""
    path = tmp_path / "generated.sqlite"
    generate(path, 400, TODAY, active_share=0.3)
    reader = Reader.open_quickly(path)
    everything = reader.load_applications()
    built: list[object] = []
    monkeypatch.setattr(reading, "_assemble", lambda *rows: built.append(rows))
    tallies = reader.looking_back()
    assert built == []  # no application was read with its contacts, interviews and touches
    assert tallies == [Tally.of(application) for application in everything]
    assert figures(tallies) == figures(everything)
    assert {t.status for t in tallies} > {Status.ACTIVE, Status.REJECTED}


@pytest.mark.parametrize("today", [TODAY, TODAY + timedelta(days=9)])
def test_list_reads_history_only_where_a_next_action_may_be(db_path, today):
    """Issue 17 item 1: `followup list` read every application with its whole history; it
    reads the history of those the review may show, and the others' own fields alone: every
    application's assessment (its next action, its status) is the same."""
    with Store(db_path) as store:
        store.insert_applications(_rejected_cases() + demo_applications(TODAY), keep_ids=False)
    reader = Reader.open_quickly(db_path)
    everything = reader.load_applications()
    listed = reader.listing(today)
    assert [a.id for a in listed] == [a.id for a in everything]
    bare = [a for a in listed if not (a.contacts or a.touches or a.interviews)]
    assert len(bare) > len(listed) / 3  # the parked and closed: no history read
    for read, whole in zip(listed, everything, strict=True):
        assert assess(read, today).actions == assess(whole, today).actions
        assert (read.company, read.role, read.status) == (whole.company, whole.role, whole.status)


@pytest.mark.parametrize("include_closed", [False, True])
def test_the_dashboard_reads_in_batches_and_keeps_light_rows(tmp_path, include_closed):
    """Issue 17 item 4: the dashboard held every application with its whole history (1.1 GB at
    100,000 all active); it reads a batch at a time and keeps each row without its history."""
    path = tmp_path / "generated.sqlite"
    generate(path, 600, TODAY, active_share=0.2)
    reader = Reader.open_quickly(path)
    whole = reader.review_applications(TODAY, include_closed=include_closed)
    batches = list(reader.review_batches(TODAY, include_closed=include_closed, size=40))
    assert len(batches) > 2 and [a for batch in batches for a in batch] == whole
    rows = light_review_list(batches, TODAY, include_closed=include_closed)
    assert rows == [light(a) for a in review_list(whole, TODAY, include_closed=include_closed)]
    assert not any(row.application.touches for row in rows)
    # The interviews ahead, today's, and the one awaiting its debrief (R12: the panel offers it).
    read = {application.id: application for application in whole}
    for row in rows:
        waiting = awaiting_debrief(read[row.application.id], TODAY)
        kept = [
            i for i in read[row.application.id].interviews if i.held_on >= TODAY or i == waiting
        ]
        assert list(row.application.interviews) == kept


def test_reader_and_store_read_the_same_records(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
        written = store.load_applications()
    reader = Reader.open_quickly(db_path)
    assert reader.load_applications() == written == demo_applications(TODAY)
    assert reader.load_application(3) == written[2]
    assert reader.load_application(999) is None
    assert reader.count_applications() == len(written)


def test_open_quickly_leaves_new_and_old_files_to_the_store(db_path, tmp_path):
    assert Reader.open_quickly(db_path) is None  # no file yet: the Store creates it
    assert not db_path.exists()
    other = tmp_path / "notes.txt"
    other.write_text("not a database")
    with pytest.raises(StoreError, match="not a followup database"):
        Reader.open_quickly(other)


def test_reader_reports_a_damaged_file_in_one_line(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
    reader = Reader.open_quickly(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 2 : page * 6] = bytes(page * 4)  # zero some table pages
    db_path.write_bytes(data)
    with pytest.raises(StoreError, match="damaged"):
        reader.load_applications()


def test_the_app_starts_without_importing_sqlalchemy():
    # Importing SQLAlchemy costs about as much as starting Textual: the first frame must not
    # wait for it (issue 7). It is imported by the first write, or in the background.
    code = (
        "import sys, followup_tui.tui.app, followup_tui.store.reading;"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_file_deleted_under_the_reader_is_an_error_not_a_new_database(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
    reader = Reader.open_quickly(db_path)
    for leftover in db_path.parent.glob(f"{db_path.name}*"):
        leftover.unlink()
    with pytest.raises(StoreError, match="cannot open"):
        reader.load_applications()
    assert not db_path.exists()
