"""Help names things in the user's words and explains the rule ids every reason ends with
(issue 15 item 5)."""

from __future__ import annotations

from datetime import date

from followup_tui.demo import demo_applications
from followup_tui.domain.rule_words import RULE_SENTENCES
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.help import HelpScreen

from .helpers import SIZE, loaded, settle

TODAY = date(2026, 3, 10)


async def test_help_says_where_in_words_and_lists_each_rule(tmp_path) -> None:
    path = tmp_path / "help.sqlite"
    with Store(path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _ in app.screen.sections]
        assert "In the list of applications" in titles
        assert not any("focused" in title or "Table" in title for title in titles)
        rules = str(app.screen.query_one("#rules").render())
        for rule, sentence in RULE_SENTENCES:
            assert f"{rule} " in rules and sentence in rules
    assert [rule for rule, _ in RULE_SENTENCES] == [f"R{n}" for n in range(1, 14)]
