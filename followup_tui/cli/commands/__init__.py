"""One module per command (or group of commands). Each module's `add_parser(commands)` adds its
subcommand with its options and names the function beside them that runs it; the function takes
the parsed arguments, the day and the database path, and returns the exit status.

A new command is a new module here and one entry in COMMAND_MODULES. Keep each module's
top-level imports light (no store, formats or Textual): every one is imported to build the
parser, on every start, including `followup due` in a shell start-up file.
"""

from __future__ import annotations

from typing import Protocol

from followup_tui.cli.commands import (
    add,
    backups,
    close,
    completion,
    due,
    edit,
    export,
    import_file,
    list_applications,
    locate,
    log_touch,
    settings,
    show,
)
from followup_tui.cli.common import Commands


class CommandModule(Protocol):
    def add_parser(self, commands: Commands) -> None: ...


# In the order `followup --help` lists them.
COMMAND_MODULES: tuple[CommandModule, ...] = (
    due,
    list_applications,
    add,
    show,
    log_touch,
    close,
    edit,
    export,
    import_file,
    locate,
    settings,
    backups,
    completion,
)
