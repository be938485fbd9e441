"""The demo's database: a fresh temporary folder for one command, filled with the demo data,
and removed when the command ends, however it ends (an error, Ctrl-C, SIGTERM, or SIGHUP when
the terminal closes). Only a demo killed outright (SIGKILL) leaves its folder; the next demo
sweeps it."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import FrameType

from followup_tui.cli.options import DB_NAME

DEMO_PREFIX = "followup-demo-"


@contextmanager
def demo_database(today: date) -> Iterator[Path]:
    """The path of a new database holding the demo applications, dated around `today`; the
    folder holding it is gone when the block ends."""
    from followup_tui.demo import DEMO_PROFILE, demo_applications
    from followup_tui.store import Store

    sweep_stale_demos()
    with _signals_end_the_command():
        folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
        try:
            (folder / "pid").write_text(str(os.getpid()))
            path = folder / DB_NAME
            with Store(path) as store:
                store.insert_applications(
                    demo_applications(today), keep_ids=True, profile=DEMO_PROFILE
                )
            yield path
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def demo_settings(database: Path, settings_file: Path) -> Path:
    """The demo's own settings file, beside its database: a copy of the user's, so their days
    and keys apply, while whatever the demo saves (the settings screen, `m` in the call panel,
    the first start's question) stays in the demo's folder and never reaches the real file."""
    copy = database.parent / "settings.toml"
    if settings_file.is_file():
        shutil.copyfile(settings_file, copy)
    return copy


def sweep_stale_demos() -> None:
    """Remove demo folders left by a demo that was killed (SIGKILL skips every clean-up)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            pid = int((folder / "pid").read_text())
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):
            continue  # not ours to judge: unreadable, or owned by another user


@contextmanager
def _signals_end_the_command() -> Iterator[None]:
    """SIGTERM and SIGHUP raise SystemExit(128 + N), as Ctrl-C raises KeyboardInterrupt, so
    the clean-up runs on the way out; by default they end the process on the spot. (The
    dashboard puts its own handlers in their place while it runs.)"""

    def end(number: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + number)

    previous: dict[signal.Signals, Callable[[int, FrameType | None], object] | int | None] = {}
    try:
        for number in (signal.SIGTERM, signal.SIGHUP):
            previous[number] = signal.signal(number, end)
    except ValueError:
        pass  # not the main thread, where Python runs every handler: nothing to change
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
