"""The dashboard's table at scale: it builds only the rows in view (issue 7), and still moves,
scrolls, clicks and filters like a table."""

from __future__ import annotations

from datetime import date

from followup_tui.store.generate import generate
from followup_tui.tui.app import FollowupApp

from .helpers import SIZE, loaded, row, screen_text, settle, type_text

TODAY = date(2026, 3, 10)


def big_app(tmp_path, count: int, *, active_share: float) -> FollowupApp:
    path = tmp_path / "big.sqlite"
    generate(path, count, TODAY, active_share=active_share)
    return FollowupApp(path, TODAY)


async def test_a_big_table_builds_only_the_rows_in_view(tmp_path):
    app = big_app(tmp_path, 3000, active_share=1.0)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        assert table.row_count == 3000
        visible = table.scrollable_content_region.height - 1
        assert 10 < visible < 40
        assert not table.show_horizontal_scrollbar  # every column fits beside the scrollbar
        assert len(table._cells) <= visible + 1  # DataTable would have built 3,000 rows

        await pilot.press("G")
        last = row(table, table.row_count - 1)[1]
        assert table.cursor_row == 2999
        text = screen_text(app)
        assert "Company" in text.splitlines()[2]  # the header stays on top
        assert last in text
        assert len(table._cells) <= 2 * (visible + 1)

        await pilot.press("g", "pagedown")
        assert table.cursor_row == visible
        await pilot.press("k")
        assert table.cursor_row == visible - 1

        # A click on a row moves the cursor there; a click on the highlighted row opens it.
        await pilot.click(table, offset=(20, 3))
        assert table.cursor_row == round(table.scroll_y) + 2
        clicked = table.highlighted_id
        await pilot.click(table, offset=(20, 3))
        await settle(pilot)
        assert app.screen.__class__.__name__ == "DetailScreen"
        assert app.screen.application_id == clicked


async def test_filtering_a_big_table_narrows_it_and_escape_restores_it(tmp_path):
    app = big_app(tmp_path, 2000, active_share=1.0)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "robotics 17")
        companies = [row(table, i)[1] for i in range(table.row_count)]
        assert 0 < len(companies) < 50
        assert all("Robotics" in c and "17" in c for c in companies)
        await pilot.press("escape")
        assert table.row_count == 2000


async def test_looking_back_on_a_big_database_loads_behind_the_screen(tmp_path):
    from followup_tui.tui.screens.looking_back import ClosedTable, LookingBackScreen

    app = big_app(tmp_path, 3000, active_share=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("L")
        assert isinstance(app.screen, LookingBackScreen)  # up before the data is read
        await settle(pilot)
        table = app.screen.query_one(ClosedTable)
        assert table.row_count == len(app.screen.rows) > 2500
        assert len(table._cells) < 40
        assert "closed," in screen_text(app)
        first = table.highlighted
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.application_id == first.id
