"""R4's warning before logging a follow-up counts with the user's cadence, as the rules do."""

from __future__ import annotations

from followup_tui.cli import main


def test_r4_the_weekly_limit_warning_follows_the_cadence_setting(db_path, tmp_path, capsys):
    args = ["--db", str(db_path)]
    assert main([*args, "--today", "2026-03-02", "add", "--company", "Acme", "--role", "Eng",
                 "--interview", "2026-02-23", "--interviewer", "Dana Reyes"]) == 0  # fmt: skip
    assert main([*args, "--today", "2026-03-02", "log", "1"]) == 0
    capsys.readouterr()
    fast = tmp_path / "fast.toml"
    fast.write_text("[cadence]\nstandard = 2\n")

    # Three days later: inside the default week (refused), outside a two-day cadence (logged).
    assert main([*args, "--today", "2026-03-05", "log", "1"]) == 2
    assert "R4" in capsys.readouterr().err
    assert main([*args, "--settings", str(fast), "--today", "2026-03-05", "log", "1"]) == 0
    assert "R4" not in capsys.readouterr().err
