"""Editing user text without letting it act on the terminal.

Textual's Input and TextArea draw their value as it is: an ESC in a saved company name reached
the terminal raw from an edit form (`ESC ]0;...` retitles the window, `ESC [2J` clears it), and
a right-to-left override reordered what followed. These draw each such character as its
visible symbol (`printable`: one character for one, so cursor and selection still line up)
while the value, what is saved, stays exactly what was typed or loaded.
"""

from __future__ import annotations

from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual.widgets import Input, TextArea

from followup_tui.domain.text import printable


class _ShowControls(Highlighter):
    def highlight(self, text: Text) -> None:
        text.plain = printable(text.plain)


class PlainInput(Input):
    """An Input whose control characters and bidi overrides show as symbols."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlighter", _ShowControls())
        super().__init__(*args, **kwargs)


class PlainTextArea(TextArea):
    """A TextArea whose control characters and bidi overrides show as symbols."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = printable(line.plain)
        return line
