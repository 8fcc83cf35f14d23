"""Time input: what a caller hands us, turned into an exact instant (and operation names).

The reading of SPEC.md: a naive :class:`~datetime.datetime` is wall-clock time in the
plan's zone (JST); an aware one is an instant in any zone.  Anything else is refused with
a :class:`TypeError` that says what is accepted: never a guess.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from .errors import InvalidTimestampError, UnknownOperationError
from .model import Operation

__all__ = ["coerce_operation", "to_instant"]

# Keyed by the members and by their values (an Enum member hashes by its name, not its value).
_OPERATION_KEYS: dict[object, str] = {**{op: op.value for op in Operation}, **{op.value: op.value for op in Operation}}
_VALID_OPERATIONS = ", ".join(repr(v) for v in _OPERATION_KEYS)


def to_instant(ts: object, tz: tzinfo, parameter: str = "ts") -> datetime:
    """``ts`` as an aware datetime: naive means wall-clock time in ``tz``."""
    if type(ts) is not datetime and not isinstance(ts, datetime):
        raise _not_a_datetime(ts, parameter)
    if ts.tzinfo is None or ts.utcoffset() is None:
        return ts.replace(tzinfo=tz)
    return ts


def _not_a_datetime(ts: object, parameter: str) -> InvalidTimestampError:
    hint = ""
    if isinstance(ts, str):
        hint = (
            "; parse text first, e.g. datetime.fromisoformat('2017-07-15T10:00') "
            "or chukan_schedule.parse_timestamp('2017年7月15日 10時')"
        )
    elif isinstance(ts, date):
        hint = "; a date is a whole day, not an instant: use datetime.combine(d, time(...))"
    return InvalidTimestampError(
        f"{parameter} must be a datetime.datetime (naive = JST wall clock, or aware in any zone), "
        f"got {type(ts).__name__} {ts!r}{hint}"
    )


def coerce_operation(op: object) -> str:
    """The value of an :class:`Operation` given as the member or its string value."""
    try:
        key = _OPERATION_KEYS.get(op)
    except TypeError:
        key = None
    if key is not None:
        return key
    if isinstance(op, str):
        raise UnknownOperationError(f"unknown operation {op!r}; expected one of {_VALID_OPERATIONS}")
    raise TypeError(
        f"operation must be an Operation or one of {_VALID_OPERATIONS}, got {type(op).__name__} {op!r}"
    )
