"""SVG snapshots of the screens on the demo data at a pinned date and a fixed size.

Update after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`,
then review the SVG diff like code and regenerate screenshots/ (scripts/screenshots.py).
"""

from __future__ import annotations

from datetime import date

from followup_tui.demo import DEMO_PROFILE, demo_applications
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp

TODAY = date(2026, 3, 10)
SIZE = (120, 36)


def demo_app(tmp_path) -> FollowupApp:
    path = tmp_path / "snapshot.sqlite"
    with Store(path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True, profile=DEMO_PROFILE)
    return FollowupApp(path, TODAY)


async def _loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_dashboard(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded)


def test_dashboard_on_an_over_frequent_row(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded, press=["j"] * 7)


def test_review_screen(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded, press=["r"])


def test_detail_screen(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded, press=["enter"])


def test_help_screen(snap_compare, tmp_path):
    assert snap_compare(
        demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded, press=["question_mark"]
    )


def test_thank_you_checklist(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded, press=["t"])


def test_call_panel(snap_compare, tmp_path):
    # Initech: the ask-for-the-timeline call due today; not started, so no clock is shown.
    assert snap_compare(
        demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded, press=["j"] * 4 + ["c"]
    )


def test_close_dialog(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_loaded, press=["C"])


async def _looking_back(pilot) -> None:
    await _loaded(pilot)
    await pilot.press("L")
    await _loaded(pilot)


def test_looking_back_screen(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_looking_back)


# Every terminal size (issue 15): the small and the large terminal, and the add form at 120x40.

SMALL = (80, 24)
LARGE = (200, 50)


def test_dashboard_at_80x24(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=_loaded)


def test_dashboard_at_200x50(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, run_before=_loaded)


def test_review_screen_at_80x24(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=_loaded, press=["r"])


def test_review_screen_at_200x50(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, run_before=_loaded, press=["r"])


def test_call_panel_at_80x24(snap_compare, tmp_path):
    assert snap_compare(
        demo_app(tmp_path), terminal_size=SMALL, run_before=_loaded, press=["j"] * 4 + ["c"]
    )


def test_call_panel_at_200x50(snap_compare, tmp_path):
    assert snap_compare(
        demo_app(tmp_path), terminal_size=LARGE, run_before=_loaded, press=["j"] * 4 + ["c"]
    )


def test_add_application_form_at_80x24(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=_loaded, press=["a"])


def test_add_application_form_at_120x40(snap_compare, tmp_path):
    assert snap_compare(
        demo_app(tmp_path), terminal_size=(120, 40), run_before=_loaded, press=["a"]
    )


def test_add_application_form_at_200x50(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, run_before=_loaded, press=["a"])


def test_detail_screen_at_80x24(snap_compare, tmp_path):
    assert snap_compare(
        demo_app(tmp_path), terminal_size=SMALL, run_before=_loaded, press=["enter"]
    )


def test_detail_screen_at_200x50(snap_compare, tmp_path):
    # Cyberdyne: overdue, a card with its marks, last year's interview and a timeline with notes.
    assert snap_compare(
        demo_app(tmp_path), terminal_size=LARGE, run_before=_loaded, press=["j"] * 3 + ["enter"]
    )


# The same screens at 120x40, the size the issues were tried at, beside 80x24 and 200x50.
MEDIUM = (120, 40)


def test_dashboard_at_120x40(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=MEDIUM, run_before=_loaded)


def test_review_screen_at_120x40(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=MEDIUM, run_before=_loaded, press=["r"])


def test_detail_screen_at_120x40(snap_compare, tmp_path):
    assert snap_compare(
        demo_app(tmp_path), terminal_size=MEDIUM, run_before=_loaded, press=["enter"]
    )


def test_call_panel_at_120x40(snap_compare, tmp_path):
    assert snap_compare(
        demo_app(tmp_path), terminal_size=MEDIUM, run_before=_loaded, press=["j"] * 4 + ["c"]
    )
