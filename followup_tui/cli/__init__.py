"""The `followup` command: the dashboard by default, and subcommands beside it.

Bad input gets one line on stderr and exit status 2, and nothing is written: every argument is
checked before the database is opened.

Where things are: `run` reads the command line and reports errors; `options` holds the global
options (--db, --today, --demo); `commands/` has one module per command, its options beside its
body; `demo_folder` makes and removes the demo's temporary database.
"""

from followup_tui.cli.run import main

__all__ = ["main"]
