import sys

from followup_tui.cli import main

sys.exit(main())
