"""Every shared key's action is on ApplicationScreen, and a key that runs a flow names one
that flows.py has (tui/actions.py `runs`: the flow is looked up by name when the key is pressed,
so a typo would only show then)."""

from __future__ import annotations

import re

from followup_tui.tui import flows
from followup_tui.tui.actions import KEYS, ApplicationScreen

RUNS = re.compile(r"Run flows\.(\w+) on the selected application\.")


def test_every_shared_key_has_its_action_and_every_flow_it_names_exists():
    named = []
    for binding in KEYS.values():
        action = getattr(ApplicationScreen, f"action_{binding.action}", None)
        assert callable(action), binding.action
        if found := RUNS.fullmatch(action.__doc__ or ""):
            named.append(found.group(1))
            assert callable(getattr(flows, found.group(1), None)), binding.action
    assert {"snooze", "close", "edit_application", "log_menu"} <= set(named)
