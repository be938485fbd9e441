"""A drafted letter or email: shown for selection, and copied to the clipboard where it can be."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from followup_tui.domain.drafts import Draft
from followup_tui.tui.widgets.plain_text import PlainTextArea

_TITLES = {
    "thank_you": "Thank-you note",
    "status_email": "Status email",
    "final_note": "Final note",
}


class DraftScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+y", "copy", "Copy again", tooltip="Copy the draft to the clipboard"),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__(classes="form-screen")
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="form", classes="draft"):
            title = _TITLES.get(self.draft.kind, "Draft")
            yield Label(Content(f"{title}: fill in the (fill in: …) parts"), classes="form-title")
            yield PlainTextArea(self.draft.text, read_only=True, soft_wrap=True, id="draft-text")
            yield Label(
                "Copied to the clipboard if your terminal allows it (OSC 52); otherwise select "
                "the text. ctrl+y copies again, escape closes.",
                classes="field-label",
            )

    def on_mount(self) -> None:
        self.action_copy()
        self.query_one("#draft-text", TextArea).focus()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.draft.text)

    def action_close(self) -> None:
        self.dismiss(None)
