"""Relative dates on the command line work as documented, and the command says which day it
understood (issue 15 item 7)."""

from __future__ import annotations

from datetime import date

import pytest

from followup_tui.cli import main
from followup_tui.domain.dates import date_words
from followup_tui.store import Store

TODAY = "2026-03-10"  # a Tuesday


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("flag", ["--interview", "--expected"])
def test_a_date_option_takes_a_negative_relative_date_as_its_value(flag, db_path, capsys):
    code, out, err = run(capsys, "add", "--company", "Acme", "--role", "Eng", flag, "-3d")
    assert code == 0, err
    assert "expected one argument" not in err
    assert "Sat 7 Mar (3 days ago)" in out


def test_add_names_the_interview_day_it_understood(db_path, capsys):
    code, out, _ = run(
        capsys, "add", "--company", "Acme", "--role", "Staff Engineer", "--interview", "fri"
    )
    assert code == 0
    assert out.strip() == "Added #1: Acme (Staff Engineer); interview Fri 13 Mar (next Friday)"
    with Store(db_path) as store:
        (application,) = store.load_applications()
    assert application.interviews[0].held_on == date(2026, 3, 13)


def test_log_takes_a_negative_relative_date_too(db_path, capsys):
    assert run(capsys, "add", "--company", "Acme", "--role", "Eng", "--interview", "-1w")[0] == 0
    code, _, err = run(capsys, "log", "1", "--date", "-2d", "--kind", "other")
    assert code == 0, err


def test_help_and_bad_options_still_work(db_path, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["add", "-h"])
    assert raised.value.code == 0
    capsys.readouterr()
    code, _, err = run(capsys, "add", "--company", "Acme", "--role", "Eng", "--interview", "-3x")
    assert code == 2 and "'-3x' is not a date" in err


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 3, 10), "today"),
        (date(2026, 3, 11), "tomorrow"),
        (date(2026, 3, 9), "yesterday"),
        (date(2026, 3, 13), "next Friday"),
        (date(2026, 3, 17), "next Tuesday"),
        (date(2026, 3, 7), "3 days ago"),
        (date(2026, 3, 3), "1 week ago"),
        (date(2026, 3, 24), "in 2 weeks"),
        (date(2026, 3, 29), "in 19 days"),
    ],
)
def test_date_words(day, words):
    assert date_words(day, date(2026, 3, 10)) == words
