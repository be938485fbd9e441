"""`followup completion SHELL`: the shell completion script, printed or installed.

The scripts are written from the parser itself (cli/completion_scripts.py), imported only
when this command runs."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from followup_tui.cli.common import Commands, UsageError

SHELLS = ("bash", "zsh", "fish")


def add_parser(commands: Commands) -> None:
    parser = commands.add(
        "completion", print_completion, help="print or install shell completion (bash, zsh, fish)"
    )
    parser.add_argument(
        "shell", metavar="SHELL", nargs="?", choices=SHELLS, help="bash, zsh or fish"
    )
    parser.add_argument(
        "--install",
        action="store_true",
        help="write the script where SHELL (default: yours, from $SHELL) loads it for you",
    )


def print_completion(args: argparse.Namespace, today: date, path: Path) -> int:
    """Print the completion script for SHELL (load it with `source <(followup completion
    bash)` in ~/.bashrc, or save it where your shell looks), or with --install write it to the
    per-user folder that shell loads completions from: bash-completion's
    ~/.local/share/bash-completion/completions, zsh's ~/.local/share/zsh/site-functions (to
    add to fpath), fish's ~/.config/fish/completions. Exit status 0; 2 on bad input."""
    shell = args.shell
    if shell is None:
        if not args.install:
            raise UsageError("name a shell: followup completion bash|zsh|fish")
        shell = detected_shell()
    from followup_tui.cli.completion_scripts import script
    from followup_tui.cli.run import build_parser

    text = script(shell, build_parser())
    if not args.install:
        sys.stdout.write(text)
        return 0
    target = install_path(shell)
    _write(target, text)
    from followup_tui.domain.text import printable

    print(printable(f"Wrote {target}"))
    print(_AFTER_INSTALL[shell].format(folder=printable(str(target.parent))))
    return 0


def detected_shell() -> str:
    """The user's shell, from $SHELL."""
    name = Path(os.environ.get("SHELL", "")).name
    if name not in SHELLS:
        raise UsageError(
            f"cannot tell your shell from $SHELL ({name or 'not set'!r}): "
            "name it, e.g. followup completion --install bash"
        )
    return name


def install_path(shell: str) -> Path:
    """Where each shell loads a user's own completions from."""
    home = Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    if shell == "bash":
        folder = os.environ.get("BASH_COMPLETION_USER_DIR")
        base = Path(folder) if folder else data / "bash-completion"
        return base / "completions" / "followup"
    if shell == "zsh":
        return data / "zsh" / "site-functions" / "_followup"
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return config / "fish" / "completions" / "followup.fish"


_AFTER_INSTALL = {
    "bash": "New bash sessions complete followup (bash-completion loads it from there).",
    "zsh": "New zsh sessions complete followup once ~/.zshrc has, before compinit:\n"
    "  fpath=({folder} $fpath)",
    "fish": "New fish sessions complete followup.",
}


def _write(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror}") from None
