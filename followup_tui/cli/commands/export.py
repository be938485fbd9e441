"""`followup export`: every application with its full history, in one of four formats."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from followup_tui.cli.common import Commands, UsageError, for_stdout, say_backup_failed
from followup_tui.cli.options import preferences_of
from followup_tui.domain.text import printable


def add_parser(commands: Commands) -> None:
    parser = commands.add("export", export_everything, help="export everything")
    parser.add_argument(
        "--format",
        choices=["json", "ics", "csv", "md"],
        default="json",
        help="json: everything, losslessly; ics: follow-ups and interviews for a calendar; "
        "csv: a spreadsheet; md: a readable dossier",
    )
    parser.add_argument(
        "--table",
        choices=["applications", "touches"],
        default="applications",
        help="with --format csv: which table",
    )
    parser.add_argument(
        "--application", metavar="ID", type=int, help="with --format md: only this application"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )


def export_everything(args: argparse.Namespace, today: date, path: Path) -> int:
    """Export every application with its full history (docs/export-format.md)."""
    from followup_tui.store import Store

    output = Path(args.output).expanduser() if args.output else None
    if output is not None and not output.parent.is_dir():
        raise UsageError(f"--output: the folder {output.parent} does not exist")
    if args.application is not None and args.format != "md":
        raise UsageError("--application goes with --format md")
    preferences = preferences_of(args)
    rules = preferences.rules
    with Store(path, reading=True) as store:
        say_backup_failed(store)
        applications = store.load_applications()
        profile = store.load_profile()
    data: bytes
    if args.format == "json":
        from followup_tui.formats.json_format import dumps

        data = dumps(applications, profile).encode()
    elif args.format == "ics":
        from followup_tui.formats.ics import to_ics

        data = to_ics(applications, today, rules)
    elif args.format == "csv":
        from followup_tui.formats.csv_format import applications_csv, touches_csv

        if args.table == "touches":
            data = touches_csv(applications).encode()
        else:
            data = applications_csv(applications, today, rules).encode()
    else:
        from followup_tui.formats.markdown import to_markdown

        if args.application is not None:
            applications = [a for a in applications if a.id == args.application]
            if not applications:
                raise UsageError(f"no application #{args.application}")
        data = to_markdown(applications, today, rules).encode()
    if output is None:
        data = for_stdout(data.decode(), json=args.format == "json").encode()
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from followup_tui.store.files import write_atomically

        write_atomically(output, data)
        print(printable(f"Exported to {output}"), file=sys.stderr)
    return 0
