"""R11 from a spreadsheet: the date applied and where the job came from are the application's."""

from __future__ import annotations

from datetime import date

from followup_tui.domain.rules import ActionKind, assess
from followup_tui.formats.csv_format import applications_csv, read_csv

TODAY = date(2026, 11, 20)  # a Friday


def test_r11_a_tracker_row_with_no_interview_keeps_its_date_applied_and_source():
    found = read_csv(
        "Company,Position,Date Applied,Source\nInitech,Engineer,2026-11-09,referral from Sam\n",
        TODAY,
    )
    (application,) = found.applications
    assert application.applied_on == date(2026, 11, 9)
    assert application.source == "referral from Sam"
    # R11: one follow-up a week after applying (Mon 16 Nov), so it is due, not "nothing due".
    action = assess(application, TODAY).next_action
    assert action is not None and action.kind is ActionKind.APPLICATION_FOLLOW_UP
    assert action.due == date(2026, 11, 16)


def test_the_spreadsheet_export_has_the_date_applied_and_source_and_reads_back():
    found = read_csv(
        "Company,Position,Date Applied,Source\nInitech,Engineer,2026-11-09,job board\n", TODAY
    )
    exported = applications_csv(found.applications, TODAY)
    header = exported.splitlines()[0].split(",")
    assert header[header.index("date applied") + 1] == "source"
    (again,) = read_csv(exported, TODAY).applications
    assert (again.applied_on, again.source) == (date(2026, 11, 9), "job board")
