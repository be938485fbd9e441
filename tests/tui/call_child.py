"""Run by test_call_kill.py in a child process: open a call and type notes until killed.

After each keystroke has been handled by the app, the child appends the moment and how many
characters are typed so far to LOG, so the parent knows what was typed before it killed us.
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import date
from pathlib import Path

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen

TEXT = "the quick brown fox jumps over the lazy dog 0123456789 " * 40
APPLICATION_ID = 3


async def main(db: Path, log: Path) -> None:
    app = FollowupApp(db, date(2026, 3, 10))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.push_screen(CallScreen(APPLICATION_ID))
        await pilot.pause()
        await pilot.press("enter")  # start the call
        await pilot.pause()
        with log.open("a") as record:
            for count, character in enumerate(TEXT, start=1):
                await pilot.press(character)
                record.write(f"{time.monotonic()} {count}\n")
                record.flush()
                await asyncio.sleep(0.005)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), Path(sys.argv[2])))
