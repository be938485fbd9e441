"""What a command uses as it runs: its one-line error, the day, the database and the settings
it was given, the light reader or the store, how its text reaches stdout, and the error contract
around it. No argparse here: a plain command line of the shell agenda's commands is read without
it (`start.py`), and importing argparse took longer than the agenda's read of 100 applications
(issue 17). Parsing is `common.py` and `options.py`, which show these names too.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.dates import DateError, in_range
from followup_tui.domain.text import json_printable, one_line, printable

if TYPE_CHECKING:
    from argparse import Namespace

    from followup_tui.domain.records import Application, Contact
    from followup_tui.domain.settings import Preferences
    from followup_tui.store import Store
    from followup_tui.store.reading import Reader

# What runs a command: the parsed arguments, the day it is, and the database file.
Handler = Callable[["Namespace", date, Path], int]

DB_ENV = "FOLLOWUP_DB"
TODAY_ENV = "FOLLOWUP_TODAY"
DB_NAME = "followup.sqlite"


class UsageError(Exception):
    """Bad input from the command line: shown as one line, exit status 2."""


def resolve_today(args: Namespace) -> date:
    """--today, else $FOLLOWUP_TODAY, else the real date."""
    text = getattr(args, "today", None) or os.environ.get(TODAY_ENV)
    if not text:
        return date.today()  # the one place the real clock is read
    source = "--today" if getattr(args, "today", None) else TODAY_ENV
    try:
        return in_range(date.fromisoformat(text.strip()))
    except DateError as error:
        raise UsageError(f"{source}: {error}") from None
    except ValueError:
        raise UsageError(f"{source}: {text!r} is not a date (use YYYY-MM-DD)") from None


def resolve_db(args: Namespace) -> Path:
    """--db, else $FOLLOWUP_DB, else followup.sqlite in the user data folder (made if need be)."""
    explicit = getattr(args, "db", None) or os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    from followup_tui.folders import user_folder  # platformdirs, only where needed

    folder = user_folder("data")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / DB_NAME


def resolve_settings(args: Namespace) -> None:
    """Read the settings file (--settings, else $FOLLOWUP_SETTINGS, else the user config
    folder's) into `args.settings_file` and `args.preferences`, before any command runs: a bad
    value is one line naming the file and the key, and nothing runs on a guess."""
    from followup_tui.settings import SettingsFileError, load_settings, settings_path

    args.settings_file = settings_path(getattr(args, "settings", None))
    try:
        args.preferences = load_settings(args.settings_file)
    except SettingsFileError as error:
        raise UsageError(str(error)) from None


def preferences_of(args: Namespace) -> Preferences:
    """The settings `resolve_settings` read (every default when it was not run)."""
    from followup_tui.domain.settings import DEFAULT_PREFERENCES, Preferences

    preferences = getattr(args, "preferences", DEFAULT_PREFERENCES)
    assert isinstance(preferences, Preferences)
    return preferences


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


def run_command(args: Namespace, argv: Sequence[str] | None) -> int:
    """Run the command `args` names (its handler), with the error contract: bad input or a
    store error is one line on stderr and exit status 2. `argv` None: the process's own
    command line, and the process ends next."""
    handler: Handler = args.handler
    from followup_tui.store import StoreError

    try:
        today = resolve_today(args)
        resolve_settings(args)
        if getattr(args, "demo", False):
            from followup_tui.cli.demo_folder import demo_database, demo_settings

            with demo_database(today) as path:
                args.settings_file = demo_settings(path, args.settings_file)
                return handler(args, today, path)
        return handler(args, today, resolve_db(args))
    except (UsageError, StoreError) as error:
        print(f"followup: error: {printable(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `followup due | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        if argv is None:
            # The process ends next (the console script, `python -m followup_tui`): its last
            # garbage collection need not walk every object it made. Measured on `followup due`
            # at 1,000 applications: the exit took 4x as long as `python -c pass`'s without this
            # (issue 17).
            gc.freeze()
