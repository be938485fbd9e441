"""Layers: tui and cli -> store and formats -> domain; the domain never reads the clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "followup_tui"

# What each layer may not import.
FORBIDDEN = {
    "domain": ("textual", "rich", "sqlalchemy", "sqlmodel", "sqlite3", "followup_tui.store",
               "followup_tui.formats", "followup_tui.tui", "followup_tui.cli", "os", "pathlib"),
    "formats": ("textual", "followup_tui.tui", "followup_tui.store", "followup_tui.cli"),
    "store": ("textual", "rich", "followup_tui.tui", "followup_tui.formats", "followup_tui.cli"),
}  # fmt: skip


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_layers_import_only_downwards():
    problems = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imports(path):
                if any(name == bad or name.startswith(bad + ".") for bad in forbidden):
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


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
