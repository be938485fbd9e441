"""The documents say what the code does: the binding ids a keymap may name."""

from __future__ import annotations

import re
from pathlib import Path

from followup_tui.tui.keymap import BINDING_IDS

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_settings_md_lists_every_binding_id_a_keymap_may_name():
    line = next(
        line
        for line in (DOCS / "settings.md").read_text().splitlines()
        if line.startswith("Binding ids:")
    )
    assert set(re.findall(r"`([a-z-]+)`", line)) == set(BINDING_IDS)
