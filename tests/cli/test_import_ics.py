"""`followup import invite.ics` end to end: added to the right application, the same invitation
twice is one interview, a choice asked on a terminal or given with --application, a
cancellation removed only when confirmed, and refusals that are one line and write nothing."""

from __future__ import annotations

import io
import sqlite3
import time
from dataclasses import replace
from datetime import date
from datetime import time as clock
from pathlib import Path

import pytest

from followup_tui.cli import main
from followup_tui.domain.records import Application, Contact, Profile
from followup_tui.store import Store

INVITES = Path(__file__).resolve().parent.parent / "fixtures" / "invites"
ME = Profile(name="Sam Carter", phone="", email="Sam.Carter@gmail.com")


@pytest.fixture(autouse=True)
def new_york(monkeypatch):
    """The machine's local zone, for the conversion the command makes."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.insert_applications(
            [
                Application(id=1, company="ACME Corp", role="Staff Engineer"),
                Application(id=2, company="Globex Industries", role="Backend Engineer"),
                Application(
                    id=3,
                    company="Initech GmbH",
                    role="Platform",
                    contacts=(Contact(1, "Anna Schmidt"),),
                ),
            ],
            keep_ids=True,
            profile=ME,
        )
    return db_path


def run(*args: str | Path) -> int:
    return main(["import", *map(str, args)])


def application(db: Path, application_id: int) -> Application:
    with Store(db) as store:
        found = store.load_application(application_id)
    assert found is not None
    return found


def every_row(db: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(db)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("application", "contact", "interview", "interview_interviewer")
        }
    finally:
        connection.close()


def not_a_terminal(monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def terminal(monkeypatch, typed: str) -> None:
    class Typed(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Typed(typed))


def test_an_invitation_goes_to_the_application_its_people_work_for(db, capsys, monkeypatch):
    not_a_terminal(monkeypatch)
    assert run(INVITES / "google-request.ics") == 0
    acme = application(db, 1)
    (interview,) = acme.interviews
    # 19:00 UTC on 12 Nov is 14:00 in New York, the machine's zone here.
    assert (interview.held_on, interview.at_time) == (date(2026, 11, 12), clock(14, 0))
    assert interview.stage == "Onsite interview: Staff Engineer"
    assert interview.notes == "Where: ACME HQ, 1 Main St, Springfield"
    # The organizer and the other attendee; not the user, whose address differs in case.
    assert [(c.full_name, c.email) for c in acme.contacts] == [
        ("Dana Reyes", "dana.reyes@acme.example"),
        ("Lee Park", "lee.park@acme.example"),
    ]
    assert interview.interviewer_ids == tuple(c.id for c in acme.contacts)
    out = capsys.readouterr().out
    assert out == (
        "Added the interview on Thu 12 Nov 2026 14:00 for #1 ACME Corp (Staff Engineer) "
        "with Dana Reyes, Lee Park\n"
    )


@pytest.mark.parametrize(
    ("name", "application_id", "at", "people"),
    [
        ("outlook-request.ics", 2, clock(13, 0), ["Priya Natarajan", "Jordan Lee"]),
        ("apple-request.ics", 3, clock(4, 30), ["Anna Schmidt", "Jürgen Weiß"]),
        ("apple-all-day.ics", 3, None, ["Anna Schmidt"]),
    ],
)
def test_outlook_and_apple_invitations(db, monkeypatch, name, application_id, at, people):
    not_a_terminal(monkeypatch)
    assert run(INVITES / name) == 0
    found = application(db, application_id)
    (interview,) = found.interviews
    assert interview.at_time == at
    named = {c.id: c.full_name for c in found.contacts}
    assert [named[i] for i in interview.interviewer_ids] == people
    # Anna was already a contact of Initech (by name, no address): she is not added twice.
    assert len(found.contacts) == len(people)


def test_the_same_invitation_twice_is_one_interview_and_an_update_moves_it(db, monkeypatch):
    not_a_terminal(monkeypatch)
    assert run(INVITES / "google-request.ics") == 0
    assert run(INVITES / "google-request.ics") == 0
    (interview,) = application(db, 1).interviews
    with Store(db) as store:  # the user writes something of their own
        store.save_interview(1, replace(interview, notes=interview.notes + "\nbring slides"))

    assert run(INVITES / "google-update.ics") == 0
    acme = application(db, 1)
    (moved,) = acme.interviews
    assert moved.id == interview.id
    assert (moved.held_on, moved.at_time) == (date(2026, 11, 13), clock(10, 30))
    assert moved.notes == "Where: ACME HQ, 2 Main St (new building), Springfield\nbring slides"
    assert [c.full_name for c in acme.contacts] == ["Dana Reyes", "Lee Park", "Omar Haddad"]
    assert len(moved.interviewer_ids) == 3


def test_unclear_without_a_terminal_is_one_line_exit_2_and_nothing_written(db, capsys, monkeypatch):
    with Store(db) as store:
        store.add_application(Application(id=0, company="ACME", role="Second role"))
    not_a_terminal(monkeypatch)
    before = every_row(db)
    assert run(INVITES / "google-request.ics") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "matches 2 applications (#1 ACME Corp, #4 ACME)" in err
    assert "--application N" in err
    assert every_row(db) == before

    assert run(INVITES / "google-request.ics", "--application", "4") == 0
    assert len(application(db, 4).interviews) == 1
    assert application(db, 1).interviews == ()


def test_no_match_without_a_terminal_asks_for_application(db, capsys, monkeypatch, tmp_path):
    stranger = (INVITES / "google-request.ics").read_bytes().replace(b"acme.example", b"gmail.com")
    stranger = stranger.replace(b"ACME", b"a company")
    (tmp_path / "coffee.ics").write_bytes(stranger)
    not_a_terminal(monkeypatch)
    before = every_row(db)
    assert run(tmp_path / "coffee.ics") == 2
    assert "matches no application by company" in capsys.readouterr().err
    assert every_row(db) == before


def test_on_a_terminal_it_asks_which_application(db, capsys, monkeypatch):
    with Store(db) as store:
        store.add_application(Application(id=0, company="ACME", role="Second role"))
    terminal(monkeypatch, "#4\n")
    assert run(INVITES / "google-request.ics") == 0
    assert len(application(db, 4).interviews) == 1
    err = capsys.readouterr().err
    assert "#1  ACME Corp (Staff Engineer)" in err and "#4  ACME (Second role)" in err

    terminal(monkeypatch, "\n")  # nothing typed: nothing done
    before = every_row(db)
    assert run(INVITES / "outlook-request.ics", "--application", "9") == 2
    assert every_row(db) == before


def test_an_unknown_application_or_a_bad_file_is_refused(db, capsys, monkeypatch, tmp_path):
    not_a_terminal(monkeypatch)
    before = every_row(db)
    assert run(INVITES / "google-request.ics", "--application", "9") == 2
    assert "no application #9" in capsys.readouterr().err
    (tmp_path / "bad.ics").write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    assert run(tmp_path / "bad.ics") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no event" in err
    assert every_row(db) == before


def test_an_invitation_on_one_application_is_not_moved_by_application(db, capsys, monkeypatch):
    not_a_terminal(monkeypatch)
    assert run(INVITES / "google-request.ics") == 0
    assert run(INVITES / "google-update.ics", "--application", "2") == 2
    assert "already on application #1" in capsys.readouterr().err
    assert application(db, 1).interviews[0].held_on == date(2026, 11, 12)


def test_a_cancellation_needs_yes_without_a_terminal(db, capsys, monkeypatch):
    not_a_terminal(monkeypatch)
    assert run(INVITES / "outlook-request.ics") == 0
    capsys.readouterr()
    assert run(INVITES / "outlook-cancel.ics") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--yes" in err
    assert len(application(db, 2).interviews) == 1

    assert run(INVITES / "outlook-cancel.ics", "--yes") == 0
    globex = application(db, 2)
    assert globex.interviews == ()
    assert [c.full_name for c in globex.contacts] == ["Priya Natarajan", "Jordan Lee"]
    # Again: nothing left to remove, and that is not an error.
    assert run(INVITES / "outlook-cancel.ics", "--yes") == 0
    assert "nothing to remove" in capsys.readouterr().err


def test_a_cancellation_on_a_terminal_asks_first(db, capsys, monkeypatch):
    not_a_terminal(monkeypatch)
    assert run(INVITES / "google-request.ics") == 0
    terminal(monkeypatch, "n\n")
    assert run(INVITES / "google-cancel.ics") == 1
    assert len(application(db, 1).interviews) == 1
    terminal(monkeypatch, "y\n")
    assert run(INVITES / "google-cancel.ics") == 0
    assert application(db, 1).interviews == ()


def test_ics_options_go_with_an_ics_file_only(db, capsys, tmp_path):
    (tmp_path / "x.json").write_text("{}")
    assert run(tmp_path / "x.json", "--yes") == 2
    assert "go with an .ics invitation" in capsys.readouterr().err
