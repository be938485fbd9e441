"""`followup` with no command: the dashboard."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from followup_tui.cli.options import preferences_of


def open_dashboard(args: argparse.Namespace, today: date, path: Path) -> int:
    """Run the TUI on `path` until it ends; the exit status is not 0 after a crash or signal."""
    from followup_tui.launch import start

    preferences = preferences_of(args)
    # Check (and migrate) before the screen takes over the terminal, then read the review
    # while Textual is imported.
    preload = start(path, today, preferences.rules)
    # First start: no settings file, no name in it or in the database. Asked once: saving or
    # skipping writes the file.
    settings_file: Path | None = getattr(args, "settings_file", None)
    ask_name = (
        settings_file is not None
        and not settings_file.exists()
        and not preferences.profile(preload.reader.load_profile()).name
    )
    from followup_tui.tui.app import FollowupApp

    app = FollowupApp(
        path,
        today,
        demo=getattr(args, "demo", False),
        preload=preload,
        preferences=preferences,
        settings_file=settings_file,
        ask_name=ask_name,
    )
    return app.run_in_terminal()
