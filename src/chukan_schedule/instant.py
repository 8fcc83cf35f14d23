"""The one rule for instants: a naive datetime is wall-clock time in the plan's zone, an aware one is converted.

:func:`to_instant` is that rule, in one place: the engine's queries (through their fast paths,
which apply the same reading without a call), :class:`~chukan_schedule.model.Window`'s ``in``
and the bulk and audit paths all read an instant this way.  Anything that is not a
:class:`~datetime.datetime` is refused with an :class:`~chukan_schedule.errors.InvalidTimestampError`
(a :class:`TypeError`) that says what is accepted: never a guess.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from .errors import InvalidTimestampError
from .messages import msg

__all__ = ["not_a_datetime", "to_instant"]


def to_instant(ts: object, tz: tzinfo, parameter: str = "ts") -> datetime:
    """``ts`` as an aware datetime: naive (or without an offset) means wall-clock time in ``tz``.

    >>> from zoneinfo import ZoneInfo
    >>> to_instant(datetime(2017, 7, 13, 8, 0), ZoneInfo("Asia/Tokyo")).isoformat()
    '2017-07-13T08:00:00+09:00'
    >>> to_instant(date(2017, 7, 13), ZoneInfo("Asia/Tokyo"))
    Traceback (most recent call last):
    ...
    chukan_schedule.errors.InvalidTimestampError: ts must be a datetime.datetime ... a whole day, not an instant...
    """
    if type(ts) is not datetime and (not isinstance(ts, datetime) or ts != ts):  # pandas' NaT is no instant
        raise not_a_datetime(ts, parameter)
    if ts.tzinfo is None or ts.utcoffset() is None:
        return ts.replace(tzinfo=tz)
    return ts


def not_a_datetime(ts: object, parameter: str) -> InvalidTimestampError:
    """The error for a value that is not a :class:`~datetime.datetime`, with a hint for text and dates."""
    message_id = "instant.type"
    if isinstance(ts, str):
        message_id = "instant.type_str"
    elif isinstance(ts, date):
        message_id = "instant.type_date"
    return InvalidTimestampError(msg(message_id, parameter=parameter, type=type(ts).__name__, value=repr(ts)))
