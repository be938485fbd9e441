"""A drafted letter or email: edited here, then copied, opened in the mail program (a mailto:
link) or in $EDITOR."""

from __future__ import annotations

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from followup_tui.domain.drafts import Draft
from followup_tui.tui import mail
from followup_tui.tui.widgets.dialog import Dialog
from followup_tui.tui.widgets.plain_text import PlainTextArea

_TITLES = {
    "thank_you": "Thank-you note",
    "status_email": "Status email",
    "final_note": "Final note",
    "withdrawal": "Withdrawal",
}

HINT = (
    "Edit the text here. It was copied to the clipboard when this opened, if your terminal "
    "allows it (OSC 52); otherwise select it. ctrl+s copies it as edited, ctrl+o opens it in "
    "your mail program, ctrl+g in $EDITOR; escape closes."
)


class DraftScreen(Dialog[None]):
    # The text area takes ctrl+y (redo), ctrl+e (end of line) and ctrl+c (copy the selection)
    # for itself, so these keys are ones it leaves free.
    BINDINGS = [
        Binding("escape", "close", "Close", id="close-draft"),
        Binding("ctrl+s", "copy", "Copy", tooltip="Copy the draft as edited", id="copy-draft"),
        Binding("ctrl+o", "mail", "Mail", tooltip="Open it in your mail program", id="mail-draft"),
        Binding("ctrl+g", "editor", "$EDITOR", tooltip="Edit it in $EDITOR", id="edit-draft"),
    ]

    def __init__(self, draft: Draft, *, opener: mail.Opener | None = None) -> None:
        super().__init__(classes="form-screen")
        self.draft = draft
        self._opener = opener

    def compose(self) -> ComposeResult:
        with Vertical(id="form", classes="draft"):
            title = _TITLES.get(self.draft.kind, "Draft")
            yield Label(Content(f"{title}: fill in the (fill in: …) parts"), classes="form-title")
            yield PlainTextArea(self.draft.text, soft_wrap=True, id="draft-text")
            yield Static(Content(HINT), id="draft-hint", classes="field-label")

    @property
    def text(self) -> str:
        return self.query_one("#draft-text", TextArea).text

    def on_mount(self) -> None:
        self.app.copy_to_clipboard(self.draft.text)
        self.query_one("#draft-text", TextArea).focus()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify(
            "Copied to the clipboard (if your terminal allows it).", timeout=3, markup=False
        )

    def action_mail(self) -> None:
        try:
            mail.open_in_mail(self.text, self._opener)
        except OSError as error:
            message = f"Could not open your mail program: {error}"
            self.notify(message, severity="error", markup=False)
            return
        self.notify("Opened in your mail program.", timeout=3, markup=False)

    def action_editor(self) -> None:
        editor = mail.chosen_editor()
        if not editor:
            self.notify(
                "Set $EDITOR (or $VISUAL) to edit drafts in your editor.", timeout=5, markup=False
            )
            return
        try:
            edited = self._run_editor(editor)
        except (OSError, ValueError) as error:
            self.notify(f"Could not run {editor}: {error}", severity="error", markup=False)
            return
        except SuspendNotSupported:
            self.notify(
                "This terminal cannot hand over to an editor.", severity="error", markup=False
            )
            return
        if edited is not None:
            self.query_one("#draft-text", TextArea).load_text(edited)

    def _run_editor(self, editor: str) -> str | None:
        """The editor on a temporary file, the app suspended meanwhile (headless, as in tests,
        there is no terminal to hand over, so the editor runs as it is)."""
        import subprocess

        try:
            if self.app.is_headless:
                return mail.edit_in_editor(self.text, editor)
            with self.app.suspend():
                return mail.edit_in_editor(self.text, editor)
        except subprocess.CalledProcessError:
            self.notify(f"{editor} exited with an error; the draft is unchanged.", markup=False)
            return None

    def action_close(self) -> None:
        self.dismiss(None)
