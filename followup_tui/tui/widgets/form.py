"""A small declarative form as a modal screen: fields, a message under each, nothing returned
until the whole form is valid.

Callers describe fields with `FieldSpec` and pass a `validate(values) -> (result, errors)`
function; the screen dismisses with the result, or with None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.button import ButtonVariant

from followup_tui.tui.widgets.dialog import Dialog
from followup_tui.tui.widgets.key_bar import KeyBar
from followup_tui.tui.widgets.plain_text import PlainInput, PlainTextArea
from followup_tui.tui.widgets.ticks import TickBox, TickList

Kind = Literal["text", "select", "check", "area", "multi"]


@dataclass
class FieldSpec:
    name: str
    label: str
    kind: Kind = "text"
    value: Any = ""
    # (label, value) pairs for select and multi; labels are user text, shown literally.
    options: Sequence[tuple[str, Any]] = ()
    placeholder: str = ""
    # For multi: the values ticked at the start.
    selected: Sequence[Any] = field(default_factory=tuple)


Validator = Callable[[dict[str, Any]], tuple[Any, dict[str, str]]]


class FormScreen(Dialog[Any]):
    """Tab moves between fields, ctrl+s saves, escape cancels."""

    # on_mount focuses the first field; Textual's own auto focus would scroll to it before
    # the form is laid out, and the form would open scrolled down.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FieldSpec],
        validate: Validator,
        *,
        cancel: str = "Cancel",
    ) -> None:
        super().__init__(classes="form-screen")
        self.form_title = title
        self.cancel_label = cancel
        self.fields = list(fields)
        self.validate = validate

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", can_focus=False):
            # Docked, the buttons stay in view below the fields as they scroll (app.tcss).
            # Out of the tab order (ctrl+s and escape are theirs): Textual orders focus by
            # position, and docked at the bottom of the view they came before every field
            # below the fold, so Tab from the notes skipped the decision date.
            with Horizontal(classes="form-buttons"):
                yield _button("Save (ctrl+s)", "save", "primary")
                yield _button(f"{self.cancel_label} (esc)", "cancel", "default")
            yield Label(Content(self.form_title), classes="form-title")
            for spec in self.fields:
                yield Label(Content(spec.label), classes="field-label")
                yield self._widget(spec)
                yield Static("", id=f"error-{spec.name}", classes="field-error")
        yield KeyBar()  # the form's keys, over the screen's beneath

    def on_mount(self) -> None:
        # Focus without scrolling to the field: scrolled before the form's height is known,
        # the form opened scrolled down, its title and first field above the fold.
        self.query_one(f"#field-{self.fields[0].name}").focus(scroll_visible=False)

    def _widget(self, spec: FieldSpec) -> Widget:
        widget_id = f"field-{spec.name}"
        if spec.kind == "select":
            options = [(Content(label), value) for label, value in spec.options]
            return Select(options, value=spec.value, allow_blank=False, id=widget_id)
        if spec.kind == "check":
            return TickBox(Content(spec.label), value=bool(spec.value), id=widget_id)
        if spec.kind == "area":
            return PlainTextArea(str(spec.value or ""), id=widget_id, soft_wrap=True)
        if spec.kind == "multi":
            return TickList(
                *[(Content(label), value, value in spec.selected) for label, value in spec.options],
                id=widget_id,
            )
        return PlainInput(str(spec.value or ""), placeholder=spec.placeholder, id=widget_id)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                found[spec.name] = widget.text
            elif isinstance(widget, SelectionList):
                found[spec.name] = list(widget.selected)
            elif isinstance(widget, (Input, Select, Checkbox)):
                found[spec.name] = widget.value
        return found

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves a one-field form (snooze); in a longer one it moves to the next field."""
        event.stop()
        if len(self.fields) == 1:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        result, errors = self.validate(self.values())
        for spec in self.fields:
            message = errors.get(spec.name, "")
            error = self.query_one(f"#error-{spec.name}", Static)
            error.update(Content(message))
            error.set_class(bool(message), "-shown")
            self.query_one(f"#field-{spec.name}").set_class(bool(message), "-invalid")
        if errors:
            first = next(spec.name for spec in self.fields if spec.name in errors)
            self.query_one(f"#field-{first}").focus()
            return
        self.dismiss(result)


def _button(label: str, button_id: str, variant: ButtonVariant) -> Button:
    """A form's button for the mouse: clicked, not tabbed to."""
    button = Button(label, id=button_id, variant=variant)
    button.can_focus = False
    return button


class ConfirmScreen(Dialog[bool]):
    """A yes/no question; y or enter confirms, n or escape declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, details: Sequence[str] = (), yes: str = "Yes") -> None:
        super().__init__(classes="form-screen")
        self.question = question
        self.details = details
        self.yes = yes

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", can_focus=False):
            with Horizontal(classes="form-buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="warning")
                yield Button("No (n)", id="no")
            yield Label(Content(self.question), classes="form-title")
            for line in self.details:
                yield Static(Content(line), classes="confirm-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
