"""Control characters in user text never reach a terminal raw from the CLI; files and pipes get
exact bytes, so export -> import round trips stay exact.

"A terminal" is what cli.py asks `sys.stdout.isatty()` about: the `followup` command runs under
a real pseudo-terminal here, and in-process with `isatty` patched.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tty
from pathlib import Path

import pytest

from followup_tui.cli import main

TODAY = "2026-03-10"
# ESC [2J clears the screen; U+009B is the one-character CSI; U+202E reverses what follows.
COMPANY = "Acme\x1b[2J\x9b31m\u202eevil"
ROLE = "Engineer\x07\x00"
NOTES = "-3d\r=1+1\x1b]0;title\x07"
# What must not reach a terminal: C0 (but tab and newline), DEL, C1, bidi overrides.
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_db(db_path, capsys) -> Path:
    code = main(
        [
            "--today",
            TODAY,
            "add",
            "--company",
            COMPANY,
            "--role",
            ROLE,
            f"--notes={NOTES}",
            "--interview",
            "2026-03-09",
            "--interviewer",
            "Ana\x1b[8m",
        ]
    )
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    return db_path


def on_terminal(*argv: str) -> tuple[int, str, str]:
    """Run `followup argv` with stdout on a pseudo-terminal: (status, what it showed, stderr)."""
    master, slave = os.openpty()
    tty.setraw(slave)  # no "\n" -> "\r\n": the bytes as the program wrote them
    process = subprocess.Popen(
        [sys.executable, "-m", "followup_tui", *argv],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
    )
    os.close(slave)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the program closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    error = process.stderr.read() if process.stderr else b""
    return process.wait(), shown.decode(), error.decode()


def piped(*argv: str) -> tuple[int, bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", *argv], capture_output=True, check=False
    )
    return result.returncode, result.stdout


def assert_inert(text: str) -> None:
    found = RAW.search(text)
    assert found is None, f"raw {found.group()!r} at {found.start()}: {text[:200]!r}"


# On a terminal ---------------------------------------------------------------------------------


def test_export_csv_on_a_terminal_shows_control_characters_visibly(hostile_db):
    code, shown, _ = on_terminal("--today", TODAY, "export", "--format", "csv")
    assert code == 0
    assert_inert(shown)
    assert "Acme␛[2J\ufffd31m⇄evil" in shown
    assert "'-3d␍=1+1␛]0;title␇" in shown  # and neutralised for a spreadsheet (item 3)


def test_export_json_on_a_terminal_escapes_them_and_stays_valid_json(hostile_db):
    code, shown, _ = on_terminal("--today", TODAY, "export", "--format", "json")
    assert code == 0
    assert_inert(shown)
    assert "\\u009b" in shown and "\\u202e" in shown
    application = json.loads(shown)["applications"][0]
    assert (application["company"], application["role"], application["notes"]) == (
        COMPANY,
        ROLE,
        NOTES,
    )


def test_due_json_on_a_terminal_escapes_them_and_stays_valid_json(hostile_db):
    code, shown, _ = on_terminal("--today", TODAY, "due", "--json")
    assert code in (0, 1)
    assert_inert(shown)
    items = json.loads(shown)["items"]
    assert items, "the thank-you note to Ana is due"
    assert items[0]["application"]["company"] == COMPANY
    assert items[0]["contact"]["name"] == "Ana\x1b[8m"


def test_due_json_is_escaped_when_stdout_is_a_terminal_and_exact_when_not(
    hostile_db, capsys, monkeypatch
):
    main(["--today", TODAY, "due", "--json"])
    exact = capsys.readouterr().out
    assert "\x9b" in exact  # into a pipe or a file: the text as stored

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["--today", TODAY, "due", "--json"])
    shown = capsys.readouterr().out
    assert_inert(shown)
    assert json.loads(shown) == json.loads(exact)


def test_md_and_ics_on_a_terminal_show_no_raw_control_characters_either(hostile_db):
    for kind in ("md", "ics"):
        code, shown, _ = on_terminal("--today", TODAY, "export", "--format", kind)
        assert code == 0
        assert_inert(shown)


# Into files and pipes: exact bytes -------------------------------------------------------------


def test_export_to_a_file_from_a_terminal_keeps_the_exact_bytes(hostile_db, tmp_path):
    target = tmp_path / "export.json"
    code, shown, _ = on_terminal("--today", TODAY, "export", "-o", str(target))
    assert code == 0 and shown == ""
    code, through_a_pipe = piped("--today", TODAY, "export")
    assert target.read_bytes() == through_a_pipe
    assert "\x9b".encode() in through_a_pipe and "\u202e".encode() in through_a_pipe
    assert json.loads(through_a_pipe)["applications"][0]["notes"] == NOTES


def test_csv_through_a_pipe_keeps_the_exact_text(hostile_db):
    code, data = piped("--today", TODAY, "export", "--format", "csv")
    assert code == 0
    assert COMPANY.encode() in data and b"'-3d\r=1+1\x1b]0;title\x07" in data


def test_export_import_export_through_files_is_exact(hostile_db, tmp_path, capsys):
    first = tmp_path / "first.json"
    assert main(["--today", TODAY, "export", "-o", str(first)]) == 0
    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "import", str(first)]) == 0
    second = tmp_path / "second.json"
    assert main(["--db", str(other), "--today", TODAY, "export", "-o", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()


# Messages --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "/nowhere/\x1b[2Jdata\x9b.json"],
        ["export", "-o", "/nowhere\u202e/\x1b]0;x\x07/out.json"],
        ["due", "\x1b[2J"],  # argparse quotes an unknown argument
        ["show", "\x1b[2J\x9b"],
        ["backup", "/nowhere/\x1b[2J/copy.sqlite"],
        ["restore", "--yes", "/nowhere/\x1b[2J.sqlite"],
    ],
)
def test_error_messages_show_a_quoted_path_or_argument_visibly(argv, hostile_db, capsys):
    try:
        code = main(argv)
    except SystemExit as exit:  # argparse's own errors
        code = exit.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.strip()
    assert_inert(err.replace("\n", ""))


def test_messages_naming_a_written_file_show_its_name_visibly(hostile_db, tmp_path, capsys):
    folder = tmp_path / "odd\x1b[2J\u202ename"
    folder.mkdir()
    target = folder / "export\x9b.json"
    assert main(["--today", TODAY, "export", "-o", str(target)]) == 0
    assert "␛[2J⇄name" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "other.sqlite"), "import", str(target)]) == 0
    assert main(["--db", str(folder / "db.sqlite"), "locate"]) == 0
    assert main(["--db", str(hostile_db), "backup", str(folder)]) == 0
    captured = capsys.readouterr()
    for text in (captured.out, captured.err):
        assert_inert(text.replace("\n", ""))
    assert "␛[2J⇄name" in captured.out
