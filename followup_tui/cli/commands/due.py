"""`followup due`: today's agenda, for a person or a shell start-up file."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

# Not common or options: they import argparse, which a plain `followup due` never does.
from followup_tui.cli.runtime import for_stdout, preferences_of, reader_for
from followup_tui.domain import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from followup_tui.cli.common import Commands


def add_parser(commands: Commands) -> None:
    parser = commands.add("due", print_agenda, help="print today's agenda")
    parser.add_argument("--json", action="store_true", help="print JSON (docs/agenda-format.md)")
    parser.add_argument(
        "--all", action="store_true", help="include upcoming actions, not only those due today"
    )
    parser.add_argument("--short", action="store_true", help="one line per action")
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="for a shell start-up file: --short, and nothing at all when nothing is due",
    )


def print_agenda(args: argparse.Namespace, today: date, path: Path) -> int:
    """Print today's agenda: every follow-up due today or overdue, most urgent first. Exit status:
    0 when nothing is overdue, 1 when something is (2: an error)."""
    from followup_tui.domain.review import review_list
    from followup_tui.formats.agenda import agenda_json, agenda_short, agenda_text

    # Only what the review can show (active applications, and closed ones that may still owe
    # an R9 call), not every application with its whole history.
    applications = reader_for(path).review_applications(today)
    assessments = review_list(applications, today, preferences_of(args).rules)
    overdue = any(action.overdue for a in assessments for action in a.actions)
    if args.json:
        sys.stdout.write(
            for_stdout(agenda_json(assessments, today, everything=args.all), json=True)
        )
    elif args.quiet or args.short:
        text = agenda_short(assessments, everything=args.all)
        if text or not args.quiet:
            sys.stdout.write(text or "Nothing due today.\n")
    else:
        sys.stdout.write(agenda_text(assessments, today, everything=args.all))
    return 1 if overdue else 0
