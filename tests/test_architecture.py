"""The domain never reads the clock, and the CLI starts without Textual. Which layer may import
which is checked by import-linter (pyproject.toml, tests/test_lint.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "followup_tui"


def test_domain_never_reads_the_clock():
    for path in (PACKAGE / "domain").rglob("*.py"):
        source = path.read_text()
        for call in ("date.today(", "datetime.now(", "datetime.today(", "time.time("):
            assert call not in source, f"{path.name} calls {call}"


def test_the_cli_starts_without_textual():
    # `followup due` in a shell prompt should not pay for importing the TUI.
    code = "import sys, followup_tui.cli; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"
