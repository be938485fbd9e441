"""iCalendar, CSV and Markdown exports, the CSV import, and `due` for the shell."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from icalendar import Calendar

from followup_tui.cli import main
from followup_tui.demo import demo_applications
from followup_tui.domain.records import Channel, Direction, Outcome, Touch, TouchKind
from followup_tui.domain.rules import ActionKind, assess
from followup_tui.formats.csv_format import applications_csv, read_csv
from followup_tui.formats.ics import action_uid, interview_uid, to_ics
from followup_tui.formats.markdown import escape, to_markdown
from followup_tui.store import Store

TODAY = date(2026, 3, 10)


def events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


# iCalendar ------------------------------------------------------------------------------------


def test_ics_has_every_action_and_interview_with_dates_and_alarms():
    applications = demo_applications(TODAY)
    found = events(to_ics(applications, TODAY))
    for application in applications:
        for action in assess(application, TODAY).actions:
            if action.kind is ActionKind.INTERVIEW:  # R12: the interview's own event says it
                continue
            event = found[action_uid(application, action)]
            assert event.decoded("DTSTART") == action.due  # an all-day event
            assert event.decoded("DTEND") == action.last_day + timedelta(days=1)
            (alarm,) = event.walk("VALARM")
            # The morning of the day it is due by (R1: a thank-you spans two days).
            assert alarm.decoded("TRIGGER") == timedelta(hours=9) + (action.last_day - action.due)
            assert str(alarm["ACTION"]) == "DISPLAY"
        for interview in application.interviews:
            event = found[interview_uid(interview.id)]
            if interview.at_time:
                assert event.decoded("DTSTART") == datetime.combine(
                    interview.held_on, interview.at_time
                )
            else:
                assert event.decoded("DTSTART") == interview.held_on
    northwind = found["thank-you-1-1-2@followup.local"]
    assert str(northwind["SUMMARY"]) == "Send thank-you note · Lee Park · email: Northwind Labs"


def test_ics_uids_stay_when_the_dates_move(demo_db, tmp_path, capsys):
    first = tmp_path / "a.ics"
    assert main(["--today", "2026-03-10", "export", "--format", "ics", "-o", str(first)]) == 0
    with Store(demo_db) as store:  # the Initech call happens: its follow-up moves on
        store.log_touches(3, [Touch(0, TODAY, Channel.PHONE, Direction.OUT,
                                    TouchKind.STATUS_CHECK, 4, Outcome.VOICEMAIL)])  # fmt: skip
    second = tmp_path / "b.ics"
    assert main(["--today", "2026-03-10", "export", "--format", "ics", "-o", str(second)]) == 0
    before, after = events(first.read_bytes()), events(second.read_bytes())
    uid = "follow-up-3@followup.local"
    assert before[uid].decoded("DTSTART") == TODAY
    assert after[uid].decoded("DTSTART") == date(2026, 3, 17)  # a week on, by email
    assert set(before) == set(after)  # same events, updated, none duplicated
    assert oct(second.stat().st_mode & 0o777) == "0o600"


# CSV ------------------------------------------------------------------------------------------


def test_csv_round_trip_keeps_what_a_spreadsheet_holds(db_path):
    applications = demo_applications(TODAY)
    found = read_csv(applications_csv(applications, TODAY), TODAY)
    assert found.problems == []
    assert len(found.applications) == len(applications)
    for original, read in zip(applications, found.applications, strict=True):
        assert (read.company, read.role, read.status) == (
            original.company, original.role, original.status
        )  # fmt: skip
        assert (read.location, read.job_url, read.notes, read.created_on) == (
            original.location, original.job_url, original.notes, original.created_on
        )  # fmt: skip
        if original.interviews:
            assert read.interviews[0].held_on == max(i.held_on for i in original.interviews)
    with Store(db_path) as store:
        store.insert_applications(found.applications, keep_ids=False)
        assert store.count_applications() == len(applications)


TRACKER = """\
Company,Position,Status,Date Applied,Interview Date,Contact Name,Contact Email,Notes,URL
Acme,Backend Engineer,Interviewing,2026-02-20,2026-03-05,Dana Reyes,dana@acme.example,Great team,https://acme.example/1
Globex,SRE,Applied,02/25/2026,,,,,
Initech,,Rejected,2026-01-10,,,,,
Hooli,Data Engineer,Ghosted,03/04/2026,,,,Sent 3 emails,
Umbrella,QA Lead,Maybe later,2026-02-01,,,,,
"""


def test_csv_import_previews_and_writes_nothing_with_broken_rows(tmp_path, db_path, capsys):
    source = tmp_path / "tracker.csv"
    source.write_text(TRACKER)
    assert main(["import", str(source)]) == 2
    err = capsys.readouterr().err
    assert "'Position' -> role" in err and "'Date Applied' -> applied" in err
    assert "line 4: no role" in err
    assert "line 5" not in err  # 03/04/2026: month first, as 02/25/2026 on line 3 shows
    assert "line 6: unknown status 'Maybe later'" in err
    assert "Nothing was imported" in err
    assert not db_path.exists()

    assert main(["import", str(source), "--dry-run"]) == 0
    assert "Dry run: nothing was imported" in capsys.readouterr().err
    assert not db_path.exists()

    assert main(["import", str(source), "--skip-bad"]) == 0
    with Store(db_path) as store:
        imported = {a.company: a for a in store.load_applications()}
    assert set(imported) == {"Acme", "Globex", "Hooli"}
    acme = imported["Acme"]
    assert acme.contacts[0].full_name == "Dana Reyes"
    assert acme.interviews[0].held_on == date(2026, 3, 5)
    assert acme.interviews[0].interviewer_ids == (acme.contacts[0].id,)
    assert imported["Globex"].created_on == date(2026, 2, 25)  # month first: 25 > 12
    assert imported["Hooli"].created_on == date(2026, 3, 4)  # so is the column


def test_csv_touches_table(demo_db, capsys):
    assert main(["export", "--format", "csv", "--table", "touches"]) in (0,)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,application id,company,date,direction,kind")
    assert len(lines) == 1 + sum(len(a.touches) for a in demo_applications(TODAY))


# Markdown -------------------------------------------------------------------------------------


def test_markdown_dossiers(snapshot):
    assert to_markdown(demo_applications(TODAY), TODAY) == snapshot


def test_markdown_escapes_user_text():
    assert escape("*ACME* [x](y) # <b>") == r"\*ACME\* \[x\]\(y\) \# \<b\>"
    assert escape("1. first") == r"\1. first"
    assert escape("\x1b[31m") == r"␛\[31m"


def test_markdown_one_application(demo_db, capsys):
    assert main(["--today", "2026-03-10", "export", "--format", "md", "--application", "16"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ACME \\[/\\]: Developer \\[bold\\]Advocate")
    assert main(["export", "--format", "md", "--application", "99"]) == 2


# The shell ------------------------------------------------------------------------------------


def test_due_quiet_prints_nothing_and_exits_0_when_nothing_is_due(db_path, capsys):
    Store(db_path).close()
    assert main(["due", "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_due_exits_1_when_something_is_overdue(demo_db, capsys):
    assert main(["--today", "2026-03-10", "due", "--quiet"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "* Tue 10 Mar  Globex: Interview today"  # R12: first on its day
    assert lines[1] == "! Mon 9 Mar  Northwind Labs: Send thank-you note · Lee Park · email"
    assert lines[4].startswith("* Tue 10 Mar  Initech:")
    assert main(["--today", "2026-03-10", "due", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["overdue"] == 3


def test_due_exits_0_when_things_are_due_but_none_overdue(db_path, capsys):
    main(["--today", "2026-03-10", "add", "--company", "Acme", "--role", "Eng",
          "--interview", "yesterday", "--interviewer", "Dana"])  # fmt: skip
    capsys.readouterr()
    assert main(["--today", "2026-03-10", "due", "--quiet"]) == 0
    assert capsys.readouterr().out == "* Tue 10 Mar  Acme: Send thank-you note · Dana · email\n"
