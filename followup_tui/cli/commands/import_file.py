"""`followup import FILE`: a followup export (json) or a spreadsheet tracker (csv), all of it
or nothing."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from followup_tui.cli.common import Commands, UsageError
from followup_tui.domain.records import Profile
from followup_tui.domain.text import printable


def add_parser(commands: Commands) -> None:
    parser = commands.add("import", import_file, help="import an export file")
    parser.add_argument("file", metavar="FILE", help="the file to import, or - for stdin")
    parser.add_argument(
        "--format",
        choices=["json", "csv"],
        default=None,
        help="json (a followup export) or csv (a spreadsheet tracker); default: by extension",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="csv: show the mapping and the problems only"
    )
    parser.add_argument(
        "--skip-bad", action="store_true", help="csv: import the readable rows, skip the rest"
    )


def import_file(args: argparse.Namespace, today: date, path: Path) -> int:
    """Import a file made by `followup export`: all of it or nothing. Into an empty database the
    ids are kept; otherwise the applications are added with new ids."""
    from followup_tui.store import Store

    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            text = Path(args.file).expanduser().read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{args.file}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{args.file}: cannot read it ({error})") from None
    kind = args.format or ("csv" if args.file.lower().endswith((".csv", ".tsv")) else "json")
    if kind == "csv":
        return _import_csv(args, text, today, path)
    if args.dry_run or args.skip_bad:
        raise UsageError("--dry-run and --skip-bad go with --format csv")
    from followup_tui.formats.json_format import ImportProblem, parse_document

    try:
        exported = parse_document(text)
    except ImportProblem as error:
        raise UsageError(f"{args.file}: {error}; nothing was imported") from None
    with Store(path) as store:
        keep_ids = store.count_applications() == 0
        profile = exported.profile if exported.profile != Profile() else None
        store.insert_applications(exported.applications, keep_ids=keep_ids, profile=profile)
    _say_imported(len(exported.applications), path)
    return 0


def _import_csv(args: argparse.Namespace, text: str, today: date, path: Path) -> int:
    from followup_tui.formats.csv_format import CsvProblem, read_csv
    from followup_tui.store import Store

    try:
        found = read_csv(text, today)
    except CsvProblem as error:
        raise UsageError(f"{args.file}: {error}; nothing was imported") from None
    sys.stderr.write(printable(found.preview()))
    if args.dry_run:
        print("Dry run: nothing was imported.", file=sys.stderr)
        return 0
    if found.problems and not args.skip_bad:
        count = len(found.problems)
        raise UsageError(
            f"{args.file}: {count} row{'s' if count != 1 else ''} cannot be read (listed above); "
            "fix them, or add --skip-bad to import the rest. Nothing was imported"
        )
    with Store(path) as store:
        store.insert_applications(found.applications, keep_ids=False)
    _say_imported(len(found.applications), path)
    return 0


def _say_imported(count: int, path: Path) -> None:
    print(
        printable(f"Imported {count} application{'s' if count != 1 else ''} into {path}"),
        file=sys.stderr,
    )
