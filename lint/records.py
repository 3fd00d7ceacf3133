"""What the engine's plain record classes share: they are classes with slots written out
by hand rather than dataclasses, because creating a dataclass compiles its generated
methods (~0.5 ms of every run's start-up each), and they keep what their dataclass had."""

from __future__ import annotations

from reprlib import recursive_repr
from typing import Any

# The default of a list or dict argument that is a new empty one for each call (as a
# dataclass field's `default_factory=list` or `dict`).
FRESH: Any = object()


def fields_repr(item: object, names: tuple[str, ...]) -> str:
    """`Name(field=value, …)`, as a dataclass writes it."""
    shown = ", ".join(f"{name}={getattr(item, name)!r}" for name in names)
    return f"{type(item).__qualname__}({shown})"


def fields_of(item: Any) -> tuple[Any, ...]:
    """The values of `item`'s slots, in order: what a dataclass's `__eq__` compares."""
    return tuple([getattr(item, name) for name in item.__slots__])


class Shown:
    """Base of a record written as its `@dataclass(slots=True, eq=False)` was: its repr is
    `Name(field=value, …)` over its slots (`...` where it holds itself); equality and
    hashing are identity."""

    __slots__: tuple[str, ...] = ()

    @recursive_repr()
    def __repr__(self) -> str:
        return fields_repr(self, self.__slots__)


class Value(Shown):
    """Base of a record written as its `@dataclass(slots=True)` was: shown as `Shown`,
    equal to one of the same class with equal fields, unhashable."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return fields_of(self) == fields_of(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
