"""formats/json_text.py writes exactly what `json.dumps(indent=2, ensure_ascii=False)` writes."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.formats.json_text import indented_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities too, as json.dumps allows them
    | st.text()  # control characters, surrogates, quotes and backslashes among them
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=30,
)


def dumped(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)


@given(DOCUMENTS)
def test_the_same_text_as_json_dumps(document):
    assert indented_json(document) == dumped(document)


class Colour(StrEnum):
    RED = "red"


class Size(IntEnum):
    BIG = 3


def test_more_keys_than_it_keeps_the_text_of():
    document = {"outer": {f"key {number}": [number] for number in range(1200)}}
    assert indented_json(document) == dumped(document)
    assert indented_json(document) == dumped(document)  # the kept keys' text, used


def test_what_it_does_not_write_itself_is_json_dumps_own():
    """Subclasses and keys that are not text: written as json.dumps writes them."""
    for document in (
        {"colour": Colour.RED, "size": Size.BIG},
        [Colour.RED],
        {1: "one", None: [True], 2.5: {}},
        {"nested": [{"deep": [Size.BIG, float("inf")]}]},
    ):
        assert indented_json(document) == dumped(document)


@pytest.mark.parametrize("document", [{"when": object()}, [{1j}]], ids=["object", "set"])
def test_what_json_dumps_refuses_it_refuses_alike(document):
    with pytest.raises(TypeError) as expected:
        dumped(document)
    with pytest.raises(TypeError) as refused:
        indented_json(document)
    assert str(refused.value) == str(expected.value)
