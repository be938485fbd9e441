"""The settings file's content: checked key by key, and written back as a commented file.

Pure: it takes the dictionary `tomllib` read (or a form built) and returns `Preferences`, or
raises `SettingsError` naming the first bad key. Reading and writing the file is
`followup_tui.settings`'s job. Nothing here reads the clock: settings change how many days the
rules count, never which day it is.

The file (docs/settings.md):

    [rules]      R3's first check, R11's follow-up after applying, R8's cut-loose numbers
    [cadence]    R4's days between two follow-ups, per persistence
    [you]        name, phone, email, signature: what scripts and drafts sign with
    [keys]       binding id = key, e.g. snooze = "z"
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType

from followup_tui.domain.records import Persistence, Profile
from followup_tui.domain.rules import DEFAULT_SETTINGS, Settings
from followup_tui.domain.shared_methods import shared_repr_and_hash

# Ten years: far beyond any follow-up, and far from the dates Python cannot count to.
MOST_DAYS = 3650


class SettingsError(ValueError):
    """A bad value in the settings: the message names the key ("rules.cut_loose_days: ...")."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")
        self.key = key
        self.problem = problem


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Preferences:
    """Everything the settings file holds. Empty `you` fields mean "not given here"."""

    rules: Settings = DEFAULT_SETTINGS
    you: Profile = field(default_factory=Profile)
    # Binding id -> key(s), as Textual's App.set_keymap takes them.
    keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def profile(self, stored: Profile) -> Profile:
        """Who signs the scripts and drafts: each field from the settings, else the one stored
        in the database (set with `m` in the call panel before settings existed, or imported)."""
        return Profile(
            **{
                spec.name: getattr(self.you, spec.name) or getattr(stored, spec.name)
                for spec in fields(Profile)
            }
        )


DEFAULT_PREFERENCES = Preferences()


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class _Number:
    """A number the file sets: the `Settings` field, its rule, its help, and the least it may be."""

    field: str  # the `Settings` field it sets
    rule: str
    help: str
    least: int = 0


# [rules]: key -> the `Settings` field it sets. R11's is read once `Settings` has it.
_RULES: dict[str, _Number] = {
    "first_check_days": _Number(
        "first_check_days",
        "R3",
        "days after the last interview for the first status check when no decision date "
        "is known (moved to a weekday)",
    ),
    "application_follow_up_days": _Number(
        "application_follow_up_days",
        "R11",
        "days after applying for the one follow-up before any interview (moved to a weekday)",
    ),
    "cut_loose_unanswered": _Number(
        "cut_loose_unanswered",
        "R8",
        "unanswered follow-ups after which the action is a final note",
        least=1,
    ),
    "cut_loose_days": _Number(
        "cut_loose_days",
        "R8",
        "days of silence (after the later of the last interview and the decision date) after "
        "which the action is a final note",
        least=1,
    ),
}

RULE_KEYS: dict[str, _Number] = {
    key: number
    for key, number in _RULES.items()
    if number.field in {spec.name for spec in fields(Settings)}
}

# [cadence]: persistence -> days between two outbound follow-ups (R4).
CADENCE_KEYS: dict[str, Persistence] = {
    persistence.value: persistence for persistence in Persistence
}

_YOU_HELP = {
    "name": "your name, as the scripts and drafts give it",
    "phone": "your phone number, for voicemail and the drafts",
    "email": "your email address (an invitation's copy to you is not a contact)",
    "signature": 'the lines the drafts end with, instead of name and phone ("\\n" between lines)',
}
YOU_KEYS = tuple(spec.name for spec in fields(Profile))

TABLES = ("rules", "cadence", "you", "keys")


def parse_preferences(
    data: Mapping[str, object], binding_ids: Collection[str] | None = None
) -> Preferences:
    """The settings `data` holds (as tomllib reads them); a missing key keeps its default.
    Raises SettingsError at the first unknown key, wrong type or value out of range; a key
    remap must name one of `binding_ids` (when given)."""
    for table in data:
        if table not in TABLES:
            raise SettingsError(table, f"unknown setting (the tables are {', '.join(TABLES)})")
    rules = _table(data, "rules")
    numbers: dict[str, int] = {}
    for key, value in rules.items():
        number = RULE_KEYS.get(key)
        if number is None:
            raise SettingsError(f"rules.{key}", _unknown(RULE_KEYS))
        numbers[number.field] = _days(f"rules.{key}", value, number.least)
    gaps = dict(DEFAULT_SETTINGS.gaps)
    for key, value in _table(data, "cadence").items():
        persistence = CADENCE_KEYS.get(key)
        if persistence is None:
            raise SettingsError(f"cadence.{key}", _unknown(CADENCE_KEYS))
        gaps[persistence] = _days(f"cadence.{key}", value, 1)
    you: dict[str, str] = {}
    for key, value in _table(data, "you").items():
        if key not in YOU_KEYS:
            raise SettingsError(f"you.{key}", _unknown(YOU_KEYS))
        you[key] = _text(f"you.{key}", value, lines=key == "signature")
    keys: dict[str, str] = {}
    for binding_id, value in _table(data, "keys").items():
        if binding_ids is not None and binding_id not in binding_ids:
            raise SettingsError(f"keys.{binding_id}", "no key has this binding id")
        keys[binding_id] = _key(f"keys.{binding_id}", value)
    return Preferences(
        rules=replace(DEFAULT_SETTINGS, gaps=MappingProxyType(gaps), **numbers),
        you=Profile(**you),
        keys=MappingProxyType(keys),
    )


def _table(data: Mapping[str, object], name: str) -> Mapping[str, object]:
    table = data.get(name, {})
    if not isinstance(table, Mapping):
        raise SettingsError(name, f"must be a table ([{name}])")
    return table


def _unknown(known: Collection[str]) -> str:
    return f"unknown setting (known: {', '.join(known)})"


def _days(key: str, value: object, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingsError(key, f"must be a whole number, not {_shown(value)}")
    if not least <= value <= MOST_DAYS:
        raise SettingsError(key, f"must be from {least} to {MOST_DAYS}, not {value}")
    return value


def _text(key: str, value: object, *, lines: bool) -> str:
    if not isinstance(value, str):
        raise SettingsError(key, f"must be text in quotes, not {_shown(value)}")
    allowed = "\n" if lines else ""
    if any((ord(char) < 32 or 127 <= ord(char) < 160) and char not in allowed for char in value):
        raise SettingsError(
            key, "must not hold control characters" + (" (but \\n)" if lines else "")
        )
    return value.strip()


def _key(key: str, value: object) -> str:
    if not isinstance(value, str):
        raise SettingsError(key, f"must be a key name in quotes, not {_shown(value)}")
    names = [name.strip() for name in value.split(",")]
    if not all(names) or any(not name.isprintable() or " " in name for name in names):
        raise SettingsError(key, f'must be key names like "z" or "ctrl+k", not {_shown(value)}')
    return ",".join(names)


def _shown(value: object) -> str:
    if isinstance(value, str):
        import json  # here and below: `followup due` reads the settings, and writes no JSON

        return json.dumps(value, ensure_ascii=True)[:40]
    return f"{type(value).__name__} {str(value)[:40]}"


# Writing the file ------------------------------------------------------------------------


def _toml_string(text: str) -> str:
    import json

    # JSON's string escapes are TOML basic-string escapes; TOML wants DEL escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_key(key: str) -> str:
    bare = key and all(char.isascii() and (char.isalnum() or char in "-_") for char in key)
    return key if bare else _toml_string(key)


def render_preferences(preferences: Preferences = DEFAULT_PREFERENCES) -> str:
    """The settings file for `preferences`: every key with what it does and its default, so
    the file documents itself. Keys left at their default are written too, commented."""
    import textwrap  # here: only writing the file wraps its comments

    rules, default = preferences.rules, DEFAULT_SETTINGS
    out = [
        "# followup settings (docs/settings.md). A line starting with # is a comment.",
        "# A key left commented keeps its default. A bad value stops followup with one line",
        "# naming the key. Settings never change which day it is, only how the days count.",
        "",
        "[rules]",
    ]
    for key, number in RULE_KEYS.items():
        value, was = getattr(rules, number.field), getattr(default, number.field)
        out += textwrap.wrap(
            f"{number.rule}: {number.help}. Default {was}.",
            88,
            initial_indent="# ",
            subsequent_indent="# ",
        )
        out.append(f"{'' if value != was else '# '}{key} = {value}")
    out += [
        "",
        "# R4: days between two follow-ups on one application, by its persistence",
        "# (persistent suits jobs that reward initiative, such as sales).",
        "[cadence]",
    ]
    for key, persistence in CADENCE_KEYS.items():
        value, was = rules.gap(persistence), default.gap(persistence)
        out.append(f"{'' if value != was else '# '}{key} = {value}  # default {was}")
    out += [
        "",
        "# You: what the call scripts and drafts sign with. Empty: the one set with `m` in the",
        '# call panel, else "(fill in: your name)".',
        "[you]",
    ]
    for key in YOU_KEYS:
        value = getattr(preferences.you, key)
        out.append(f"# {_YOU_HELP.get(key, key)}")
        out.append(f"{'' if value else '# '}{key} = {_toml_string(value)}")
    out += [
        "",
        '# Keys by binding id (docs/settings.md lists them); several keys: "z,ctrl+z". E.g.',
        '# snooze = "z"',
        '# call = "ctrl+k"',
        "[keys]",
    ]
    out += [
        f"{_toml_key(binding_id)} = {_toml_string(key)}"
        for binding_id, key in preferences.keys.items()
    ]
    return "\n".join(out) + "\n"
