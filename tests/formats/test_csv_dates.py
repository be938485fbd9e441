"""Spreadsheet trackers: the date order read from the file (issue 16 item 1), and past interviews
taken as thanked on import (issue 16 item 3, R1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.records import Direction, Status, TouchKind
from followup_tui.domain.rules import ActionKind, assess
from followup_tui.formats.csv_dates import read_date
from followup_tui.formats.csv_format import CsvProblem, DateOrder, read_csv

TODAY = date(2026, 12, 8)  # a Tuesday
FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8-sig")


def by_company(text: str, order: DateOrder | None = None):
    found = read_csv(text, TODAY, date_order=order)
    return found, {a.company: a for a in found.applications}


# Item 1: the date order ---------------------------------------------------------------------


def test_a_month_first_date_in_the_column_decides_the_ambiguous_ones():
    found, apps = by_company("Company,Role,Date Applied\nA,x,10/28/2026\nB,y,11/12/2026\n")
    assert found.problems == []
    assert apps["B"].created_on == date(2026, 11, 12)
    (column,) = found.date_orders
    assert column.order is DateOrder.MDY
    assert "'10/28/2026'" in column.reason and "line 2" in column.reason


def test_a_day_first_date_in_the_column_decides_the_ambiguous_ones():
    found, apps = by_company("Company;Role;Date Applied\nA;x;11/12/2026\nB;y;28.10.2026\n")
    assert found.problems == []
    assert apps["A"].created_on == date(2026, 12, 11)
    assert found.date_orders[0].order is DateOrder.DMY


def test_an_impossible_date_is_called_impossible():
    found, _ = by_company(
        "Company,Role,Date Applied\nA,x,13/45/2026\nB,y,02/31/2026\nC,z,10/28/2026\n"
    )
    assert found.problems == [
        (2, "date applied '13/45/2026' is not a date"),
        (3, "date applied '02/31/2026' is not a date"),
    ]


def test_an_undecided_column_takes_the_order_the_files_other_date_columns_show():
    found, apps = by_company(
        "Company,Role,Date Applied,Interview Date\nA,x,10/28/2026,11/12/2026\nB,y,11/02/2026,\n"
    )
    assert found.problems == []
    assert apps["A"].interviews[0].held_on == date(2026, 11, 12)
    interview = next(c for c in found.date_orders if c.column == "Interview Date")
    assert interview.order is DateOrder.MDY and "'Date Applied'" in interview.reason


def test_when_nothing_decides_the_order_is_asked_for():
    text = fixture("undecided_tracker.csv")
    found, _ = by_company(text)
    assert found.undecided
    assert found.problems and all("--date-order" in problem for _, problem in found.problems)
    assert "Date order" in found.preview() and "--date-order" in found.preview()

    found, apps = by_company(text, DateOrder.DMY)
    assert found.problems == [] and not found.undecided
    assert apps["Acme"].created_on == date(2026, 12, 11)
    assert apps["Globex"].interviews[0].held_on == date(2026, 11, 5)
    assert apps["Initech"].created_on == date(2026, 11, 2)  # ISO needs no order
    assert all("--date-order" in c.reason for c in found.date_orders)


def test_a_date_order_the_file_contradicts_is_refused():
    with pytest.raises(
        CsvProblem,
        match=r"dmy contradicts 'Date Applied': '10/28/2026' on line 2 can only be month first",
    ):
        read_csv(fixture("us_tracker.csv"), TODAY, date_order=DateOrder.DMY)


def test_a_column_that_mixes_orders_is_refused():
    with pytest.raises(CsvProblem, match="'Date Applied' mixes"):
        read_csv("Company,Role,Date Applied\nA,x,10/28/2026\nB,y,28/10/2026\n", TODAY)


def test_two_digit_years_and_year_first():
    _, apps = by_company("Company,Role,Applied\nA,x,10/28/26\n")
    assert apps["A"].created_on == date(2026, 10, 28)
    _, apps = by_company("Company,Role,Applied\nA,x,26/10/08\n", DateOrder.YMD)
    assert apps["A"].created_on == date(2026, 10, 8)


WRITTEN = {DateOrder.MDY: "%m/%d/%Y", DateOrder.DMY: "%d.%m.%Y", DateOrder.YMD: "%y-%m-%d"}


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.sampled_from(list(DateOrder)))
def test_a_date_written_in_an_order_reads_back_in_that_order(day, order):
    assert read_date(day.strftime(WRITTEN[order]), order) == day


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/.- :aAmMpP", max_size=20), st.sampled_from([None, *DateOrder]))
def test_any_cell_is_a_date_or_one_plain_reason(cell, order):
    try:
        read_date(cell, order)
    except ValueError as error:
        assert "\n" not in str(error) and str(error)


def test_us_tracker_reads_every_row_month_first():
    found, apps = by_company(fixture("us_tracker.csv"))
    assert found.problems == []
    assert len(apps) == 8
    assert apps["Globex"].interviews[0].held_on == date(2026, 11, 12)
    assert apps["Initech"].status is Status.ACTIVE  # "Offer": the row that was dropped
    assert apps["Acme Corp"].created_on == date(2026, 10, 28)


def test_european_tracker_reads_every_row_day_first():
    found, apps = by_company(fixture("eu_tracker.csv"))
    assert found.problems == []
    assert len(apps) == 6
    assert apps["Zalando"].interviews[0].held_on == date(2026, 11, 12)
    assert apps["Booking.com"].interviews[0].held_on == date(2026, 12, 7)
    assert apps["Siemens"].notes == "Berlin, remote ok"
    assert {c.order for c in found.date_orders} == {DateOrder.DMY}


# Item 3: thank-you notes before the import (R1) -----------------------------------------------


def thank_yous(application):
    return [t for t in application.touches if t.kind is TouchKind.THANK_YOU]


def test_r1_an_interview_past_the_thank_you_window_is_taken_as_thanked():
    _, apps = by_company(fixture("us_tracker.csv"))
    globex = apps["Globex"]
    (touch,) = thank_yous(globex)
    assert touch.on == date(2026, 11, 12) and touch.direction is Direction.OUT
    assert touch.contact_id == globex.interviews[0].interviewer_ids[0]
    assert touch.notes == "assumed sent before import"
    assert not any(a.kind is ActionKind.THANK_YOU for a in assess(globex, TODAY).actions)


def test_r1_the_file_says_whether_and_when_a_thank_you_was_sent():
    _, apps = by_company(fixture("us_tracker.csv"))
    (initech,) = thank_yous(apps["Initech"])  # "Yes"
    assert initech.on == date(2026, 11, 6) and "imported file" in initech.notes
    (wayne,) = thank_yous(apps["Wayne Enterprises"])  # "11/10/2026"
    assert wayne.on == date(2026, 11, 10)
    assert thank_yous(apps["Hooli"]) == []  # "No": still owed, and overdue
    (action, *_) = assess(apps["Hooli"], TODAY).actions
    assert action.kind is ActionKind.THANK_YOU and action.overdue


def test_r1_an_interview_inside_the_thank_you_window_still_asks_for_the_note():
    _, apps = by_company(fixture("us_tracker.csv"))
    vandelay = apps["Vandelay Industries"]  # yesterday: due today, not overdue
    assert thank_yous(vandelay) == []
    (action, *_) = assess(vandelay, TODAY).actions
    assert action.kind is ActionKind.THANK_YOU and action.due <= TODAY and not action.overdue
    assert thank_yous(apps["Stark Industries"]) == []  # tomorrow


@pytest.mark.parametrize("header", ["Thank you sent", "Thank-you", "TY sent", "Thanked?"])
def test_r1_thank_you_columns_are_recognised(header):
    found, apps = by_company(f"Company,Role,Interview,Contact,{header}\nA,x,2026-11-02,Ann,no\n")
    assert found.mapping["thanked"] == header
    assert thank_yous(apps["A"]) == []


def test_r1_a_thank_you_value_that_is_neither_yes_no_nor_a_date_is_a_problem():
    found, _ = by_company("Company,Role,Interview,Thank you sent\nA,x,2026-11-02,maybe\n")
    assert found.problems == [(2, "thank-you sent 'maybe': use yes, no or a date")]


def test_r1_the_preview_says_how_many_rows_would_be_overdue():
    preview = read_csv(fixture("us_tracker.csv"), TODAY).preview()
    # Hooli's note ("No" in the file); the follow-ups nobody logged are really due.
    assert "Overdue on the dashboard after import: " in preview
    assert " rows (1 with a thank-you note, " in preview


def test_r3_the_previews_overdue_count_follows_the_first_check_setting():
    # Interviewed 9 days before, long thanked (taken as thanked on import), no decision date:
    # the first status check is 5 days after (overdue) by default, 12 days after with the setting.
    from followup_tui.domain.rules import Settings

    text = "Company,Role,Interview Date\nAcme,Engineer,2026-03-02\n"
    today = date(2026, 3, 11)
    assert read_csv(text, today).overdue_rows() == (0, 1)
    patient = read_csv(text, today, settings=Settings(first_check_days=12))
    assert patient.overdue_rows() == (0, 0)
