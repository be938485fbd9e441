"""followup's benchmark: `python benchmarks/bench.py [--sizes 100,1000,10000,100000] [--runs 5]`.

For each size N it generates a database (fixed seed, a tenth active; and a copy with every
application active, the dashboard's worst case) and measures, in fresh processes:

- cold start to the first frame showing the loaded dashboard, against a bare Textual app of the
  same layout with no data, as a ratio of medians (the yardstick: Textual's own start-up);
- latency of keys on the loaded dashboard: cursor down, opening each screen (detail, call panel,
  review, help, looking back, two forms), typing a letter into the filter. Pilot presses; the time
  runs from the key to the last frame composed. Each key's first press (imports, first styling)
  is shown apart from the median and 95th percentile of the others, beside a bare Textual app
  doing the same, with the ratio at p95. The yardstick for a screen is bare Textual pushing one
  with a header, a scrolling text and a one-line key bar, as followup's screens have; for help
  and the forms, which are dialogs over the dimmed dashboard, it is bare Textual's dialog over
  the same dimmed dashboard holding the same widgets (the help's texts; the snooze form's one
  Input, the edit form's Inputs, Select and TextAreas, each with its label and error line, and
  two buttons): the table's "bare" column names the yardstick of each key. Keys are
  timed in `--key-runs` processes each, ours and bare Textual's in turn (`--keys-only`: alone);
- cursor down in the first seconds, while the store opens behind the first frame (the day's
  first start: its backup is not taken yet);
- the rules engine alone over the whole database (and the all-active one), in applications per
  second;
- peak memory of each process on its own (VmHWM, read in the process as it ends: the parent's
  RUSAGE_CHILDREN is the largest child so far, and a child starts from its parent's high-water
  mark): the app started and settled, on both databases, and the app after the keys;
- the shell agenda: `followup due --quiet`, `followup due --all --json`, `followup show 1` and
  `followup list` as whole processes, each run in turn with `python -c pass`: medians and
  ratios. Their bytecode is cached (in the run's own folder) as an installed copy's is, so
  no run compiles followup's modules. `--agenda-only` measures this alone.

It prints its tables and writes them as JSON (benchmarks/results.json by default). Ratios, not
absolute times, are what compare across machines and across a busy machine's runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 3, 10)
HERE = Path(__file__).resolve()
SIZE = (120, 36)
# Workers a screen's user waits on; "flow" workers wait for a form's answer, and "resume" for
# the user's choice on a call left open.
WAITING_FOR_USER = ("flow", "resume")
SETTLE_TIMEOUT_S = 120


def peak_kb() -> int:
    """This process's own peak resident memory, in KB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    # Not Linux: the best there is, and it may include the parent's (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


# Children: each runs in a fresh process ------------------------------------------------------

# Bare Textual's stand-in for followup's key bar (followup_tui/tui/widgets/key_bar.py): one line.
BARE_CSS = """
#keys { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; }
#panel { height: 8; }
.dialog { align: center middle; background: $background 60%; }
.dialog #form {
    width: 84; max-width: 100%; max-height: 90%; height: auto; padding: 1 2;
    border: thick $primary; background: $surface;
}
.dialog .title { width: 100%; text-style: bold; margin-bottom: 1; }
.dialog .label { color: $text-muted; }
.dialog .error { display: none; }
.dialog TextArea { height: 3; }
.dialog .buttons { dock: bottom; height: auto; padding-top: 1; background: $surface; }
.dialog Button { margin-right: 2; }
"""
DASHBOARD_KEYS = " r Review  a Add  c Call  l Log  s Snooze  / Filter  q Quit  ? Help"
SCREEN_KEYS = " esc Back  e Edit  c Call  l Log  t Thank-you  s Snooze  i Interview+  n Contact+"
DIALOG_KEYS = " ^s Save  esc Cancel  tab Next field"
# The bare dialogs' fields, as followup's snooze form (one date) and edit form (application_form
# in followup_tui/tui/screens/forms.py: seven texts, a select, two areas) have them; "help" has
# none (it is text).
DIALOG_FIELDS = {
    "help": (),
    "small": ("text",),
    "large": ("text",) * 4 + ("select",) + ("text",) * 3 + ("area",) * 2,
}
# The help's two texts, as long as followup's on the dashboard: some 30 lines of keys under their
# headings, and a heading and 13 rules of a sentence each.
HELP_KEYS = "\n".join(
    f"  {key:<8}  what the key {key} does here" for key in "abcdefghijklmnopqrstuvwxyz1234"
)
HELP_RULES = "\n".join(f"  R{n:<3} " + "a sentence of some seventy letters " * 2 for n in range(14))


def child_paint(db: str, mode: str) -> None:
    """Start an app headless; print when the first frame with data (or the bare layout) is up,
    then let it settle (the store opens behind the first frame) before it ends.

    The app starts the way `followup` does (cli): `launch.start` checks the file and begins
    reading before Textual is imported."""
    if mode == "bare":
        from textual.app import App
        from textual.widgets import DataTable, Header, Static

        class Bare(App[None]):
            CSS = BARE_CSS

            def compose(self):
                yield Header()
                yield Static("summary")
                yield DataTable()
                yield Static("detail", id="panel")
                yield Static(DASHBOARD_KEYS, id="keys", markup=False)

            def on_mount(self) -> None:
                self.call_after_refresh(self._painted)

            def _painted(self) -> None:
                print("painted", flush=True)
                self.exit()

        Bare().run(headless=True, size=SIZE)
        return

    from followup_tui.launch import start

    preload = start(Path(db), TODAY)
    Timed = timed_app()

    class Painted(Timed):
        def on_mount(self) -> None:
            self._watch = self.set_interval(0.005, self._loaded)

        def _loaded(self) -> None:
            if self.dashboard_loaded():
                self._watch.stop()
                self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            print(f"painted {self.screen.query_one(self.review_table).row_count}", flush=True)
            self._deadline = time.monotonic() + SETTLE_TIMEOUT_S
            self._watch = self.set_interval(0.02, self._settled)

        def _settled(self) -> None:
            waiting = [w for w in self.workers if w.group not in WAITING_FOR_USER]
            if not self.store_opening() and not waiting:
                self._watch.stop()
                self.exit()
            elif time.monotonic() > self._deadline:
                self.exit(return_code=1, message="the app did not settle: the store never opened")

    app = Painted(Path(db), TODAY, preload=preload)
    app.run(headless=True, size=SIZE)
    if app.return_code:
        sys.exit(app.return_code)


def timed_app():
    """FollowupApp, noting when each frame is composed (headless, Textual composes every frame
    and only skips writing it to a terminal) and when the store, opened in the background
    behind the first frame with data, is open."""
    import followup_tui.tui.app as app_module
    from followup_tui.tui.app import FollowupApp
    from followup_tui.tui.widgets.review_table import ReviewTable

    class Timed(FollowupApp):
        # Textual resolves CSS_PATH beside the class's own module: point at the real one.
        CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))
        frames: list[float] = []
        store_requested_at: float | None = None
        review_table = ReviewTable

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

        def open_store_once(self) -> None:
            if self.store_requested_at is None:
                self.store_requested_at = time.perf_counter()
            super().open_store_once()

        def store_opening(self) -> bool:
            """True until the store is open (or failed to): it opens in a "store" worker."""
            requested = self.store_requested_at is not None
            return not requested or any(w.group == "store" for w in self.workers)

        def dashboard_loaded(self) -> bool:
            # The dashboard sets its subtitle when it shows loaded rows: the next frame has them.
            return bool(self.screen.query(ReviewTable)) and bool(self.screen.sub_title)

    return Timed


class Keys:
    """Times keys pressed by Pilot: from the key to the last frame composed before the app is
    idle again with its loads done (Pilot's own waits, some 60 ms a key, are not counted)."""

    def __init__(self, app, pilot) -> None:
        self.app, self.pilot = app, pilot
        self.timings: dict[str, list[float]] = {}

    async def settle(self, wait_for_store: bool = True) -> None:
        await self.pilot.pause()
        waited = False
        for worker in list(self.app.workers):
            if worker.group in WAITING_FOR_USER or (worker.group == "store" and not wait_for_store):
                continue
            await asyncio.wait_for(worker.wait(), SETTLE_TIMEOUT_S)
            waited = True
        if waited:
            await self.pilot.pause()  # for the frame showing what the worker brought

    async def timed(
        self, name: str, keys: tuple[str, ...], back: tuple[str, ...] = (), *, opens=False,
        wait_for_store: bool = True,
    ) -> None:  # fmt: skip
        before = self.app.screen
        start = time.perf_counter()
        await self.pilot.press(*keys)
        await self.settle(wait_for_store)
        done = time.perf_counter()
        if opens and self.app.screen is before:
            raise RuntimeError(f"{name}: {keys} opened no screen")
        last = max((t for t in self.app.frames if start <= t <= done), default=done)
        self.timings.setdefault(name, []).append((last - start) * 1000)
        if back:
            await self.pilot.press(*back)
            await self.settle(wait_for_store)
            if opens and self.app.screen is not before:
                raise RuntimeError(f"{name}: {back} did not go back")


def child_bare_keys(repeats: int) -> None:
    """The yardstick for keys: a bare Textual app of the same layout (30 rows, a panel that
    follows the cursor, a filter box; a second screen with a header, a scrolling text and a
    one-line key bar, like followup's), timed the same way as child_keys."""
    from textual.app import App
    from textual.binding import Binding
    from textual.containers import Horizontal, VerticalScroll
    from textual.screen import ModalScreen, Screen
    from textual.widgets import Button, DataTable, Header, Input, Label, Select, Static, TextArea

    class Second(Screen[None]):
        BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("x", "app.bell", "X")]

        def compose(self):
            yield Header()
            with VerticalScroll():
                yield Static("detail " * 300)
            yield Static(SCREEN_KEYS, id="keys", markup=False)

    class Dialog(ModalScreen[None]):
        """Bare Textual's dialog: a ModalScreen over the dashboard, see-through and dimmed as
        followup's are (app.tcss .form-screen), a bordered box of the same size and style
        holding what followup's dialog of the same kind holds, widget for widget: `fields` are
        the kinds of its form's fields ("text" an Input, "select" a Select, "area" a TextArea),
        each with its label and its hidden error line, below the title and two buttons; with
        no fields it is the help: a title, two texts (the keys and the rules) and a line.
        Opening a dialog costs the widgets it composes and the dimmed dashboard painted
        beneath it: a bare screen with neither would flatter nothing and measure something
        else."""

        BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

        def __init__(self, fields: tuple[str, ...]) -> None:
            super().__init__(classes="dialog")
            self.fields = fields

        def compose(self):
            with VerticalScroll(id="form"):
                if not self.fields:
                    yield Label("Keys", classes="title")
                    yield Static(HELP_KEYS, markup=False)
                    yield Static(HELP_RULES, markup=False)
                    yield Label("escape or ? closes", classes="label")
                else:
                    with Horizontal(classes="buttons"):
                        yield Button("Save (ctrl+s)", variant="primary")
                        yield Button("Cancel (esc)")
                    yield Label("Edit the application", classes="title")
                    for kind in self.fields:
                        yield Label("A field", classes="label")
                        if kind == "select":
                            yield Select([(f"option {n}", n) for n in range(3)], value=1,
                                         allow_blank=False)  # fmt: skip
                        elif kind == "area":
                            yield TextArea("some notes", soft_wrap=True)
                        else:
                            yield Input("a value")
                        yield Static("", classes="error")
            if self.fields:  # followup's help has no key bar of its own
                yield Static(DIALOG_KEYS, id="keys", markup=False)

    class Bare(App[None]):
        CSS = BARE_CSS
        BINDINGS = [
            Binding("o", "open", "Open"),
            Binding("slash", "filter", "Filter"),
            Binding("h", "dialog('help')", "Help"),
            Binding("f", "dialog('small')", "Form"),
            Binding("g", "dialog('large')", "Form"),
        ]
        frames: list[float] = []

        def compose(self):
            yield Header()
            yield Static("summary")
            yield Input(id="filter")
            yield DataTable(cursor_type="row")
            yield Static("detail", id="panel")
            yield Static(DASHBOARD_KEYS, id="keys", markup=False)

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns(*"abcdefgh")
            for row in range(30):
                table.add_row(*[f"cell {row} {column}" for column in range(8)])
            table.focus()

        def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
            self.query_one("#panel", Static).update(f"row {event.cursor_row}")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.query_one("#panel", Static).update(event.value)

        def action_open(self) -> None:
            self.push_screen(Second())

        def action_filter(self) -> None:
            self.query_one(Input).focus()

        def action_dialog(self, kind: str) -> None:
            self.push_screen(Dialog(DIALOG_FIELDS[kind]))

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

    async def main() -> dict[str, list[float]]:
        app = Bare()
        async with app.run_test(size=SIZE) as pilot:
            keys = Keys(app, pilot)
            await keys.settle()
            for _ in range(repeats):
                await keys.timed("cursor down", ("down",))
                await keys.timed("open a screen", ("o",), ("escape",), opens=True)
                await keys.timed("open help", ("h",), ("escape",), opens=True)
                await keys.timed("open a form, 1 field", ("f",), ("escape",), opens=True)
                await keys.timed("open a form, 10 fields", ("g",), ("escape",), opens=True)
            await pilot.press("slash")
            for _ in range(repeats):
                await keys.timed("type a letter", ("a",), ("backspace",))
        return keys.timings

    print(json.dumps(asyncio.run(main())), flush=True)


# Our keys: name, keys, the keys back, whether it opens a screen.
KEYS = (
    ("cursor down", ("j",), (), False),
    ("open detail", ("enter",), ("escape",), True),
    ("open call panel", ("c",), ("escape",), True),
    ("open review", ("r",), ("escape",), True),
    ("open help", ("question_mark",), ("escape",), True),
    ("open looking back", ("L",), ("escape",), True),
    ("open a form (snooze)", ("s",), ("escape",), True),
    ("open a form (edit)", ("e",), ("escape",), True),
    ("filter a letter", ("a",), ("escape",), False),  # in the filter box: slash first
)
# Which bare-Textual key each of ours is measured against.
YARDSTICK = {
    "cursor down": "cursor down",
    "cursor down, store opening": "cursor down",
    "filter a letter": "type a letter",
    **{name: "open a screen" for name, _keys, _back, opens in KEYS if opens},
    # Help and the forms are dialogs over the dimmed dashboard: bare Textual's dialog of the
    # same widgets (child_bare_keys, Dialog).
    "open help": "open help",
    "open a form (snooze)": "open a form, 1 field",
    "open a form (edit)": "open a form, 10 fields",
}


def child_keys(db: str, repeats: int) -> None:
    """Latency of keys on the loaded dashboard, once the store is open, printed as JSON. The
    app starts the way `followup` does; each round presses every key once (the first round's
    presses are each key's first)."""
    from followup_tui.launch import start

    preload = start(Path(db), TODAY)
    Timed = timed_app()

    async def main() -> dict[str, list[float]]:
        app = Timed(Path(db), TODAY, preload=preload)
        async with app.run_test(size=SIZE) as pilot:
            keys = Keys(app, pilot)
            await loaded(app, pilot)
            await keys.settle()
            table = app.screen.query_one(app.review_table)
            for _ in range(repeats):
                if table.cursor_row >= table.row_count - 1:
                    await pilot.press("g")  # at the bottom "down" does nothing: start again
                    await keys.settle()
                for name, pressed, back, opens in KEYS:
                    if name == "filter a letter":
                        await pilot.press("slash")
                    await keys.timed(name, pressed, back, opens=opens)
        return keys.timings

    print(json.dumps(asyncio.run(main())), flush=True)


async def loaded(app, pilot) -> None:
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while not app.dashboard_loaded():
        if time.monotonic() > deadline:
            raise RuntimeError("the dashboard never showed its rows")
        await asyncio.sleep(0.002)
    await pilot.pause()


def child_early_keys(db: str, limit: int) -> None:
    """Cursor down from the first frame with data until the store, opening in the background,
    is open (at most `limit` presses, 50 ms apart), printed as JSON with the seconds the store
    took. Keys go straight to the app, not through Pilot, whose waits for an idle process last
    as long as the store opens: the time runs from the key to the last frame of the frames it
    brings (none other comes meanwhile: the dashboard is loaded and still)."""
    from textual import events

    from followup_tui.launch import start

    preload = start(Path(db), TODAY)
    Timed = timed_app()

    async def quiet(app, since: float) -> float:
        """The last frame after `since`, once 30 ms go by without another."""
        deadline = time.monotonic() + SETTLE_TIMEOUT_S
        while True:
            count = len(app.frames)
            await asyncio.sleep(0.03)
            if len(app.frames) == count and app.frames and app.frames[-1] >= since:
                return app.frames[-1]
            if time.monotonic() > deadline:
                raise RuntimeError("no frame came after the key")

    async def main() -> dict:
        app = Timed(Path(db), TODAY, preload=preload)
        presses: list[float] = []
        async with app.run_test(size=SIZE) as pilot:
            deadline = time.monotonic() + SETTLE_TIMEOUT_S
            while not (app.dashboard_loaded() and app.frames):
                if time.monotonic() > deadline:
                    raise RuntimeError("the dashboard never showed its rows")
                await asyncio.sleep(0.002)
            await quiet(app, app.frames[-1])
            table = app.screen.query_one(app.review_table)
            while app.store_opening() and len(presses) < limit:
                if table.cursor_row >= table.row_count - 1:
                    app.post_message(events.Key("g", "g"))
                    await quiet(app, time.perf_counter())
                started = time.perf_counter()
                app.post_message(events.Key("j", "j"))
                presses.append((await quiet(app, started) - started) * 1000)
                await asyncio.sleep(0.02)
            await Keys(app, pilot).settle()
            store_s = None
            if app.store_requested_at is not None:
                store_s = round(time.perf_counter() - app.store_requested_at, 3)
        return {"presses": presses, "store_open_s_at_most": store_s}

    print(json.dumps(asyncio.run(main())), flush=True)


def child_rules(dbs: list[str], runs: int = 5) -> None:
    """The rules engine over every application of each database: median of `runs` passes. The
    loaded records are frozen out of the cyclic GC first, as the app does after each load."""
    import gc

    from followup_tui.domain.rules import assess_all
    from followup_tui.store.reading import Reader

    found = []
    for db in dbs:
        applications = Reader(Path(db)).load_applications()
        gc.freeze()
        rates = []
        for _ in range(runs):
            start = time.perf_counter()
            assess_all(applications, TODAY)
            rates.append(len(applications) / (time.perf_counter() - start))
        found.append(statistics.median(rates))
        del applications
        gc.unfreeze()
    print(json.dumps({"per_second": found}), flush=True)


# The parent ---------------------------------------------------------------------------------


def run_child(*args: str, timeout: float = 900) -> tuple[float, str, int]:
    """Seconds from spawn to the child's first line, that line, and the child's own peak RSS
    in KB (its last line, written as it ended)."""
    with tempfile.TemporaryFile("w+") as errors:  # not a pipe: only stdout is read meanwhile
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(HERE), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
        )
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        rest = child.stdout.read()  # the buffer may hold it already: not communicate()
        child.wait(timeout=timeout)
        errors.seek(0)
        err = errors.read()
    if child.returncode != 0 or not line:
        raise RuntimeError(f"child {args} failed: {err[-2000:]}")
    last = rest.strip().splitlines()[-1] if rest.strip() else ""
    if not last.startswith("peak "):
        raise RuntimeError(f"child {args} did not say its peak memory: {rest[-500:]!r}")
    return elapsed, line.strip(), int(last.split()[1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float], first: float | None = None) -> dict:
    """The first press (given, or the first of values) apart from the others' median and p95."""
    if first is None:
        first, values = values[0], values[1:]
    return {
        "first": round(first, 1),
        "median": round(statistics.median(values), 1) if values else None,
        "p95": round(percentile(values, 0.95), 1) if values else None,
        "presses": len(values) + 1,
    }


def forget_backups(path: Path) -> None:
    """Make the next start the day's first: its store takes the backup as it opens."""
    from followup_tui.store.backups import list_backups

    for found in list_backups(path):
        found.unlink()


def agenda(path: Path, runs: int, folder: Path) -> dict:
    """The shell agenda as whole processes, each run in turn with `python -c pass` (so that a
    busy machine slows both alike): median seconds of `runs` runs and the ratio."""
    followup = Path(sys.executable).with_name("followup")
    command = [str(followup)] if followup.exists() else [sys.executable, "-m", "followup_tui"]
    common = [*command, "--db", str(path), "--today", TODAY.isoformat()]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "followup due --quiet": [*common, "due", "--quiet"],
        "followup due --all --json": [*common, "due", "--all", "--json"],
        "followup show 1": [*common, "show", "1"],
        "followup list": [*common, "list"],
    }
    # Its own folders: no crash report or setting of the user's is read or written.
    env = {**os.environ, **{f"XDG_{kind}_HOME": str(folder / kind.lower())
                            for kind in ("STATE", "CONFIG", "DATA", "CACHE")}}  # fmt: skip
    env.pop("FOLLOWUP_DB", None)
    # An installed followup has its bytecode compiled: so do these runs, whatever the
    # environment says (PYTHONDONTWRITEBYTECODE would compile every module on every run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")

    def run(argv: list[str]) -> tuple[float, subprocess.CompletedProcess]:
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)
        return time.perf_counter() - start, done

    # The app's runs before took the day's backup and left the file in the page cache.
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():
        run(argv)  # untimed: writes the bytecode
    for _ in range(runs):
        for name, argv in list(commands.items()):
            elapsed, done = run(argv)
            if name == "followup list" and done.returncode == 2 and "invalid choice" in done.stderr:
                del commands[name], times[name]  # not a command (yet)
            elif done.returncode not in ((0, 1) if "due" in name else (0,)):  # due: 1, overdue
                raise RuntimeError(f"{name} failed: {done.stderr[-2000:]}")
            else:
                times[name].append(elapsed)
    baseline = statistics.median(times["python -c pass"])
    return {
        name: {
            "median_s": round(statistics.median(values), 3),
            "ratio": round(statistics.median(values) / baseline, 2),
        }
        for name, values in times.items()
    }


def key_latency(path: Path, repeats: int, key_runs: int) -> tuple[dict, dict, int]:
    """Our keys and bare Textual's, each child run `key_runs` times in turn (so that a busy
    machine slows both alike): per key, the median of the runs' first presses apart from the
    median and p95 of all the others; and the largest peak memory of our runs, in KB."""
    ours: dict[str, list[list[float]]] = {}
    bare: dict[str, list[list[float]]] = {}
    peak = 0
    for _ in range(key_runs):
        _, line, rss = run_child("keys", str(path), str(repeats))
        peak = max(peak, rss)
        for name, values in json.loads(line).items():
            ours.setdefault(name, []).append(values)
        for name, values in json.loads(run_child("bare-keys", str(repeats))[1]).items():
            bare.setdefault(name, []).append(values)

    def pooled(runs: dict[str, list[list[float]]]) -> dict:
        return {
            name: summary(
                [value for values in found for value in values[1:]],
                first=statistics.median(values[0] for values in found),
            )
            | {"presses": sum(map(len, found))}
            for name, found in runs.items()
        }

    return pooled(ours), pooled(bare), peak


def measure(
    size: int,
    runs: int,
    folder: Path,
    repeats: int,
    agenda_runs: int,
    agenda_only: bool = False,
    keys_only: bool = False,
    key_runs: int = 2,
) -> dict:
    from followup_tui.store.generate import generate

    normal, worst = folder / f"n{size}.sqlite", folder / f"n{size}-all-active.sqlite"
    for path, share in ((normal, 0.1), (worst, 1.0)):
        if not path.exists() and not ((agenda_only or keys_only) and path == worst):
            generate(path, size, TODAY, active_share=share)
    if agenda_only:
        return {
            "applications": size,
            "agenda": agenda(normal, agenda_runs, folder / f"agenda-{size}"),
        }
    if keys_only:
        keys, bare_keys, _peak = key_latency(normal, repeats, key_runs)
        return {"applications": size, "keys_ms": keys, "bare_textual_keys_ms": bare_keys}
    bare = [run_child("paint", "-", "bare")[0] for _ in range(runs)]
    paint, rss, paint_worst, rss_worst = [], 0, [], 0
    for _ in range(runs):  # in turn, so that a busy machine slows both alike
        elapsed, _line, peak = run_child("paint", str(normal), "app")
        paint.append(elapsed)
        rss = max(rss, peak)
        elapsed, _line, peak = run_child("paint", str(worst), "app")
        paint_worst.append(elapsed)
        rss_worst = max(rss_worst, peak)
    early: list[list[float]] = []
    store_open: list[float] = []
    for _ in range(runs):
        forget_backups(normal)
        found = json.loads(run_child("early-keys", str(normal), str(repeats))[1])
        if found["presses"]:
            early.append(found["presses"])
        if found["store_open_s_at_most"] is not None:
            store_open.append(found["store_open_s_at_most"])
    keys, bare_keys, rss_keys = key_latency(normal, repeats, key_runs)
    if early:
        keys["cursor down, store opening"] = summary(
            [p for presses in early for p in presses[1:]],
            first=statistics.median(presses[0] for presses in early),
        )
        keys["cursor down, store opening"]["presses"] = sum(map(len, early))
    rules, rules_active = json.loads(run_child("rules", str(normal), str(worst))[1])["per_second"]
    bare_median = statistics.median(bare)
    return {
        "applications": size,
        "bare_textual_s": round(bare_median, 3),
        "first_paint_s": round(statistics.median(paint), 3),
        "first_paint_ratio": round(statistics.median(paint) / bare_median, 2),
        "all_active_first_paint_s": round(statistics.median(paint_worst), 3),
        "all_active_first_paint_ratio": round(statistics.median(paint_worst) / bare_median, 2),
        "keys_ms": keys,
        "bare_textual_keys_ms": bare_keys,
        "store_open_s": round(statistics.median(store_open), 3) if store_open else None,
        "rules_per_s": round(rules),
        "rules_per_s_all_active": round(rules_active),
        "peak_rss_mb": round(rss / 1024, 1),
        "peak_rss_mb_all_active": round(rss_worst / 1024, 1),
        "peak_rss_mb_after_keys": round(rss_keys / 1024, 1),
        "agenda": agenda(normal, agenda_runs, folder / f"agenda-{size}"),
    }


def _columns(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.rjust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    return "\n".join(lines) + "\n"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def table(results: list[dict]) -> str:
    """Three tables: start-up, rules and memory per size; each key per size; the shell agenda
    (alone with --agenda-only)."""
    if "keys_ms" not in results[0]:
        return _agenda_table(results)
    if "first_paint_s" not in results[0]:
        return _keys_table(results)
    rows = [["N", "bare s", "paint s", "ratio", "all active s", "ratio", "rules/s",
             "rules/s all active", "MB", "MB all active", "MB after keys"]]  # fmt: skip
    for r in results:
        rows.append(
            [f"{r['applications']:,}", f"{r['bare_textual_s']:.2f}", f"{r['first_paint_s']:.2f}",
             f"{r['first_paint_ratio']:.2f}x", f"{r['all_active_first_paint_s']:.2f}",
             f"{r['all_active_first_paint_ratio']:.2f}x", f"{r['rules_per_s']:,}",
             f"{r['rules_per_s_all_active']:,}", f"{r['peak_rss_mb']:.0f}",
             f"{r['peak_rss_mb_all_active']:.0f}", f"{r['peak_rss_mb_after_keys']:.0f}"]
        )  # fmt: skip
    return _columns(rows) + "\n" + _keys_table(results) + "\n" + _agenda_table(results)


def _keys_table(results: list[dict]) -> str:
    keys = [["N", "key", "first ms", "median ms", "p95 ms", "bare Textual first/median/p95 ms",
             "p95 ratio"]]  # fmt: skip
    for r in results:
        for name, values in r["keys_ms"].items():
            bare = r["bare_textual_keys_ms"].get(YARDSTICK.get(name, ""))
            ratio = "-"
            if bare and bare["p95"] and values["p95"] is not None:
                ratio = f"{values['p95'] / bare['p95']:.2f}x"
            keys.append(
                [f"{r['applications']:,}", name, _ms(values["first"]), _ms(values["median"]),
                 _ms(values["p95"]),
                 "" if not bare else f"{_ms(bare['first'])}/{_ms(bare['median'])}/"
                 f"{_ms(bare['p95'])} ({YARDSTICK[name]})", ratio]
            )  # fmt: skip
    return _columns(keys)


def _agenda_table(results: list[dict]) -> str:
    shell = [["N", "command", "median s", "ratio to python -c pass"]]
    for r in results:
        for name, values in r["agenda"].items():
            shell.append([f"{r['applications']:,}", name, f"{values['median_s']:.3f}",
                          f"{values['ratio']:.2f}x"])  # fmt: skip
    return _columns(shell)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000", help="comma-separated N")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per measurement")
    parser.add_argument("--repeats", type=int, default=20, help="presses per key")
    parser.add_argument("--agenda-runs", type=int, default=10, help="runs per shell command")
    parser.add_argument("--agenda-only", action="store_true", help="the shell agenda alone")
    parser.add_argument("--keys-only", action="store_true", help="the keys alone")
    parser.add_argument(
        "--key-runs", type=int, default=2, help="processes timing keys, ours and bare in turn"
    )
    parser.add_argument("--output", default=str(HERE.parent / "results.json"))
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as folder:
        for size in sizes:
            results.append(
                measure(
                    size, args.runs, Path(folder), args.repeats, args.agenda_runs,
                    args.agenda_only, args.keys_only, args.key_runs,
                )
            )  # fmt: skip
            print(f"measured N={size}", file=sys.stderr, flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report = {"machine": machine, "today": TODAY.isoformat(), "results": results}
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    print(f"followup benchmark on {machine}")
    print(table(results), end="")
    print(f"written to {args.output}")


CHILDREN = {
    "paint": lambda args: child_paint(args[0], args[1]),
    "bare-keys": lambda args: child_bare_keys(int(args[0])),
    "keys": lambda args: child_keys(args[0], int(args[1])),
    "early-keys": lambda args: child_early_keys(args[0], int(args[1])),
    "rules": child_rules,
}

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in CHILDREN:
        CHILDREN[sys.argv[1]](sys.argv[2:])
        print(f"peak {peak_kb()}", flush=True)
    else:
        main()
