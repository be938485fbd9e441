"""`followup edit ID --field value`: change an application's own fields, as its form does."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path

from followup_tui.cli.common import (
    Commands,
    UsageError,
    application_number,
    date_option,
    no_such_application,
    store_to_change,
)
from followup_tui.domain.records import Persistence

# The text fields: (option, the record's field, what `--help` says). Company and role are
# required, as in the form.
TEXT_FIELDS = (
    ("--company", "company", "the company"),
    ("--role", "role", "the role"),
    ("--url", "job_url", "the job posting"),
    ("--location", "location", "where the job is"),
    ("--strengths", "key_strengths", "key strengths to mention"),
    ("--notes", "notes", "the notes (replaces them)"),
    ("--feedback", "feedback", "what they said when you asked why (R9)"),
    ("--lessons", "lessons", "what you learned"),
)
REQUIRED = ("company", "role")
_UNKNOWN = ("", "none", "unknown")  # --expected with one of these: no date known


def add_parser(commands: Commands) -> None:
    parser = commands.add("edit", edit_application, help="change an application's fields")
    parser.add_argument("id", metavar="ID", help="the application's number (#N in `list`)")
    for option, field, help in TEXT_FIELDS:
        parser.add_argument(option, dest=field, metavar="TEXT", help=help)
    parser.add_argument(
        "--persistence",
        choices=[p.value for p in Persistence],
        help="days between follow-ups: gentle 14, standard 7, persistent 4 (R4)",
    )
    parser.add_argument(
        "--expected",
        metavar="DATE",
        help="when they expect to decide (R2), learned today; 'none' when unknown",
    )


def edit_application(args: argparse.Namespace, today: date, path: Path) -> int:
    """Change an application's own fields (its history is changed by `log` and `close`). Only
    the options given change. Exit status 0; 2 on bad input, with nothing written."""
    from followup_tui.domain.checks import with_decision_date
    from followup_tui.domain.text import one_line

    number = application_number(args.id)
    changes: dict[str, object] = {}
    for option, field, _help in TEXT_FIELDS:
        value = getattr(args, field)
        if value is None:
            continue
        if field in REQUIRED and not value.strip():
            raise UsageError(f"{option} must not be empty")
        changes[field] = value.strip() if field in REQUIRED else value
    if args.persistence is not None:
        changes["persistence"] = Persistence(args.persistence)
    expected: date | None = None
    if args.expected is not None and args.expected.strip().lower() not in _UNKNOWN:
        expected = date_option("--expected", args.expected, today)
    if not changes and args.expected is None:
        raise UsageError(
            "nothing to change: give a field, e.g. --role TEXT (see followup edit --help)"
        )
    with store_to_change(path) as store:
        current = store.load_application(number)
        if current is None:
            raise no_such_application(number)
        edited = replace(current, **changes)  # type: ignore[arg-type]
        if args.expected is not None:
            edited = with_decision_date(edited, expected, today)
        changed = [name for name in _NAMES if getattr(edited, name) != getattr(current, name)]
        if changed:
            store.save_application(edited)
    what = ", ".join(_NAMES[name] for name in changed) if changed else "nothing changed"
    print(f"Saved #{number} {one_line(edited.company)}: {what}")
    return 0


# The fields this command changes, as the output names them.
_NAMES = {
    **{field: option.removeprefix("--") for option, field, _help in TEXT_FIELDS},
    "persistence": "persistence",
    "expected_decision": "expected decision",
}
