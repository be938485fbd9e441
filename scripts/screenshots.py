"""Write screenshots/*.svg from the demo data at a pinned date: `python scripts/screenshots.py`.

The same data, date and size as the snapshot tests, so README's pictures match what they check.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path

from followup_tui.demo import DEMO_PROFILE, demo_applications
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp

TODAY = date(2026, 3, 10)
SIZE = (120, 36)
OUT = Path(__file__).resolve().parent.parent / "screenshots"

# name -> keys pressed after the dashboard has loaded
SHOTS: dict[str, list[str]] = {
    "dashboard": [],
    "dashboard-over-frequent": ["j"] * 7,
    "review": ["r"],
    "detail": ["enter"],
    "help": ["question_mark"],
    "thank-you-checklist": ["t"],
    "call": ["j", "j", "j", "c"],
    "close": ["C"],
    "looking-back": ["L"],
}


async def shoot(path: Path, name: str, keys: list[str]) -> None:
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(OUT))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        with Store(path) as store:
            store.insert_applications(demo_applications(TODAY), keep_ids=True, profile=DEMO_PROFILE)
        for name, keys in SHOTS.items():
            asyncio.run(shoot(path, name, keys))
            print(f"wrote {OUT / (name + '.svg')}")


if __name__ == "__main__":
    main()
