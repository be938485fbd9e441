"""Closed screens are freed (issue 7): before, every call panel or detail screen stayed in
memory, and the garbage collector's passes over them paused keys by 100 ms and more."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from followup_tui.domain.figures import Tally
from followup_tui.domain.records import Application, Contact, Interview, Touch
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.looking_back import LookingBackScreen

from .helpers import SIZE, loaded, settle

pytestmark = pytest.mark.slow  # opens and closes dozens of screens

TODAY = date(2026, 3, 10)


def _alive(name: str) -> int:
    gc.collect()
    return sum(type(o).__name__ == name for o in gc.get_objects())


async def test_opening_and_closing_screens_does_not_keep_them(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)

        async def cycles(count: int) -> None:
            for _ in range(count):
                await pilot.press("c")
                await settle(pilot)
                await pilot.press("escape", "enter")
                await settle(pilot)
                await pilot.press("escape")
                await settle(pilot)

        await cycles(3)
        styles_after_3 = _alive("StylesCache")
        await cycles(6)
        # The call panel and the detail screen the app keeps between uses (FollowupApp.kept),
        # one of each; no other screen is held.
        assert _alive("CallScreen") == 1 and _alive("DetailScreen") == 1
        assert _alive("TextArea") <= 1
        assert _alive("Header") <= 3  # the dashboard's and theirs
        assert _alive("StylesCache") <= styles_after_3 + 5


def _records_alive() -> int:
    """Live records of our own types: what a screen's rows hold."""
    gc.collect()
    kinds = (Application, Touch, Contact, Interview, Tally)
    return sum(isinstance(o, kinds) for o in gc.get_objects())


async def test_reopening_looking_back_keeps_memory_flat(demo_db):
    """Issue 17 item 3: each closed looking-back screen stayed in memory with every record it
    had shown (at 10,000 applications 1 GB after 20 opens): its table's theme subscription, a
    closure holding the table, kept it alive in the app's theme_changed_signal."""
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        alive: list[int] = []
        for _ in range(5):
            await pilot.press("L")
            await settle(pilot)
            assert isinstance(app.screen, LookingBackScreen)
            await pilot.press("escape")
            await settle(pilot)
            alive.append(_records_alive())
        assert sum(isinstance(o, LookingBackScreen) for o in gc.get_objects()) <= 1
        assert alive[-1] <= alive[0], alive
