"""launch.start: the checks before the screen takes over, and the first read of the review."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from followup_tui.demo import demo_applications
from followup_tui.domain.review import light, review_list
from followup_tui.launch import start
from followup_tui.store import Store, StoreError
from followup_tui.store.migrations import LATEST, user_version

TODAY = date(2026, 3, 10)


def test_start_reads_the_review_the_dashboard_would(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
        expected = [light(a) for a in review_list(store.load_applications(), TODAY)]
    preload = start(db_path, TODAY)
    assert preload.take(TODAY + timedelta(days=1)) is None  # read for another day
    assert preload.take(TODAY) == expected
    assert preload.take(TODAY) is None  # once


def test_start_creates_a_new_file_through_the_store(db_path):
    preload = start(db_path, TODAY)
    assert preload.take(TODAY) == []
    with sqlite3.connect(db_path) as connection:
        assert user_version(connection) == LATEST


def test_start_refuses_a_file_that_is_not_ours_before_any_screen(tmp_path):
    other = tmp_path / "notes.sqlite"
    other.write_text("shopping list")
    with pytest.raises(StoreError, match="not a followup database"):
        start(other, TODAY)
    assert other.read_text() == "shopping list"


def test_start_reports_a_damaged_file_before_any_screen(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 : 4096 * 6] = bytes(4096 * 4)
    db_path.write_bytes(data)
    with pytest.raises(StoreError, match="damaged"):
        start(db_path, TODAY)
