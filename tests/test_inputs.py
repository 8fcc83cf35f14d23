"""Bad input gets a precise error, never a wrong answer: types, operations, coverage."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from chukan_schedule import JULY_2017, InvalidTimestampError, OutsidePlanError, UnknownOperationError

JST = timezone(timedelta(hours=9))


@pytest.mark.parametrize("bad", ["2017-07-15T10:00", 1500080400, None, 1.5, date(2017, 7, 15)])
def test_wrong_types_are_type_errors_that_say_what_is_accepted(bad: object) -> None:
    for call in (
        lambda: JULY_2017.allows("registration", bad),  # type: ignore[arg-type]
        lambda: JULY_2017.check("registration", bad),  # type: ignore[arg-type]
        lambda: JULY_2017.mode_at(bad),  # type: ignore[arg-type]
        lambda: JULY_2017.is_operating(bad),  # type: ignore[arg-type]
        lambda: JULY_2017.next_window("registration", bad),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError, match=r"must be a datetime\.datetime \(naive = JST wall clock"):
            call()


def test_string_hint_and_date_hint() -> None:
    with pytest.raises(InvalidTimestampError, match="parse_timestamp"):
        JULY_2017.allows("registration", "2017-07-15")  # type: ignore[arg-type]
    with pytest.raises(InvalidTimestampError, match=r"datetime\.combine"):
        JULY_2017.allows("registration", date(2017, 7, 15))  # type: ignore[arg-type]


def test_unknown_operation_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownOperationError) as info:
        JULY_2017.allows("registrations", datetime(2017, 7, 15, 10))
    assert isinstance(info.value, ValueError)
    assert str(info.value) == (
        "unknown operation 'registrations'; expected one of "
        "'registration', 'code_acquisition', 'linkage', 'linkage_test'"
    )


@pytest.mark.parametrize("bad", [1, None, ["registration"]])
def test_operation_of_the_wrong_type(bad: object) -> None:
    with pytest.raises(TypeError, match="operation must be an Operation or one of 'registration'"):
        JULY_2017.check(bad, datetime(2017, 7, 15, 10))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "ts",
    [
        datetime(2017, 6, 30, 23, 59, 59, 999999),
        datetime(2017, 8, 1, 0, 0),
        datetime(2017, 7, 31, 15, 0, tzinfo=timezone.utc),  # = 08-01 00:00 JST
        datetime(2017, 6, 30, 14, 59, 59, 999999, tzinfo=timezone.utc),  # = 06-30 23:59:59.999999 JST
        datetime(2016, 7, 15, 10, 0),
    ],
)
def test_outside_the_coverage_is_an_error_naming_it(ts: datetime) -> None:
    for call in (
        lambda: JULY_2017.allows("registration", ts),
        lambda: JULY_2017.is_operating(ts),
        lambda: JULY_2017.check("registration", ts),
        lambda: JULY_2017.mode_at(ts),
        lambda: JULY_2017.window_at("registration", ts),
        lambda: JULY_2017.next_window("registration", ts),
    ):
        with pytest.raises(OutsidePlanError, match=r"outside the plan's coverage \[2017-07-01T00:00:00\+09:00, "
                           r"2017-08-01T00:00:00\+09:00\)"):
            call()


def test_outside_error_gives_the_instant_in_jst() -> None:
    with pytest.raises(OutsidePlanError) as info:
        JULY_2017.allows("registration", datetime(2017, 7, 31, 15, 0, tzinfo=timezone.utc))
    assert info.value.value == datetime(2017, 8, 1, tzinfo=JST)
    assert str(info.value).startswith("ts=2017-08-01T00:00:00+09:00 is outside")
    assert isinstance(info.value, ValueError)


def test_naive_is_jst_and_aware_is_converted_from_any_zone() -> None:
    naive = datetime(2017, 7, 13, 20, 59, 59, 999999)
    ny = datetime(2017, 7, 13, 7, 59, 59, 999999, tzinfo=ZoneInfo("America/New_York"))  # EDT, UTC-4
    assert JULY_2017.allows("code_acquisition", naive) is True
    assert JULY_2017.allows("code_acquisition", ny) is True
    assert JULY_2017.allows("code_acquisition", ny + timedelta(microseconds=1)) is False
