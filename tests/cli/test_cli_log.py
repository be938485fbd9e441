"""`followup log ID`: a touch saved as the log form saves it, with the same checks; a follow-up
that breaks R4 or R2 is refused, naming the rule, unless --anyway. Bad input writes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from followup_tui.cli import main
from followup_tui.domain.records import Channel, Direction, Outcome, TouchKind
from followup_tui.store import Store

TODAY = "2026-03-10"  # conftest's DEMO_TODAY, a Tuesday


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def touches(path, application_id):
    with Store(path, backup_daily=False) as store:
        application = store.load_application(application_id)
    assert application is not None
    return application.touches


def test_log_saves_every_field_of_the_touch(demo_db, capsys):
    before = touches(demo_db, 3)
    code, out, err = run(
        capsys, "log", "3", "--date", "yesterday", "--channel", "phone", "--kind",
        "status_check", "--outcome", "voicemail", "--contact", "Milton Waddams",
        "--notes", "left a message",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Logged status check by phone on Mon 9 Mar to Milton Waddams for #3 Initech\n"
    (new,) = touches(demo_db, 3)[len(before) :]
    assert (new.on, new.channel, new.direction, new.kind) == (
        date(2026, 3, 9), Channel.PHONE, Direction.OUT, TouchKind.STATUS_CHECK,
    )  # fmt: skip
    assert (new.outcome, new.contact_id, new.notes) == (Outcome.VOICEMAIL, 5, "left a message")


def test_log_defaults_to_a_status_check_by_email_to_whoever_the_form_suggests(demo_db, capsys):
    code, out, _ = run(capsys, "log", "#3")
    assert code == 0 and "to Bill Lumbergh" in out
    new = touches(demo_db, 3)[-1]
    assert (new.kind, new.channel, new.contact_id) == (TouchKind.STATUS_CHECK, Channel.EMAIL, 4)


def test_log_a_reply_comes_in_and_can_bring_a_decision_date(demo_db, capsys):
    code, _, _ = run(capsys, "log", "3", "--kind", "reply", "--expected", "2026-03-20")
    assert code == 0
    new = touches(demo_db, 3)[-1]
    assert (new.direction, new.outcome) == (Direction.IN, Outcome.REPLIED)
    with Store(demo_db, backup_daily=False) as store:
        application = store.load_application(3)
    assert application is not None
    assert application.expected_decision == date(2026, 3, 20)
    assert application.decision_learned_on == date(2026, 3, 10)


def test_log_thank_you_goes_to_everyone_still_owed_a_note(demo_db, capsys):
    code, out, _ = run(capsys, "log", "1", "--kind", "thank_you")
    assert code == 0 and "to Lee Park" in out
    assert [t.contact_id for t in touches(demo_db, 1) if t.on == date(2026, 3, 10)] == [2]


@pytest.mark.parametrize(
    ("application", "rule", "words"),
    [
        ("6", "R4", "The last follow-up was 3 days earlier (Sat 7 Mar by email)"),
        ("4", "R2", "They expect to decide by Sun 22 Mar: no status check before then"),
    ],
)
def test_log_refuses_a_follow_up_that_breaks_a_rule_without_anyway(
    demo_db, capsys, application, rule, words
):
    before = demo_db.read_bytes(), touches(demo_db, int(application))
    code, out, err = run(capsys, "log", application, "--channel", "phone")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("followup: error: this follow-up breaks a rule: ")
    assert f"{rule}: {words}" in err and "--anyway" in err
    assert (demo_db.read_bytes(), touches(demo_db, int(application))) == before


def test_log_anyway_logs_it_and_says_which_rule_it_broke(demo_db, capsys):
    count = len(touches(demo_db, 9))
    code, out, err = run(capsys, "log", "9", "--anyway")
    assert code == 0 and out.startswith("Logged status check")
    assert "followup: warning: logged anyway: R4: " in err
    assert "followup: warning: logged anyway: R2: " in err
    assert len(touches(demo_db, 9)) == count + 1


def test_log_a_thank_you_or_a_reply_breaks_no_rule(demo_db, capsys):
    code, _, err = run(capsys, "log", "9", "--kind", "reply")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["log", "3", "--date", "tomorrow"],
         "--date: Wed 11 Mar has not happened yet: log it on the day"),
        (["log", "3", "--date", "soon"], "--date: "),
        (["log", "3", "--expected", "whenever"], "--expected: "),
        (["log", "3", "--contact", "Nobody"],
         "--contact: no contact 'Nobody' on #3 (its contacts: 4 Bill Lumbergh, 5 Milton Waddams)"),
        (["log", "3", "--contact", "4", "--contact", "5"], "--contact: one person per touch"),
        (["log", "3", "--kind", "reply", "--direction", "out"], "--kind reply comes from them"),
        (["log", "99"], "no application #99 (see `followup list`)"),
        (["log", "x"], "'x' is not an application number"),
        (["log", "8", "--kind", "thank_you"], "#8 owes nobody a thank-you note"),
    ],
)  # fmt: skip
def test_log_bad_input_is_one_line_exit_2_and_writes_nothing(demo_db, capsys, argv, message):
    before = demo_db.read_bytes()
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("followup: error: ")
    assert message in err
    assert demo_db.read_bytes() == before


def test_log_bad_choice_is_argparse_exit_2(demo_db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["log", "3", "--channel", "pigeon"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'pigeon'" in capsys.readouterr().err


def test_log_takes_the_days_backup_like_other_writes(demo_db, capsys):
    from followup_tui.store.backups import list_backups

    for backup in list_backups(demo_db):
        backup.unlink()
    assert run(capsys, "log", "3")[0] == 0
    assert len(list_backups(demo_db)) == 1


def test_log_into_a_missing_database_creates_nothing(tmp_path, capsys):
    path = tmp_path / "typo.sqlite"
    code, _, err = run(capsys, "--db", str(path), "log", "1")
    assert code == 2 and "no database at" in err
    assert not path.exists()
