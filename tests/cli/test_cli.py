"""The `followup` command: agenda, add, show, export/import, bad input, --today and --demo."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.cli import main

TODAY = "2026-03-10"  # a Tuesday


def contact(id, name, **fields):
    return {"id": id, "full_name": name, **fields}


def touch(id, on, channel, kind="status_check", contact_id=None, **fields):
    return {"id": id, "on": on, "channel": channel, "direction": "out", "kind": kind,
            "contact_id": contact_id, **fields}  # fmt: skip


def interview(id, held_on, *people):
    return {"id": id, "held_on": held_on, "interviewer_ids": list(people)}


# One application per situation RULES.md names; comments give the action it prescribes.
SCENARIO = {
    "format": "followup",
    "version": 1,
    "applications": [
        {  # R1: thanked Ana, not yet Ben: Ben's note is due today.
            "id": 1, "company": "Alder", "role": "Engineer",
            "contacts": [contact(1, "Ana Alder", decision_maker=True), contact(2, "Ben Alder")],
            "interviews": [interview(1, "2026-03-09", 1, 2)],
            "touches": [touch(1, "2026-03-09", "email", "thank_you", 1)],
        },
        {  # R1 overdue thank-you; R2/R3 ask for the timeline on day 5; R5 no decision maker.
            "id": 2, "company": "Birch", "role": "Engineer",
            "contacts": [contact(3, "Cal Birch")],
            "interviews": [interview(2, "2026-03-05", 3)],
        },
        {  # R3: decision date Fri 6 Mar has passed with no check: overdue status check.
            "id": 3, "company": "Cedar", "role": "Engineer", "expected_decision": "2026-03-06",
            "contacts": [contact(4, "Dee Cedar", decision_maker=True)],
            "interviews": [interview(3, "2026-03-02", 4)],
            "touches": [touch(2, "2026-03-02", "email", "thank_you", 4)],
        },
        {  # R4: phone then email three days apart: over-frequent; next is a letter on 16 Mar.
            "id": 4, "company": "Dogwood", "role": "Engineer",
            "contacts": [contact(5, "Eve Dogwood", decision_maker=True)],
            "interviews": [interview(4, "2026-02-27", 5)],
            "touches": [
                touch(3, "2026-02-27", "email", "thank_you", 5),
                touch(4, "2026-03-06", "phone", contact_id=5, outcome="no_answer"),
                touch(5, "2026-03-09", "email", contact_id=5),
            ],
        },
        {  # R8: four unanswered follow-ups: final note, by email after a phone call.
            "id": 5, "company": "Elm", "role": "Engineer",
            "contacts": [contact(6, "Fay Elm", decision_maker=True)],
            "interviews": [interview(5, "2026-01-05", 6)],
            "touches": [
                touch(6, "2026-01-05", "email", "thank_you", 6),
                touch(7, "2026-01-12", "phone", contact_id=6, outcome="no_answer"),
                touch(8, "2026-01-19", "email", contact_id=6),
                touch(9, "2026-01-26", "letter", contact_id=6),
                touch(10, "2026-02-02", "phone", contact_id=6, outcome="voicemail"),
            ],
        },
        {  # R9: rejected on Fri 6 Mar with rapport: feedback call due Mon 9 Mar.
            "id": 6, "company": "Fir", "role": "Engineer", "status": "rejected",
            "closed_on": "2026-03-06",
            "contacts": [contact(7, "Gus Fir", rapport=True)],
            "interviews": [interview(6, "2026-02-20", 7)],
        },
        {  # R9: an accepted offer leaves the review.
            "id": 7, "company": "Gum", "role": "Engineer", "status": "offer_accepted",
            "closed_on": "2026-03-01",
            "interviews": [interview(7, "2026-02-20")],
        },
        {  # R2: a status check before the known decision date is flagged too early.
            "id": 8, "company": "Hazel", "role": "Engineer", "expected_decision": "2026-03-30",
            "contacts": [contact(8, "Ivy Hazel", decision_maker=True)],
            "interviews": [interview(8, "2026-03-02", 8)],
            "touches": [
                touch(11, "2026-03-02", "email", "thank_you", 8),
                touch(12, "2026-03-06", "phone", contact_id=8, outcome="reached"),
            ],
        },
    ],
}  # fmt: skip


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def scenario_db(tmp_path, db_path, capsys) -> Path:
    source = tmp_path / "scenario.json"
    source.write_text(json.dumps(SCENARIO))
    code, _, err = run(capsys, "--db", str(db_path), "import", str(source))
    assert code == 0, err
    return db_path


def items(output: str) -> list[tuple]:
    return [
        (
            item["application"]["id"],
            item["action"],
            item["due"],
            item["contact"]["name"] if item["contact"] else None,
            item["channel"],
            item["rule"],
            item["overdue"],
        )
        for item in json.loads(output)["items"]
    ]


def test_due_json_lists_exactly_what_the_rules_prescribe(scenario_db, capsys):
    code, out, _ = run(capsys, "--today", TODAY, "due", "--json")
    assert code == 1  # something is overdue
    assert items(out) == [
        (2, "thank_you", "2026-03-05", "Cal Birch", "email", "R1", True),
        (5, "final_note", "2026-02-09", "Fay Elm", "email", "R8", True),
        (3, "status_check", "2026-03-06", "Dee Cedar", "phone", "R3", True),
        (6, "feedback_call", "2026-03-09", "Gus Fir", "phone", "R9", True),
        (1, "thank_you", "2026-03-09", "Ben Alder", "email", "R1", False),
        (2, "ask_timeline", "2026-03-10", "Cal Birch", "phone", "R3", False),
    ]
    document = json.loads(out)
    # R1: on the agenda from the interview day, due by the end of the next.
    deadlines = [(i["action"], i["deadline"]) for i in document["items"]]
    assert deadlines[0] == ("thank_you", "2026-03-06")
    assert deadlines[4] == ("thank_you", "2026-03-10")
    assert deadlines[1] == ("final_note", "2026-02-09")  # the due day itself for the rest
    assert document["summary"] == {"due": 6, "overdue": 4, "over_frequent": 1}
    birch = next(i for i in document["items"] if i["action"] == "ask_timeline")
    assert "find out who decides" in birch["why"]


def test_due_all_adds_upcoming_actions_and_flags(scenario_db, capsys):
    code, out, _ = run(capsys, "due", "--json", "--all", "--today", TODAY)
    assert code == 1
    listed = items(out)
    assert (4, "ask_timeline", "2026-03-16", "Eve Dogwood", "letter", "R4", False) in listed
    assert (8, "status_check", "2026-03-30", "Ivy Hazel", "email", "R3", False) in listed
    assert (1, "ask_timeline", "2026-03-16", "Ana Alder", "phone", "R3", False) in listed
    assert not any(item[0] == 7 for item in listed)  # closed without action: gone
    flags = {
        (item["application"]["id"], flag["kind"])
        for item in json.loads(out)["items"]
        for flag in item["flags"]
    }
    assert (4, "over_frequent") in flags
    assert (8, "too_early") in flags
    assert (5, "cut_loose") in flags


def test_today_comes_from_the_environment_too(scenario_db, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_TODAY", TODAY)
    _, out, _ = run(capsys, "due", "--json")
    assert json.loads(out)["today"] == TODAY


def test_due_text_output(scenario_db, capsys):
    code, out, _ = run(capsys, "--today", TODAY, "due")
    assert code == 1
    assert out.splitlines()[0] == "Tue 10 Mar 2026: 4 overdue, 2 due today, 1 over-frequent"
    assert "OVERDUE  #2 Birch (Engineer)" in out


def test_export_import_export_gives_the_same_document(tmp_path, capsys):
    first_db, second_db = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    code, exported, _ = run(capsys, "--db", str(first_db), "--demo", "--today", TODAY, "export")
    assert code == 0
    source = tmp_path / "export.json"
    source.write_text(exported)
    assert run(capsys, "--db", str(second_db), "import", str(source))[0] == 0
    code, again, _ = run(capsys, "--db", str(second_db), "export", "--format", "json")
    assert code == 0
    assert again == exported
    assert len(json.loads(again)["applications"]) == 17


def test_export_to_a_file_is_private(tmp_path, scenario_db, capsys):
    target = tmp_path / "out.json"
    assert run(capsys, "export", "-o", str(target))[0] == 0
    assert json.loads(target.read_text())["applications"][0]["company"] == "Alder"
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_import_into_a_non_empty_database_adds_with_new_ids(tmp_path, scenario_db, capsys):
    # Other applications (the same file again would be found here: tests/cli/test_import_twice.py).
    other = json.loads(json.dumps(SCENARIO))
    for application in other["applications"]:
        application["company"] += " II"
    source = tmp_path / "other.json"
    source.write_text(json.dumps(other))
    assert run(capsys, "import", str(source))[0] == 0
    _, out, _ = run(capsys, "export")
    ids = [application["id"] for application in json.loads(out)["applications"]]
    assert len(ids) == 16 and len(set(ids)) == 16


def test_add_with_an_interview_then_due(capsys, db_path):
    code, out, _ = run(
        capsys, "--today", TODAY, "add", "--company", "Kestrel", "--role", "SRE",
        "--interview", "yesterday", "--interviewer", "Kim Lee", "--interviewer", "Max Roe",
        "--decision-maker", "Max Roe", "--topics", "Paging load",
    )  # fmt: skip
    assert code == 0 and out.startswith("Added #1: Kestrel (SRE)")
    _, out, _ = run(capsys, "--today", TODAY, "due", "--json", "--all")
    listed = items(out)
    assert [(i[1], i[3]) for i in listed if i[1] == "thank_you"] == [
        ("thank_you", "Kim Lee"),
        ("thank_you", "Max Roe"),
    ]
    assert ("ask_timeline", "Max Roe") in [(i[1], i[3]) for i in listed]


def test_show_prints_one_application(scenario_db, capsys):
    code, out, _ = run(capsys, "--today", TODAY, "show", "2")
    assert code == 0
    assert out.startswith("#2 Birch: Engineer")
    assert "OVERDUE Send thank-you note · Cal Birch · email" in out


def test_markup_and_control_characters_show_literally_in_due(capsys, db_path):
    code, _, _ = run(
        capsys, "--today", TODAY, "add", "--company", "ACME [/]", "--role", "Dev\x1b[31mRed",
        "--interview", "yesterday", "--interviewer", "[bold]x", "--notes", "[bold]x",
    )  # fmt: skip
    assert code == 0
    _, out, _ = run(capsys, "--today", TODAY, "due")
    assert "#1 ACME [/] (Dev␛[31mRed)" in out
    assert "Send thank-you note · [bold]x · email" in out
    assert "\x1b" not in out


BAD_INPUT = [
    (["--today", "2026-02-30", "due"], "--today: '2026-02-30' is not a date"),
    (["--today", "9999-12-30", "due"], "--today: 9999-12-30 is out of range"),
    (["add", "--company", "X", "--role", "Y", "--interview", "2026-02-30"], "--interview:"),
    (["add", "--company", "X", "--role", "Y", "--interview", "someday"], "is not a date"),
    (["add", "--company", "", "--role", "Y"], "--company must not be empty"),
    (["add", "--role", "Y"], "the following arguments are required: --company"),
    (["add", "--company", "X", "--role", "Y", "--stage", "Final"], "--stage needs --interview"),
    (["add", "--company", "X", "--role", "Y", "--interview", "today", "--time", "25:00"],
     "--time: '25:00' is not a time"),
    (["show", "42"], "no application #42"),
    (["show", "abc"], "'abc' is not an application number"),
    (["due", "--colour"], "unrecognized arguments: --colour"),
    (["export", "--format", "xml"], "invalid choice: 'xml'"),
    (["import", "/no/such/file.json"], "no such file"),
]  # fmt: skip


def exit_code(argv: list[str]) -> int:
    """main()'s status, whether it returns it or argparse exits with it."""
    try:
        return main(argv)
    except SystemExit as exit_info:
        return exit_info.code


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(argv, message, capsys, db_path):
    assert exit_code(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    if argv[0] != "show":
        assert not db_path.exists()


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (lambda d: d["applications"][1].update(company=""), "applications[1].company"),
        (lambda d: d["applications"][2]["interviews"][0].update(held_on="2026-02-30"),
         "applications[2].interviews[0].held_on"),
        (lambda d: d["applications"][3]["touches"][1].update(contact_id=99),
         "applications[3].touches[1].contact_id: no contact 99"),
        (lambda d: d["applications"][4]["touches"][0].update(channel="fax"),
         "applications[4].touches[0].channel"),
        (lambda d: d.update(version=9), "version"),
        (lambda d: d["applications"][0]["interviews"][0].update(held_on="9999-12-31"),
         "applications[0].interviews[0].held_on: 9999-12-31 is out of range"),
    ],
)  # fmt: skip
def test_partly_invalid_import_writes_nothing(mutation, message, tmp_path, capsys, db_path):
    document = json.loads(json.dumps(SCENARIO))
    mutation(document)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document))
    code, _, err = run(capsys, "import", str(source))
    assert code == 2
    assert message in err and "nothing was imported" in err
    assert not db_path.exists()


def test_malformed_import_file(tmp_path, capsys, db_path):
    source = tmp_path / "bad.json"
    source.write_text('{"format": "followup", "version": 1, "applications": [')
    code, _, err = run(capsys, "import", str(source))
    assert code == 2 and "not valid JSON" in err
    assert not db_path.exists()


def test_not_a_database_is_left_untouched(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, _, err = run(capsys, "--db", str(path), "due")
    assert code == 2 and "not a followup database" in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_database_in_a_missing_folder(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "missing" / "f.sqlite"), "due")
    assert code == 2 and "does not exist" in err.strip()
    assert not (tmp_path / "missing").exists()


def test_database_in_an_unwritable_folder(tmp_path, capsys, monkeypatch):
    # Tests may run as root, for whom no folder is unwritable: ask the check itself.
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    code, _, err = run(capsys, "--db", str(tmp_path / "f.sqlite"), "due")
    assert code == 2 and "not writable" in err
    assert not (tmp_path / "f.sqlite").exists()


def test_demo_never_touches_the_real_database(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FOLLOWUP_DB")
    code, out, _ = run(capsys, "--demo", "--today", TODAY, "due")
    assert code == 1 and "Northwind Labs" in out  # the demo has overdue actions
    assert not (tmp_path / "xdg-data").exists()


def test_default_database_lives_in_the_user_data_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FOLLOWUP_DB")
    code, out, _ = run(capsys, "locate")
    assert code == 0
    assert f"database: {tmp_path / 'xdg-data' / 'followup' / 'followup.sqlite'}" in out


@pytest.mark.parametrize(
    "command", [[], ["due"], ["add"], ["show"], ["export"], ["import"], ["locate"]]
)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: followup" in capsys.readouterr().out


def test_console_script_runs_as_a_module(tmp_path):
    env = {**os.environ, "FOLLOWUP_DB": str(tmp_path / "m.sqlite")}
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--today", TODAY, "due"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tue 10 Mar 2026: 0 due")


def test_demo_sweeps_folders_left_by_a_killed_demo(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    dead = tmp_path / "followup-demo-dead"
    dead.mkdir()
    (dead / "pid").write_text("999999999")  # no such process
    alive = tmp_path / "followup-demo-alive"
    alive.mkdir()
    (alive / "pid").write_text(str(os.getpid()))
    assert run(capsys, "--demo", "--today", TODAY, "due")[0] == 1
    assert not dead.exists()
    assert alive.exists()
    assert [p.name for p in tmp_path.glob("followup-demo-*")] == ["followup-demo-alive"]


def test_demo_has_an_application_in_every_state(capsys):
    code, out, _ = run(capsys, "--demo", "--today", TODAY, "export")
    assert code == 0
    statuses = {application["status"] for application in json.loads(out)["applications"]}
    assert statuses == {"active", "parked", "offer_accepted", "offer_declined", "rejected",
                        "withdrawn", "no_response"}  # fmt: skip
