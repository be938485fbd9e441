"""What every command shares: the parser that reports an error on one line, how a command
registers itself, and (from `runtime.py`, where they live without argparse) the one-line error
and the helpers a command runs with."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence

from followup_tui.cli.runtime import (
    Handler,
    UsageError,
    application_number,
    date_option,
    find_contact,
    for_stdout,
    no_such_application,
    reader_for,
    say_backup_failed,
    store_to_change,
)
from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.text import printable

if TYPE_CHECKING:
    from typing import Any, NoReturn

__all__ = [
    "Commands",
    "Handler",
    "HelpFormatter",
    "Parser",
    "UsageError",
    "application_number",
    "date_option",
    "find_contact",
    "for_stdout",
    "no_such_application",
    "reader_for",
    "say_backup_failed",
    "store_to_change",
    "terminal_columns",
]

# A value after an option that starts like a negative number: '-3d', '-2w' (and '-3x', which
# the date parser then refuses in words rather than argparse as "expected one argument").
_NEGATIVE_VALUE = re.compile(r"^-\d")


def terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (and bz2, lzma behind it):
    argparse made a help formatter, so asked for the width, at every add_argument, and the shell
    agenda paid 2-3 ms for a width only --help uses (issue 17). $COLUMNS, else the terminal's
    width, else 80, as shutil decides (and, like shutil, the terminal is asked whenever $COLUMNS
    or $LINES is not a positive number)."""
    sizes = []
    for name in ("COLUMNS", "LINES"):
        try:
            sizes.append(int(os.environ[name]))
        except (KeyError, ValueError):
            sizes.append(0)
    columns, lines = sizes
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((80, 24))
        if columns <= 0:
            columns = size.columns or 80
    return columns


class HelpFormatter(argparse.HelpFormatter):
    """argparse's, with the terminal's width found without shutil (`terminal_columns`)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2  # as argparse does
        super().__init__(prog, indent_increment, max_help_position, width)


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """As argparse's, but `--interview -3d` gives -3d to --interview: argparse takes any
        word starting with '-' for an option, so a date in the past (README's `-3d`) was "expected
        one argument". Subcommand parsers are Parsers too, so every option that takes one value
        (every date option) accepts it; `-h` and the other options are untouched."""
        if args is None:
            args = sys.argv[1:]
        return super().parse_known_args(self._relative_dates_joined(list(args)), namespace)

    def _relative_dates_joined(self, words: list[str]) -> list[str]:
        joined: list[str] = []
        index = 0
        while index < len(words):
            word = words[index]
            action = self._option_string_actions.get(word)
            following = words[index + 1] if index + 1 < len(words) else ""
            if action is not None and action.nargs is None and _NEGATIVE_VALUE.match(following):
                joined.append(f"{word}={following}")
                index += 2
                continue
            joined.append(word)
            index += 1
        return joined

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
