"""`followup import tracker.csv` with real trackers: US (month first), European (day first,
`;`), and one nothing decides (issue 16 items 1 and 3)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from followup_tui.cli import main
from followup_tui.store import Store

TODAY = "2026-12-08"  # a Tuesday
FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"
US, EU, UNDECIDED = (
    FIXTURES / f"{n}.csv" for n in ("us_tracker", "eu_tracker", "undecided_tracker")
)


def run(*args: str) -> int:
    return main(["--today", TODAY, "import", *args])


def test_us_tracker_dry_run_shows_the_date_order_and_the_overdue_rows(db_path, capsys):
    assert run(str(US), "--dry-run") == 0
    err = capsys.readouterr().err
    assert "'Date Applied': month first (mdy)" in err and "'10/28/2026'" in err
    assert "'Interview Date': month first (mdy)" in err
    assert "'Thank you sent' -> thanked" in err
    assert "Rows read: 8" in err and "cannot read" not in err
    assert "Taken as thanked before import: 2 interviews" in err
    assert "Overdue on the dashboard after import:" in err
    assert not db_path.exists()


def test_us_tracker_imports_every_row_and_the_dashboard_agrees_with_the_dry_run(db_path, capsys):
    assert run(str(US), "--dry-run") == 0
    dry = capsys.readouterr().err
    assert run(str(US)) == 0
    with Store(db_path) as store:
        companies = {a.company: a for a in store.load_applications()}
    assert len(companies) == 8  # the "Interviewing" and "Offer" rows too
    assert companies["Globex"].interviews[0].held_on == date(2026, 11, 12)
    capsys.readouterr()
    main(["--today", TODAY, "due", "--json"])
    items = json.loads(capsys.readouterr().out)["items"]
    overdue = {i["application"]["company"] for i in items if i["overdue"]}
    overdue_thanks = {
        i["application"]["company"] for i in items if i["overdue"] and i["action"] == "thank_you"
    }
    assert overdue_thanks == {"Hooli"}  # the file says "No"; the others are history
    assert f"Overdue on the dashboard after import: {len(overdue)} rows" in dry


def test_european_tracker_imports_day_first(db_path, capsys):
    assert run(str(EU)) == 0
    assert "'Interview Date': day first (dmy)" in capsys.readouterr().err
    with Store(db_path) as store:
        companies = {a.company: a for a in store.load_applications()}
    assert companies["Zalando"].interviews[0].held_on == date(2026, 11, 12)
    assert companies["Siemens"].created_on == date(2026, 10, 28)


def test_an_undecided_file_needs_date_order(db_path, capsys):
    assert run(str(UNDECIDED)) == 2
    err = capsys.readouterr().err.splitlines()
    assert "--date-order" in err[-1] and "Nothing was imported" in err[-1]
    assert not db_path.exists()

    assert run(str(UNDECIDED), "--dry-run") == 0
    assert "undecided" in capsys.readouterr().err
    assert not db_path.exists()

    assert run(str(UNDECIDED), "--date-order", "dmy") == 0
    with Store(db_path) as store:
        companies = {a.company: a for a in store.load_applications()}
    assert companies["Acme"].created_on == date(2026, 12, 11)


def test_a_date_order_the_data_contradicts_is_one_line_and_exit_2(db_path, capsys):
    assert run(str(US), "--date-order", "dmy") == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "'10/28/2026'" in err and "nothing was imported" in err
    assert not db_path.exists()
