"""Open days (開庁日) and the report deadlines of N1.

An open day is neither a Saturday, a Sunday, a national holiday (祝日, substitute
holidays included; from the ``holidays`` package) nor a day of the year-end closure,
12-29 to 01-03 (行政機関の休日に関する法律 第1条第1項第3号; docs/spec.md point 6).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

__all__ = [
    "is_open_day",
    "municipality_report_deadline",
    "next_open_day",
    "prefecture_forward_deadline",
    "prefecture_report_deadline",
]

# 行政機関の休日に関する法律 第1条第1項第3号: 12月29日から翌年1月3日まで (month, day).
_YEAR_END_CLOSURE = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})


@lru_cache(maxsize=64)
def _national_holidays(year: int) -> frozenset[date]:
    import holidays as holidays_lib  # on demand: `import chukan_schedule` does not load it

    return frozenset(holidays_lib.country_holidays("JP", years=year))


def _as_day(d: object, parameter: str) -> date:
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"{parameter} must be a datetime.date (a day, not an instant), got {type(d).__name__} {d!r}")
    return d


def is_open_day(d: date) -> bool:
    """Whether offices are open on ``d`` (開庁日)."""
    day = _as_day(d, "d")
    if day.weekday() >= 5 or (day.month, day.day) in _YEAR_END_CLOSURE:
        return False
    return day not in _national_holidays(day.year)


def next_open_day(d: date) -> date:
    """The first open day strictly after ``d`` (翌開庁日)."""
    day = _as_day(d, "d") + timedelta(days=1)
    while not is_open_day(day):
        day += timedelta(days=1)
    return day


def municipality_report_deadline(completed: date) -> date:
    """N1: a municipality reports completion to its prefecture by the next open day after completing."""
    return next_open_day(_as_day(completed, "completed"))


def prefecture_forward_deadline(received: date) -> date:
    """N1: a prefecture reports a municipality's completion to J-LIS on the day it receives it (当日中)."""
    return _as_day(received, "received")


def prefecture_report_deadline(completed: date) -> date:
    """N1: a prefecture reports its own completion to J-LIS by the next open day after completing."""
    return next_open_day(_as_day(completed, "completed"))
