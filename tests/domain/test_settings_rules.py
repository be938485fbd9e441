"""Settings (issue 14 item 7): each key of the settings file changes what the rules or the drafts
do; a bad value names its key. Pure: TOML text in, rules out, no files.

Calendar (2026): Mon 2 Mar, Mon 9, Fri 13, Mon 16, Mon 23.
"""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain.drafts import drafts_for, final_note_draft, status_email_draft
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Persistence,
    Profile,
    Touch,
    TouchKind,
)
from followup_tui.domain.rules import DEFAULT_SETTINGS, ActionKind, FlagKind, assess
from followup_tui.domain.script import build_script
from followup_tui.domain.settings import (
    DEFAULT_PREFERENCES,
    RULE_KEYS,
    Preferences,
    SettingsError,
    parse_preferences,
    render_preferences,
)

MON = date(2026, 3, 2)
DANA = Contact(1, "Dana Reyes", email="dana@acme.example", decision_maker=True)
_ids = iter(range(100, 10_000))


def settings(text: str) -> Preferences:
    return parse_preferences(tomllib.loads(text), {"snooze", "call"})


def touch(day: date, kind=TouchKind.STATUS_CHECK, channel=Channel.PHONE, **kw) -> Touch:
    return Touch(next(_ids), day, channel, Direction.OUT, kind, contact_id=1, **kw)


def interviewed(*touches: Touch, **fields) -> Application:
    return Application(
        1,
        "Acme",
        "Staff Engineer",
        contacts=(DANA,),
        interviews=(Interview(1, MON, interviewer_ids=(1,)),),
        touches=(touch(MON, TouchKind.THANK_YOU, Channel.EMAIL), *touches),
        **fields,
    )


def follow_up(application: Application, today: date, rules=DEFAULT_SETTINGS):
    """The next follow-up: not the interview day's (R12) nor a thank-you (R1)."""
    return next(
        action
        for action in assess(application, today, rules).actions
        if action.kind.value not in ("interview", "thank_you")
    )


def test_r3_first_check_days_setting_moves_the_first_status_check():
    application = interviewed()
    assert follow_up(application, MON).due == date(2026, 3, 9)  # default 5: Sat -> Mon
    rules = settings("[rules]\nfirst_check_days = 3\n").rules
    assert follow_up(application, MON, rules).due == date(2026, 3, 5)


@pytest.mark.parametrize(
    ("persistence", "key", "days", "due"),
    [
        (Persistence.GENTLE, "gentle", 21, date(2026, 3, 30)),
        (Persistence.STANDARD, "standard", 10, date(2026, 3, 19)),
        (Persistence.PERSISTENT, "persistent", 2, date(2026, 3, 11)),
    ],
)
def test_r4_cadence_settings_set_the_days_between_follow_ups(persistence, key, days, due):
    application = interviewed(touch(date(2026, 3, 9)), persistence=persistence)
    default = follow_up(application, date(2026, 3, 9)).due
    rules = settings(f"[cadence]\n{key} = {days}\n").rules
    assert follow_up(application, date(2026, 3, 9), rules).due == due != default
    assert rules.gap(persistence) == days
    # only that persistence moved
    others = [p for p in Persistence if p is not persistence]
    assert all(rules.gap(p) == DEFAULT_SETTINGS.gap(p) for p in others)


def test_r4_cadence_setting_changes_what_is_over_frequent():
    application = interviewed(touch(date(2026, 3, 9)), touch(date(2026, 3, 13)))
    assert assess(application, date(2026, 3, 13)).has(FlagKind.OVER_FREQUENT)
    rules = settings("[cadence]\nstandard = 4\n").rules
    assert not assess(application, date(2026, 3, 13), rules).has(FlagKind.OVER_FREQUENT)


def _unanswered(count: int, start: date) -> list[Touch]:
    return [touch(start + timedelta(days=7 * i), outcome=Outcome.NO_ANSWER) for i in range(count)]


def test_r8_cut_loose_unanswered_setting_sets_the_count_for_the_final_note():
    application = interviewed(*_unanswered(2, date(2026, 3, 9)))
    today = date(2026, 3, 24)
    assert follow_up(application, today).kind is not ActionKind.FINAL_NOTE
    rules = settings("[rules]\ncut_loose_unanswered = 2\n").rules
    assert follow_up(application, today, rules).kind is ActionKind.FINAL_NOTE


def test_r8_cut_loose_days_setting_sets_the_silence_for_the_final_note():
    decision = date(2026, 3, 16)
    application = interviewed(
        touch(decision, outcome=Outcome.VOICEMAIL), expected_decision=decision
    )
    today = decision + timedelta(days=30)
    assert not assess(application, today).has(FlagKind.CUT_LOOSE)
    rules = settings("[rules]\ncut_loose_days = 30\n").rules
    assert assess(application, today, rules).has(FlagKind.CUT_LOOSE)
    assert follow_up(application, today, rules).kind is ActionKind.FINAL_NOTE


def test_r11_application_follow_up_days_setting_moves_the_follow_up_after_applying():
    application = Application(
        1, "Acme", "Staff Engineer", contacts=(DANA,), applied_on=MON, source="job board"
    )
    assert follow_up(application, MON).due == date(2026, 3, 9)  # 7 days
    rules = settings("[rules]\napplication_follow_up_days = 3\n").rules
    assert follow_up(application, MON, rules).due == date(2026, 3, 5)


# You: what the scripts and drafts sign with ----------------------------------------------


def test_name_setting_signs_the_drafts_and_the_script():
    application = interviewed()
    unsigned = drafts_for(application, DEFAULT_PREFERENCES.profile(Profile()), MON)
    assert all("(fill in: your name)" in draft.body for draft in unsigned)
    you = settings('[you]\nname = "Sam Carter"\n').profile(Profile())
    assert all("Sam Carter" in draft.body for draft in drafts_for(application, you, MON))
    assert "Sam Carter" in " ".join(build_script(application, you, MON).bullets)


def test_phone_setting_goes_in_the_status_email_and_the_voicemail():
    application = interviewed()
    you = settings('[you]\nname = "Sam"\nphone = "+1 555 0100"\n').profile(Profile())
    assert "+1 555 0100" in status_email_draft(application, DANA, you, MON).body
    assert "+1 555 0100" in " ".join(build_script(application, you, MON).voicemail)


def test_email_setting_is_who_you_are_over_the_stored_profile():
    stored = Profile("Old Name", "+1 555 0000", "old@example.com")
    you = settings('[you]\nemail = "sam@example.com"\n').profile(stored)
    assert you == Profile("Old Name", "+1 555 0000", "sam@example.com")
    assert DEFAULT_PREFERENCES.profile(stored) == stored  # no settings: the stored profile


def test_signature_setting_ends_the_drafts_instead_of_name_and_phone():
    application = interviewed()
    you = settings(
        '[you]\nname = "Sam"\nphone = "555"\nsignature = "Sam Carter\\nsam.example"\n'
    ).profile(Profile())
    body = final_note_draft(application, DANA, you, MON).body
    assert body.endswith("Best regards,\nSam Carter\nsam.example\n")
    assert "555" not in body


def test_keys_setting_maps_binding_ids_to_keys():
    assert dict(settings('[keys]\nsnooze = "z"\ncall = "ctrl+k, f5"\n').keys) == {
        "snooze": "z",
        "call": "ctrl+k,f5",
    }


# Bad values: one message naming the key -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[rules]\nfirst_check_days = -1\n", "rules.first_check_days"),
        ("[rules]\ncut_loose_days = 0\n", "rules.cut_loose_days"),
        ('[rules]\nfirst_check_days = "5"\n', "rules.first_check_days"),
        ("[rules]\nfirst_check_days = 5.5\n", "rules.first_check_days"),
        ("[rules]\nfirst_check_days = true\n", "rules.first_check_days"),
        ("[rules]\nfirst_check_days = 100000000\n", "rules.first_check_days"),
        ("[rules]\nfirst_chek_days = 5\n", "rules.first_chek_days"),
        ("[cadence]\nstandard = 0\n", "cadence.standard"),
        ("[cadence]\npushy = 2\n", "cadence.pushy"),
        ("[you]\nname = 5\n", "you.name"),
        ('[you]\nname = "a\\u001b[31m"\n', "you.name"),
        ('[you]\nnickname = "x"\n', "you.nickname"),
        ('[keys]\nsnoze = "z"\n', "keys.snoze"),
        ("[keys]\nsnooze = 1\n", "keys.snooze"),
        ('[keys]\nsnooze = ""\n', "keys.snooze"),
        ("rules = 5\n", "rules"),
        ("[colours]\n", "colours"),
    ],
)
def test_a_bad_setting_is_named_by_its_key(text, key):
    with pytest.raises(SettingsError) as raised:
        settings(text)
    assert raised.value.key == key
    assert str(raised.value).startswith(f"{key}: ")
    assert "\n" not in str(raised.value)


def test_the_template_reads_back_as_every_default():
    assert parse_preferences(tomllib.loads(render_preferences())) == DEFAULT_PREFERENCES


_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)


@given(
    days=st.integers(0, 3650),
    gap=st.integers(1, 3650),
    name=_text,
    signature=st.lists(_text, max_size=3).map("\n".join),
)
def test_written_settings_read_back_as_they_were(days, gap, name, signature):
    preferences = settings(
        render_preferences(
            Preferences(
                rules=settings(f"[rules]\nfirst_check_days = {days}\n").rules,
                you=Profile(name=name.strip(), signature=signature.strip()),
                keys={"snooze": "z"},
            )
        )
    )
    assert preferences.rules.first_check_days == days
    assert preferences.you.name == name.strip()
    assert preferences.you.signature == signature.strip()
    assert dict(preferences.keys) == {"snooze": "z"}
    assert (
        settings(render_preferences(settings(f"[cadence]\ngentle = {gap}\n"))).rules.gap(
            Persistence.GENTLE
        )
        == gap
    )


def test_every_rules_key_sets_its_number():
    for key, number in RULE_KEYS.items():
        assert getattr(settings(f"[rules]\n{key} = 3\n").rules, number.field) == 3, key
