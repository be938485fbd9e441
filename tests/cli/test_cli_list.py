"""`followup list`: every application with its status and next action, read through the light
reader (no SQLAlchemy), with the header check kept and an older file migrated first."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.cli import main

TODAY = "2026-03-10"  # conftest's DEMO_TODAY
FIXTURES = Path(__file__).parent.parent / "fixtures"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_each_application_with_its_status_and_next_action(demo_db, capsys):
    code, out, err = run(capsys, "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "COMPANY", "ROLE", "STATUS", "NEXT", "ACTION"]
    assert len(lines) == 1 + 17
    row = next(line for line in lines if line.startswith("#7 "))
    assert "Wayne Enterprises" in row and "Engineering Manager" in row and " active " in row
    assert "Send final note · Lucius Fox · email, due Thu 5 Mar (OVERDUE)" in row
    closed = next(line for line in lines if line.startswith("#11 "))
    assert "offer accepted" in closed and closed.endswith("-")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["--status", "rejected"], [10]),
        (["--status", "closed"], [10, 11, 12, 14, 15]),
        (["--status", "parked", "--status", "withdrawn"], [12, 13]),
        (["--status", "open"], [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 17]),
    ],
)
def test_list_status_keeps_only_those(demo_db, capsys, given, expected):
    code, out, _ = run(capsys, "list", "--json", *given)
    assert code == 0
    assert [a["id"] for a in json.loads(out)["applications"]] == expected


def test_list_json_names_each_field_and_the_next_action(demo_db, capsys):
    _, out, _ = run(capsys, "list", "--json")
    document = json.loads(out)
    assert (document["format"], document["version"], document["today"]) == (
        "followup-list", 1, TODAY,
    )  # fmt: skip
    seven = next(a for a in document["applications"] if a["id"] == 7)
    assert seven == {
        "id": 7,
        "company": "Wayne Enterprises",
        "role": "Engineering Manager",
        "status": "active",
        "next_action": {
            "action": "final_note",
            "label": "Send final note",
            "due": "2026-03-05",
            "deadline": "2026-03-05",  # later than due only for a thank-you (R1)
            "overdue": True,
            "rule": "R8",
            "channel": "email",
            "contact": {"id": 10, "name": "Lucius Fox"},
        },
    }
    eleven = next(a for a in document["applications"] if a["id"] == 11)
    assert eleven["status"] == "offer_accepted" and eleven["next_action"] is None


def test_list_bad_status_is_one_line_and_exit_2(demo_db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--status", "hired"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'hired'" in err


def test_list_of_an_empty_database_says_how_to_add_one(db_path, capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0 and "followup add" in out


def test_list_cells_stay_on_one_line_without_control_characters(db_path, capsys):
    assert main(["add", "--company", "Evil\x1b[2J\nCorp", "--role", "Dev\u202e"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert "\x1b" not in out and "\u202e" not in out and "Evil␛[2J Corp" in out


def test_list_reads_without_importing_sqlalchemy(demo_db):
    """`list` runs in shell start-ups and behind tab completion: the light reader only."""
    code = (
        "import sys\n"
        "from followup_tui.cli import main\n"
        f"assert main(['--db', {str(demo_db)!r}, '--today', {TODAY!r}, 'list']) == 0\n"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'textual') if m in sys.modules),"
        " file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "[]"
    assert "Wayne Enterprises" in result.stdout


def test_list_keeps_the_header_check(db_path, capsys):
    db_path.write_bytes(b"not a database at all, just text\n" * 4)
    code, out, err = run(capsys, "list")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "is not a followup database" in err
    assert db_path.read_bytes().startswith(b"not a database")


def test_list_migrates_an_older_file_first(db_path, capsys):
    from followup_tui.store.migrations import LATEST

    shutil.copy(FIXTURES / "schema_v1.sqlite", db_path)
    code, _, err = run(capsys, "list")
    assert code == 0, err
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_show_of_a_missing_application_points_to_list(demo_db, capsys):
    code, _, err = run(capsys, "show", "99")
    assert code == 2
    assert err == "followup: error: no application #99 (see `followup list`)\n"
