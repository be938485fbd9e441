"""The benchmark runs end to end at a small N: a smoke test, no timing is asserted."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from followup_tui.store import Store
from followup_tui.store.generate import generate

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"
SCREENS = {"open detail", "open call panel", "open review", "open help", "open looking back",
           "open a form (snooze)", "open a form (edit)"}  # fmt: skip
# The dialogs' yardsticks: bare Textual's dialog of the same widgets; the other screens are
# measured against bare Textual pushing a screen.
DIALOGS = {"open help": "open help", "open a form (snooze)": "open a form, 1 field",
           "open a form (edit)": "open a form, 10 fields"}  # fmt: skip


def _bench():
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # runs the benchmark
def test_benchmark_prints_its_tables_and_writes_json(tmp_path):
    output = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "30", "--runs", "1", "--repeats", "1",
         "--agenda-runs", "1", "--output", str(output)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split()[:5] == ["N", "bare", "s", "paint", "s"]
    assert lines[2].split()[0] == "30"
    report = json.loads(output.read_text())
    (row,) = report["results"]
    assert row["applications"] == 30 and row["rules_per_s"] > 0
    assert row["rules_per_s_all_active"] > 0
    assert set(row["keys_ms"]) == {"cursor down", "filter a letter", *SCREENS,
                                   "cursor down, store opening"}  # fmt: skip
    assert all(key["first"] > 0 for key in row["keys_ms"].values())
    assert set(row["bare_textual_keys_ms"]) == {
        "cursor down", "open a screen", "type a letter",
        "open help", "open a form, 1 field", "open a form, 10 fields",
    }  # fmt: skip
    for name in SCREENS:  # each screen beside its yardstick, with the ratio column
        yardstick = DIALOGS.get(name, "open a screen")
        assert any(name in line and f"({yardstick})" in line for line in lines)
    assert row["peak_rss_mb"] > 10 and row["peak_rss_mb_all_active"] > 10
    agenda = row["agenda"]
    assert {"python -c pass", "followup due --quiet", "followup show 1"} <= set(agenda)
    assert agenda["python -c pass"]["ratio"] == 1.0
    assert "ratio to python -c pass" in result.stdout


@pytest.mark.slow  # starts a process
def test_a_child_reports_its_own_peak_memory_not_its_parents(tmp_path):
    """RUSAGE_CHILDREN gives the largest child so far, and a child spawned from a big parent
    starts from the parent's high-water mark: each child reads its own VmHWM instead."""
    if not Path("/proc/self/status").exists():
        pytest.skip("VmHWM is Linux's")
    bench = _bench()
    path = tmp_path / "small.sqlite"
    generate(path, 30, date(2026, 3, 10))
    ballast = b"x" * (400 * 2**20)  # this process (the parent) now holds 400 MB more
    _elapsed, _line, peak_kb = bench.run_child("rules", str(path))
    assert len(ballast) and peak_kb < 200 * 1024


def test_each_key_s_first_press_is_shown_apart_from_the_rest():
    summary = _bench().summary([120.0, 5.0, 7.0, 6.0])
    assert summary == {"first": 120.0, "median": 6.0, "p95": 7.0, "presses": 4}


@pytest.mark.slow  # generates and reads four hundred applications
def test_generated_database_has_the_promised_shape(tmp_path):
    path = tmp_path / "generated.sqlite"
    generate(path, 200, date(2026, 3, 10))
    with Store(path, backup_daily=False) as store:
        applications = store.load_applications()
    assert len(applications) == 200
    assert all(len(a.contacts) == 3 and len(a.interviews) == 2 for a in applications)
    assert all(len(a.touches) == 8 for a in applications)
    active = sum(a.status.value == "active" for a in applications)
    assert 10 <= active <= 35  # about a tenth
    days = [t.on for a in applications for t in a.touches]
    assert (max(days) - min(days)).days > 600  # spread over two years
    again = tmp_path / "again.sqlite"
    generate(again, 200, date(2026, 3, 10))
    with Store(again, backup_daily=False) as store:
        assert store.load_applications() == applications  # a fixed seed
