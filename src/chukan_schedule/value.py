"""Frozen, slotted value classes written out (値オブジェクト), for the command line's start path.

The classes every answer is made of (:mod:`.model`, :class:`~.lang.Text`, the messages,
:class:`~.engine.PlanData`) are created at every start of the command line.  Built by attrs,
each costs about 0.9 ms to create, and attrs' own import about 3x a bare Python start on the
project's machine (``docs/bench.md``): more than issue 12's whole budget for ``check``.  So
these classes are written out: ``__slots__`` names the fields, each is annotated, ``__init__``
takes them in the annotations' order (by position or name) and sets them, and :class:`Value`
gives what ``@attrs.frozen`` would, the fields in the order they are annotated: a ``repr`` in
attrs' form, equality and hash by fields (same class only), immutability
(:class:`attrs.exceptions.FrozenInstanceError`, imported when raised), ``__match_args__``,
copying and pickling; :func:`evolve` is :func:`attrs.evolve`.  The other value classes of the
package (the chart, diff, progress) stay attrs classes.

>>> class Point(Value):
...     __slots__ = ("x", "y")
...     x: int
...     y: int
...
...     def __init__(self, x: int, y: int = 0) -> None:
...         _set(self, "x", x)
...         _set(self, "y", y)
>>> p = Point(1, 2)
>>> p, p == Point(1, 2), p == (1, 2), hash(p) == hash(Point(1, 2))
(Point(x=1, y=2), True, False, True)
>>> evolve(p, y=5)
Point(x=1, y=5)
>>> p.x = 3
Traceback (most recent call last):
...
attr.exceptions.FrozenInstanceError: can't set attribute
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:  # type checkers see frozen, dataclass-like classes (assignment refused, __match_args__)
    if sys.version_info >= (3, 11):
        from typing import dataclass_transform
    else:
        from typing_extensions import dataclass_transform
else:  # at run time: nothing to import

    def dataclass_transform(**_: object) -> Any:
        return lambda cls: cls


__all__ = ["Value", "evolve", "fields"]

V = TypeVar("V", bound="Value")

#: Sets a field of a frozen value (in its ``__init__``).
_set = object.__setattr__


def _frozen() -> AttributeError:
    from attrs.exceptions import FrozenInstanceError  # here: only a caller's mistake needs attrs

    return FrozenInstanceError()


@dataclass_transform(frozen_default=True)
class Value:
    """Base of a written-out frozen value class: the fields are the subclass's ``__slots__``."""

    __slots__ = ("__weakref__",)  # as attrs' classes: a weak reference (a cache's key) may point at one
    #: The fields, in order: the base's, then the class's own ``__slots__``.
    _fields: ClassVar[tuple[str, ...]] = ()
    #: Fields compared but left out of the hash (a read-only mapping has no hash).
    _unhashed: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        # The base's fields, then the class's own in the order they are annotated (its ``__slots__``
        # holds the same names, in any order).  A subclass that adds no slots keeps its base's fields.
        own = cls.__dict__.get("__slots__", ())
        slots = {own} if isinstance(own, str) else set(own)
        slots -= {"__weakref__", "__dict__"}
        # (the class's own annotations on 3.10+; not inspect.get_annotations, whose import is dear at start)
        added = tuple(name for name in cls.__annotations__ if name in slots)
        if set(added) != slots:
            raise TypeError(f"{cls.__qualname__}: every name in __slots__ needs its annotation, and only those")
        cls._fields = cls._fields + added  # the base's, inherited as a class attribute
        setattr(cls, "__match_args__", cls._fields)  # noqa: B010 - typing.NamedTuple's way

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        skip = self._unhashed
        return hash((self.__class__.__qualname__, *(getattr(self, n) for n in self._fields if n not in skip)))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        name = self.__class__.__qualname__.rsplit(">.", 1)[-1]  # as attrs: a class made in a function, by its name
        return f"{name}({inner})"

    def __setattr__(self, name: str, value: object) -> None:
        raise _frozen()

    def __delattr__(self, name: str) -> None:
        raise _frozen()

    def __reduce__(self) -> tuple[Any, ...]:
        # A read-only mapping cannot be pickled: its plain copy can (``__init__`` makes it read-only again).
        values = (dict(v) if isinstance(v, types.MappingProxyType) else v for v in self._values())
        return (self.__class__, tuple(values))


def fields(cls: type[Value]) -> tuple[str, ...]:
    """The field names of a value class, in order."""
    return cls._fields


def evolve(value: V, **changes: Any) -> V:
    """A copy of ``value`` with ``changes`` (field -> new value), like :func:`attrs.evolve`."""
    cls = value.__class__
    names = fields(cls)
    unknown = sorted(set(changes) - set(names))
    if unknown:
        raise TypeError(f"{cls.__qualname__} has no field {', '.join(unknown)} (fields: {', '.join(names)})")
    current = dict(zip(names, value._values(), strict=True))
    current.update(changes)
    return cls(**current)
