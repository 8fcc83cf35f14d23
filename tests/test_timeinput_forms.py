"""The forms of Japanese office text (午前/午後, H29.7.13, 2017/7/13), and errors short and in both languages.

Every expected value is written by hand: the JST wall clock the text means.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chukan_schedule.timeinput import TimestampFormatError, parse_timestamp, to_iso

TOKYO = ZoneInfo("Asia/Tokyo")


def tokyo(year: int, month: int, day: int, hour: int, minute: int, second: int = 0, microsecond: int = 0) -> datetime:
    """The JST wall-clock instant written as numbers (datetime's own tzinfo slot is not an int)."""
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("text", "wall"),
    [
        ("平成29年7月13日 午後8時30分", (2017, 7, 13, 20, 30)),
        ("平成29年7月13日午後8時30分", (2017, 7, 13, 20, 30)),
        ("2017年7月13日 午前10時", (2017, 7, 13, 10, 0)),
        ("2017年7月13日 午前0時", (2017, 7, 13, 0, 0)),  # midnight
        ("2017年7月13日 午後0時", (2017, 7, 13, 12, 0)),  # noon
        ("2017年7月13日 午後11時59分", (2017, 7, 13, 23, 59)),
        ("2017年7月13日 午後 8:30", (2017, 7, 13, 20, 30)),
        ("2017年7月13日(木) 午後8時半", (2017, 7, 13, 20, 30)),
        ("2017-07-13 午後8時", (2017, 7, 13, 20, 0)),
        ("H29.7.13 10:00", (2017, 7, 13, 10, 0)),
        ("H29.7.13", (2017, 7, 13, 0, 0)),
        ("h29.07.13 20:30", (2017, 7, 13, 20, 30)),
        ("平成29.7.13 10時", (2017, 7, 13, 10, 0)),
        ("R1.5.1 9:00", (2019, 5, 1, 9, 0)),
        ("H元.1.8", (1989, 1, 8, 0, 0)),
        ("Ｈ２９．７．１３　１０：００", (2017, 7, 13, 10, 0)),
        ("H29.7.13 午後8時30分", (2017, 7, 13, 20, 30)),
        ("2017/7/13 20:30", (2017, 7, 13, 20, 30)),
        ("2017/7/13", (2017, 7, 13, 0, 0)),
        ("2017/07/13 24:00", (2017, 7, 14, 0, 0)),
        # ISO 8601 as dateutil's isoparse reads it, after the checks
        ("2017-07-13T11:30:00.5Z", (2017, 7, 13, 20, 30, 0, 500000)),
        ("20170713T203000+0900", (2017, 7, 13, 20, 30)),
        ("2017-07-13T11:30-00:00", (2017, 7, 13, 20, 30)),
    ],
)
def test_office_forms(text: str, wall: tuple[int, ...]) -> None:
    assert parse_timestamp(text, TOKYO) == tokyo(*wall)


def test_to_iso_writes_iso_8601() -> None:
    assert to_iso("平成29年7月13日 午後8時30分") == "2017-07-13T20:30:00"
    assert to_iso("H29.7.13 10:00 JST") == "2017-07-13T10:00:00+09:00"
    assert to_iso("2017/7/13") == "2017-07-13"
    assert to_iso("20170713T2030") == "2017-07-13T20:30:00"


@pytest.mark.parametrize(
    ("text", "english", "japanese"),
    [
        (
            "2017年7月13日 午後12時",
            "hour 12 after 午後 is not 0-11 (午前0時 is midnight, 午後0時 noon)",
            "午後の12時は読めません（午後の後は0～11時。午前0時は真夜中、午後0時は正午）",
        ),
        ("2017年7月13日 午前13時", "hour 13 after 午前 is not 0-11", "午前の13時は読めません"),
        (
            "H31.5.1",
            "2019-05-01 is not in the 平成 era (1989-01-08..2019-04-30)",
            "2019-05-01 は平成（1989-01-08～2019-04-30）の期間外です",
        ),
        (
            "H29.2.30 10:00",
            "day 30 does not exist in 2017-02, which has 28 days",
            "2017年2月30日はありません（2017年2月は28日まで）",
        ),
        (
            "H29.7.13.5",
            "it does not start with a date such as",
            "先頭が 2017-07-15、2017/7/15、20170715、2017年7月15日、H29.7.15 のような日付ではありません",
        ),
        ("2017/7/13 20:61", "minute 61 is not 0-59", "61分は0～59分の範囲外です"),
        ("2017/7/13 午後", "cannot read the time ''", "時刻 '' を読み取れません"),
    ],
)
def test_errors_say_what_is_wrong_with_this_text_in_both_languages(text: str, english: str, japanese: str) -> None:
    with pytest.raises(TimestampFormatError) as info:
        parse_timestamp(text, TOKYO)
    en, ja = str(info.value), info.value.message.text("ja")
    assert english in en and japanese in ja
    assert en == f"cannot read {text!r} as a timestamp: {info.value.problem} (accepted forms: chukan-schedule --help)"
    assert ja.startswith(f"{text!r} を時刻として読み取れません：") and ja.endswith(
        "（受け付ける形式：chukan-schedule --help）"
    )
    assert len(en) < 200 and len(ja) < 200
