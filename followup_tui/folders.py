"""The user's folders for followup: platformdirs' answer, found without importing platformdirs
where the XDG base directory spec alone decides it.

`followup due` runs in every new terminal and looks for the settings file (and, without --db,
the database) there: importing platformdirs took 2-4 ms of it, with tempfile and random behind
it (issue 17). On Linux a folder is $XDG_..._HOME/followup when that is an absolute path, else
~/.config/followup (or ~/.local/share/followup) when $XDG_..._HOME is unset or blank and $HOME is
absolute: what every platformdirs release answers there. Anything else (macOS, Windows, Android,
a relative path in either variable) asks platformdirs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from followup_tui.domain import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Literal

APP = "followup"
# Each folder's variable and its default under the home folder (the XDG base directory spec).
_XDG = {"config": ("XDG_CONFIG_HOME", ".config"), "data": ("XDG_DATA_HOME", ".local/share")}


def user_folder(kind: Literal["config", "data"]) -> Path:
    """platformdirs' user_config_dir / user_data_dir for followup (nothing is made)."""
    variable, default = _XDG[kind]
    if _plain_linux():
        chosen = os.environ.get(variable, "")
        if os.path.isabs(chosen):
            return Path(chosen, APP)
        if not chosen.strip() and os.path.isabs(os.environ.get("HOME", "")):
            return Path(os.path.expanduser(f"~/{default}"), APP)
    import platformdirs

    if kind == "config":
        return Path(platformdirs.user_config_dir(APP, appauthor=False))
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def _plain_linux() -> bool:
    """Linux that platformdirs treats as Unix: not Android (its own test)."""
    android = hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )
    return sys.platform.startswith("linux") and not android
