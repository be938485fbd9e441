"""JSON as `json.dumps(document, indent=2, ensure_ascii=False)` writes it, in 40% of the time.

With an indent, `json.dumps` takes its pure-Python encoder (the C one does not indent): for
`followup due --all --json` at 1,000 applications that was 10 ms, a third of a Python start
(issue 17). Here each value whose type is exactly str, int, float, bool or None is written in
one step (by C functions: the json module's own for strings), a key's text with what comes
before it is made once, and only lists and dicts recurse. A document
holding anything else (a subclass, a key that is not text) is handed to `json.dumps` whole, so
the text is always what `json.dumps` writes. The document must be a tree, as a format builds it.
"""

from __future__ import annotations

import json
from json.encoder import INFINITY, encode_basestring

from followup_tui.domain import TYPE_CHECKING

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


# By exact type: json.dumps writes a subclass (an enum member) by what it inherits, and so does
# json.dumps when it is handed the document. C functions but for floats.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__,
}
# Per depth, a key's text after the previous member: `,`, a new line, the indent, the key. A
# format's keys are few; past this many (a document keyed by user text) they are not kept.
_KEYS: dict[int, dict[str, str]] = {}
_MOST_KEYS = 500


def _write(value: Any, level: int, out: Callable[[str], None]) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            out("{}")
            return
        keys = _KEYS.get(level)
        if keys is None:
            keys = _KEYS[level] = {}
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            before = keys.get(key)
            if before is None:
                before = ",\n" + INDENT * (level + 1) + encode_basestring(key) + ": "
                if len(keys) < _MOST_KEYS:
                    keys[key] = before
            if first:
                before = "{" + before[1:]
                first = False
            _write_item(before, item, level + 1, out)
        out("\n" + INDENT * level + "}")
    elif kind is list or kind is tuple:
        if not value:
            out("[]")
            return
        after = ",\n" + INDENT * (level + 1)
        before = "[" + after[1:]
        for item in value:
            _write_item(before, item, level + 1, out)
            before = after
        out("\n" + INDENT * level + "]")
    else:
        write = _SCALARS.get(kind)
        if write is None:
            raise _NotPlain
        out(write(value))


def _write_item(before: str, item: Any, level: int, out: Callable[[str], None]) -> None:
    """An object's member or a list's item at `level`, after `before` (its comma, indent and
    key): a plain value written with it in one piece."""
    write = _SCALARS.get(type(item))
    if write is not None:
        out(before + write(item))
    else:
        out(before)
        _write(item, level, out)
