"""The benchmark runs end to end at a small N: a smoke test, no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from followup_tui.store import Store
from followup_tui.store.generate import generate

pytestmark = pytest.mark.slow  # runs the benchmark

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"


def test_benchmark_prints_its_table_and_writes_json(tmp_path):
    output = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "30", "--runs", "1", "--repeats", "1",
         "--output", str(output)],
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
    assert set(row["keys_ms"]) == {"cursor down", "open detail", "open call panel",
                                   "filter a letter"}  # fmt: skip
    assert set(row["bare_textual_keys_ms"]) == {"cursor down", "open a screen", "type a letter"}
    assert row["rules_per_s_all_active"] > 0
    assert "open detail" in result.stdout and "(open a screen)" in result.stdout


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
