"""JSON as `json.dumps(document, indent=2, ensure_ascii=False)` writes it, in half the time.

With an indent, `json.dumps` takes its pure-Python encoder (the C one does not indent): for
`followup due --all --json` at 1,000 applications that was 10 ms, a third of a Python start
(issue 17).
Here each value whose type is exactly str, int, float, bool or None is written in one step
(strings by the json module's own C function), and only lists and dicts recurse. A document
holding anything else (a subclass, a key that is not text) is handed to `json.dumps` whole, so
the text is always what `json.dumps` writes. The document must be a tree, as a format builds it.
"""

from __future__ import annotations

import json
from json.encoder import INFINITY, encode_basestring

TYPE_CHECKING = False  # typing's, without importing typing: the shell agenda (issue 17)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

INDENT = "  "


def indented_json(document: Any) -> str:
    """`json.dumps(document, indent=2, ensure_ascii=False)`, quicker."""
    parts: list[str] = []
    try:
        _write(document, 0, parts.append)
    except _NotPlain:
        return json.dumps(document, indent=2, ensure_ascii=False)
    return "".join(parts)


class _NotPlain(Exception):
    """A value `_write` leaves to `json.dumps`."""


def _float(value: float) -> str:
    # As json.dumps, whose allow_nan is on by default.
    if value != value:
        return "NaN"
    if value == INFINITY:
        return "Infinity"
    if value == -INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _true_or_false(value: bool) -> str:
    return "true" if value else "false"


def _null(_value: None) -> str:
    return "null"


# By exact type: json.dumps writes a subclass (an enum member) by what it inherits, and so does
# json.dumps when it is handed the document.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: _true_or_false,
    type(None): _null,
}


def _write(value: Any, level: int, out: Callable[[str], None]) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            out("{}")
            return
        inner = "\n" + INDENT * (level + 1)
        before = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            write = _SCALARS.get(type(item))
            if write is not None:
                out(before + encode_basestring(key) + ": " + write(item))
            else:
                out(before + encode_basestring(key) + ": ")
                _write(item, level + 1, out)
            before = "," + inner
        out("\n" + INDENT * level + "}")
    elif kind is list or kind is tuple:
        if not value:
            out("[]")
            return
        inner = "\n" + INDENT * (level + 1)
        before = "[" + inner
        for item in value:
            write = _SCALARS.get(type(item))
            if write is not None:
                out(before + write(item))
            else:
                out(before)
                _write(item, level + 1, out)
            before = "," + inner
        out("\n" + INDENT * level + "]")
    else:
        write = _SCALARS.get(kind)
        if write is None:
            raise _NotPlain
        out(write(value))
