"""`followup import` run twice on the same file adds nothing the second time, says what it found,
reports what differs instead of overwriting it, and takes the file's version with --update
(issue 16 item 2)."""

from __future__ import annotations

import json
from pathlib import Path

from followup_tui.cli import main
from followup_tui.store import Store

TODAY = "2026-03-10"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
V1 = FIXTURES / "export_v1.json"
US_TRACKER = FIXTURES / "csv" / "us_tracker.csv"


def run(capsys, db: Path, *argv: str) -> tuple[int, str]:
    code = main(["--db", str(db), "--today", TODAY, *argv])
    return code, capsys.readouterr().err


def companies(db: Path) -> list[str]:
    with Store(db) as store:
        return [application.company for application in store.load_applications()]


def exported(tmp_path: Path, capsys) -> Path:
    """out.json: seven applications exported from a database of them (format version 2)."""
    source = tmp_path / "source.sqlite"
    assert run(capsys, source, "import", str(V1))[0] == 0
    out = tmp_path / "out.json"
    assert run(capsys, source, "export", "-o", str(out))[0] == 0
    return out


def test_the_same_file_twice_gives_seven_applications_not_fourteen(tmp_path, db_path, capsys):
    out = exported(tmp_path, capsys)
    code, err = run(capsys, db_path, "import", str(out))
    assert code == 0 and "7 added, 0 already here" in err
    code, err = run(capsys, db_path, "import", str(out))
    assert code == 0 and "0 added, 7 already here" in err
    assert len(companies(db_path)) == 7


def test_a_record_that_differs_is_reported_and_kept_until_update(tmp_path, db_path, capsys):
    out = exported(tmp_path, capsys)
    assert run(capsys, db_path, "import", str(out))[0] == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    document["applications"][1]["role"] = "Principal Backend Engineer"
    document["applications"].append({"id": 99, "company": "Initrode", "role": "SRE"})
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")

    code, err = run(capsys, db_path, "import", str(changed))
    assert code == 0
    assert "1 added, 6 already here, 1 differs (not changed)" in err
    assert "Globex" in err and "role" in err and "--update" in err
    with Store(db_path) as store:
        roles = {a.company: a.role for a in store.load_applications()}
    assert roles["Globex"] == "Backend Engineer" and "Initrode" in roles

    code, err = run(capsys, db_path, "import", str(changed), "--update")
    assert code == 0 and "0 added, 7 already here, 1 differs (updated to the file's version)" in err
    with Store(db_path) as store:
        roles = {a.company: a.role for a in store.load_applications()}
    assert roles["Globex"] == "Principal Backend Engineer" and len(roles) == 8
    assert "0 added, 8 already here" in run(capsys, db_path, "import", str(changed))[1]


def test_a_new_touch_in_the_file_is_added_to_the_application_already_here(
    tmp_path, db_path, capsys
):
    out = exported(tmp_path, capsys)
    assert run(capsys, db_path, "import", str(out))[0] == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    hooli = next(a for a in document["applications"] if a["company"] == "Hooli")
    hooli["touches"].append(
        {"id": 999, "on": "2026-03-09", "channel": "email", "direction": "in", "kind": "reply",
         "contact_id": hooli["contacts"][0]["id"], "outcome": "replied", "notes": "Next week"}
    )  # fmt: skip
    grown = tmp_path / "grown.json"
    grown.write_text(json.dumps(document), encoding="utf-8")
    code, err = run(capsys, db_path, "import", str(grown))
    assert code == 0 and "0 added, 7 already here (1 new record in them)" in err
    with Store(db_path) as store:
        hooli_here = next(a for a in store.load_applications() if a.company == "Hooli")
    assert hooli_here.touches[-1].notes == "Next week"
    assert hooli_here.touches[-1].contact_id == hooli_here.contacts[0].id
    assert "0 added, 7 already here" in run(capsys, db_path, "import", str(grown))[1]


def test_a_version_1_file_imports_and_again_matches_on_company_role_and_date(db_path, capsys):
    code, err = run(capsys, db_path, "import", str(V1))
    assert code == 0 and "7 added" in err
    code, err = run(capsys, db_path, "import", str(V1))
    assert code == 0 and "0 added, 7 already here" in err
    assert len(companies(db_path)) == 7


def test_a_spreadsheet_imported_twice_is_matched_on_company_role_and_date_applied(db_path, capsys):
    assert main(["--db", str(db_path), "--today", "2026-12-08", "import", str(US_TRACKER)]) == 0
    first = capsys.readouterr().err
    assert "8 added" in first
    assert main(["--db", str(db_path), "--today", "2026-12-08", "import", str(US_TRACKER)]) == 0
    assert "0 added, 8 already here" in capsys.readouterr().err
    assert len(companies(db_path)) == 8


def test_update_goes_with_a_file_of_applications(db_path, capsys, tmp_path):
    invite = tmp_path / "invite.ics"
    invite.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    code, err = run(capsys, db_path, "import", str(invite), "--update")
    assert code == 2 and "--update" in err and len(err.strip().splitlines()) == 1
