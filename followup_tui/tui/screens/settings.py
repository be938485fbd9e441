"""The settings, edited in the app: the whole file (`,` or the palette's "Settings"), who you
are (`m` in the call panel, and once on the first start), each written through
`writes.write_settings` and checked by the same validator as the file (`domain.settings`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from followup_tui.domain.records import Profile
from followup_tui.domain.settings import (
    CADENCE_KEYS,
    RULE_KEYS,
    YOU_KEYS,
    Preferences,
    SettingsError,
    parse_preferences,
)
from followup_tui.store.errors import StoreError
from followup_tui.tui.keymap import BINDING_IDS
from followup_tui.tui.widgets.form import FieldSpec, FormScreen
from followup_tui.tui.writes import write_settings

if TYPE_CHECKING:
    from followup_tui.tui.app import FollowupApp

_RULE_LABELS = {
    "first_check_days": "R3 · First status check, days after the last interview",
    "application_follow_up_days": "R11 · Follow-up, days after applying",
    "cut_loose_unanswered": "R8 · Final note after this many unanswered follow-ups",
    "cut_loose_days": "R8 · Final note after this many days of silence",
}
_CADENCE_LABELS = {
    "gentle": "R4 · Days between follow-ups: gentle",
    "standard": "R4 · Days between follow-ups: standard",
    "persistent": "R4 · Days between follow-ups: persistent",
}
_YOU_LABELS = {
    "name": "Your name",
    "phone": "Your phone number",
    "email": "Your email",
    "signature": "Signature: the lines drafts end with (empty: name and phone)",
}
KEYS_HELP = "Keys: one 'binding-id = key' a line, e.g. snooze = z (docs/settings.md lists ids)"


def _typed(key: str, value: object) -> str:
    """What was typed or pasted, without the control characters a settings file refuses (a
    name stored before settings existed may hold some): a form cannot show them anyway."""
    keep = "\n" if key == "signature" else ""
    return "".join(
        char
        for char in str(value)
        if not (ord(char) < 32 or 127 <= ord(char) < 160) or char in keep
    )


def _you(app: FollowupApp) -> Profile:
    """Who you are as the scripts see it: the settings, else the database's (migrated into the
    settings file by the next save)."""
    try:
        return app.profile()
    except StoreError:
        return app.preferences.you


def settings_form(preferences: Preferences, you: Profile) -> FormScreen:
    """Every setting, at its value in force; saves to new `Preferences`."""
    rules = preferences.rules
    specs = [
        FieldSpec(key, _RULE_LABELS.get(key, key), value=str(getattr(rules, number.field)))
        for key, number in RULE_KEYS.items()
    ]
    specs += [
        FieldSpec(key, _CADENCE_LABELS[key], value=str(rules.gap(persistence)))
        for key, persistence in CADENCE_KEYS.items()
    ]
    specs += _you_fields(you)
    specs.append(
        FieldSpec(
            "keys",
            KEYS_HELP,
            kind="area",
            value="\n".join(f"{binding} = {key}" for binding, key in preferences.keys.items()),
        )
    )

    def validate(values: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        return _checked(values)

    return FormScreen("Settings (saved to the settings file)", specs, validate)


def you_form(you: Profile, title: str, *, cancel: str = "Cancel") -> FormScreen:
    """Name, phone, email (and signature): what the scripts and drafts sign with."""
    specs = _you_fields(you)

    def validate(values: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        try:
            parsed = parse_preferences({"you": {key: _typed(key, values[key]) for key in YOU_KEYS}})
        except SettingsError as error:
            return None, {error.key.rpartition(".")[2]: error.problem}
        return parsed.you, {}

    return FormScreen(title, specs, validate, cancel=cancel)


def _you_fields(you: Profile) -> list[FieldSpec]:
    """The [you] fields of the settings and of the first start's question, at their values."""
    return [
        FieldSpec(
            key,
            _YOU_LABELS.get(key, key),
            kind="area" if key == "signature" else "text",
            value=getattr(you, key),
        )
        for key in YOU_KEYS
    ]


def _checked(values: dict[str, Any]) -> tuple[Preferences | None, dict[str, str]]:
    """The form's values as the settings file would hold them, checked by the file's own
    validator: (preferences, {}) or (None, {field: problem})."""
    errors: dict[str, str] = {}
    rules: dict[str, int] = {}
    cadence: dict[str, int] = {}
    for key, numbers in [*((k, rules) for k in RULE_KEYS), *((k, cadence) for k in CADENCE_KEYS)]:
        try:
            numbers[key] = int(str(values[key]).strip())
        except ValueError:
            errors[key] = "a whole number of days"
    keys: dict[str, str] = {}
    for number, line in enumerate(str(values["keys"]).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        binding, equals, key = line.partition("=")
        if not equals:
            errors["keys"] = f"line {number}: write binding-id = key"
            break
        keys[binding.strip()] = key.strip().strip("\"'")
    if errors:
        return None, errors
    data = {
        "rules": rules,
        "cadence": cadence,
        "you": {key: _typed(key, values[key]) for key in YOU_KEYS},
        "keys": keys,
    }
    try:
        return parse_preferences(data, BINDING_IDS), {}
    except SettingsError as error:
        table, _, key = error.key.partition(".")
        return None, {"keys" if table == "keys" else key: error.problem}


async def edit_settings(app: FollowupApp) -> bool:
    """The settings form; saving writes the file and puts it in force."""
    preferences = await app.push_screen_wait(settings_form(app.preferences, _you(app)))
    if preferences is None:
        return False
    return write_settings(app, preferences, done="Settings saved")


async def edit_you(app: FollowupApp) -> bool:
    """Who you are (the call panel's `m`): into the settings file's [you]."""
    you = await app.push_screen_wait(you_form(_you(app), "You: for scripts and drafts"))
    if you is None:
        return False
    return write_settings(app, _with_you(app.preferences, you), done="Saved to your settings")


async def welcome(app: FollowupApp) -> bool:
    """The first start: ask who signs the follow-ups, once. Skipping writes the settings file
    too (every default), so it is not asked again; `,` changes it later."""
    you = await app.push_screen_wait(
        you_form(
            _you(app),
            "Welcome. Who signs your follow-ups? Scripts and drafts use it; asked once.",
            cancel="Skip",
        )
    )
    if you is None:
        return write_settings(
            app, app.preferences, done="Skipped: , opens the settings when you want to add it"
        )
    return write_settings(app, _with_you(app.preferences, you), done="Saved to your settings")


def _with_you(preferences: Preferences, you: Profile) -> Preferences:
    return replace(preferences, you=you)
