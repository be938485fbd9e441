"""`followup list` counts with the user's settings, as `due` and the screens do."""

from __future__ import annotations

import json

from followup_tui.cli import main


def test_r11_list_follows_the_application_follow_up_days_setting(db_path, tmp_path, capsys):
    args = ["--db", str(db_path), "--today", "2026-03-04"]
    assert (
        main([*args, "add", "--company", "Acme", "--role", "Eng", "--applied", "2026-03-02"]) == 0
    )
    settings = tmp_path / "settings.toml"
    settings.write_text("[rules]\napplication_follow_up_days = 2\n")
    capsys.readouterr()

    assert main([*args, "list", "--json"]) == 0
    default = json.loads(capsys.readouterr().out)["applications"][0]["next_action"]
    assert main([*args, "--settings", str(settings), "list", "--json"]) == 0
    set_by_user = json.loads(capsys.readouterr().out)["applications"][0]["next_action"]

    assert default["due"] == "2026-03-09"  # seven days after Mon 2 Mar
    assert set_by_user["due"] == "2026-03-04"  # two days after
