"""`followup close ID --as OUTCOME`: close an application (R9), as the close form does."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from followup_tui.cli.common import (
    Commands,
    UsageError,
    application_number,
    date_option,
    find_contact,
    no_such_application,
    store_to_change,
)
from followup_tui.cli.options import preferences_of
from followup_tui.domain.records import Status

OUTCOMES = [status.value for status in Status if status.is_closed]


def add_parser(commands: Commands) -> None:
    parser = commands.add("close", close_application, help="close an application (R9)")
    parser.add_argument("id", metavar="ID", help="the application's number (#N in `list`)")
    parser.add_argument(
        "--as",
        dest="outcome",
        required=True,
        choices=OUTCOMES,
        metavar="OUTCOME",
        help=f"how it ended: {', '.join(OUTCOMES)}",
    )
    parser.add_argument("--reason", default="", help="e.g. went with an internal candidate")
    parser.add_argument(
        "--date", metavar="DATE", default="today", help="when it closed (default: today)"
    )
    parser.add_argument("--notes", default="", help="added to the application's notes")
    parser.add_argument(
        "--rapport",
        action="append",
        default=[],
        metavar="WHO",
        help="a contact you had good rapport with, by number or name (repeat for each); "
        "after a rejection a feedback call to them comes next (R9)",
    )


def close_application(args: argparse.Namespace, today: date, path: Path) -> int:
    """Close an application: it leaves the review and keeps its history. After a rejection, a
    contact marked with --rapport gets a feedback call as the next action (R9). Exit status 0;
    2 on bad input (or an application already closed), with nothing written."""
    from followup_tui.domain.checks import not_come_yet
    from followup_tui.domain.text import one_line

    number = application_number(args.id)
    on = date_option("--date", args.date, today)
    if error := not_come_yet(on, today):
        raise UsageError(f"--date: {error}")
    status = Status(args.outcome)
    with store_to_change(path) as store:
        application = store.load_application(number)
        if application is None:
            raise no_such_application(number)
        if application.status.is_closed:
            raise UsageError(
                f"#{number} is closed already ({application.status.label}); "
                "reopen it in the app (O) to close it again"
            )
        rapport = [find_contact(application, who, "--rapport").id for who in args.rapport]
        store.close_application(
            number, status, on, args.reason, notes=args.notes, rapport_ids=rapport
        )
        closed = store.load_application(number)
        others = []
        if status is Status.OFFER_ACCEPTED:
            others = [a for a in store.load_applications() if a.status is Status.ACTIVE]
    print(f"Closed #{number} {one_line(application.company)}: {status.label}")
    if closed is not None:
        from followup_tui.domain.rules import assess, describe

        action = assess(closed, today, preferences_of(args).rules).next_action
        if action is not None:
            print(f"Next: {one_line(describe(action))} ({action.rule})")
    if others:
        # R13: the other applications still open; `due` asks about each (withdraw or keep).
        names = ", ".join(f"#{a.id} {one_line(a.company)}" for a in others)
        print(f"R13: withdraw from the others with a short note, or keep them: {names}")
    return 0
