"""Shell completion for bash, zsh and fish, generated from the parser: every command and option
is in each script, and the bash one completes for real (commands, options, choices, ids)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.cli import main

SHELLS = ["bash", "zsh", "fish"]
BIN = str(Path(sys.executable).parent)  # where the `followup` script is installed


def parser_parts() -> tuple[list[str], dict[str, list[str]]]:
    """Every command, and every option each one shows in --help, read from the parser."""
    from followup_tui.cli.run import build_parser

    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    options = {
        name: [
            option
            for a in sub._actions
            if a.help != argparse.SUPPRESS
            for option in a.option_strings
        ]
        for name, sub in action.choices.items()
    }
    return list(action.choices), options


def script(shell: str, capsys) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("shell", SHELLS)
def test_every_command_and_option_is_in_the_script(shell, capsys):
    text = script(shell, capsys)
    commands, options = parser_parts()
    assert {"list", "log", "close", "edit", "completion"} <= set(commands)
    for command in commands:
        assert command in text
        for option in options[command]:
            spelled = option if shell != "fish" else (
                f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
            )  # fmt: skip
            assert spelled in text, (command, option)
    assert "--completion-ids" not in text.replace("list --completion-ids", "")


def test_a_new_option_is_completed_without_touching_the_scripts():
    from followup_tui.cli.commands import COMMAND_MODULES
    from followup_tui.cli.completion_scripts import script as make
    from followup_tui.cli.run import build_parser

    parser = build_parser(COMMAND_MODULES)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub.choices["list"].add_argument("--brand-new-option", choices=["x1", "y2"])
    for shell in SHELLS:
        text = make(shell, parser)
        assert "brand-new-option" in text and "x1 y2" in text


def bash_complete(words: list[str], env: dict[str, str]) -> list[str]:
    """COMPREPLY after pressing tab with the cursor on the last word."""
    line = " ".join(f"'{w}'" if w else "''" for w in words)
    code = (
        "source <(followup completion bash) || exit 9\n"
        f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n"
        '_followup; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        ["bash", "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


@pytest.fixture
def shell_env(demo_db) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
            "FOLLOWUP_DB": str(demo_db)}  # fmt: skip


@pytest.mark.slow
def test_bash_completes_commands_options_choices_and_ids(shell_env, tmp_path):
    assert bash_complete(["followup", "sh"], shell_env) == ["show"]
    assert bash_complete(["followup", "c"], shell_env) == ["close", "completion"]
    assert bash_complete(["followup", "list", "--st"], shell_env) == ["--status"]
    assert "--anyway" in bash_complete(["followup", "log", "3", "--"], shell_env)
    assert bash_complete(["followup", "close", "3", "--as", "offer_"], shell_env) == [
        "offer_accepted", "offer_declined",
    ]  # fmt: skip
    assert bash_complete(["followup", "log", "1", "--kind", "th"], shell_env) == ["thank_you"]
    ids = bash_complete(["followup", "show", ""], shell_env)
    assert ids == [str(n) for n in range(1, 18)]
    assert bash_complete(["followup", "close", "1"], shell_env) == [
        "1",
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
    ]
    # One ID only; a value typed for an option is not taken for it.
    assert bash_complete(["followup", "show", "3", ""], shell_env) == []
    assert bash_complete(["followup", "log", "--notes", "x", "1"], shell_env)[0] == "1"
    assert bash_complete(["followup", "completion", "z"], shell_env) == ["zsh"]
    (tmp_path / "tracker.csv").write_text("x")
    assert bash_complete(["followup", "import", str(tmp_path / "tra")], shell_env) == [
        str(tmp_path / "tracker.csv")
    ]


@pytest.mark.slow
def test_bash_ids_come_from_the_database_on_the_command_line(shell_env, tmp_path):
    missing = tmp_path / "other.sqlite"
    assert bash_complete(["followup", "--db", str(missing), "show", ""], shell_env) == []
    assert not missing.exists()  # a tab press creates no database
    assert bash_complete(["followup", "show", ""], shell_env)  # FOLLOWUP_DB's
    demo = bash_complete(["followup", "--demo", "show", ""], shell_env)
    assert demo and demo == sorted(demo, key=int)


def test_list_completion_ids_gives_id_tab_company_and_role(demo_db, capsys):
    assert main(["list", "--completion-ids"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1\tNorthwind Labs · Staff Engineer" and len(lines) == 17


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_parse(shell, capsys, tmp_path):
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (apt-get install {shell})")
    path = tmp_path / f"followup.{shell}"
    path.write_text(script(shell, capsys))
    result = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_fish_completes_for_real(shell_env):
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed")
    code = (
        "source (followup completion fish | psub); "
        "complete -C 'followup sh'; complete -C 'followup show '; "
        "complete -C 'followup close 3 --as offer_'"
    )
    result = subprocess.run(
        ["fish", "--no-config", "-c", code], capture_output=True, text=True, env=shell_env,
        timeout=60,
    )  # fmt: skip
    out = result.stdout
    assert "show\tprint one application" in out
    assert "7\tWayne Enterprises · Engineering Manager" in out
    assert "offer_accepted" in out and "offer_declined" in out


@pytest.mark.slow
def test_zsh_script_loads_under_compinit(capsys, tmp_path):
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    path = tmp_path / "_followup"
    path.write_text(script("zsh", capsys))
    code = f"autoload -U compinit; compinit -u -d {tmp_path}/dump; source {path}; " \
           "print -r -- $_comps[followup]"  # fmt: skip
    result = subprocess.run(["zsh", "-f", "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == "_followup"


@pytest.mark.parametrize(
    ("shell", "where"),
    [
        ("bash", "data/bash-completion/completions/followup"),
        ("zsh", "data/zsh/site-functions/_followup"),
        ("fish", "config/fish/completions/followup.fish"),
    ],
)
def test_install_writes_to_the_detected_shells_own_folder(
    shell, where, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("SHELL", f"/usr/bin/{shell}")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("BASH_COMPLETION_USER_DIR", raising=False)
    assert main(["completion", "--install"]) == 0
    out = capsys.readouterr().out
    target = tmp_path / where
    assert out.startswith(f"Wrote {target}\n")
    assert target.read_text() == script(shell, capsys)
    assert [p.name for p in target.parent.iterdir()] == [target.name]


@pytest.mark.parametrize(
    ("argv", "env_shell", "message"),
    [
        (["completion"], "/bin/bash", "name a shell: followup completion bash|zsh|fish"),
        (["completion", "--install"], "/bin/tcsh", "cannot tell your shell from $SHELL ('tcsh')"),
    ],
)
def test_completion_bad_input_is_one_line_and_exit_2(argv, env_shell, message, monkeypatch,
                                                     capsys):  # fmt: skip
    monkeypatch.setenv("SHELL", env_shell)
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and message in err
