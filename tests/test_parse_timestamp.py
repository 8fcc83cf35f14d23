"""parse_timestamp: text timestamps (ISO 8601 and the notices' 年月日時分 forms) to exact JST instants.

Every expected value is written by hand: the JST wall clock the text means.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from chukan_schedule.timeinput import TimestampFormatError, parse_timestamp

TOKYO = ZoneInfo("Asia/Tokyo")

# text -> the JST wall clock it means (year, month, day, hour, minute, second, microsecond)
VALID: list[tuple[str, tuple[int, ...]]] = [
    # ISO 8601, no offset: JST wall clock
    ("2017-07-15T10:00", (2017, 7, 15, 10, 0)),
    ("2017-07-15T10:00:00", (2017, 7, 15, 10, 0)),
    ("2017-07-15T10:30:15", (2017, 7, 15, 10, 30, 15)),
    ("2017-07-15T10:00:00.123456", (2017, 7, 15, 10, 0, 0, 123456)),
    ("2017-07-15T10:00:00.5", (2017, 7, 15, 10, 0, 0, 500000)),
    ("2017-07-15T10:00:00,25", (2017, 7, 15, 10, 0, 0, 250000)),
    ("2017-07-15t10:00", (2017, 7, 15, 10, 0)),
    ("2017-07-15 10:00", (2017, 7, 15, 10, 0)),
    ("2017-07-15  10:00", (2017, 7, 15, 10, 0)),
    ("  2017-07-15 10:00  ", (2017, 7, 15, 10, 0)),
    ("2017-7-5 8:05", (2017, 7, 5, 8, 5)),
    ("2017/07/15 10:00", (2017, 7, 15, 10, 0)),
    # a bare date is 00:00 of that day
    ("2017-07-15", (2017, 7, 15, 0, 0)),
    ("2017/07/18", (2017, 7, 18, 0, 0)),
    # with an offset: converted to JST
    ("2017-07-15T01:00Z", (2017, 7, 15, 10, 0)),
    ("2017-07-15T01:00:00z", (2017, 7, 15, 10, 0)),
    ("2017-07-15T01:00+00:00", (2017, 7, 15, 10, 0)),
    ("2017-07-14T23:30:00-02:00", (2017, 7, 15, 10, 30)),
    ("2017-07-15T10:00+09:00", (2017, 7, 15, 10, 0)),
    ("2017-07-15T10:00+0900", (2017, 7, 15, 10, 0)),
    ("2017-07-15T10:00+09", (2017, 7, 15, 10, 0)),
    ("2017-07-15T06:30+05:30", (2017, 7, 15, 10, 0)),
    ("2017-07-31T15:00:00Z", (2017, 8, 1, 0, 0)),
    ("2017-07-15T10:00:00.000001Z", (2017, 7, 15, 19, 0, 0, 1)),
    ("2017-07-15 10:00 JST", (2017, 7, 15, 10, 0)),
    # 24:00 is the next midnight (the notices' "24時まで")
    ("2017-07-18T24:00", (2017, 7, 19, 0, 0)),
    ("2017年7月31日24時", (2017, 8, 1, 0, 0)),
    # the notices' forms
    ("2017年7月15日 10時30分", (2017, 7, 15, 10, 30)),
    ("2017年7月15日10時", (2017, 7, 15, 10, 0)),
    ("2017年7月15日 10時30分15秒", (2017, 7, 15, 10, 30, 15)),
    ("2017年7月15日 10:30", (2017, 7, 15, 10, 30)),
    ("2017年7月15日 10：30", (2017, 7, 15, 10, 30)),
    ("2017年7月15日", (2017, 7, 15, 0, 0)),
    ("2017年07月05日 8時5分", (2017, 7, 5, 8, 5)),
    ("2017 年 7 月 15 日 10 時 30 分", (2017, 7, 15, 10, 30)),
    ("2017年7月15日 10時半", (2017, 7, 15, 10, 30)),
    ("2017年6月3日 21時30分", (2017, 6, 3, 21, 30)),
    ("2017年7月15日(土) 10時", (2017, 7, 15, 10, 0)),
    ("2017年7月15日（土曜日）10時", (2017, 7, 15, 10, 0)),
    ("2017年7月17日（月・祝）9時", (2017, 7, 17, 9, 0)),
    # the era (元号)
    ("平成29年7月15日 10:00", (2017, 7, 15, 10, 0)),
    ("平成29年7月15日10時30分", (2017, 7, 15, 10, 30)),
    ("平成 29 年 6 月 3 日 21 時 30 分", (2017, 6, 3, 21, 30)),
    ("H29年7月15日", (2017, 7, 15, 0, 0)),
    ("h29年7月15日 10:00", (2017, 7, 15, 10, 0)),
    ("平成元年1月8日", (1989, 1, 8, 0, 0)),
    ("平成1年1月8日", (1989, 1, 8, 0, 0)),
    ("平成31年4月30日 23:59", (2019, 4, 30, 23, 59)),
    ("令和元年5月1日", (2019, 5, 1, 0, 0)),
    ("令和7年1月2日 9時", (2025, 1, 2, 9, 0)),
    ("R1年5月1日", (2019, 5, 1, 0, 0)),
    ("昭和64年1月7日", (1989, 1, 7, 0, 0)),
    ("S50年4月1日", (1975, 4, 1, 0, 0)),
    ("昭和元年12月25日", (1926, 12, 25, 0, 0)),
    ("大正元年7月30日", (1912, 7, 30, 0, 0)),
    ("明治45年7月29日", (1912, 7, 29, 0, 0)),
    ("㍻29年7月15日", (2017, 7, 15, 0, 0)),
    # full-width digits and punctuation
    ("２０１７年７月１５日１０時", (2017, 7, 15, 10, 0)),
    ("２０１７年７月１５日　１０時３０分", (2017, 7, 15, 10, 30)),
    ("平成２９年７月１５日１０：３０", (2017, 7, 15, 10, 30)),
    ("２０１７－０７－１５Ｔ１０：００", (2017, 7, 15, 10, 0)),
    ("２０１７-０７-１５ １０:００", (2017, 7, 15, 10, 0)),
    # a space before the offset, as logs write it (any offset form: Z, numeric, JST)
    ("2017-07-15 10:00:00 +0900", (2017, 7, 15, 10, 0)),
    ("2017-07-15 10:00 +09:00", (2017, 7, 15, 10, 0)),
    ("2017-07-15 01:00:00 +0000", (2017, 7, 15, 10, 0)),
    ("2017-07-14 23:30 -02:00", (2017, 7, 15, 10, 30)),
    ("2017-07-15T01:00 Z", (2017, 7, 15, 10, 0)),
    ("2017-07-15 10:00  +09", (2017, 7, 15, 10, 0)),
    ("2017年7月15日 10時 +09:00", (2017, 7, 15, 10, 0)),
    # ISO 8601 basic form: an 8-digit date, 'T', a 4- or 6-digit time
    ("20170715T1000", (2017, 7, 15, 10, 0)),
    ("20170715T100000+0900", (2017, 7, 15, 10, 0)),
    ("20170715T103015", (2017, 7, 15, 10, 30, 15)),
    ("20170715T010000Z", (2017, 7, 15, 10, 0)),
    ("20170715T010000.25Z", (2017, 7, 15, 10, 0, 0, 250000)),
    ("20170715t1000 +09:00", (2017, 7, 15, 10, 0)),
    ("20170718T2400", (2017, 7, 19, 0, 0)),
    ("20170715", (2017, 7, 15, 0, 0)),
    ("２０１７０７１５Ｔ１０００", (2017, 7, 15, 10, 0)),
]


@pytest.mark.parametrize(("text", "wall"), VALID)
def test_valid(text: str, wall: tuple[int, ...]) -> None:
    got = parse_timestamp(text, TOKYO)
    y, mo, d, h, mi, sec, us = (*wall, 0, 0, 0)[:7]
    assert got.replace(tzinfo=None) == datetime(y, mo, d, h, mi, sec, us)
    assert got.tzinfo is TOKYO
    assert got.utcoffset() == timedelta(hours=9)


def test_instant_is_exact() -> None:
    # 2017-07-15 10:00 JST is 01:00 UTC, to the microsecond.
    got = parse_timestamp("2017-07-15T10:00:00.000007", TOKYO)
    assert got == datetime(2017, 7, 15, 1, 0, 0, 7, tzinfo=ZoneInfo("UTC"))


def test_other_zone_is_used_for_naive_text() -> None:
    utc = ZoneInfo("UTC")
    got = parse_timestamp("2017-07-15 10:00", utc)
    assert got == datetime(2017, 7, 15, 19, 0, tzinfo=TOKYO)
    assert got.tzinfo is utc


INVALID: list[tuple[str, str]] = [
    ("", "empty"),
    ("   ", "empty"),
    ("now", "does not start with a date"),
    ("15 July 2017", "does not start with a date"),
    ("07/15/2017", "does not start with a date"),
    ("2017-02-30", "day 30 does not exist in 2017-02, which has 28 days"),
    ("2017-02-29 10:00", "day 29 does not exist in 2017-02"),
    ("2017-04-31", "day 31 does not exist in 2017-04, which has 30 days"),
    ("2017-13-01", "month 13 is not 1-12"),
    ("2017-00-10", "month 0 is not 1-12"),
    ("2017-07-00", "day 0 does not exist"),
    ("0000-07-15", "year 0 is not 1-9999"),
    ("2017年2月30日", "day 30 does not exist in 2017-02"),
    ("2017-07-15 25時", "hour 25 is not 0-23"),
    ("2017-07-15T25:00", "hour 25 is not 0-23"),
    ("2017年7月15日 25時", "hour 25 is not 0-23"),
    ("2017-07-15T24:01", "hour 24 is not 0-23"),
    ("2017-07-15T10:60", "minute 60 is not 0-59"),
    ("2017年7月15日 10時60分", "minute 60 is not 0-59"),
    ("2017-07-15T10:00:60", "second 60 is not 0-59"),
    ("2017-07-15T10:00:00.1234567", "finer than a microsecond"),
    ("2017-07-15T10", "cannot read the time"),
    ("2017-07-1510:00", "expected 'T' or a space"),
    ("2017-07-15T10:00+24:00", "offset"),
    ("2017-07-15T10:00 PST", "after the time"),
    ("2017-07-15T10:00:00 extra", "after the time"),
    ("2017年7月15日(金) 10時", "weekday (金) does not match 2017-07-15 (Sat)"),
    ("平成0年7月15日", "era year 0 does not exist"),
    ("平成31年5月1日", "2019-05-01 is not in the 平成 era (1989-01-08..2019-04-30)"),
    ("平成1年1月7日", "1989-01-07 is not in the 平成 era"),
    ("昭和64年1月8日", "1989-01-08 is not in the 昭和 era"),
    ("令和元年4月30日", "2019-04-30 is not in the 令和 era"),
    ("明治5年12月2日", "is not in the 明治 era"),
    ("X29年7月15日", "does not start with a date"),
    ("2017年7月", "does not start with a date"),
    # the space-before-offset form reads offsets only
    ("2017-07-15 10:00 +9", "after the time"),
    ("2017-07-15 10:00 + 09:00", "after the time"),
    ("2017-07-15 10:00 +25:00", "is not -23:59..+23:59"),
    # the basic form: exactly 8 digits of date, then 'T' and hhmm[ss[.f]]; no mixing with the extended time
    ("2017071", "does not start with a date"),
    ("201707151", "does not start with a date"),
    ("20170715 1000", "expected 'T' and a time after the basic date 20170715"),
    ("20170715T10:00", "cannot read the time '10:00' after a basic date"),
    ("20170715T10", "cannot read the time '10' after a basic date"),
    ("20170715T10000", "cannot read the time '10000' after a basic date"),
    ("20170230T1000", "day 30 does not exist in 2017-02"),
    ("20170715T2500", "hour 25 is not 0-23"),
    ("20170715T1060", "minute 60 is not 0-59"),
    ("20170715T100000+2400", "is not -23:59..+23:59"),
]


@pytest.mark.parametrize(("text", "problem"), INVALID)
def test_invalid(text: str, problem: str) -> None:
    with pytest.raises(TimestampFormatError) as info:
        parse_timestamp(text, TOKYO)
    message = str(info.value)
    assert problem in info.value.problem
    assert message.startswith(f"cannot read {text!r} as a timestamp: ")
    # One short line about this input, pointing to where the accepted forms are listed.
    assert message.endswith(" (accepted forms: chukan-schedule --help)")
    assert len(message) < 200, message


def test_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"'2017-02-30'"):
        parse_timestamp("2017-02-30", TOKYO)


def test_not_a_string() -> None:
    with pytest.raises(TypeError, match="reads a str"):
        parse_timestamp(datetime(2017, 7, 15), TOKYO)  # type: ignore[arg-type]


def test_long_text_is_quoted_short() -> None:
    # A pasted 100 KB log line: the message quotes its first 60 characters and gives its length.
    text = "2017-07-15T10:00 " + "y" * 100_000
    with pytest.raises(TimestampFormatError) as info:
        parse_timestamp(text, TOKYO)
    message = str(info.value)
    assert message.startswith("cannot read '2017-07-15T10:00 " + "y" * 43 + "'… (100017 characters) as a timestamp: ")
    assert "cannot read ' " + "y" * 59 + "'… (100001 characters) after the time" in message
    assert len(message) < 1000
    assert info.value.text == text  # the error keeps the whole text


def test_text_of_60_characters_is_quoted_whole() -> None:
    text = "2017-07-15T10:00 " + "z" * 43  # 60 characters
    with pytest.raises(TimestampFormatError) as info:
        parse_timestamp(text, TOKYO)
    assert str(info.value).startswith(f"cannot read {text!r} as a timestamp: ")
    assert "characters)" not in str(info.value)
