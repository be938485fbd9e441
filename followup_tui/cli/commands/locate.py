"""`followup locate`: where the database, its backups and the settings file are."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from followup_tui.cli.common import Commands
from followup_tui.domain.text import printable


def add_parser(commands: Commands) -> None:
    commands.add(
        "locate",
        print_locations,
        help="print where the database, its backups and the settings file are",
    )


def print_locations(args: argparse.Namespace, today: date, path: Path) -> int:
    from followup_tui.store.backups import backups_dir, list_backups

    found = list_backups(path)
    newest = found[0].name if found else "none yet"
    print(printable(f"database: {path}"))
    print(printable(f"backups:  {backups_dir(path)} ({len(found)}; newest: {newest})"))
    settings = getattr(args, "settings_file", None)
    if settings is not None:
        there = "" if settings.exists() else " (not there yet: every default)"
        print(printable(f"settings: {settings}{there}"))
    return 0
