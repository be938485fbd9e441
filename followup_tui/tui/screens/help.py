"""`?`: every key of the screen underneath, with what it does, grouped by where it works."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

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
    focused = screen.focused.__class__.__name__ if screen.focused else ""
    titles = {"Here": f"In the focused {focused}" if focused else "Here"}
    return [
        (titles.get(name, name), [(keys, what) for what, keys in rows.items()])
        for name, rows in groups.items()
        if rows
    ]


class HelpScreen(ModalScreen[None]):
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
            yield Label(Content(f"Keys: {self.help_title}"), classes="form-title")
            yield Static(self._text(), id="keys")
            yield Label("escape or ? closes", classes="field-label")

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
