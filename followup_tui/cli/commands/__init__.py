"""One module per command (or group of commands). Each module's `add_parser(commands)` adds its
subcommand with its options and names the function beside them that runs it; the function takes
the parsed arguments, the day and the database path, and returns the exit status.

A new command is a new module here and one entry in COMMAND_NAMES. Keep each module's
top-level imports light (no store, formats or Textual): every one is imported to build the
whole parser, and `due`, `show` and `list` on every start of the shell agenda.
"""

from __future__ import annotations

import importlib

from followup_tui.domain import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Protocol

    from followup_tui.cli.common import Commands

    class CommandModule(Protocol):
        def add_parser(self, commands: Commands) -> None: ...


# In the order `followup --help` lists them.
COMMAND_NAMES = (
    "due",
    "list_applications",
    "add",
    "show",
    "log_touch",
    "close",
    "edit",
    "export",
    "import_file",
    "locate",
    "settings",
    "backups",
    "completion",
)

if TYPE_CHECKING:
    COMMAND_MODULES: tuple[CommandModule, ...]


def __getattr__(name: str) -> Any:
    """COMMAND_MODULES, every command's module, imported when first asked for: the shell
    agenda's commands build a parser of their own module alone and import no other (issue 17)."""
    if name == "COMMAND_MODULES":
        modules = tuple(importlib.import_module(f"{__name__}.{each}") for each in COMMAND_NAMES)
        globals()[name] = modules
        return modules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
