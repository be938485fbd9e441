"""domain/shared_methods.py: the `__repr__` and `__hash__` dataclass would generate, shared."""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain.shared_methods import _hash, _repr, shared_repr_and_hash


@dataclass(frozen=True, slots=True)
class Generated:
    number: int
    name: str = ""
    hidden: str = field(default="", repr=False)
    version: int = field(default=1, compare=False)
    hashed_only: int = field(default=0, compare=False, hash=True)
    unhashed: int = field(default=0, hash=False)
    people: tuple[Generated, ...] = ()


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Shared:
    number: int
    name: str = ""
    hidden: str = field(default="", repr=False)
    version: int = field(default=1, compare=False)
    hashed_only: int = field(default=0, compare=False, hash=True)
    unhashed: int = field(default=0, hash=False)
    people: tuple[Shared, ...] = ()


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class One:
    only: str


@dataclass(frozen=True, slots=True)
class GeneratedOne:
    only: str


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Empty:
    pass


@dataclass(frozen=True, slots=True)
class GeneratedEmpty:
    pass


@given(
    st.integers(),
    st.text(),
    st.text(),
    st.integers(),
    st.integers(),
    st.integers(),
    st.lists(st.integers(), max_size=3),
)
def test_the_text_and_hash_dataclass_generates(number, name, hidden, version, hashed, other, ids):
    values = (number, name, hidden, version, hashed, other)
    generated = Generated(*values, tuple(Generated(each) for each in ids))
    shared = Shared(*values, tuple(Shared(each) for each in ids))
    assert repr(shared) == repr(generated).replace("Generated", "Shared")
    assert hash(shared) == hash(generated)
    assert shared == Shared(*values, shared.people) and hash(shared) == hash(
        Shared(*values, shared.people)
    )


def test_one_field_and_none():
    assert (repr(One("x")), hash(One("x"))) == (
        repr(GeneratedOne("x")).replace("GeneratedOne", "One"),
        hash(GeneratedOne("x")),
    )
    assert (repr(Empty()), hash(Empty())) == ("Empty()", hash(GeneratedEmpty()))


def test_the_classes_that_share_them_are_frozen_with_dataclass_equality():
    """Each class with the shared methods is a frozen dataclass that compares its fields (the
    hash is of the compared fields) and generates no repr of its own."""
    sharing = []
    for name in (
        "followup_tui.domain.records",
        "followup_tui.domain.rules",
        "followup_tui.domain.review",
        "followup_tui.domain.settings",
        "followup_tui.store.columns",
        "followup_tui.formats.dossier",
    ):
        module = importlib.import_module(name)
        for each in vars(module).values():
            if isinstance(each, type) and each.__dict__.get("__repr__") is _repr:
                params = each.__dataclass_params__
                assert (params.frozen, params.eq, params.repr) == (True, True, False), each
                assert each.__dict__["__hash__"] is _hash and "__slots__" in each.__dict__
                assert dataclasses.is_dataclass(each)
                sharing.append(each.__name__)
    assert {"Application", "Touch", "Assessment", "Action", "Item", "Column"} <= set(sharing)
