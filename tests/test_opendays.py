"""Open days (開庁日) and N1's report deadlines, worked out by hand with a calendar."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from chukan_schedule import (
    is_open_day,
    municipality_report_deadline,
    next_open_day,
    prefecture_forward_deadline,
    prefecture_report_deadline,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2017, 6, 23), date(2017, 6, 26)),  # Friday (N1's due day) -> Monday
        (date(2017, 7, 13), date(2017, 7, 14)),  # Thursday -> Friday
        (date(2017, 7, 14), date(2017, 7, 18)),  # Friday -> Tuesday: 17 is Marine Day (海の日)
        (date(2017, 7, 15), date(2017, 7, 18)),  # Saturday
        (date(2017, 12, 28), date(2018, 1, 4)),  # year-end closure 12-29..01-03
        (date(2018, 12, 28), date(2019, 1, 4)),  # Friday before the closure
        (date(2019, 4, 26), date(2019, 5, 7)),  # the ten-day Golden Week of 2019 (天皇の即位の日)
        (date(2017, 1, 1), date(2017, 1, 4)),  # inside the closure; 01-02 is also a substitute holiday
    ],
)
def test_next_open_day(day: date, expected: date) -> None:
    assert next_open_day(day) == expected


def test_is_open_day() -> None:
    assert is_open_day(date(2017, 7, 18))
    assert not is_open_day(date(2017, 7, 17))  # 海の日
    assert not is_open_day(date(2017, 7, 15))  # Saturday
    assert not is_open_day(date(2017, 12, 29))  # a Friday in the year-end closure


def test_n1_deadlines() -> None:
    # A municipality that completes on Friday 07-14 reports to its prefecture by Tuesday 07-18.
    assert municipality_report_deadline(date(2017, 7, 14)) == date(2017, 7, 18)
    # The prefecture forwards it to J-LIS the same day it receives it (当日中).
    assert prefecture_forward_deadline(date(2017, 7, 18)) == date(2017, 7, 18)
    # A prefecture completing its own on 06-23 (Friday) reports by Monday 06-26.
    assert prefecture_report_deadline(date(2017, 6, 23)) == date(2017, 6, 26)


@pytest.mark.parametrize("bad", [datetime(2017, 7, 14, 10), "2017-07-14", None])
def test_days_not_instants(bad: object) -> None:
    with pytest.raises(TypeError, match=r"must be a datetime\.date"):
        next_open_day(bad)  # type: ignore[arg-type]
