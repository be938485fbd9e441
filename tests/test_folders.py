"""The user's folders without platformdirs where the XDG spec alone decides (issue 17 item 1):
the same answer platformdirs gives, for every way the variables can be set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from followup_tui.folders import user_folder

CASES = [
    {"XDG_CONFIG_HOME": "/x/config", "XDG_DATA_HOME": "/x/data"},
    {"XDG_CONFIG_HOME": "/x/config/", "XDG_DATA_HOME": "/x//data"},
    {},  # unset: under $HOME
    {"XDG_CONFIG_HOME": "", "XDG_DATA_HOME": ""},
    {"XDG_CONFIG_HOME": "  ", "XDG_DATA_HOME": "\t"},
    {"XDG_CONFIG_HOME": "relative/config", "XDG_DATA_HOME": "relative"},
]
HOMES = ["/home/ada", "/home/ada/", "/"]


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("variables", CASES)
def test_user_folders_are_platformdirs_answers(monkeypatch, variables, home):
    monkeypatch.setenv("HOME", home)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert user_folder("config") == Path(platformdirs.user_config_dir("followup", appauthor=False))
    assert user_folder("data") == Path(platformdirs.user_data_dir("followup", appauthor=False))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux's")
def test_the_shell_agenda_does_not_import_platformdirs(tmp_path):
    code = (
        "import sys; from followup_tui.settings import settings_path; "
        "from followup_tui.folders import user_folder; settings_path(); user_folder('data'); "
        "print('platformdirs' in sys.modules)"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "False", done.stderr
