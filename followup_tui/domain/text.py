"""Making user text safe to show: it is data, never markup and never terminal control."""

from __future__ import annotations

import re

# C0 and C1 control characters except tab and newline (ESC starts terminal escape sequences),
# and the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
# reorder the text around them on screen: a name could hide or reverse what follows it.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Each shows as one character, so the text keeps its length (an offset into it still holds).
BIDI_MARK = "\u21c4"  # ⇄, RIGHTWARDS ARROW OVER LEFTWARDS ARROW: "the direction changes here"


def printable(text: str) -> str:
    """The text with control characters shown as visible symbols, not acting on the terminal:
    ␛ for ESC (C0 as their Control Pictures), ⇄ for a bidirectional override, � for C1."""
    return _CONTROL.sub(_visible, text)


def one_line(text: str) -> str:
    """Printable, and on one line: for table cells and agenda rows."""
    # Most text is that already, and this finds it in a third of the time (`followup list`
    # asks 2,000 times at 1,000 applications; issue 17): every control, format and separator
    # character is unprintable to `str.isprintable` but the space, the one whitespace left.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(printable(text).split())


def json_printable(json_text: str) -> str:
    """JSON text with what `printable` would replace written as `\\uXXXX` instead: it reads back
    the same and acts on no terminal. Outside its strings JSON holds none of these characters."""
    return _CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", json_text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    if code >= 0x202A:
        return BIDI_MARK
    return "\ufffd"
