"""The call panel: who, bullets and notes side by side at 120 columns, stacked at 80 (issue 15
item 3), by the screen's horizontal breakpoints."""

from __future__ import annotations

from datetime import date

import pytest

from followup_tui.demo import DEMO_PROFILE, demo_applications
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call import CallScreen

from .helpers import loaded, settle

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(("size", "stacked"), [((80, 24), True), ((120, 36), False)])
async def test_script_and_notes_side_by_side_or_stacked(tmp_path, size, stacked) -> None:
    path = tmp_path / "call.sqlite"
    with Store(path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True, profile=DEMO_PROFILE)
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press(*["j"] * 4, "c")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        script = app.screen.query_one("#call-script").region
        notes = app.screen.query_one("#call-notes-pane").region
        if stacked:
            assert notes.y >= script.bottom and script.width >= size[0] - 2
        else:
            assert notes.x >= script.right and notes.y == script.y
