"""One naive-instant rule (instant.to_instant), used by the queries and by `ts in window` alike."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from chukan_schedule import JULY_2017, InvalidTimestampError
from chukan_schedule.instant import to_instant

JST = ZoneInfo("Asia/Tokyo")


def test_naive_is_wall_clock_in_the_zone_and_aware_is_kept() -> None:
    assert to_instant(datetime(2017, 7, 13, 8), JST) == datetime(2017, 7, 12, 23, tzinfo=timezone.utc)
    aware = datetime(2017, 7, 12, 23, tzinfo=timezone.utc)
    assert to_instant(aware, JST) is aware


def test_a_window_and_the_queries_read_an_instant_the_same_way() -> None:
    # Registration on 07-13 (Thursday, normal mode): [08:00, 24:00) JST (H).
    window = JULY_2017.window_at("registration", datetime(2017, 7, 13, 10))
    assert window is not None
    for ts in (
        datetime(2017, 7, 13, 7, 59, 59, 999999),  # naive: JST wall clock, one microsecond early
        datetime(2017, 7, 13, 8),
        datetime(2017, 7, 12, 23, tzinfo=timezone.utc),  # 08:00 JST
        datetime(2017, 7, 12, 13, 59, 59, tzinfo=timezone(timedelta(hours=-9))),  # 07-13 07:59:59 JST: outside
    ):
        assert (ts in window) is JULY_2017.allows("registration", ts)
    assert datetime(2017, 7, 13, 8) in window
    assert datetime(2017, 7, 13, 7, 59, 59, 999999) not in window


def test_anything_else_is_refused_with_what_is_accepted() -> None:
    with pytest.raises(InvalidTimestampError, match="a date is a whole day, not an instant"):
        to_instant(date(2017, 7, 13), JST)
    with pytest.raises(InvalidTimestampError, match="parse text first"):
        to_instant("2017-07-13T08:00", JST, "ts")
