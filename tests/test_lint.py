"""Lint and format are part of the test run, so CI and a contributor's `pytest` agree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a tool installed beside this Python (the project's virtual environment)."""
    executable = shutil.which(name, path=str(Path(sys.executable).parent)) or name
    return subprocess.run(
        [executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return tool("ruff", *args)


def test_ruff_check_passes():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied():
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_hold_as_import_linter_contracts():
    # pyproject.toml [tool.importlinter]: domain -> nothing of ours; store and formats never
    # tui or cli; widgets never screens, flows or app.
    result = tool("lint-imports", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes_on_the_package():
    # [tool.mypy] in pyproject.toml: untyped bodies checked too, and a `# type: ignore` must
    # name its error code (no blanket ignores).
    result = tool("mypy", "followup_tui")
    assert result.returncode == 0, result.stdout + result.stderr
