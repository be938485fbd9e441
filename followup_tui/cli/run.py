"""Reading the command line with argparse and running the command it names, with the error
contract (`runtime.run_command`): bad input or a store error is one line on stderr and exit
status 2. A plain command line of the shell agenda's is read without argparse (`start.py`)."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterable, Sequence

from followup_tui import __version__
from followup_tui.cli.commands.dashboard import open_dashboard
from followup_tui.cli.common import Commands, Parser
from followup_tui.cli.options import global_options
from followup_tui.cli.runtime import run_command
from followup_tui.domain import TYPE_CHECKING

if TYPE_CHECKING:
    from followup_tui.cli.commands import CommandModule


def build_parser(command_modules: Iterable[CommandModule] | None = None) -> Parser:
    """The `followup` parser: the global options, then each module's subcommand (every
    command's by default)."""
    if command_modules is None:
        from followup_tui.cli.commands import COMMAND_MODULES

        command_modules = COMMAND_MODULES
    options = global_options()
    parser = Parser(
        prog="followup",
        parents=[options],
        description="Who do I follow up with today, how, and what do I say? "
        "With no command, opens the dashboard.",
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    parser.set_defaults(handler=open_dashboard)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands = Commands(subparsers, options)
    for module in command_modules:
        module.add_parser(commands)
    return parser


# The shell agenda's commands (name -> module), each parsed by a parser with its subcommand
# alone: building every command's took as long as reading the review of 1,000 applications
# (issue 17).
QUICK_COMMANDS = {"due": "due", "show": "show", "list": "list_applications"}
# The global options that take a value (options.py): the word after one is not the command.
GLOBAL_OPTIONS_WITH_VALUES = ("--db", "--today", "--settings")


def parser_for(argv: Sequence[str]) -> Parser:
    """The parser for this command line: every command's, or for one of the shell agenda's the
    same subcommand alone (the same parse, help and one-line errors). `followup --help` and
    anything unclear get every command's."""
    name = QUICK_COMMANDS.get(_command_word(argv) or "")
    if name is None:
        return build_parser()
    from followup_tui.cli.deferred import defer_unused_modules

    defer_unused_modules()  # before the command's module imports dataclasses
    module: CommandModule = importlib.import_module(f"followup_tui.cli.commands.{name}")
    return build_parser((module,))


def _command_word(argv: Sequence[str]) -> str | None:
    value_next = False
    for word in argv:
        if value_next:
            value_next = False
        elif word in ("-h", "--help", "--"):
            return None
        elif word.startswith("--") and "=" not in word:
            # argparse takes a long option's unambiguous prefix too: --tod 2026-03-10
            value_next = any(name.startswith(word) for name in GLOBAL_OPTIONS_WITH_VALUES)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run `followup` with these arguments (default: the process's); returns the exit status."""
    words = sys.argv[1:] if argv is None else argv
    if argv is None and _command_word(words) in QUICK_COMMANDS:
        # The shell agenda's process ends after one read, whose garbage is freed as it goes: it
        # leaves a hundred objects in cycles at any size, not worth collections that walk every
        # record it keeps (2-3% of `followup list` at 1,000 applications; issue 17).
        gc.disable()
    args = parser_for(words).parse_args(argv)
    return run_command(args, argv)
