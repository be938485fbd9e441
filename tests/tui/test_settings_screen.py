"""Settings in the app (issue 14 item 7): `,` or the palette opens them; saving writes the
settings file and the screens count with it at once; the keys move by binding id; the first
start asks your name once; `m` in the call panel writes [you]."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import tomllib
from datetime import date
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input

from followup_tui.domain.records import Persistence, Profile
from followup_tui.domain.review import light, review_list
from followup_tui.domain.settings import Preferences, parse_preferences
from followup_tui.settings import load_settings
from followup_tui.store.reading import Reader
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.keymap import BINDING_IDS
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.dashboard import DashboardScreen
from followup_tui.tui.widgets.form import FormScreen

from .helpers import SIZE, loaded, settle, type_text

TODAY = date(2026, 3, 10)


def _binding_ids_of_every_screen() -> set[str]:
    found: set[str] = set()
    packages = ["followup_tui.tui.screens", "followup_tui.tui.widgets"]
    modules = ["followup_tui.tui.app", "followup_tui.tui.actions"] + [
        f"{package}.{info.name}"
        for package in packages
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__)
    ]
    for name in modules:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, DOMNode):
                for binding in value.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.id:
                        found.add(binding.id)
    return found


def test_the_settings_file_knows_every_binding_id():
    # A new key with an id goes in tui/keymap.py too, or a [keys] remap of it is refused.
    assert _binding_ids_of_every_screen() == BINDING_IDS


async def set_field(pilot, name: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#field-{name}")
    field.focus()
    if isinstance(field, Input):
        field.value = ""
        await type_text(pilot, text)
    else:
        field.text = text


async def test_comma_opens_the_settings_and_saving_writes_the_file_and_reassesses(
    demo_db, db_path, tmp_path
):
    path = tmp_path / "settings.toml"
    app = FollowupApp(db_path, TODAY, settings_file=path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = [a.actions for a in app.screen.assessments]
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await set_field(pilot, "cut_loose_days", "1")
        await set_field(pilot, "standard", "2")
        await set_field(pilot, "signature", "Sam Candidate\nsam.example")
        await set_field(pilot, "keys", "snooze = z")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        saved = load_settings(path)
        assert saved.rules.cut_loose_days == 1
        assert saved.rules.gap(Persistence.STANDARD) == 2
        assert saved.you.signature == "Sam Candidate\nsam.example"
        assert dict(saved.keys) == {"snooze": "z"}
        assert app.preferences == saved
        # The dashboard counted again with the new numbers.
        applications = Reader(db_path).review_applications(TODAY)
        after = [a.actions for a in app.screen.assessments]
        # (its rows are light: their actions name contacts by name alone)
        assert after == [light(a).actions for a in review_list(applications, TODAY, saved.rules)]
        assert after != before
        # The key moved at once.
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "Snooze" in app.screen.form_title
    text = path.read_text()
    assert text.startswith("# followup settings")
    assert "cut_loose_days = 1" in text and "# first_check_days = 5" in text


async def test_a_bad_value_in_the_settings_form_is_named_and_nothing_is_written(
    demo_db, db_path, tmp_path
):
    path = tmp_path / "settings.toml"
    app = FollowupApp(db_path, TODAY, settings_file=path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("comma")
        await settle(pilot)
        await set_field(pilot, "first_check_days", "-2")
        await set_field(pilot, "keys", "snoze = z")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "must be from 0" in str(app.screen.query_one("#error-first_check_days").render())
        await set_field(pilot, "first_check_days", "5")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "binding id" in str(app.screen.query_one("#error-keys").render())
        await pilot.press("escape")
        await settle(pilot)
    assert not path.exists()


async def test_the_palette_offers_the_settings(demo_db, db_path):
    app = FollowupApp(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert "Settings" in [command.title for command in app.get_system_commands(app.screen)]


async def test_keys_from_the_settings_file_are_remapped_on_start(demo_db, db_path):
    preferences = parse_preferences({"keys": {"snooze": "z", "settings": "f2"}}, BINDING_IDS)
    app = FollowupApp(db_path, TODAY, preferences=preferences)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and "Snooze" in app.screen.form_title
        await pilot.press("escape", "f2")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and "Settings" in app.screen.form_title


async def test_first_start_asks_your_name_once_and_drafts_sign_with_it(db_path, tmp_path):
    path = tmp_path / "settings.toml"
    app = FollowupApp(db_path, TODAY, settings_file=path, ask_name=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and "Welcome" in app.screen.form_title
        await type_text(pilot, "Sam Carter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.profile().name == "Sam Carter"
    assert load_settings(path).you.name == "Sam Carter"


async def test_first_start_skipped_writes_the_defaults_so_it_is_not_asked_again(db_path, tmp_path):
    path = tmp_path / "settings.toml"
    app = FollowupApp(db_path, TODAY, settings_file=path, ask_name=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert load_settings(path) == Preferences()
    assert "# name = " in path.read_text()


async def test_your_name_from_the_call_panel_goes_to_the_settings_file(demo_db, db_path, tmp_path):
    path = tmp_path / "settings.toml"
    app = FollowupApp(db_path, TODAY, settings_file=path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        panel = app.screen
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        # The stored profile (the demo's) is what it starts from: the save migrates it.
        assert app.screen.query_one("#field-name", Input).value == "Sam Candidate"
        await set_field(pilot, "phone", "+1 555 0199")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is panel
        assert "+1 555 0199" in " ".join(panel.script.voicemail)
    saved = tomllib.loads(path.read_text())["you"]
    assert saved["name"] == "Sam Candidate" and saved["phone"] == "+1 555 0199"
    assert Reader(db_path).load_profile() != Profile()  # the database's copy is left as it was


def test_settings_never_name_a_path_in_the_pure_layer():
    source = Path(inspect.getfile(parse_preferences)).read_text()
    assert "import os" not in source and "pathlib" not in source
