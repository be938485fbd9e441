"""The global options, accepted before or after any command: which database, which day, which
settings file, or the demo instead of the database."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from followup_tui.cli.common import Parser, UsageError
from followup_tui.domain.dates import DateError, in_range

TYPE_CHECKING = False  # typing's, without importing typing: the shell agenda (issue 17)
if TYPE_CHECKING:
    from followup_tui.domain.settings import Preferences

DB_ENV = "FOLLOWUP_DB"
TODAY_ENV = "FOLLOWUP_TODAY"
DB_NAME = "followup.sqlite"


def global_options() -> Parser:
    """The parent parser of the main parser and of every subcommand. Its defaults are
    suppressed, so a value given before the command is not reset by the subcommand's parser."""
    options = Parser(add_help=False)
    options.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"database file (default: ${DB_ENV}, else the user data folder)",
    )
    options.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        default=argparse.SUPPRESS,
        help=f"pretend today is this date (default: ${TODAY_ENV}, else the real date)",
    )
    options.add_argument(
        "--settings",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="settings file (default: $FOLLOWUP_SETTINGS, else settings.toml in the user "
        "config folder; `followup locate` prints it)",
    )
    options.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use a fresh temporary database filled with demo data; your data is not touched",
    )
    return options


def resolve_today(args: argparse.Namespace) -> date:
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


def resolve_db(args: argparse.Namespace) -> Path:
    """--db, else $FOLLOWUP_DB, else followup.sqlite in the user data folder (made if need be)."""
    explicit = getattr(args, "db", None) or os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    from followup_tui.folders import user_folder  # platformdirs, only where needed

    folder = user_folder("data")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / DB_NAME


def resolve_settings(args: argparse.Namespace) -> None:
    """Read the settings file (--settings, else $FOLLOWUP_SETTINGS, else the user config
    folder's) into `args.settings_file` and `args.preferences`, before any command runs: a bad
    value is one line naming the file and the key, and nothing runs on a guess."""
    from followup_tui.settings import SettingsFileError, load_settings, settings_path

    args.settings_file = settings_path(getattr(args, "settings", None))
    try:
        args.preferences = load_settings(args.settings_file)
    except SettingsFileError as error:
        raise UsageError(str(error)) from None


def preferences_of(args: argparse.Namespace) -> Preferences:
    """The settings `resolve_settings` read (every default when it was not run)."""
    from followup_tui.domain.settings import DEFAULT_PREFERENCES, Preferences

    preferences = getattr(args, "preferences", DEFAULT_PREFERENCES)
    assert isinstance(preferences, Preferences)
    return preferences
