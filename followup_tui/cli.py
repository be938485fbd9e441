"""The `followup` command: the TUI by default, and subcommands beside it.

Bad input gets one line on stderr and exit status 2, and nothing is written: every argument is
checked before the database is opened.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from followup_tui import __version__
from followup_tui.domain.dates import DateError, in_range, parse_date
from followup_tui.domain.records import Application, Contact, Interview, Persistence, Profile
from followup_tui.domain.text import json_printable, one_line, printable

if TYPE_CHECKING:
    from followup_tui.store import Store

DB_ENV = "FOLLOWUP_DB"
TODAY_ENV = "FOLLOWUP_TODAY"
DB_NAME = "followup.sqlite"
DEMO_PREFIX = "followup-demo-"


class UsageError(Exception):
    """Bad input from the command line: shown as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # printable: argparse quotes an unknown argument as typed
        self.exit(2, printable(f"{self.prog}: error: {message} (see {self.prog} --help)") + "\n")


def build_parser() -> argparse.ArgumentParser:
    # Global options are accepted before or after the subcommand.
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"database file (default: ${DB_ENV}, else the user data folder)",
    )
    common.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        default=argparse.SUPPRESS,
        help=f"pretend today is this date (default: ${TODAY_ENV}, else the real date)",
    )
    common.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use a fresh temporary database filled with demo data; your data is not touched",
    )
    parser = _Parser(
        prog="followup",
        parents=[common],
        description="Who do I follow up with today, how, and what do I say? "
        "With no command, opens the dashboard.",
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    due = commands.add_parser(
        "due",
        parents=[common],
        help="print today's agenda",
        description="Print today's agenda: every follow-up due today or overdue, most urgent "
        "first. Exit status: 0 when nothing is overdue, 1 when something is (2: an error).",
    )
    due.add_argument("--json", action="store_true", help="print JSON (docs/agenda-format.md)")
    due.add_argument(
        "--all", action="store_true", help="include upcoming actions, not only those due today"
    )
    due.add_argument("--short", action="store_true", help="one line per action")
    due.add_argument(
        "--quiet",
        action="store_true",
        help="for a shell start-up file: --short, and nothing at all when nothing is due",
    )

    add = commands.add_parser(
        "add",
        parents=[common],
        help="add an application (and an interview)",
        description="Add an application, optionally with one interview and its interviewers. "
        "Dates take YYYY-MM-DD or words: today, yesterday, mon..sun, -3d, +2w.",
    )
    add.add_argument("--company", required=True)
    add.add_argument("--role", required=True)
    add.add_argument("--url", default="", help="the job posting")
    add.add_argument("--location", default="")
    add.add_argument(
        "--persistence",
        choices=[p.value for p in Persistence],
        default=Persistence.STANDARD.value,
        help="days between follow-ups: gentle 14, standard 7, persistent 4 (R4)",
    )
    add.add_argument("--expected", metavar="DATE", help="when they expect to decide (R2)")
    add.add_argument("--strengths", default="", help="key strengths to mention")
    add.add_argument("--notes", default="")
    add.add_argument("--interview", metavar="DATE", help="the date of the interview")
    add.add_argument("--time", metavar="HH:MM", help="the interview's start time")
    add.add_argument("--stage", default="", help="e.g. Phone screen, Onsite, Final")
    add.add_argument(
        "--interviewer",
        action="append",
        default=[],
        metavar="NAME",
        help="someone you met (repeat for each)",
    )
    add.add_argument(
        "--decision-maker",
        metavar="NAME",
        help="who decides (R5); an interviewer of that name is marked, or a contact is added",
    )
    add.add_argument("--topics", default="", help="what you discussed")
    add.add_argument("--concerns", default="", help="concerns they raised")

    show = commands.add_parser(
        "show", parents=[common], help="print one application with its next actions"
    )
    show.add_argument("id", metavar="ID", help="the application's number (#N in `due`)")

    export = commands.add_parser(
        "export",
        parents=[common],
        help="export everything",
        description="Export every application with its full history (docs/export-format.md).",
    )
    export.add_argument(
        "--format",
        choices=["json", "ics", "csv", "md"],
        default="json",
        help="json: everything, losslessly; ics: follow-ups and interviews for a calendar; "
        "csv: a spreadsheet; md: a readable dossier",
    )
    export.add_argument(
        "--table",
        choices=["applications", "touches"],
        default="applications",
        help="with --format csv: which table",
    )
    export.add_argument(
        "--application", metavar="ID", type=int, help="with --format md: only this application"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )

    importer = commands.add_parser(
        "import",
        parents=[common],
        help="import an export file",
        description="Import a file made by `followup export`: all of it or nothing. Into an "
        "empty database the ids are kept; otherwise the applications are added with new ids.",
    )
    importer.add_argument("file", metavar="FILE", help="the file to import, or - for stdin")
    importer.add_argument(
        "--format",
        choices=["json", "csv"],
        default=None,
        help="json (a followup export) or csv (a spreadsheet tracker); default: by extension",
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="csv: show the mapping and the problems only"
    )
    importer.add_argument(
        "--skip-bad", action="store_true", help="csv: import the readable rows, skip the rest"
    )

    commands.add_parser("locate", parents=[common], help="print where the database and backups are")

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="copy the database now",
        description="Copy the database, consistently even while followup runs elsewhere. "
        "Without PATH the copy goes to the backups folder beside the database (the newest 14 "
        "are kept there; a copy is also made on the first start of each day).",
    )
    backup.add_argument("path", metavar="PATH", nargs="?", help="a file or a folder to copy to")

    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a backup",
        description="Replace the database with a backup after checking it is a sound followup "
        "database. What it replaces is backed up first, so a restore can be restored.",
    )
    restore.add_argument("path", metavar="PATH", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from followup_tui.store import StoreError

    try:
        today = _resolve_today(args)
        command = _COMMANDS[args.command or "tui"]
        if getattr(args, "demo", False):
            return _with_demo(args, today, command)
        return command(args, today, _resolve_db(args))
    except (UsageError, StoreError) as error:
        print(f"followup: error: {printable(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `followup due | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _for_stdout(text: str, *, json: bool = False) -> str:
    """Into a file or a pipe, the exact text (an export imports back as it was). On a terminal,
    control characters in user text are shown, never obeyed: JSON writes them as \\u escapes, so
    it stays valid JSON that reads back the same."""
    if not sys.stdout.isatty():
        return text
    if json:
        return json_printable(text)
    return printable(text.replace("\r\n", "\n"))  # CSV and iCalendar end their lines with CRLF


def _say_backup_failed(store: Store) -> None:
    """A command that only reads goes on when the day's backup cannot be written (a full
    disk), and says so on one line."""
    if store.backup_error is not None:
        print(f"followup: warning: {printable(str(store.backup_error))}", file=sys.stderr)


def _resolve_today(args: argparse.Namespace) -> date:
    text = getattr(args, "today", None) or os.environ.get(TODAY_ENV)
    if not text:
        return date.today()  # the one place the real clock is read
    source = "--today" if getattr(args, "today", None) else TODAY_ENV
    try:
        return in_range(date.fromisoformat(text.strip()))
    except DateError as error:
        raise UsageError(f"{source}: {error}") from None
    except ValueError:
        raise UsageError(f"{source}: {text!r} is not a date (use YYYY-MM-DD)") from None


def _resolve_db(args: argparse.Namespace) -> Path:
    explicit = getattr(args, "db", None) or os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    folder = Path(platformdirs.user_data_dir("followup", appauthor=False))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / DB_NAME


def _with_demo(
    args: argparse.Namespace, today: date, command: Callable[[argparse.Namespace, date, Path], int]
) -> int:
    from followup_tui.demo import DEMO_PROFILE, demo_applications
    from followup_tui.store import Store

    _sweep_stale_demos()
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    try:
        (folder / "pid").write_text(str(os.getpid()))
        path = folder / DB_NAME
        with Store(path) as store:
            store.insert_applications(demo_applications(today), keep_ids=True, profile=DEMO_PROFILE)
        return command(args, today, path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sweep_stale_demos() -> None:
    """Remove demo folders left by a demo that was killed (a closed terminal skips cleanup)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            pid = int((folder / "pid").read_text())
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):
            continue  # not ours to judge: unreadable, or owned by another user


# Commands -----------------------------------------------------------------------------------


def _tui(args: argparse.Namespace, today: date, path: Path) -> int:
    from followup_tui.launch import start

    # Check (and migrate) before the screen takes over the terminal, then read the review
    # while Textual is imported.
    preload = start(path, today)
    from followup_tui.tui.app import FollowupApp

    app = FollowupApp(path, today, demo=getattr(args, "demo", False), preload=preload)
    return app.run_in_terminal()  # not 0 after a crash or a signal


def _due(args: argparse.Namespace, today: date, path: Path) -> int:
    from followup_tui.domain.review import review_list
    from followup_tui.formats.agenda import agenda_json, agenda_short, agenda_text
    from followup_tui.store import Store

    with Store(path, reading=True) as store:
        _say_backup_failed(store)
        assessments = review_list(store.load_applications(), today)
    overdue = any(action.overdue for a in assessments for action in a.actions)
    if args.json:
        sys.stdout.write(
            _for_stdout(agenda_json(assessments, today, everything=args.all), json=True)
        )
    elif args.quiet or args.short:
        text = agenda_short(assessments, everything=args.all)
        if text or not args.quiet:
            sys.stdout.write(text or "Nothing due today.\n")
    else:
        sys.stdout.write(agenda_text(assessments, today, everything=args.all))
    return 1 if overdue else 0


def _add(args: argparse.Namespace, today: date, path: Path) -> int:
    application = _application_from_flags(args, today)
    from followup_tui.store import Store

    with Store(path) as store:
        new_id = store.add_application(application)
    print(f"Added #{new_id}: {one_line(application.company)} ({one_line(application.role)})")
    return 0


def _application_from_flags(args: argparse.Namespace, today: date) -> Application:
    company, role = args.company.strip(), args.role.strip()
    if not company:
        raise UsageError("--company must not be empty")
    if not role:
        raise UsageError("--role must not be empty")
    expected = _date_flag("--expected", args.expected, today)
    held_on = _date_flag("--interview", args.interview, today)
    names = [name.strip() for name in args.interviewer]
    if any(not name for name in names):
        raise UsageError("--interviewer must not be empty")
    if held_on is None:
        for flag, value in (
            ("--time", args.time),
            ("--stage", args.stage),
            ("--interviewer", names),
            ("--topics", args.topics),
            ("--concerns", args.concerns),
        ):
            if value:
                raise UsageError(f"{flag} needs --interview DATE")
    at_time = None
    if args.time:
        try:
            at_time = time.fromisoformat(args.time.strip())
        except ValueError:
            raise UsageError(f"--time: {args.time!r} is not a time (use HH:MM)") from None
    decider = (args.decision_maker or "").strip()
    if args.decision_maker is not None and not decider:
        raise UsageError("--decision-maker must not be empty")
    people = list(dict.fromkeys(names))
    if decider and decider not in people:
        people.append(decider)
    contacts = tuple(
        Contact(index, name, decision_maker=(name == decider))
        for index, name in enumerate(people, start=1)
    )
    interviews = ()
    if held_on is not None:
        interviewer_ids = tuple(c.id for c in contacts if c.full_name in names)
        interviews = (
            Interview(1, held_on, at_time, args.stage, interviewer_ids, args.topics, args.concerns),
        )
    return Application(
        id=0,
        company=company,
        role=role,
        job_url=args.url,
        location=args.location,
        persistence=Persistence(args.persistence),
        expected_decision=expected,
        decision_learned_on=held_on if expected else None,
        key_strengths=args.strengths,
        notes=args.notes,
        created_on=today,
        contacts=contacts,
        interviews=interviews,
    )


def _date_flag(flag: str, value: str | None, today: date) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value, today)
    except DateError as error:
        raise UsageError(f"{flag}: {error}") from None


def _show(args: argparse.Namespace, today: date, path: Path) -> int:
    try:
        wanted = int(args.id.lstrip("#"))
    except ValueError:
        raise UsageError(f"{args.id!r} is not an application number") from None
    from followup_tui.domain.rules import assess
    from followup_tui.formats.dossier import dossier_text
    from followup_tui.store import Store

    with Store(path, reading=True) as store:
        _say_backup_failed(store)
        application = store.load_application(wanted)
    if application is None:
        raise UsageError(f"no application #{wanted} (see `followup due --all`)")
    sys.stdout.write(dossier_text(assess(application, today)))
    return 0


def _export(args: argparse.Namespace, today: date, path: Path) -> int:
    from followup_tui.store import Store

    output = Path(args.output).expanduser() if args.output else None
    if output is not None and not output.parent.is_dir():
        raise UsageError(f"--output: the folder {output.parent} does not exist")
    if args.application is not None and args.format != "md":
        raise UsageError("--application goes with --format md")
    with Store(path, reading=True) as store:
        _say_backup_failed(store)
        applications = store.load_applications()
        profile = store.load_profile()
    data: bytes
    if args.format == "json":
        from followup_tui.formats.json_format import dumps

        data = dumps(applications, profile).encode()
    elif args.format == "ics":
        from followup_tui.formats.ics import to_ics

        data = to_ics(applications, today)
    elif args.format == "csv":
        from followup_tui.formats.csv_format import applications_csv, touches_csv

        if args.table == "touches":
            data = touches_csv(applications).encode()
        else:
            data = applications_csv(applications, today).encode()
    else:
        from followup_tui.formats.markdown import to_markdown

        if args.application is not None:
            applications = [a for a in applications if a.id == args.application]
            if not applications:
                raise UsageError(f"no application #{args.application}")
        data = to_markdown(applications, today).encode()
    if output is None:
        data = _for_stdout(data.decode(), json=args.format == "json").encode()
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from followup_tui.store.files import write_atomically

        write_atomically(output, data)
        print(printable(f"Exported to {output}"), file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, today: date, path: Path) -> int:
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
    count = len(exported.applications)
    print(
        printable(f"Imported {count} application{'s' if count != 1 else ''} into {path}"),
        file=sys.stderr,
    )
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
    count = len(found.applications)
    print(
        printable(f"Imported {count} application{'s' if count != 1 else ''} into {path}"),
        file=sys.stderr,
    )
    return 0


def _locate(args: argparse.Namespace, today: date, path: Path) -> int:
    from followup_tui.store.backups import backups_dir, list_backups

    found = list_backups(path)
    newest = found[0].name if found else "none yet"
    print(printable(f"database: {path}"))
    print(printable(f"backups:  {backups_dir(path)} ({len(found)}; newest: {newest})"))
    return 0


def _backup(args: argparse.Namespace, today: date, path: Path) -> int:
    from datetime import datetime

    from followup_tui.store import Store
    from followup_tui.store.backups import backup_path, copy_database, make_backup

    if not path.exists():
        raise UsageError(f"there is no database at {path} yet")
    now = datetime.now()
    target = Path(args.path).expanduser() if args.path else None
    if target is not None:
        if target.is_dir():
            target = target / backup_path(path, now, "manual").name
        if not target.parent.is_dir():
            raise UsageError(f"the folder {target.parent} does not exist")
        if target.exists():
            raise UsageError(f"{target} exists; choose a new name (nothing is overwritten)")
    Store(path, backup_daily=False).close()  # refuses a damaged or foreign file first
    made = make_backup(path, now, "manual") if target is None else copy_database(path, target)
    print(printable(f"Backed up to {made}"))
    return 0


def _restore(args: argparse.Namespace, today: date, path: Path) -> int:
    from datetime import datetime

    from followup_tui.store import Store
    from followup_tui.store.backups import check_restorable, restore

    source = Path(args.path).expanduser()
    check_restorable(source)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("restore replaces your database: add --yes to confirm")
        answer = input(printable(f"Replace {path} with {source}? (it is backed up first) [y/N] "))
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.", file=sys.stderr)
            return 1
    replaced = restore(path, source, datetime.now())
    Store(path, backup_daily=False).close()  # brings an older backup to the current schema
    if replaced is not None:
        print(printable(f"The database it replaced is in {replaced}"), file=sys.stderr)
    print(printable(f"Restored {source} into {path}"))
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, date, Path], int]] = {
    "tui": _tui,
    "due": _due,
    "add": _add,
    "show": _show,
    "export": _export,
    "import": _import,
    "locate": _locate,
    "backup": _backup,
    "restore": _restore,
}
