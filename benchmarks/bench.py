"""followup's benchmark: `python benchmarks/bench.py [--sizes 100,1000,10000,100000] [--runs 5]`.

For each size N it generates a database (fixed seed, a tenth active; and a copy with every
application active, the dashboard's worst case) and measures, in fresh processes:

- cold start to the first frame showing the loaded dashboard, against a bare Textual app of the
  same layout with no data, as a ratio of medians (the yardstick: Textual's own start-up);
- latency of common keys on the loaded dashboard (median and 95th percentile; Pilot presses,
  and the time runs from the key to the last frame composed), beside a bare Textual app's;
- the rules engine alone over the whole database (and the all-active one), in applications per
  second;
- peak memory (RSS) of the TUI process.

It prints two tables and writes them as JSON (benchmarks/results.json by default). Ratios, not
absolute times, are what compare across machines.
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


# Children: each runs in a fresh process ------------------------------------------------------


def child_paint(db: str, mode: str) -> None:
    """Start an app headless; print when the first frame with data (or the bare layout) is up.

    The app starts the way `followup` does (cli._tui): `launch.start` checks the file and begins
    reading before Textual is imported."""
    if mode == "bare":
        from textual.app import App
        from textual.widgets import DataTable, Footer, Header, Static

        class Bare(App[None]):
            def compose(self):
                yield Header()
                yield Static("summary")
                yield DataTable()
                yield Static("detail")
                yield Footer()

            def on_mount(self) -> None:
                self.call_after_refresh(self._painted)

            def _painted(self) -> None:
                print("painted", flush=True)
                self.exit()

        Bare().run(headless=True, size=(120, 36))
        return

    from followup_tui.launch import start

    preload = start(Path(db), TODAY)
    Timed = timed_app()

    class Painted(Timed):
        def on_mount(self) -> None:
            self._watch = self.set_interval(0.005, self._loaded)

        def _loaded(self) -> None:
            # The dashboard sets its subtitle when it shows loaded rows: the next frame has them.
            if self.screen.query(ReviewTable) and self.screen.sub_title:
                self._watch.stop()
                self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            rows = self.screen.query_one(ReviewTable).row_count
            print(f"painted {rows}", flush=True)
            self.exit()

    from followup_tui.tui.widgets.review_table import ReviewTable

    Painted(Path(db), TODAY, preload=preload).run(headless=True, size=(120, 36))


def timed_app():
    """FollowupApp, noting when each frame is composed (headless, Textual composes every frame
    and only skips writing it to a terminal)."""
    import followup_tui.tui.app as app_module
    from followup_tui.tui.app import FollowupApp

    class Timed(FollowupApp):
        # Textual resolves CSS_PATH beside the class's own module: point at the real one.
        CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))
        frames: list[float] = []

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

    return Timed


def child_bare_keys(repeats: int) -> None:
    """The yardstick for keys: a bare Textual app of the same layout (30 rows, a panel that
    follows the cursor, a second screen with a footer), timed the same way as child_keys."""
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header, Input, Static

    class Second(Screen[None]):
        BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("x", "app.bell", "X")]

        def compose(self):
            yield Header()
            yield Static("detail " * 300)
            yield Footer()

    class Bare(App[None]):
        BINDINGS = [Binding("o", "open", "Open"), Binding("slash", "filter", "Filter")]
        frames: list[float] = []

        def compose(self):
            yield Header()
            yield Static("summary")
            yield Input(id="filter")
            yield DataTable(cursor_type="row")
            yield Static("detail", id="panel")
            yield Footer()

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

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

    async def main() -> dict[str, list[float]]:
        app = Bare()
        timings: dict[str, list[float]] = {"cursor down": [], "open a screen": []}
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()

            async def timed(name: str, key: str, after: str = "") -> None:
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                done = time.perf_counter()
                last = max((t for t in app.frames if start <= t <= done), default=done)
                timings[name].append((last - start) * 1000)
                if after:
                    await pilot.press(after)
                    await pilot.pause()

            for _ in range(repeats):
                await timed("cursor down", "down")
                await timed("open a screen", "o", after="escape")
            timings["type a letter"] = []
            await pilot.press("slash")
            for _ in range(repeats):
                await timed("type a letter", "a", after="backspace")
        return timings

    print(json.dumps(asyncio.run(main())), flush=True)


def child_keys(db: str, repeats: int) -> None:
    """Latency of keys on the loaded dashboard, printed as JSON.

    Pilot presses each key; the latency runs from the key's dispatch to the last frame composed
    before the app is idle again with its loads finished: what the user waits to see. (Pilot's
    own waits for idleness, some 60 ms a key, are not part of it.)"""
    Timed = timed_app()

    async def main() -> dict[str, list[float]]:
        app = Timed(Path(db), TODAY)
        names = ("cursor down", "open detail", "open call panel", "filter a letter")
        timings: dict[str, list[float]] = {name: [] for name in names}
        async with app.run_test(size=(120, 36)) as pilot:

            async def settle() -> None:
                await pilot.pause()
                for worker in list(app.workers):
                    if worker.group in ("load", "load-one", "store"):
                        await worker.wait()
                await pilot.pause()

            await settle()

            async def timed(name: str, *keys: str, after: tuple[str, ...] = ()) -> None:
                start = time.perf_counter()
                await pilot.press(*keys)
                await settle()
                done = time.perf_counter()
                last = max((t for t in app.frames if start <= t <= done), default=done)
                timings[name].append((last - start) * 1000)
                if after:
                    await pilot.press(*after)
                    await settle()

            from followup_tui.tui.widgets.review_table import ReviewTable

            table = app.screen.query_one(ReviewTable)
            for _ in range(repeats):
                if table.cursor_row >= table.row_count - 1:
                    await pilot.press("g")  # at the bottom "down" does nothing: start again
                    await settle()
                await timed("cursor down", "j")
                await timed("open detail", "enter", after=("escape",))
                await timed("open call panel", "c", after=("escape",))
                await pilot.press("slash")
                await timed("filter a letter", "a", after=("escape",))
        return timings

    print(json.dumps(asyncio.run(main())), flush=True)


def child_rules(db: str, runs: int = 5) -> None:
    """The rules engine over every application of the database: median of `runs` passes. The
    loaded records are frozen out of the cyclic GC first, as the app does after each load."""
    import gc

    from followup_tui.domain.rules import assess_all
    from followup_tui.store.reading import Reader

    applications = Reader(Path(db)).load_applications()
    gc.freeze()
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        assess_all(applications, TODAY)
        rates.append(len(applications) / (time.perf_counter() - start))
    print(json.dumps({"per_second": statistics.median(rates)}), flush=True)


# The parent ---------------------------------------------------------------------------------


def run_child(*args: str, timeout: float = 600) -> tuple[float, str, int]:
    """Seconds from spawn to the child's first line, that line, and the child's peak RSS (KB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
    )
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _, err = child.communicate(timeout=timeout)
    if child.returncode != 0 or not line:
        raise RuntimeError(f"child {args} failed: {err[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, line.strip(), max(peak, before)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(size: int, runs: int, folder: Path, repeats: int) -> dict:
    from followup_tui.store.generate import generate

    normal, worst = folder / f"n{size}.sqlite", folder / f"n{size}-all-active.sqlite"
    for path, share in ((normal, 0.1), (worst, 1.0)):
        if not path.exists():
            generate(path, size, TODAY, active_share=share)
    bare = [run_child("paint", "-", "bare")[0] for _ in range(runs)]
    paint, rss = [], 0
    for _ in range(runs):
        elapsed, _line, peak = run_child("paint", str(normal), "app")
        paint.append(elapsed)
        rss = max(rss, peak)
    paint_worst = [run_child("paint", str(worst), "app")[0] for _ in range(runs)]
    keys = json.loads(run_child("keys", str(normal), str(repeats))[1])
    bare_keys = json.loads(run_child("bare-keys", str(repeats))[1])
    rules = json.loads(run_child("rules", str(normal))[1])["per_second"]
    rules_active = json.loads(run_child("rules", str(worst))[1])["per_second"]
    bare_median = statistics.median(bare)

    def summary(timings: dict[str, list[float]]) -> dict:
        return {
            name: {
                "median": round(statistics.median(values), 1),
                "p95": round(percentile(values, 0.95), 1),
            }
            for name, values in timings.items()
        }

    return {
        "applications": size,
        "bare_textual_s": round(bare_median, 3),
        "first_paint_s": round(statistics.median(paint), 3),
        "first_paint_ratio": round(statistics.median(paint) / bare_median, 2),
        "all_active_first_paint_s": round(statistics.median(paint_worst), 3),
        "all_active_first_paint_ratio": round(statistics.median(paint_worst) / bare_median, 2),
        "keys_ms": summary(keys),
        "bare_textual_keys_ms": summary(bare_keys),
        "rules_per_s": round(rules),
        "rules_per_s_all_active": round(rules_active),
        "peak_rss_mb": round(rss / 1024, 1),
    }


# Which bare-Textual key each of ours is measured against.
YARDSTICK = {
    "cursor down": "cursor down",
    "open detail": "open a screen",
    "open call panel": "open a screen",
    "filter a letter": "type a letter",
}


def _columns(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.rjust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    return "\n".join(lines) + "\n"


def table(results: list[dict]) -> str:
    """Two tables: start-up, rules and memory per size; then each key per size."""
    rows = [["N", "bare s", "paint s", "ratio", "all active s", "ratio", "rules/s",
             "rules/s all active", "RSS MB"]]  # fmt: skip
    for r in results:
        rows.append(
            [f"{r['applications']:,}", f"{r['bare_textual_s']:.2f}", f"{r['first_paint_s']:.2f}",
             f"{r['first_paint_ratio']:.2f}x", f"{r['all_active_first_paint_s']:.2f}",
             f"{r['all_active_first_paint_ratio']:.2f}x", f"{r['rules_per_s']:,}",
             f"{r['rules_per_s_all_active']:,}", f"{r['peak_rss_mb']:.0f}"]
        )  # fmt: skip
    keys = [["N", "key", "median ms", "p95 ms", "bare Textual p95 ms"]]
    for r in results:
        for name, values in r["keys_ms"].items():
            bare = r["bare_textual_keys_ms"].get(YARDSTICK.get(name, ""), {}).get("p95")
            keys.append(
                [f"{r['applications']:,}", name, f"{values['median']:.0f}", f"{values['p95']:.0f}",
                 "" if bare is None else f"{bare:.0f} ({YARDSTICK[name]})"]
            )  # fmt: skip
    return _columns(rows) + "\n" + _columns(keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000", help="comma-separated N")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per measurement")
    parser.add_argument("--repeats", type=int, default=20, help="presses per key")
    parser.add_argument("--output", default=str(HERE.parent / "results.json"))
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as folder:
        for size in sizes:
            results.append(measure(size, args.runs, Path(folder), args.repeats))
            print(f"measured N={size}", file=sys.stderr, flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report = {"machine": machine, "today": TODAY.isoformat(), "results": results}
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    print(f"followup benchmark on {machine}")
    print(table(results), end="")
    print(f"written to {args.output}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "paint":
        child_paint(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "bare-keys":
        child_bare_keys(int(sys.argv[2]))
    elif len(sys.argv) > 1 and sys.argv[1] == "keys":
        child_keys(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "rules":
        child_rules(sys.argv[2])
    else:
        main()
