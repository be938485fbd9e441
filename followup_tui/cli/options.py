"""The global options, accepted before or after any command: which database, which day, which
settings file, or the demo instead of the database."""

from __future__ import annotations

import argparse

from followup_tui.cli.common import Parser
from followup_tui.cli.runtime import (
    DB_ENV,
    DB_NAME,
    TODAY_ENV,
    preferences_of,
    resolve_db,
    resolve_settings,
    resolve_today,
)

# Resolving what the options say runs without argparse: it lives in runtime.py.
__all__ = [
    "DB_ENV",
    "DB_NAME",
    "TODAY_ENV",
    "global_options",
    "preferences_of",
    "resolve_db",
    "resolve_settings",
    "resolve_today",
]


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
