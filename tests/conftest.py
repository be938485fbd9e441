"""Tests never touch the user's real data: every test gets its own database and data folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

# The date the demo database is built around in tests (a Tuesday).
DEMO_TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # crash reports
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "followup.sqlite"))
    monkeypatch.delenv("FOLLOWUP_TODAY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # settings.toml
    monkeypatch.delenv("FOLLOWUP_SETTINGS", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "followup.sqlite"


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    """The demo applications at the tests' pinned date (Tue 10 Mar 2026), with the demo profile,
    in this test's database file."""
    from followup_tui.demo import DEMO_PROFILE, demo_applications
    from followup_tui.store import Store

    with Store(db_path) as store:
        store.insert_applications(
            demo_applications(DEMO_TODAY), keep_ids=True, profile=DEMO_PROFILE
        )
    return db_path
