"""Pick one of a few choices: by its letter, or with the arrows and enter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from followup_tui.tui.widgets.dialog import Dialog


class PickerScreen(Dialog[Any]):
    """Choices are (key, label, value); the screen dismisses with the value, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str, Any]]) -> None:
        super().__init__(classes="form-screen")
        self.picker_title = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Label(Content(self.picker_title), classes="form-title")
            yield OptionList(
                *[
                    Option(Content.assemble((key, "bold"), "  ", label), id=str(index))
                    for index, (key, label, _value) in enumerate(self.choices)
                ],
                id="choices",
            )

    def on_key(self, event: events.Key) -> None:
        for key, _label, value in self.choices:
            if event.character == key:
                event.stop()
                self.dismiss(value)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)][2])

    def action_cancel(self) -> None:
        self.dismiss(None)
