"""Where `followup` starts: a plain command line of the shell agenda's commands is read here,
without argparse; anything else goes to argparse (`run.py`).

`followup due --quiet` runs in every new terminal. Importing argparse, building its parser and
the gettext look-ups behind its messages took 5 ms there, a sixth of `python -c pass` (issue
17). A plain command line is one of `due`, `show ID` or `list` with their own options and the
global ones, each written out in full and given once, with no value that starts with '-': it
reads as argparse reads it (tests/cli/test_agenda_fast.py compares the two). Anything else, an
abbreviation, `--help`, a mistake, `list --status`, is argparse's to read, to explain or to
refuse.
"""

from __future__ import annotations

import gc
import importlib
import sys
from types import SimpleNamespace

from followup_tui.cli.runtime import run_command
from followup_tui.domain import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

# The global options with a value, and the one without (`--demo`): attribute name by option.
_WITH_VALUES = {"--db": "db", "--today": "today", "--settings": "settings"}
_DEMO = "--demo"
# Each command: its module and handler there, the attribute its one positional argument goes
# to (if it takes one), and its flags by option with their attributes, False unless given.
_COMMANDS: dict[str, tuple[str, str, str | None, dict[str, str]]] = {
    "due": (
        "due",
        "print_agenda",
        None,
        {"--json": "json", "--all": "all", "--short": "short", "--quiet": "quiet"},
    ),
    "show": ("show", "show_application", "id", {}),
    "list": (
        "list_applications",
        "list_applications",
        None,
        {"--json": "json", "--completion-ids": "completion_ids"},
    ),
}
# What a command's parser sets besides its flags when they are not given.
_DEFAULTS: dict[str, dict[str, object]] = {"list": {"status": None}}


def main(argv: Sequence[str] | None = None) -> int:
    """Run `followup` with these arguments (default: the process's); returns the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    args = plain_command_line(words)
    if args is None:
        from followup_tui.cli.run import main as read_with_argparse

        return read_with_argparse(argv)
    if argv is None:
        # As run.main does for these commands: the process ends after one read.
        gc.disable()
    # A SimpleNamespace for argparse's Namespace: the handlers read its attributes alone.
    return run_command(args, argv)  # type: ignore[arg-type]


def plain_command_line(words: Sequence[str]) -> SimpleNamespace | None:
    """What argparse would read from a plain command line of `due`, `show` or `list` (the
    attributes its namespace would have, the command's handler among them), or None for any
    other command line."""
    given: dict[str, object] = {}
    command = None
    positional: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if not word.startswith("-"):
            if command is None:
                if word not in _COMMANDS:
                    return None
                command = word
            else:
                positional.append(word)
            continue
        name, equals, value = word.partition("=")
        if name in _WITH_VALUES:
            if not equals:
                if index == len(words):
                    return None
                value = words[index]
                index += 1
            attribute = _WITH_VALUES[name]
            if value.startswith("-") or attribute in given:
                return None
            given[attribute] = value
        elif equals:
            return None
        elif word == _DEMO and "demo" not in given:
            given["demo"] = True
        elif command is not None and word in _COMMANDS[command][3]:
            attribute = _COMMANDS[command][3][word]
            if attribute in given:
                return None
            given[attribute] = True
        else:
            return None
    if command is None:
        return None
    module_name, handler, takes, flags = _COMMANDS[command]
    if len(positional) != (1 if takes else 0):
        return None
    from followup_tui.cli.deferred import defer_unused_modules

    defer_unused_modules()  # before the command's module imports dataclasses
    module = importlib.import_module(f"followup_tui.cli.commands.{module_name}")
    args = SimpleNamespace(command=command, handler=getattr(module, handler))
    if takes:
        setattr(args, takes, positional[0])
    for attribute, default in _DEFAULTS.get(command, {}).items():
        setattr(args, attribute, default)
    for attribute in flags.values():
        setattr(args, attribute, given.pop(attribute, False))
    for attribute, option_value in given.items():
        setattr(args, attribute, option_value)
    return args
