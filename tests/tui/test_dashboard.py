"""The dashboard, driven with real keys against a real SQLite file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from followup_tui.demo import demo_applications
from followup_tui.domain.records import Application, Contact, Interview
from followup_tui.store import Store, StoreError
from followup_tui.store.reading import Reader
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.widgets.action_panel import ActionPanel

from .helpers import SIZE, loaded, row, screen_text, settle

TODAY = date(2026, 3, 10)


async def test_dashboard_lists_active_applications_most_urgent_first(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        companies = [row(table, i)[1] for i in range(table.row_count)]
        assert companies[:5] == [
            "Globex",  # an interview today comes first (R12)
            "Northwind Labs",  # then the overdue thank-you (R1)
            "Wayne Enterprises",
            "Cyberdyne Systems",
            "Initech",
        ]
        assert companies[5] == "Tyrell Corporation"  # rejected, but a feedback call is due (R9)
        assert "Aperture Science" not in companies  # offer accepted: closed
        assert "Black Mesa" not in companies  # withdrawn
        # Overdue ones are not counted as due today too (issue 15 item 4).
        assert app.screen.sub_title.startswith("Tue 10 Mar 2026 · 3 overdue · ")
        assert "due today" in app.screen.sub_title
        assert app.screen.sub_title in screen_text(app).splitlines()[0]


async def test_overdue_and_over_frequent_rows_are_highlighted_distinctly(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        rows = {row(table, i)[1]: i for i in range(table.row_count)}
        marks = {name: row(table, index)[0] for name, index in rows.items()}
        assert marks["Northwind Labs"] == "‼ OVERDUE"
        assert marks["Wayne Enterprises"] == "! OVERDUE"
        assert marks["Hooli"] == "≈ TOO SOON"
        assert marks["Initech"] == "● TODAY"
        assert row(table, rows["Hooli"])[7] == "over-frequent"

        def style(name: str):
            return table.get_row_at(rows[name])[1].style

        strongest = table.get_component_rich_style("review--overdue-thank-you", partial=True)
        assert style("Northwind Labs") == strongest
        assert strongest.bgcolor is not None  # a filled bar, not only coloured text
        distinct = {
            str(style(name)) for name in ("Northwind Labs", "Wayne Enterprises", "Hooli", "Globex")
        }
        assert len(distinct) == 4


async def test_user_text_shows_literally(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        acme = next(i for i in range(table.row_count) if row(table, i)[1] == "ACME [/]")
        table.move_cursor(row=acme)
        await pilot.pause()
        shown = screen_text(app)
        assert "ACME [/]" in shown
        assert "Developer [bold]Advocate" in shown
        assert "Notes: [bold]x" in shown
        assert "Wile E. [red]Coyote" in shown


async def test_keys_move_and_the_panel_follows(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        panel = app.screen.query_one(ActionPanel)
        assert "Globex" in str(panel.render()) and "Interview today" in str(panel.render())
        await pilot.press("j", "j", "j")
        assert table.cursor_row == 3
        assert "Cyberdyne Systems" in str(panel.render())
        assert "Close: no response?" in str(panel.render())
        await pilot.press("k")
        assert table.cursor_row == 2
        await pilot.press("down")
        assert table.cursor_row == 3


async def test_reload_picks_up_changes_and_keeps_the_cursor(demo_db, db_path):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        await pilot.press("j")
        before = row(table, 1)[1]
        count = table.row_count
        with Store(db_path) as store:  # another copy of followup adds one
            store.add_application(
                Application(
                    id=0,
                    company="Zenith",
                    role="Engineer",
                    contacts=(Contact(1, "Zoe"),),
                    interviews=(Interview(1, date(2026, 3, 1), interviewer_ids=(1,)),),
                )
            )
        await pilot.press("R")
        table = await loaded(pilot)
        assert table.row_count == count + 1
        assert row(table, 1)[1] == "Zenith"  # its thank-you is the most overdue (after R12's)
        assert row(table, table.cursor_row)[1] == before


async def test_empty_database_says_how_to_start(db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        assert table.row_count == 0
        assert "No applications yet" in screen_text(app)


async def test_a_database_that_cannot_open_is_reported_not_raised(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    app = FollowupApp(bad, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert "Could not load" in screen_text(app)
        assert "not a followup database" in screen_text(app)
    assert bad.read_text() == "not a database"


async def test_q_quits(demo_db):
    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_file_failing_the_full_check_is_shown_read_only(demo_db, db_path, monkeypatch):
    # The first frame is drawn from a header check only (issue 7); the page-by-page check runs
    # behind it, and when it fails the dashboard says so and nothing can be saved.

    def damaged(path: Path) -> list[int]:
        raise StoreError(f"{path} is damaged (page 7: btree error). Restore the newest backup")

    monkeypatch.setattr("followup_tui.store.repository.prepare", damaged)
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        assert row(table, 0)[1] == "Globex"  # an interview today (R12)
        await settle(pilot)
        text = screen_text(app)
        assert "Read only:" in text and "damaged" in text
        await pilot.press("P")  # park: a write, refused with the reason
        await settle(pilot)
        assert app.is_running
        await pilot.pause(0.2)
        assert [n.title for n in app._notifications][-1] == "Not saved"
    # Nothing was written.
    assert Reader(db_path).load_applications() == demo_applications(TODAY)


async def test_the_key_bar_lists_the_keys_and_a_click_presses_one(demo_db):
    from followup_tui.tui.screens.review import ReviewScreen
    from followup_tui.tui.widgets.key_bar import KeyBar

    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        bottom = screen_text(app).splitlines()[-1]
        for shown in ("Review", "Add", "Call", "Filter", "Help", "palette"):
            assert shown in bottom, shown
        assert "Reload" not in bottom  # show=False keys are in the help, not here
        await pilot.click(KeyBar, offset=(2, 0))  # " r Review "
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "End review" in screen_text(app).splitlines()[-1]


async def test_started_as_the_cli_starts_it_the_first_frame_has_the_rows(demo_db, db_path):
    # launch.start reads the review before Textual is imported (issue 7); the dashboard shows
    # it on mount without a load worker.
    from followup_tui.launch import start
    from followup_tui.tui.widgets.review_table import ReviewTable

    preload = start(demo_db, TODAY)
    assert preload.ready
    app = FollowupApp(db_path, TODAY, preload=preload)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ReviewTable)
        assert row(table, 0)[1] == "Globex"  # an interview today (R12)
        assert not [worker for worker in app.workers if worker.group == "load"]
        await pilot.press("R")  # a reload reads again
        table = await loaded(pilot)
        assert table.row_count == 12


async def test_a_save_rereads_only_the_application_it_changed(demo_db, db_path, monkeypatch):
    # Issue 7: at 100,000 applications a whole reload after every save takes seconds.
    from followup_tui.store.reading import Reader

    app = FollowupApp(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        table = await loaded(pilot)
        companies = [row(table, i)[1] for i in range(table.row_count)]
        whole_loads = []
        original = Reader.review_batches
        monkeypatch.setattr(
            Reader,
            "review_batches",
            lambda self, *a, **k: whole_loads.append(1) or original(self, *a, **k),
        )
        with Store(db_path) as store:  # another copy parks Globex: its row leaves the review
            globex = next(a for a in store.load_applications() if a.company == "Globex")
            store.park_application(globex.id, True)
        app.data_changed(globex.id)
        table = await loaded(pilot)
        assert whole_loads == []
        assert [row(table, i)[1] for i in range(table.row_count)] == [
            c for c in companies if c != "Globex"
        ]
        with Store(db_path) as store:
            store.park_application(globex.id, False)
        app.data_changed(globex.id)
        table = await loaded(pilot)
        assert [row(table, i)[1] for i in range(table.row_count)] == companies  # same place
        assert whole_loads == []
        await pilot.press("R")
        table = await loaded(pilot)
        assert whole_loads == [1]
        assert [row(table, i)[1] for i in range(table.row_count)] == companies
