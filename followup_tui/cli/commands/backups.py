"""`followup backup` and `followup restore`: copies of the database, made now or put back."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from followup_tui.cli.common import Commands, UsageError
from followup_tui.domain.text import printable


def add_parser(commands: Commands) -> None:
    backup = commands.add("backup", back_up, help="copy the database now")
    backup.add_argument("path", metavar="PATH", nargs="?", help="a file or a folder to copy to")

    restore = commands.add("restore", restore_backup, help="replace the database with a backup")
    restore.add_argument("path", metavar="PATH", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def back_up(args: argparse.Namespace, today: date, path: Path) -> int:
    """Copy the database, consistently even while followup runs elsewhere. Without PATH the copy
    goes to the backups folder beside the database (the newest 14 are kept there; a copy is
    also made each day by the app's first start or the first command that writes)."""
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


def restore_backup(args: argparse.Namespace, today: date, path: Path) -> int:
    """Replace the database with a backup after checking it is a sound followup database. What it
    replaces is backed up first, so a restore can be restored."""
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
