"""The shell agenda reads through the light reader (issue 17 item 1).

`followup due` runs in every new terminal from a shell start-up file; `show` and `list` are its
neighbours. On a file at the current schema they read with the standard library's sqlite3 after
the header check, never importing SQLAlchemy, SQLModel or Textual, and take no backup (the day's
backup is taken by the app or the first write of the day, before anything changes). A file that
needs migrating still goes through the Store first. What they print is what the Store path
printed: the review read from every application, all of its history loaded.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.cli import main
from followup_tui.cli.run import build_parser
from followup_tui.demo import demo_applications
from followup_tui.domain.review import review_list
from followup_tui.domain.rules import assess
from followup_tui.formats.agenda import agenda_json, agenda_short, agenda_text
from followup_tui.formats.dossier import dossier_text
from followup_tui.store import Store
from followup_tui.store.backups import list_backups
from followup_tui.store.generate import generate
from followup_tui.store.migrations import LATEST, user_version

TODAY = date(2026, 3, 10)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HEAVY = ("sqlalchemy", "sqlmodel", "textual")

DUE_FORMS = [
    ["due"],
    ["due", "--short"],
    ["due", "--json"],
    ["due", "--all"],
    ["due", "--quiet"],
    ["due", "--all", "--json"],
    ["due", "--all", "--short"],
]


def _has_list() -> bool:
    """Whether `followup list` exists yet (another change adds it)."""
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            build_parser().parse_args(["list"])
    except SystemExit:
        return False
    return True


READ_FORMS = [*DUE_FORMS, ["show", "1"], *([["list"]] if _has_list() else [])]

# Runs `followup` in a fresh interpreter and says, on stderr's last line, which heavy modules
# it imported.
CHILD = """
import json, sys
from followup_tui.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps(sorted(m for m in HEAVY if m in sys.modules)), file=sys.stderr)
sys.exit(code)
""".replace("HEAVY", repr(HEAVY))


def run_child(db: Path, argv: list[str]) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--db", str(db), "--today", TODAY.isoformat(), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "FOLLOWUP_SETTINGS": str(db.parent / "no-settings.toml")},
    )
    *_, last = done.stderr.strip().splitlines() or [""]
    return done, json.loads(last) if last.startswith("[") else ["(no report)"]


@pytest.mark.parametrize("argv", READ_FORMS, ids=" ".join)
def test_reading_commands_import_no_sqlalchemy_sqlmodel_or_textual(demo_db, argv):
    done, imported = run_child(demo_db, argv)
    assert done.returncode in (0, 1), done.stderr
    assert imported == [], f"{' '.join(argv)} imported {imported}"
    assert done.stdout.strip() or argv == ["due", "--quiet"]
    # ... and took no backup: the app or the day's first write takes it, before any change.
    assert list_backups(demo_db) == []


def test_a_file_that_needs_migrating_migrates_first(tmp_path):
    older = FIXTURES / f"schema_v{LATEST - 1}.sqlite"  # the release before this one
    db = tmp_path / "followup.sqlite"
    shutil.copy(older, db)
    with sqlite3.connect(db) as connection:
        assert user_version(connection) < LATEST
    done, imported = run_child(db, ["due", "--all"])
    assert done.returncode in (0, 1), done.stderr
    assert "sqlmodel" in imported  # the Store migrated it: only then is SQLAlchemy paid for
    with sqlite3.connect(db) as connection:
        assert user_version(connection) == LATEST
    assert [path.name.endswith(f"before-v{LATEST}.sqlite") for path in list_backups(db)] == [True]
    done, imported = run_child(db, ["due", "--all"])  # now current: the light path
    assert imported == [] and done.returncode in (0, 1), done.stderr


def test_a_file_that_is_not_ours_is_still_refused_on_one_line(tmp_path, capsys):
    other = tmp_path / "notes.sqlite"
    other.write_text("shopping list")
    for argv in (["due", "--quiet"], ["show", "1"]):
        assert main(["--db", str(other), *argv]) == 2
        err = capsys.readouterr().err
        assert "not a followup database" in err and len(err.strip().splitlines()) == 1
    assert other.read_text() == "shopping list"


def test_a_day_of_only_reading_leaves_its_backup_to_the_first_write(demo_db, capsys):
    for argv in (["due", "--quiet"], ["due"], ["show", "2"]):
        main(["--db", str(demo_db), "--today", TODAY.isoformat(), *argv])
    assert list_backups(demo_db) == []
    before = len(demo_applications(TODAY))
    assert main(["--db", str(demo_db), "add", "--company", "New Co", "--role", "Role"]) == 0
    capsys.readouterr()
    [backup] = list_backups(demo_db)
    assert backup.name.endswith("-daily.sqlite")
    with sqlite3.connect(backup) as copy:  # taken before the write
        assert copy.execute("SELECT count(*) FROM application").fetchone()[0] == before


# The same output as the Store path: every application loaded, the review worked out from all.


def store_printed(path: Path, argv: list[str], today: date) -> tuple[str, int]:
    """What `due` and `show` printed when they read through the Store (before issue 17)."""
    with Store(path, backup_daily=False) as store:
        if argv[0] == "show":
            application = store.load_application(int(argv[1]))
            assert application is not None
            return dossier_text(assess(application, today)), 0
        assessments = review_list(store.load_applications(), today)
    everything = "--all" in argv
    overdue = any(action.overdue for a in assessments for action in a.actions)
    if "--json" in argv:
        text = agenda_json(assessments, today, everything=everything)
    elif "--quiet" in argv or "--short" in argv:
        text = agenda_short(assessments, everything=everything)
        if not text and "--quiet" not in argv:
            text = "Nothing due today.\n"
    else:
        text = agenda_text(assessments, today, everything=everything)
    return text, 1 if overdue else 0


def same_as_the_store(path: Path, capsys, days: list[date], shown: list[int]) -> None:
    capsys.readouterr()
    for today in days:
        for argv in [*DUE_FORMS, *(["show", str(number)] for number in shown)]:
            code = main(["--db", str(path), "--today", today.isoformat(), *argv])
            printed = capsys.readouterr()
            assert (printed.out, code) == store_printed(path, argv, today), (today, argv)
            assert printed.err == ""


def test_the_same_output_as_the_store_on_the_demo(demo_db, capsys):
    days = [TODAY, TODAY - timedelta(days=30), TODAY + timedelta(days=9)]
    same_as_the_store(demo_db, capsys, days, shown=list(range(1, 17)))


@pytest.mark.slow  # a generated database of 1,000 applications, read many times
def test_the_same_output_as_the_store_on_1000_applications(tmp_path, capsys):
    path = tmp_path / "n1000.sqlite"
    generate(path, 1000, TODAY, active_share=0.1)
    days = [TODAY, TODAY + timedelta(days=20)]
    same_as_the_store(path, capsys, days, shown=[1, 2, 500, 1000])


# The agenda's commands are parsed by a parser with their subcommand alone: the same result.

SAME_PARSE = [
    ["due"],
    ["due", "--all", "--json"],
    ["--db", "x.sqlite", "due", "--quiet"],
    ["--today", "2026-03-10", "--db=due", "show", "#3"],
    ["--tod", "2026-03-10", "list", "--status", "open"],
    ["--settings", "due", "list"],
    ["--sett", "due", "list"],
    ["--demo", "show", "1"],
    ["show", "1", "--db", "y.sqlite"],
    ["list", "--json"],
]
DIFFERENT_ENDS = [
    ["due", "--bogus"],
    ["show"],
    ["show", "1", "2"],
    ["list", "--status", "nope"],
    ["due", "--help"],
    ["show", "--help"],
    ["--help", "due"],
    ["-h"],
    ["--today"],
    ["--d", "x", "due"],
    ["due", "extra"],
]


def _ends(parser, argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(argv))
        except SystemExit as exit:
            result = exit.code
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", SAME_PARSE + DIFFERENT_ENDS, ids=" ".join)
def test_the_agenda_commands_parse_as_with_every_command(argv):
    from followup_tui.cli.run import parser_for

    assert _ends(parser_for(argv), argv) == _ends(build_parser(), argv)


def test_the_words_after_global_options_with_a_value_are_not_commands():
    from followup_tui.cli.options import global_options
    from followup_tui.cli.run import GLOBAL_OPTIONS_WITH_VALUES

    with_values = {
        name
        for action in global_options()._actions
        if action.nargs != 0
        for name in action.option_strings
    }
    assert set(GLOBAL_OPTIONS_WITH_VALUES) == with_values


# What the shell agenda left behind as it got quicker (issue 17): modules it has no use for.
NOT_NEEDED = (
    "shutil",
    "statistics",
    "platformdirs",
    # JSON only for --json; a new record's uid (uuid, and platform behind it) only when writing;
    # textwrap only to write the settings file.
    "json",
    "uuid",
    "platform",
    "textwrap",
    # Annotations alone name typing's names (TYPE_CHECKING = False): typing took 3 ms.
    "typing",
    # What `inspect` imports: dataclasses' `inspect` loads on first use (cli/deferred.py), and
    # nothing the agenda runs uses it while every dataclass it defines has a docstring.
    "ast",
    "dis",
    "tokenize",
    # What `copy` imports (its own stub is there): dataclasses' asdict and astuple use it.
    "weakref",
    # A plain command line is read without argparse (cli/start.py), and without the gettext
    # and locale its messages look up.
    "argparse",
    "gettext",
    "locale",
)


@pytest.mark.parametrize(
    "argv",
    [["due", "--quiet"], ["due"], ["due", "--all", "--json"], ["show", "1"], ["list"]],
    ids=" ".join,
)
def test_the_agenda_imports_nothing_it_does_not_use(demo_db, tmp_path, argv):
    not_needed = [name for name in NOT_NEEDED if not (name == "json" and "--json" in argv)]
    code = (
        "import sys; from followup_tui.cli import main; code = main(sys.argv[1:]); "
        f"print([m for m in {not_needed!r} if m in sys.modules], file=sys.stderr)"
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("FOLLOWUP_SETTINGS", None)
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(demo_db), "--today", TODAY.isoformat(), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr


def test_a_deferred_module_is_whole_once_used():
    """cli/deferred.py: `inspect` loads when first read, into the module everyone imported."""
    code = (
        "import sys\n"
        "from followup_tui.cli.deferred import defer_unused_modules\n"
        "defer_unused_modules()\n"
        "import dataclasses, inspect\n"
        "print('ast' in sys.modules, 'weakref' in sys.modules)\n"
        "@dataclasses.dataclass\n"
        "class Undocumented:\n"
        "    size: int\n"
        "from inspect import isclass\n"
        "import inspect as again\n"
        "for each in (Undocumented.__doc__, isclass(Undocumented), again is inspect,\n"
        "             inspect.signature(Undocumented), 'ast' in sys.modules,\n"
        "             dataclasses.asdict(Undocumented([1])), 'weakref' in sys.modules):\n"
        "    print(each)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines() == [
        "False False",  # not loaded by importing them
        "Undocumented(size: int)",  # dataclasses' one use of it, for a class with no docstring
        "True",
        "True",
        "(size: int) -> None",
        "True",
        "{'size': [1]}",  # dataclasses' use of copy
        "True",
    ]


@pytest.mark.parametrize(
    "columns, lines", [(None, None), ("100", None), ("100", "40"), ("0", "40"), ("wide", None)]
)
def test_help_is_as_wide_as_shutil_says(monkeypatch, columns, lines):
    from followup_tui.cli.common import terminal_columns

    for name, value in (("COLUMNS", columns), ("LINES", lines)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert terminal_columns() == shutil.get_terminal_size().columns


@pytest.mark.parametrize(
    "argv, collects", [(["due", "--quiet"], False), (["list"], False), (["locate"], True)]
)
def test_only_the_agenda_process_goes_without_garbage_collection(demo_db, argv, collects):
    """Its process ends after one read; any other command (the app above all) collects."""
    code = (
        "import gc, sys; from followup_tui.cli import main\n"
        "main()\n"
        "print(gc.isenabled(), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(demo_db), "--today", TODAY.isoformat(), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "FOLLOWUP_SETTINGS": str(demo_db.parent / "no-settings.toml")},
    )
    assert done.stderr.strip().splitlines()[-1] == str(collects), done.stderr


# A plain command line of the agenda's commands is read without argparse (cli/start.py): as
# argparse reads it, or not at all.

PLAIN = [
    ["due"],
    ["due", "--quiet"],
    ["--db", "x.sqlite", "--today", "2026-03-10", "due", "--all", "--json"],
    ["due", "--short", "--all", "--db=x.sqlite", "--today=2026-03-10", "--settings", "s.toml"],
    ["--demo", "show", "1"],
    ["show", "#12", "--db", "due"],
    ["list"],
    ["list", "--json", "--demo"],
    ["list", "--completion-ids", "--settings=s.toml"],
]
NOT_PLAIN = [
    [],
    ["due", "--help"],
    ["--tod", "2026-03-10", "due"],
    ["due", "--quiet", "--quiet"],
    ["--db", "x", "--db", "y", "due"],
    ["--db", "-x", "due"],
    ["--today", "-3d", "due"],
    ["due", "--json=yes"],
    ["--json", "due"],
    ["show"],
    ["show", "1", "2"],
    ["show", "-1"],
    ["list", "--status", "open"],
    ["due", "--"],
    ["add", "--company", "Acme"],
    ["locate"],
]
WORDS = [
    "due", "show", "list", "add", "1", "#2", "", "x.sqlite", "2026-03-10", "-3d", "--",
    "--db", "--db=y.sqlite", "--db=", "--today", "--today=2026-03-10", "--tod", "--settings",
    "--settings=s.toml", "--demo", "--demo=1", "--json", "--all", "--short", "--quiet",
    "--completion-ids", "--status", "open", "-h", "--help", "--version", "--j", "-x",
]  # fmt: skip


def argparse_reads(argv: list[str]) -> dict[str, object] | None:
    """What the whole parser reads from `argv`, or None where it stops (an error, --help)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(build_parser().parse_args(argv))
        except SystemExit:
            return None


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_command_line_is_read_as_argparse_reads_it(argv):
    from followup_tui.cli.start import plain_command_line

    found = plain_command_line(argv)
    assert found is not None and vars(found) == argparse_reads(argv)


@pytest.mark.parametrize("argv", NOT_PLAIN, ids=" ".join)
def test_any_other_command_line_is_left_to_argparse(argv):
    from followup_tui.cli.start import plain_command_line

    assert plain_command_line(argv) is None


AROUND_A_COMMAND = st.builds(
    lambda before, command, after: [*before, command, *after],
    st.lists(st.sampled_from(WORDS), max_size=3),
    st.sampled_from(["due", "show", "list"]),
    st.lists(st.sampled_from(WORDS), max_size=4),
)


@given(AROUND_A_COMMAND | st.lists(st.sampled_from(WORDS), max_size=7))
def test_whatever_it_reads_argparse_reads_alike(argv):
    from followup_tui.cli.start import plain_command_line

    found = plain_command_line(argv)
    if found is not None:
        assert vars(found) == argparse_reads(argv)
