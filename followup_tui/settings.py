"""The settings file: where it is, reading it, writing it.

`--settings PATH` when the CLI passes it, else `$FOLLOWUP_SETTINGS`, else settings.toml in
the user config folder (platformdirs). A missing file means every default.
Checking what it holds is `domain.settings`'s job (pure, tested without files); here a bad
value becomes one line naming the file and the key.
"""

from __future__ import annotations

import os
from pathlib import Path

from followup_tui.domain.settings import (
    DEFAULT_PREFERENCES,
    Preferences,
    SettingsError,
    parse_preferences,
    render_preferences,
)
from followup_tui.tui.keymap import BINDING_IDS

SETTINGS_ENV = "FOLLOWUP_SETTINGS"
SETTINGS_NAME = "settings.toml"


class SettingsFileError(Exception):
    """The settings file cannot be read or holds a bad value: one line, file and key named."""


def settings_path(explicit: str | None = None) -> Path:
    """`explicit` (--settings), else $FOLLOWUP_SETTINGS, else the user config folder's
    settings.toml. Nothing is made here: the folder is made when the file is first written."""
    chosen = explicit or os.environ.get(SETTINGS_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from followup_tui.folders import user_folder  # platformdirs, only where needed

    return user_folder("config") / SETTINGS_NAME


def load_settings(path: Path) -> Preferences:
    """What the file at `path` sets; every default when there is no file. Raises
    SettingsFileError (one line naming `path` and the key) for anything else wrong."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return DEFAULT_PREFERENCES
    except OSError as error:
        raise SettingsFileError(f"{path}: cannot be read ({error.strerror or error})") from None
    import tomllib  # only for a file there is: `followup due` in a shell start-up file (issue 17)

    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsFileError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsFileError(f"{path}: not valid TOML: {error}") from None
    try:
        return parse_preferences(parsed, BINDING_IDS)
    except SettingsError as error:
        raise SettingsFileError(f"{path}: {error}") from None


def save_settings(path: Path, preferences: Preferences) -> None:
    """Write `preferences` to `path` as a commented file, atomically (a temporary file beside
    it, fsynced, renamed into place): a crash leaves the old file or the new one. Comments of
    the user's own are not kept; every key is documented again. Raises OSError."""
    from followup_tui.store.files import write_atomically

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomically(path, render_preferences(preferences).encode("utf-8"))
