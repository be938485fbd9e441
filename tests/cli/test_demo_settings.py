"""The demo never touches the user's real data, settings included."""

from __future__ import annotations

import os
from pathlib import Path

from followup_tui.cli import main
from followup_tui.settings import settings_path


def test_the_demo_reads_a_copy_of_the_settings_and_never_writes_the_real_file(capsys):
    real = settings_path()
    real.parent.mkdir(parents=True, exist_ok=True)
    real.write_text("[cadence]\nstandard = 9\n")
    before = real.read_bytes(), os.stat(real).st_mtime_ns

    assert main(["--demo", "--today", "2026-03-10", "locate"]) == 0
    shown = capsys.readouterr().out
    settings_line = next(line for line in shown.splitlines() if line.startswith("settings:"))
    demo_copy = Path(settings_line.removeprefix("settings:").strip().split(" (")[0])
    database = Path(shown.splitlines()[0].removeprefix("database:").strip())

    assert demo_copy != real
    assert demo_copy.parent == database.parent  # in the demo's folder, gone with it
    assert not demo_copy.exists()  # the folder was removed when the command ended
    assert (real.read_bytes(), os.stat(real).st_mtime_ns) == before


def test_the_demo_copy_holds_the_users_settings(tmp_path):
    from followup_tui.cli.demo_folder import demo_settings

    real = tmp_path / "config" / "settings.toml"
    real.parent.mkdir()
    real.write_text('[keys]\nsnooze = "z"\n')
    (tmp_path / "demo").mkdir()
    copy = demo_settings(tmp_path / "demo" / "followup.sqlite", real)
    assert copy.parent == tmp_path / "demo"
    assert copy.read_text() == real.read_text()
    # No settings of one's own: the demo runs on the defaults, and a save stays in its folder.
    real.unlink()
    (tmp_path / "demo2").mkdir()
    assert not demo_settings(tmp_path / "demo2" / "followup.sqlite", real).exists()
