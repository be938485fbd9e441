"""`followup import FILE`: a followup export (json) or a spreadsheet tracker (csv), all of it
or nothing; or an interview invitation (ics, in import_ics.py)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from followup_tui.cli.common import Commands, UsageError
from followup_tui.cli.options import preferences_of
from followup_tui.domain.records import Application, Profile
from followup_tui.domain.text import printable


def add_parser(commands: Commands) -> None:
    parser = commands.add("import", import_file, help="import an export file")
    parser.add_argument("file", metavar="FILE", help="the file to import, or - for stdin")
    parser.add_argument(
        "--format",
        choices=["json", "csv", "ics"],
        default=None,
        help="json (a followup export), csv (a spreadsheet tracker) or ics (an interview "
        "invitation); default: by extension",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="csv: show the mapping and the problems only"
    )
    parser.add_argument(
        "--skip-bad", action="store_true", help="csv: import the readable rows, skip the rest"
    )
    parser.add_argument(
        "--date-order",
        choices=["mdy", "dmy", "ymd"],  # formats.csv_dates.DateOrder, kept off the start-up path
        default=None,
        help="csv: month, day or year first, for dates like 11/12/2026 when nothing in the file "
        "decides (a date like 10/28/2026 does)",
    )
    parser.add_argument(
        "--application",
        type=int,
        metavar="N",
        help="ics: the application the invitation is for (asked on a terminal when unclear)",
    )
    parser.add_argument(
        "--yes", action="store_true", help="ics: remove a cancelled interview without asking"
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="json, csv: where a record here differs from the file's, take the file's version "
        "(without it, a difference is reported and left as it is)",
    )


def import_file(args: argparse.Namespace, today: date, path: Path) -> int:
    """Import a file made by `followup export`: all of it or nothing. Into an empty database the
    ids are kept; otherwise the applications are added with new ids. What is here already is
    not added again: records that differ are reported, or taken from the file with --update
    (docs/export-format.md, "Importing again"). A spreadsheet tracker (csv) is read by its
    header; an interview invitation (ics) adds, updates or cancels one interview
    (docs/ics-import.md)."""
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            text = Path(args.file).expanduser().read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{args.file}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{args.file}: cannot read it ({error})") from None
    kind = args.format or _format_of(args.file)
    if kind == "ics":
        if args.update:
            raise UsageError("--update goes with an export (.json) or a tracker (.csv)")
        from followup_tui.cli.commands.import_ics import import_invitation

        return import_invitation(args, text, today, path)
    if args.application is not None or args.yes:
        raise UsageError("--application and --yes go with an .ics invitation")
    if kind == "csv":
        return _import_csv(args, text, today, path)
    if args.dry_run or args.skip_bad or args.date_order:
        raise UsageError("--dry-run, --skip-bad and --date-order go with --format csv")
    from followup_tui.formats.json_format import ImportProblem, parse_document

    try:
        exported = parse_document(text)
    except ImportProblem as error:
        raise UsageError(f"{args.file}: {error}; nothing was imported") from None
    profile = exported.profile if exported.profile != Profile() else None
    _import(exported.applications, args.update, path, profile)
    return 0


def _format_of(name: str) -> str:
    if name.lower().endswith((".csv", ".tsv")):
        return "csv"
    return "ics" if name.lower().endswith((".ics", ".ical", ".icalendar")) else "json"


def _import_csv(args: argparse.Namespace, text: str, today: date, path: Path) -> int:
    from followup_tui.formats.csv_dates import DateOrder
    from followup_tui.formats.csv_format import CsvProblem, read_csv

    order = DateOrder(args.date_order) if args.date_order else None
    try:
        found = read_csv(text, today, date_order=order, settings=preferences_of(args).rules)
    except CsvProblem as error:
        raise UsageError(f"{args.file}: {error}; nothing was imported") from None
    sys.stderr.write(printable(found.preview()))
    if args.dry_run:
        print("Dry run: nothing was imported.", file=sys.stderr)
        return 0
    if found.undecided:
        # Skipping the rows is no answer: the order is one word away.
        columns = " and ".join(repr(column.column) for column in found.undecided)
        raise UsageError(
            f"{args.file}: the date order of {columns} is undecided: {found.undecided[0].reason}. "
            "Nothing was imported"
        )
    if found.problems and not args.skip_bad:
        count = len(found.problems)
        raise UsageError(
            f"{args.file}: {count} row{'s' if count != 1 else ''} cannot be read (listed above); "
            "fix them, or add --skip-bad to import the rest. Nothing was imported"
        )
    _import(found.applications, args.update, path, export=False)
    return 0


def _import(
    applications: list[Application],
    update: bool,
    path: Path,
    profile: Profile | None = None,
    *,
    export: bool = True,
) -> None:
    """Add what is new, find what is here already, and say so: '3 added, 7 already here, 1
    differs (not changed)', then each difference."""
    from followup_tui.domain.matching import match, summary
    from followup_tui.store import Store

    with Store(path) as store:
        here = store.load_applications()
        matches = match(here, applications)
        # An export's ids are kept in an empty database; a spreadsheet's rows are numbered.
        keep_ids = export and not here
        store.import_matched(matches, keep_ids=keep_ids, update=update, profile=profile)
    print(printable(f"Imported into {path}: {summary(matches, updated=update)}"), file=sys.stderr)
    differing = [m for m in matches if m.stored is not None and m.changes]
    for found in differing:
        assert found.stored is not None
        name = f"#{found.stored.id} {found.stored.company} ({found.stored.role})"
        print(printable(f"  {name}: {', '.join(found.differences)}"), file=sys.stderr)
    if differing and not update:
        print("  Left as they are here; --update takes the file's version.", file=sys.stderr)
