"""What every command shares: the one-line error, the parser that reports it, how a command
registers itself, and how its text reaches stdout."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from followup_tui.domain.text import json_printable, one_line, printable

TYPE_CHECKING = False  # typing's, without importing typing: the shell agenda (issue 17)
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from followup_tui.domain.records import Application, Contact
    from followup_tui.store import Store
    from followup_tui.store.reading import Reader

# What runs a command: the parsed arguments, the day it is, and the database file.
Handler = Callable[[argparse.Namespace, date, Path], int]


class UsageError(Exception):
    """Bad input from the command line: shown as one line, exit status 2."""


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


def application_number(text: str) -> int:
    """An application's number as typed: `3` or `#3` (as `due` and `list` show it)."""
    try:
        return int(text.strip().lstrip("#"))
    except ValueError:
        raise UsageError(f"{text!r} is not an application number") from None


def date_option(flag: str, text: str, today: date) -> date:
    """A date as typed after `flag`: YYYY-MM-DD or a word (today, yesterday, -3d)."""
    from followup_tui.domain.dates import DateError, parse_date

    try:
        return parse_date(text, today)
    except DateError as error:
        raise UsageError(f"{flag}: {error}") from None


def store_to_change(path: Path) -> Store:
    """The Store for a command that changes an application: the file must exist already (a
    mistyped --db is an error, not a new empty database). Opening it migrates it if need be and
    takes the day's backup, as every write does."""
    if not path.exists():
        raise UsageError(f"no database at {path} yet: add an application first (`followup add`)")
    from followup_tui.store import Store

    return Store(path)


def find_contact(application: Application, text: str, flag: str) -> Contact:
    """A contact of the application by number or by name (whole, any case)."""
    wanted, number = text.strip(), text.strip().lstrip("#")
    if number.isdigit() and (found := application.contact(int(number))) is not None:
        return found
    matches = [c for c in application.contacts if c.full_name.casefold() == wanted.casefold()]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(f"{c.id} {one_line(c.full_name)}" for c in application.contacts)
    which = "more than one contact" if matches else "no contact"
    raise UsageError(
        f"{flag}: {which} {text!r} on #{application.id}"
        + (f" (its contacts: {known})" if known else " (it has no contacts yet)")
    )


def no_such_application(number: int) -> UsageError:
    return UsageError(f"no application #{number} (see `followup list`)")


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


def reader_for(path: Path) -> Reader:
    """How a command that only reads opens the file: after the header check (a StoreError says
    why it cannot be used), through the light reader, without importing SQLAlchemy. A new file
    or an older schema goes through the Store first, to be created or migrated.

    It takes no daily backup: the app (behind its first frame) and every command that writes
    open the Store, which takes the day's backup before the day's first change, and a day of
    reading alone changes nothing to back up. `followup due` in a shell start-up file never
    waits for a copy of the file (issue 17)."""
    from followup_tui.store.reading import Reader

    reader = Reader.open_quickly(path)
    if reader is None:
        from followup_tui.store import Store

        with Store(path, reading=True) as store:
            say_backup_failed(store)
        reader = Reader(path)
    return reader
