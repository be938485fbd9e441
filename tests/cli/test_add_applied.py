"""`followup add --applied DATE [--source TEXT]`: an application before any interview (R11), its
follow-up in `due`, and its fields through an export and an import."""

from __future__ import annotations

import json

from followup_tui.cli import main
from followup_tui.store import Store

TODAY = "2026-03-10"  # a Tuesday


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_r11_add_applied_without_an_interview(db_path, capsys):
    code, out, _ = run(
        capsys, "add", "--company", "Acme", "--role", "Eng", "--applied", "2026-03-03",
        "--source", "referral from Kim",
    )  # fmt: skip
    assert code == 0 and out.startswith("Added #1: Acme (Eng)")
    with Store(db_path) as store:
        (application,) = store.load_applications()
    assert application.applied_on.isoformat() == "2026-03-03"
    assert application.source == "referral from Kim"
    assert application.interviews == ()

    code, out, _ = run(capsys, "due", "--json")
    assert code == 0  # due today, not overdue
    (item,) = json.loads(out)["items"]
    assert item["action"] == "application_follow_up"
    assert item["label"] == "Follow up on the application"
    assert item["due"] == "2026-03-10" and item["deadline"] == "2026-03-10"
    assert item["channel"] == "email" and item["rule"] == "R11" and item["contact"] is None
    assert "find out who is hiring" in item["why"]
    code, out, _ = run(capsys, "due")
    assert "Follow up on the application · email, due Tue 10 Mar" in out
    assert "Applied Tue 3 Mar (referral from Kim) and no interview yet" in out


def test_r11_applied_takes_words_and_the_source_needs_no_interview(db_path, capsys):
    code, _, _ = run(capsys, "add", "--company", "Acme", "--role", "Eng", "--applied=-1w")
    assert code == 0
    with Store(db_path) as store:
        (application,) = store.load_applications()
    assert application.applied_on.isoformat() == "2026-03-03"
    assert application.source == ""


def test_r11_bad_applied_date_or_empty_source_exits_2_writing_nothing(db_path, capsys):
    for flags in (
        ("--applied", "someday"),
        ("--applied", "2026-03-02", "--source", "  "),
        ("--applied", "2026-03-12"),  # ahead of today
    ):
        code, out, err = run(capsys, "add", "--company", "Acme", "--role", "Eng", *flags)
        assert code == 2, flags
        assert out == "" and len(err.strip().splitlines()) == 1, flags
    assert not db_path.exists() or Store(db_path).count_applications() == 0


def test_r11_applied_and_source_go_through_export_and_import(db_path, tmp_path, capsys):
    run(capsys, "add", "--company", "Acme", "--role", "Eng", "--applied", "2026-03-02",
        "--source", "job board")  # fmt: skip
    exported = tmp_path / "out.json"
    assert run(capsys, "export", "-o", str(exported))[0] == 0
    document = json.loads(exported.read_text())
    (application,) = document["applications"]
    assert application["applied_on"] == "2026-03-02" and application["source"] == "job board"
    assert application["withdraw_suggested_on"] is None and application["withdraw_answer"] == ""
    # An older file, without the new fields, still imports (as not applied, nothing to withdraw).
    older = tmp_path / "older.json"
    del application["applied_on"], application["source"]
    del application["withdraw_suggested_on"], application["withdraw_answer"]
    older.write_text(json.dumps(document))
    fresh = tmp_path / "fresh.sqlite"
    assert run(capsys, "--db", str(fresh), "import", str(exported))[0] == 0
    with Store(fresh) as store:
        (again,) = store.load_applications()
    assert again.applied_on.isoformat() == "2026-03-02" and again.source == "job board"
    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "--today", TODAY, "import", str(older)]) == 0
    with Store(other) as store:
        (old,) = store.load_applications()
    assert old.applied_on is None and old.source == ""
