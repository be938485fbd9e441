"""`followup` with no command: the dashboard."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def open_dashboard(args: argparse.Namespace, today: date, path: Path) -> int:
    """Run the TUI on `path` until it ends; the exit status is not 0 after a crash or signal."""
    from followup_tui.launch import start

    # Check (and migrate) before the screen takes over the terminal, then read the review
    # while Textual is imported.
    preload = start(path, today)
    from followup_tui.tui.app import FollowupApp

    app = FollowupApp(path, today, demo=getattr(args, "demo", False), preload=preload)
    return app.run_in_terminal()
