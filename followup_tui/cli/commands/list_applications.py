"""`followup list`: every application with its status and next action, for people and scripts.

It runs in shell start-up files and behind shell completion, so it reads through the light
reader (the standard library's sqlite3, no SQLAlchemy): the header check, then one snapshot. A
new file, or one that needs migrating, goes through the Store first, as the dashboard's start
does (launch.py).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

# Not common or options: they import argparse, which a plain `followup list` never does.
from followup_tui.cli.runtime import for_stdout, preferences_of, reader_for
from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.records import Status

if TYPE_CHECKING:
    import argparse

    from followup_tui.cli.common import Commands

# Besides each status: the two groups a person asks for most.
OPEN = "open"  # active or parked: not closed
CLOSED = "closed"
STATUS_CHOICES = [OPEN, CLOSED, *(status.value for status in Status)]


def add_parser(commands: Commands) -> None:
    import argparse

    parser = commands.add(
        "list", list_applications, help="list the applications with their next action"
    )
    parser.add_argument(
        "--status",
        action="append",
        choices=STATUS_CHOICES,
        metavar="STATUS",
        help=f"only these (repeat for several): {', '.join(STATUS_CHOICES)}",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (docs/cli.md)")
    # For the completion scripts: `ID<tab>company · role` lines, nothing on an error.
    parser.add_argument("--completion-ids", action="store_true", help=argparse.SUPPRESS)


def list_applications(args: argparse.Namespace, today: date, path: Path) -> int:
    """List every application (or those with --status): its number, company, role, status and
    next action. Exit status 0 (2: an error)."""
    from followup_tui.domain.rules import assess

    wanted = _statuses(args.status)
    if args.completion_ids:
        # Behind a tab press: never create, migrate or back up a file, only read one.
        from followup_tui.store.reading import Reader

        quick = Reader.open_quickly(path) if path.exists() else None
        if quick is None:
            return 0
        reader = quick
    else:
        reader = reader_for(path)
    # The history of only those that may have a next action (issue 17: the whole history of
    # every application was most of the time at 1,000).
    applications = [a for a in reader.listing(today) if a.status in wanted]
    settings = preferences_of(args).rules
    assessments = [assess(application, today, settings) for application in applications]
    if args.completion_ids:
        from followup_tui.formats.listing import listing_ids

        sys.stdout.write(listing_ids(assessments))
    elif args.json:
        from followup_tui.formats.listing import listing_json

        sys.stdout.write(for_stdout(listing_json(assessments, today), json=True))
    else:
        from followup_tui.formats.listing import listing_text

        sys.stdout.write(listing_text(assessments))
    return 0


def _statuses(given: list[str] | None) -> set[Status]:
    if not given:
        return set(Status)
    wanted: set[Status] = set()
    for name in given:
        if name == OPEN:
            wanted.update(status for status in Status if not status.is_closed)
        elif name == CLOSED:
            wanted.update(status for status in Status if status.is_closed)
        else:
            wanted.add(Status(name))
    return wanted
