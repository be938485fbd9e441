"""Every binding id a keymap may name (the settings file's [keys] table), known without
importing Textual: `followup due` checks the settings file too, and must start fast.
tests/tui/test_settings_screen.py checks this list against the screens' bindings."""

from __future__ import annotations

BINDING_IDS = frozenset(
    {
        # The app, on every screen
        "help", "undo", "settings",
        # The shared actions on one application (tui/actions.py KEYS)
        "open", "edit", "call", "log-touch", "thank-you", "snooze", "add-interview",
        "edit-interview", "debrief", "add-contact", "edit-contact", "close", "reopen", "park",
        "feedback", "delete-touch", "edit-touch", "delete-application",
        # Dashboard
        "review", "add-application", "looking-back", "filter", "toggle-closed", "reload", "quit",
        # Detail, review, looking back
        "back", "scroll-up", "scroll-down", "done", "write", "other-channel", "skip",
        # Call panel
        "start-call", "end-call", "voicemail", "edit-script", "reset-script", "profile",
        # A draft's window
        "close-draft", "copy-draft", "mail-draft", "edit-draft",
    }
)  # fmt: skip
