"""Settings from the command line (issue 14 item 7): --settings, $FOLLOWUP_SETTINGS or the user
config folder; every command that assesses counts with them; a bad value is one line naming the
file and the key, exit 2, and nothing runs."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from followup_tui.cli import main

TODAY = "2026-03-02"  # a Monday: the interview day


ADD = [
    "add",
    "--company",
    "Acme",
    "--role",
    "Engineer",
    "--interview",
    "2026-03-02",
    "--interviewer",
]


@pytest.fixture
def interviewed(db_path: Path) -> Path:
    assert main(["--today", TODAY, *ADD, "Dana Reyes"]) == 0
    return db_path


def status_check_due(capsys, *extra: str) -> str:
    capsys.readouterr()
    main(["--today", TODAY, *extra, "due", "--json", "--all"])
    agenda = json.loads(capsys.readouterr().out)
    return next(
        item["due"]
        for item in agenda["items"]
        if item["action"] in ("ask_timeline", "status_check")
    )


def test_r3_settings_file_given_by_option_moves_the_first_check_in_due(
    interviewed, tmp_path, capsys
):
    assert status_check_due(capsys) == "2026-03-09"  # 5 days: Saturday, moved to Monday
    settings = tmp_path / "mine.toml"
    settings.write_text("[rules]\nfirst_check_days = 3\n")
    assert status_check_due(capsys, "--settings", str(settings)) == "2026-03-05"


def test_settings_file_in_the_user_config_folder_and_by_environment(
    interviewed, tmp_path, capsys, monkeypatch
):
    config = tmp_path / "xdg-config" / "followup" / "settings.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[rules]\nfirst_check_days = 3\n")
    assert status_check_due(capsys) == "2026-03-05"
    other = tmp_path / "other.toml"
    other.write_text("[rules]\nfirst_check_days = 2\n")
    monkeypatch.setenv("FOLLOWUP_SETTINGS", str(other))
    assert status_check_due(capsys) == "2026-03-04"


def test_show_and_export_count_with_the_settings(interviewed, tmp_path, capsys):
    settings = tmp_path / "mine.toml"
    settings.write_text("[rules]\nfirst_check_days = 3\n")
    for given, weekday, day in (([], "Mon", "09"), (["--settings", str(settings)], "Thu", "05")):
        capsys.readouterr()
        main(["--today", TODAY, *given, "show", "1"])
        shown = f"timeline · Dana Reyes · phone, due {weekday} {day.lstrip('0')} Mar"
        assert shown in capsys.readouterr().out
        main(["--today", TODAY, *given, "export", "--format", "md"])
        assert f"- 2026-03-{day}: Ask for the timeline" in capsys.readouterr().out
        main(["--today", TODAY, *given, "export", "--format", "ics"])
        assert f"DTSTART;VALUE=DATE:202603{day}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[rules]\ncut_loose_days = -3\n", "rules.cut_loose_days"),
        ('[rules]\nfirst_check_days = "five"\n', "rules.first_check_days"),
        ("[rules]\nfirst_chek_days = 5\n", "rules.first_chek_days"),
        ('[keys]\nsnoze = "z"\n', "keys.snoze"),
        ("[rules\n", "not valid TOML"),
    ],
)
@pytest.mark.parametrize(
    "command", [["due"], ["add", "--company", "B", "--role", "R"], ["locate"], []]
)
def test_a_bad_settings_file_is_one_line_and_exit_2_and_nothing_runs(
    db_path, tmp_path, capsys, text, key, command
):
    settings = tmp_path / "bad.toml"
    settings.write_text(text)
    assert main(["--today", TODAY, "--settings", str(settings), *command]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"followup: error: {settings}: ")
    assert key in captured.err
    assert not db_path.exists()  # not even made: nothing ran


def test_locate_prints_where_the_settings_file_is(db_path, tmp_path, capsys):
    main(["locate"])
    out = capsys.readouterr().out
    default = tmp_path / "xdg-config" / "followup" / "settings.toml"
    assert f"settings: {default} (not there yet: every default)" in out
    given = tmp_path / "given.toml"
    given.write_text("")
    main(["--settings", str(given), "locate"])
    assert f"settings: {given}\n" in capsys.readouterr().out


def test_settings_example_prints_every_key_commented_with_its_default(capsys):
    assert main(["settings", "--example"]) == 0
    out = capsys.readouterr().out
    for line in (
        "# first_check_days = 5",
        "# cut_loose_unanswered = 4",
        "# cut_loose_days = 60",
        "# gentle = 14",
        "# standard = 7",
        "# persistent = 4",
        '# name = ""',
        '# signature = ""',
        "[keys]",
    ):
        assert line in out, line
    assert "# application_follow_up_days = 7" in out or "R11" not in out
    uncommented = "\n".join(
        line.replace("# ", "", 1) if " = " in line and "(" not in line else line
        for line in out.splitlines()
    )
    assert tomllib.loads(uncommented)["rules"]["cut_loose_days"] == 60


def test_settings_prints_the_settings_in_force(tmp_path, capsys):
    settings = tmp_path / "mine.toml"
    settings.write_text('[cadence]\ngentle = 21\n[you]\nname = "Sam"\n')
    assert main(["--settings", str(settings), "settings"]) == 0
    out = capsys.readouterr().out
    assert "\ngentle = 21  # default 14\n" in out
    assert '\nname = "Sam"\n' in out
