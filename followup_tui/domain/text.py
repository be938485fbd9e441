"""Making user text safe to show: it is data, never markup and never terminal control."""

from __future__ import annotations

import re

# C0 and C1 control characters except tab and newline; ESC starts terminal escape sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """The text with control characters shown as visible symbols, not acting on the terminal."""
    return _CONTROL.sub(_visible, text)


def one_line(text: str) -> str:
    """Printable, and on one line: for table cells and agenda rows."""
    return " ".join(printable(text).split())


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    return "\ufffd"
