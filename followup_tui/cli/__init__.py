"""The `followup` command: the dashboard by default, and subcommands beside it.

Bad input gets one line on stderr and exit status 2, and nothing is written: every argument is
checked before the database is opened.

Where things are: `start` reads a plain command line of the shell agenda's commands without
argparse and hands any other to `run`, which reads it with argparse; `runtime` runs the command
with the error contract (one line, exit 2) and holds what commands use as they run; `options`
holds the global options (--db, --today, --settings, --demo); `commands/` has one module per
command, its options beside its body; `demo_folder` makes and removes the demo's temporary
database.
"""

from followup_tui.cli.start import main

__all__ = ["main"]
