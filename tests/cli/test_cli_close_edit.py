"""`followup close ID --as OUTCOME` and `followup edit ID --field value`: the close and the
application forms from the shell, with their checks; bad input writes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from followup_tui.cli import main
from followup_tui.domain.records import Persistence, Status
from followup_tui.store import Store

TODAY = "2026-03-10"  # conftest's DEMO_TODAY


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def load(path, application_id):
    with Store(path, backup_daily=False) as store:
        application = store.load_application(application_id)
    assert application is not None
    return application


# close -----------------------------------------------------------------------------------------


def test_close_saves_the_outcome_reason_and_day(demo_db, capsys):
    code, out, err = run(
        capsys, "close", "3", "--as", "withdrawn", "--reason", "took another offer",
        "--date", "yesterday", "--notes", "told Bill by phone",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Closed #3 Initech: withdrawn\n"
    closed = load(demo_db, 3)
    assert (closed.status, closed.closed_on, closed.closed_reason) == (
        Status.WITHDRAWN, date(2026, 3, 9), "took another offer",
    )  # fmt: skip
    assert closed.notes.endswith("told Bill by phone")


def test_close_rejected_with_rapport_makes_the_feedback_call_next(demo_db, capsys):
    code, out, _ = run(capsys, "close", "3", "--as", "rejected", "--rapport", "milton waddams")
    assert code == 0
    assert out.splitlines()[1] == "Next: Ask for feedback · Milton Waddams · phone (R9)"
    closed = load(demo_db, 3)
    assert closed.status is Status.REJECTED
    assert [c.rapport for c in closed.contacts] == [False, True]


def test_close_as_offer_accepted_names_the_others_to_withdraw_from_r13(demo_db, capsys):
    code, out, _ = run(capsys, "close", "5", "--as", "offer_accepted")
    assert code == 0 and out.startswith("Closed #5 Hooli: offer accepted\n")
    assert load(demo_db, 5).status is Status.OFFER_ACCEPTED
    r13 = out.splitlines()[-1]
    assert r13.startswith("R13: withdraw from the others with a short note, or keep them: ")
    assert "#1 Northwind Labs" in r13 and "#5 Hooli" not in r13 and "#13 " not in r13


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["close", "3", "--as", "rejected", "--date", "tomorrow"],
         "--date: Wed 11 Mar has not come yet: close it on the day"),
        (["close", "10", "--as", "rejected"], "#10 is closed already (rejected)"),
        (["close", "3", "--as", "rejected", "--rapport", "Nobody"], "--rapport: no contact"),
        (["close", "99", "--as", "rejected"], "no application #99 (see `followup list`)"),
    ],
)  # fmt: skip
def test_close_bad_input_is_one_line_exit_2_and_writes_nothing(demo_db, capsys, argv, message):
    before = demo_db.read_bytes()
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and message in err
    assert demo_db.read_bytes() == before


@pytest.mark.parametrize("argv", [["close", "3"], ["close", "3", "--as", "active"]])
def test_close_needs_a_closing_outcome(demo_db, capsys, argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


# edit ------------------------------------------------------------------------------------------


def test_edit_changes_only_the_fields_given(demo_db, capsys):
    before = load(demo_db, 3)
    code, out, err = run(
        capsys, "edit", "3", "--role", "Senior Platform Engineer", "--persistence", "gentle",
        "--url", "https://initech.example/jobs/7",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Saved #3 Initech: role, url, persistence\n"
    after = load(demo_db, 3)
    assert (after.role, after.persistence, after.job_url) == (
        "Senior Platform Engineer", Persistence.GENTLE, "https://initech.example/jobs/7",
    )  # fmt: skip
    assert (after.company, after.notes, after.touches) == (
        before.company, before.notes, before.touches,
    )  # fmt: skip


def test_edit_expected_decision_is_learned_today_and_none_clears_it(demo_db, capsys):
    assert run(capsys, "edit", "3", "--expected", "2026-03-20")[0] == 0
    edited = load(demo_db, 3)
    assert (edited.expected_decision, edited.decision_learned_on) == (
        date(2026, 3, 20), date(2026, 3, 10),
    )  # fmt: skip
    assert run(capsys, "edit", "3", "--expected", "none")[0] == 0
    cleared = load(demo_db, 3)
    assert (cleared.expected_decision, cleared.decision_learned_on) == (None, None)


def test_edit_with_the_same_values_changes_nothing(demo_db, capsys):
    code, out, _ = run(capsys, "edit", "3", "--company", "Initech")
    assert code == 0 and out == "Saved #3 Initech: nothing changed\n"
    assert load(demo_db, 3).version == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["edit", "3", "--company", "  "], "--company must not be empty"),
        (["edit", "3"], "nothing to change"),
        (["edit", "3", "--expected", "someday"], "--expected: "),
        (["edit", "99", "--role", "x"], "no application #99 (see `followup list`)"),
    ],
)
def test_edit_bad_input_is_one_line_exit_2_and_writes_nothing(demo_db, capsys, argv, message):
    before = demo_db.read_bytes()
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and message in err
    assert demo_db.read_bytes() == before
