"""`followup show ID`: one application with its next actions."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

# Not common or options: they import argparse, which a plain `followup show 1` never does.
from followup_tui.cli.runtime import (
    application_number,
    no_such_application,
    preferences_of,
    reader_for,
)
from followup_tui.domain import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from followup_tui.cli.common import Commands


def add_parser(commands: Commands) -> None:
    parser = commands.add(
        "show", show_application, help="print one application with its next actions"
    )
    parser.add_argument("id", metavar="ID", help="the application's number (#N in `due`)")


def show_application(args: argparse.Namespace, today: date, path: Path) -> int:
    wanted = application_number(args.id)
    from followup_tui.domain.rules import assess
    from followup_tui.formats.dossier import dossier_text

    application = reader_for(path).load_application(wanted)
    if application is None:
        raise no_such_application(wanted)
    sys.stdout.write(dossier_text(assess(application, today, preferences_of(args).rules)))
    return 0
