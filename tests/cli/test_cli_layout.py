"""The shape of the `followup` command: one module per command (its options beside its body,
registered by `set_defaults(handler=...)`), the global options on every command, a start-up that
stays light, and a demo whose temporary folder goes away however the command ends."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from followup_tui.cli import main

TODAY = "2026-03-10"
COMMANDS = ["due", "add", "show", "export", "import", "locate", "settings", "backup", "restore"]
COMMANDS += ["list", "log", "close", "edit", "completion"]  # issue 16 item 5, 6
# What each command needs to parse at all (its required options and arguments).
REQUIRED = {
    "add": ["--company", "Acme", "--role", "Engineer"],
    "show": ["1"],
    "import": ["file.json"],
    "restore": ["backup.sqlite"],
    "log": ["1"],
    "close": ["1", "--as", "rejected"],
    "edit": ["1"],
}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    from followup_tui.cli.run import build_parser

    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_the_commands_are_the_ones_the_help_lists():
    assert sorted(subcommands()) == sorted(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_registers_a_handler_from_its_own_module(name):
    """The options and the body live together: the module that adds the subcommand's parser
    also holds the handler it registers, and nothing else does."""
    from followup_tui.cli.commands import COMMAND_MODULES

    handler = subcommands()[name].get_default("handler")
    assert callable(handler)
    module = sys.modules[handler.__module__]
    assert module in COMMAND_MODULES
    assert callable(module.add_parser)


def test_a_new_command_is_one_module_and_one_registration():
    from followup_tui.cli.commands import COMMAND_MODULES
    from followup_tui.cli.common import Commands
    from followup_tui.cli.run import build_parser

    def hello(args: argparse.Namespace, today: date, path: Path) -> int:
        return 0

    def add_parser(commands: Commands) -> None:
        commands.add("hello", hello, help="say hello").add_argument("--name", default="you")

    module = ModuleType("hello")
    module.add_parser = add_parser  # type: ignore[attr-defined]
    parser = build_parser([*COMMAND_MODULES, module])
    args = parser.parse_args(["hello", "--name", "Ana", "--today", TODAY])
    assert args.handler is hello and args.name == "Ana" and args.today == TODAY


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_its_own_help(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: followup {name}")
    assert "--db PATH" in out and "--today YYYY-MM-DD" in out and "--demo" in out


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_go_before_or_after_every_command(name, where):
    from followup_tui.cli.run import build_parser

    options = ["--db", "x.sqlite", "--today", TODAY, "--demo"]
    command = [name, *REQUIRED.get(name, [])]
    argv = [*options, *command] if where == "before" else [*command, *options]
    args = build_parser().parse_args(argv)
    assert (args.db, args.today, args.demo) == ("x.sqlite", TODAY, True)


def test_bad_global_option_is_one_line_and_exit_2(capsys):
    assert main(["due", "--today", "soon"]) == 2
    err = capsys.readouterr().err
    assert err == "followup: error: --today: 'soon' is not a date (use YYYY-MM-DD)\n"


def test_the_command_line_loads_no_store_format_or_screen_to_parse():
    """`followup --help` runs in shell start-up files: reading the arguments loads neither the
    database layer, the formats, the demo, nor Textual; each command loads its own later."""
    code = (
        "import sys\n"
        "from followup_tui.cli.run import build_parser\n"
        "build_parser().parse_args(['due', '--quiet'])\n"
        "heavy = ('followup_tui.store', 'followup_tui.formats', 'followup_tui.demo',\n"
        "         'followup_tui.cli.demo_folder', 'followup_tui.tui', 'sqlalchemy', 'textual')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


# The demo's temporary folder -------------------------------------------------------------------


def demo_folders(folder: Path) -> list[Path]:
    return sorted(folder.glob("followup-demo-*"))


def test_demo_folder_is_removed_after_the_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert main(["--demo", "--today", TODAY, "due", "--short"]) == 1
    assert "Northwind Labs" in capsys.readouterr().out
    assert demo_folders(tmp_path) == []


def test_demo_folder_is_removed_after_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert main(["--demo", "--today", TODAY, "show", "999"]) == 2
    assert "no application #999" in capsys.readouterr().err
    assert demo_folders(tmp_path) == []


def test_demo_folder_is_removed_after_an_unexpected_exception(tmp_path, monkeypatch):
    from followup_tui.cli.demo_folder import demo_database

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    with pytest.raises(RuntimeError), demo_database(date(2026, 3, 10)) as path:
        assert path.is_file() and path.parent in demo_folders(tmp_path)
        raise RuntimeError("a bug")
    assert demo_folders(tmp_path) == []


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_demo_folder_is_removed_when_the_command_is_ended_by_a_signal(tmp_path, number):
    """A closed terminal (SIGHUP) or `kill` (SIGTERM) while a demo command waits on its input:
    the folder goes at once, not at the next demo's sweep."""
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-m", "followup_tui", "--demo", "--today", TODAY, "import", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        # The demo database is filled before the command reads stdin.
        while not any((f / "followup.sqlite").exists() for f in demo_folders(tmp_path)):
            assert child.poll() is None and time.monotonic() < deadline, child.stderr
            time.sleep(0.05)
        time.sleep(0.3)  # let the insert finish and the read begin
        child.send_signal(number)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        assert child.stdin and child.stdout and child.stderr
        child.stdin.close(), child.stdout.close(), child.stderr.close()
    assert demo_folders(tmp_path) == []
    assert child.returncode == 128 + number
