"""`__repr__` and `__hash__` written once for the frozen dataclasses, not generated for each one.

`@dataclass` writes each method it adds as source text and compiles it when the class is made:
six for a frozen class, and for the shell agenda's twenty classes that compiling was more than a
Python start's worth of instructions, every time `followup due` ran (issue 17). Under
`@dataclass(frozen=True, slots=True, repr=False)`, `@shared_repr_and_hash` gives a class these
two, which read the class's fields when first called: the text dataclass's `__repr__` gives, and
the hash its `__hash__` gives (of the tuple of the compared fields). `__init__`, `__eq__` and
the frozen `__setattr__` and `__delattr__` are still dataclass's own.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from reprlib import recursive_repr

from followup_tui.domain import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T", bound=type)

# Per class, worked out on first use: the fields its repr shows, and its hashed fields' values.
_SHOWN: dict[type, tuple[str, ...]] = {}
_HASHED: dict[type, Callable[[object], tuple[object, ...]]] = {}


def shared_repr_and_hash(cls: T) -> T:
    """Give `cls` the shared `__repr__` and `__hash__`; put it under
    `@dataclass(frozen=True, slots=True, repr=False)`, which keeps a `__hash__` it finds."""
    cls.__repr__ = _repr  # type: ignore[assignment]
    cls.__hash__ = _hash  # type: ignore[assignment]
    return cls


@recursive_repr()
def _repr(self: object) -> str:
    cls = self.__class__
    names = _SHOWN.get(cls)
    if names is None:
        shown_fields = fields(cls)  # type: ignore[arg-type]
        names = _SHOWN[cls] = tuple(field.name for field in shown_fields if field.repr)
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{cls.__qualname__}({shown})"


def _hash(self: object) -> int:
    cls = self.__class__
    values = _HASHED.get(cls)
    if values is None:
        names = [
            field.name
            for field in fields(cls)  # type: ignore[arg-type]
            if (field.compare if field.hash is None else field.hash)
        ]
        values = _HASHED[cls] = _values_of(names)
    return hash(values(self))


def _values_of(names: list[str]) -> Callable[[object], tuple[object, ...]]:
    """The tuple of these attributes' values (attrgetter gives a tuple for two or more)."""
    if len(names) >= 2:
        return attrgetter(*names)
    return lambda record: tuple(getattr(record, name) for name in names)
