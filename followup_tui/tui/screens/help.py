"""`?`: every key of the screen underneath, with what it does, grouped by where it works."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static

from followup_tui.tui.widgets.dialog import Dialog

Section = tuple[str, list[tuple[str, str]]]


def key_table(screen: Screen) -> list[Section]:
    """The keys active on `screen`: its own, the focused widget's, and the app's."""
    groups: dict[str, dict[str, str]] = {"This screen": {}, "Here": {}, "Everywhere": {}}
    for active in screen.active_bindings.values():
        binding = active.binding
        description = binding.tooltip or binding.description
        if not description:
            continue
        if active.node is screen:
            group = "This screen"
        elif active.node is screen.app:
            group = "Everywhere"
        else:
            group = "Here"
        shown = screen.app.get_key_display(binding)
        keys = groups[group].get(description)
        groups[group][description] = shown if keys is None else f"{keys} / {shown}"
    titles = {"Here": where_focused(screen)}
    return [
        (titles.get(name, name), [(keys, what) for what, keys in rows.items()])
        for name, rows in groups.items()
        if rows
    ]


# The focused widget in the user's words, by its kind (the nearest known base class).
_PLACES = (
    ("ReviewTable", "In the list of applications"),
    ("DataTable", "In the table"),
    ("TextArea", "In the text being edited"),
    ("Input", "In the field being edited"),
    ("OptionList", "In the list"),
    ("SelectionList", "In the list"),
)


def where_focused(screen: Screen) -> str:
    """'In the list of applications': where the 'Here' keys work, never a class name."""
    if screen.focused is None:
        return "Here"
    kinds = {kind.__name__ for kind in type(screen.focused).__mro__}
    return next((words for kind, words in _PLACES if kind in kinds), "Where the cursor is")


def rules_text() -> Text:
    """Each rule id the screens print after a reason, in one sentence."""
    from followup_tui.domain.rule_words import RULE_SENTENCES

    text = Text()
    text.append("The rules (the R numbers after a reason)\n", style="bold underline")
    for rule, sentence in RULE_SENTENCES:
        text.append(f"  {rule:<4} ", style="bold")
        text.append(f"{sentence}\n")
    return text


class HelpScreen(Dialog[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, title: str, sections: list[Section]) -> None:
        super().__init__(classes="form-screen")
        self.help_title = title
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(self._title(), classes="form-title", id="help-title")
            yield Static(self._text(), id="keys")
            yield Static(rules_text(), id="rules")
            yield Label("escape or ? closes", classes="field-label")

    def reopen(self, title: str, sections: list[Section]) -> None:
        """Kept between uses (`FollowupApp.kept`): the keys of another screen, from the top."""
        self.help_title = title
        self.sections = sections
        self.query_one("#help-title", Label).update(self._title())
        self.query_one("#keys", Static).update(self._text())
        self.query_one("#form", VerticalScroll).scroll_home(animate=False, immediate=True)

    def _title(self) -> Content:
        return Content(f"Keys: {self.help_title}")

    def _text(self) -> Text:
        text = Text()
        width = max((len(keys) for _, rows in self.sections for keys, _ in rows), default=4)
        for index, (title, rows) in enumerate(self.sections):
            if index:
                text.append("\n")
            text.append(f"{title}\n", style="bold underline")
            for keys, what in rows:
                text.append(f"  {keys:<{width}}  ", style="bold")
                text.append(f"{what}\n")
        return text

    def action_close(self) -> None:
        self.dismiss(None)
