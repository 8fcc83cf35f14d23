"""Every window of July 2017, against the hand-written per-day answer file (docs/spec.md, point 5)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest

from chukan_schedule import JULY_2017, Operation, OutsidePlanError

JST = timezone(timedelta(hours=9))
Span = tuple[datetime, datetime]


def jst(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2017, month, day, hour, minute, tzinfo=JST)


def spans(op: Operation) -> list[tuple[datetime, datetime]]:
    return [(w.start, w.end) for w in JULY_2017.windows(op)]


# The expected windows come from the hand-written per-day answer file (tests/answers/july_2017_days.csv,
# read by conftest.py): H's hours, N2, N5, N6 and T, day by day. Registration's weekday 24:00 is the next
# midnight: the window ends there (the next day's window opens at 08:00 or 09:00), so days never merge.


@pytest.mark.parametrize("op", [op.value for op in Operation])
def test_windows_are_the_answer_files(op: str, expected_windows: Callable[[str], list[Span]]) -> None:
    assert spans(Operation(op)) == expected_windows(op)


def test_the_answer_file_counts(expected_windows: Callable[[str], list[Span]]) -> None:
    # Counted by hand from the notice: registration on every normal-mode day (13..31: 19 days); code
    # acquisition on the 12 normal weekdays and 15..17 (N6); linkage from 18 on (14 days); tests 03..07.
    assert [len(expected_windows(op.value)) for op in Operation] == [19, 15, 14, 5]
    assert expected_windows("registration")[-1] == (jst(7, 31, 8), jst(8, 1, 0))
    assert expected_windows("linkage_test") == [(jst(7, d, 8), jst(7, d, 21)) for d in range(3, 8)]


def test_server_hours_are_the_answer_files(expected_windows: Callable[[str], list[Span]]) -> None:
    got = [(d.server.start, d.server.end) for d in JULY_2017.days if d.server.start is not None]
    assert got == expected_windows("server")


def test_windows_carry_operation_clauses_and_jst() -> None:
    w = JULY_2017.windows("code_acquisition")[2]
    assert (w.start, w.end) == (jst(7, 15, 9), jst(7, 15, 17))
    assert w.operation is Operation.CODE_ACQUISITION
    assert w.clauses == ("N6",)
    assert w.start.utcoffset() == timedelta(hours=9)
    assert str(w.start.tzinfo) == "Asia/Tokyo"


def test_windows_clipped_to_range() -> None:
    got = JULY_2017.windows("registration", jst(7, 13, 22), jst(7, 15, 12))
    assert [(w.start, w.end) for w in got] == [
        (jst(7, 13, 22), jst(7, 14, 0)),
        (jst(7, 14, 8), jst(7, 15, 0)),
        (jst(7, 15, 9), jst(7, 15, 12)),
    ]


def test_windows_range_accepts_naive_and_utc() -> None:
    naive = JULY_2017.windows("linkage", datetime(2017, 7, 22), datetime(2017, 7, 24))
    utc = JULY_2017.windows(
        "linkage", datetime(2017, 7, 21, 15, tzinfo=timezone.utc), datetime(2017, 7, 23, 15, tzinfo=timezone.utc)
    )
    assert [(w.start, w.end) for w in naive] == [(jst(7, 22, 9), jst(7, 22, 17)), (jst(7, 23, 9), jst(7, 23, 17))]
    assert naive == utc


def test_windows_empty_range_and_whole_coverage_bounds() -> None:
    assert JULY_2017.windows("linkage", jst(7, 10), jst(7, 10)) == []
    # an empty range inside a window holds nothing either (not a window of no length)
    assert JULY_2017.windows("registration", jst(7, 13, 12), jst(7, 13, 12)) == []
    assert JULY_2017.windows("linkage_test", jst(7, 1), jst(8, 1)) == JULY_2017.windows("linkage_test")


def test_windows_bounds_outside_coverage() -> None:
    with pytest.raises(OutsidePlanError, match=r"start=2017-06-30T00:00:00\+09:00"):
        JULY_2017.windows("registration", jst(6, 30))
    with pytest.raises(OutsidePlanError, match=r"end=2017-08-01T00:00:00.000001\+09:00"):
        JULY_2017.windows("registration", None, jst(8, 1) + timedelta(microseconds=1))


def test_windows_end_before_start() -> None:
    with pytest.raises(ValueError, match="before start"):
        JULY_2017.windows("registration", jst(7, 20), jst(7, 19))


def test_window_at_and_next_window() -> None:
    w = JULY_2017.window_at("registration", jst(7, 13, 23, 59))
    assert w is not None and (w.start, w.end) == (jst(7, 13, 8), jst(7, 14, 0))
    assert JULY_2017.window_at("registration", jst(7, 14, 0)) is None
    nxt = JULY_2017.next_window("registration", jst(7, 14, 0))
    assert nxt is not None and (nxt.start, nxt.end) == (jst(7, 14, 8), jst(7, 15, 0))
    # strictly after: a window opening exactly at ts is not "next"
    nxt = JULY_2017.next_window("linkage", jst(7, 18, 8))
    assert nxt is not None and nxt.start == jst(7, 19, 8)
    assert JULY_2017.next_window("linkage_test", jst(7, 7, 8)) is None
    assert JULY_2017.next_window("registration", jst(7, 31, 9)) is None
    first = JULY_2017.next_window("code_acquisition", jst(7, 1))
    assert first is not None and first.start == jst(7, 13, 8)


def test_day_plan() -> None:
    day = JULY_2017.day(date(2017, 7, 17))
    assert day.holiday_ja == "海の日"
    assert day.holiday_en == "Marine Day"
    assert day.day_type.value == "rest_day"
    reg = day.operations[Operation.REGISTRATION]
    assert (reg.start, reg.end) == (jst(7, 17, 9), jst(7, 17, 17))
    assert len(JULY_2017.days) == 31
    with pytest.raises(OutsidePlanError):
        JULY_2017.day(date(2017, 8, 1))


def test_in_a_window_reads_naive_as_jst_and_converts_aware() -> None:
    w = JULY_2017.window_at("registration", jst(7, 13, 12))
    assert w is not None  # 07-13 08:00-24:00
    assert datetime(2017, 7, 13, 23, 59, 59, 999999) in w
    assert datetime(2017, 7, 14, 0, 0) not in w
    assert datetime(2017, 7, 12, 23, 0, tzinfo=timezone.utc) in w  # = 07-13 08:00 JST
    assert datetime(2017, 7, 12, 22, 59, tzinfo=timezone.utc) not in w
    with pytest.raises(TypeError, match="parse text first"):  # as plan.allows: text is not an instant
        assert "2017-07-13T12:00" not in w
