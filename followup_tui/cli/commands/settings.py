"""`followup settings`: the settings in force, or a commented template of every default."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from followup_tui.cli.common import Commands, for_stdout
from followup_tui.cli.options import preferences_of
from followup_tui.domain.text import printable


def add_parser(commands: Commands) -> None:
    parser = commands.add(
        "settings", print_settings, help="print the settings in force (docs/settings.md)"
    )
    parser.add_argument(
        "--example",
        action="store_true",
        help="print every setting at its default, commented, to start a settings file from",
    )


def print_settings(args: argparse.Namespace, today: date, path: Path) -> int:
    """Print the settings in force as a settings file: each key with what it does and its
    default (a key at its default is commented out). With --example, every default. The
    settings file is where `followup locate` says; `,` in the app edits it."""
    from followup_tui.domain.settings import DEFAULT_PREFERENCES, render_preferences

    preferences = DEFAULT_PREFERENCES if args.example else preferences_of(args)
    settings_file = getattr(args, "settings_file", None)
    if not args.example and settings_file is not None:
        there = "" if settings_file.exists() else " (not there yet: every default)"
        print(printable(f"# {settings_file}{there}"))
    sys.stdout.write(for_stdout(render_preferences(preferences)))
    return 0
