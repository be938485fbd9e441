"""Screens hear about saves and a failed store through the app's Signals, not a walk of the
screen stack."""

from __future__ import annotations

import gc
import weakref
from dataclasses import replace
from datetime import date

from followup_tui.store import Store, StoreError
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.detail import DetailScreen

from .helpers import SIZE, highlight, loaded, row, screen_text, settle

TODAY = date(2026, 3, 10)


async def open_detail(pilot, company: str) -> DetailScreen:
    await highlight(pilot, company)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DetailScreen)
    return pilot.app.screen


async def test_a_published_change_reaches_the_screen_underneath_too(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_detail(pilot, "Initech")
        with Store(db_path) as store:  # another copy renames it
            application = store.load_application(detail.application_id)
            assert application is not None
            store.save_application(replace(application, company="Initrode"))
        app.data_changed_signal.publish(detail.application_id)
        await settle(pilot)
        assert "Initrode" in screen_text(app)
        await pilot.press("escape")
        table = await loaded(pilot)
        assert "Initrode" in [row(table, i)[1] for i in range(table.row_count)]


async def test_a_failed_store_reaches_the_dashboard_through_its_signal(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.store_failed_signal.publish(StoreError("page 7: btree error"))
        await settle(pilot)
        assert "Read only: page 7: btree error" in screen_text(app)


async def test_a_closed_screen_is_no_longer_subscribed(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        # A screen of its own, not the one the app keeps between uses (FollowupApp.kept).
        await app.push_screen(DetailScreen(3))
        await settle(pilot)
        detail = weakref.ref(app.screen)
        await pilot.press("escape")
        await settle(pilot)
        gc.collect()
        # A subscription left behind would keep the closed screen alive (Signal's callbacks
        # hold their node) until the next publish.
        assert detail() is None
