"""Tests never touch the user's real data: every test gets its own database and data folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "followup.sqlite"))
    monkeypatch.delenv("FOLLOWUP_TODAY", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "followup.sqlite"
