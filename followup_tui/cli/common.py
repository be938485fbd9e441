"""What every command shares: the one-line error, the parser that reports it, how a command
registers itself, and how its text reaches stdout."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from followup_tui.domain.text import json_printable, printable

if TYPE_CHECKING:
    from followup_tui.store import Store

# What runs a command: the parsed arguments, the day it is, and the database file.
Handler = Callable[[argparse.Namespace, date, Path], int]


class UsageError(Exception):
    """Bad input from the command line: shown as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        # printable: argparse quotes an unknown argument as typed
        self.exit(2, printable(f"{self.prog}: error: {message} (see {self.prog} --help)") + "\n")


class Commands:
    """Where a command module adds its subcommand: each one takes the global options and names
    the function that runs it."""

    def __init__(
        self, subparsers: argparse._SubParsersAction[Parser], global_options: Parser
    ) -> None:
        self._subparsers = subparsers
        self._global_options = global_options

    def add(self, name: str, handler: Handler, *, help: str) -> Parser:
        """Add the subcommand `name`, run by `handler`; returns its parser for its options.
        The handler's docstring is the description `followup NAME --help` shows, so write it
        for the user (or leave it out)."""
        parser = self._subparsers.add_parser(
            name, parents=[self._global_options], help=help, description=handler.__doc__
        )
        parser.set_defaults(handler=handler)
        return parser


def for_stdout(text: str, *, json: bool = False) -> str:
    """Into a file or a pipe, the exact text (an export imports back as it was). On a terminal,
    control characters in user text are shown, never obeyed: JSON writes them as \\u escapes, so
    it stays valid JSON that reads back the same."""
    if not sys.stdout.isatty():
        return text
    if json:
        return json_printable(text)
    return printable(text.replace("\r\n", "\n"))  # CSV and iCalendar end their lines with CRLF


def say_backup_failed(store: Store) -> None:
    """A command that only reads goes on when the day's backup cannot be written (a full
    disk), and says so on one line."""
    if store.backup_error is not None:
        print(f"followup: warning: {printable(str(store.backup_error))}", file=sys.stderr)
