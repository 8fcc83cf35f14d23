"""What a person sees after importing the calendar: its words, its banners, what is expected."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

import icalendar
import pytest

from chukan_schedule import JULY_2017, Operation
from chukan_schedule.ics import to_ical

SHOWN = ("SUMMARY", "DESCRIPTION", "CATEGORIES", "X-WR-CALNAME", "X-WR-CALDESC")


def categories(event: icalendar.cal.Component) -> list[str]:
    """An event's one CATEGORIES line, word by word (icalendar types ``event[name]`` as any property)."""
    value = event["CATEGORIES"]
    assert isinstance(value, icalendar.vCategory)
    return [str(c) for c in value.cats]


def shown_texts(ics: bytes) -> list[str]:
    cal = icalendar.Calendar.from_ical(ics)
    out = [str(cal[k]) for k in ("X-WR-CALNAME", "X-WR-CALDESC")]
    for event in cal.walk("VEVENT"):
        out.append(str(event["SUMMARY"]))
        out.append(str(event["DESCRIPTION"]))
        out += categories(event)
    return out


def test_the_japanese_calendar_is_japanese_throughout() -> None:
    texts = shown_texts(to_ical(JULY_2017, lang="ja"))
    assert len(texts) > 200
    # Clause names ([H], [N6], [T]) and the plan's id are the only Latin letters a person sees.
    latin = [t for t in texts if re.search(r"[A-Za-z]", re.sub(r"\[[A-Z]\d*\]", "", t))]
    assert latin == []
    assert not any("Plan 2017-07" in t or "registration" in t or "planned stop" in t for t in texts)


def test_japanese_hours_as_people_write_them() -> None:
    cal = icalendar.Calendar.from_ical(to_ical(JULY_2017, lang="ja"))
    by_uid = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    registration = by_uid["2017-07-registration-20170713@chukan-schedule"]
    # H: weekday registration 08:00 until 24:00, the rule that decides it in its own words, in two lines.
    rule = JULY_2017.day(date(2017, 7, 13)).operations[Operation.REGISTRATION].rule
    assert rule is not None
    assert str(registration["DESCRIPTION"]).split("\n") == [
        "7月13日（木）8:00～24:00に副本登録が可能（日本時間）。",
        f"[H] {rule.ja}",
    ]
    assert categories(registration) == ["副本登録"]


def test_no_two_banners_for_the_same_days_and_meaning() -> None:
    cal = icalendar.Calendar.from_ical(to_ical(JULY_2017))
    all_day = [e for e in cal.walk("VEVENT") if not isinstance(e.decoded("DTSTART"), datetime)]
    spans = Counter((e.decoded("DTSTART"), e.decoded("DTEND")) for e in all_day)
    assert [span for span, n in spans.items() if n > 1] == []
    by_uid = {str(e["UID"]): e for e in all_day}
    # N2: 07-03..07 test mode is the operation check; N6: 07-13..17 the differential period.
    test_week = by_uid["2017-07-period-20170703@chukan-schedule"]
    assert str(test_week["X-CHUKAN-MILESTONE"]) == "operation_check"
    assert categories(test_week) == ["period", "test mode", "milestone"]
    differential = by_uid["2017-07-period-20170713@chukan-schedule"]
    assert str(differential["X-CHUKAN-MILESTONE"]) == "differential_period"
    assert (differential.decoded("DTSTART"), differential.decoded("DTEND")) == (date(2017, 7, 13), date(2017, 7, 18))
    assert "2017-07-milestone-differential_period@chukan-schedule" not in by_uid
    assert "2017-07-milestone-operation_check@chukan-schedule" not in by_uid
    # The suppression (07-08..17) and the master data (07-10) are banners of their own.
    assert "2017-07-milestone-linkage_suppression@chukan-schedule" in by_uid


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_expected_things_look_expected(lang: str) -> None:
    cal = icalendar.Calendar.from_ical(to_ical(JULY_2017, lang=lang))
    mark = "（想定）" if lang == "ja" else "(expected)"
    status = {str(e["UID"]): str(e["STATUS"]) for e in cal.walk("VEVENT")}
    tentative = sorted(uid for uid, s in status.items() if s == "TENTATIVE")
    # T: linkage from 07-18 (14 windows) and the linkage start milestone are 想定; nothing else.
    linkage_days = (18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31)
    assert tentative == sorted(
        [f"2017-07-linkage-201707{d}@chukan-schedule" for d in linkage_days]
        + ["2017-07-milestone-linkage_start@chukan-schedule"]
    )
    assert set(status.values()) == {"TENTATIVE", "CONFIRMED"}
    for event in cal.walk("VEVENT"):
        if str(event["STATUS"]) == "TENTATIVE":
            assert str(event["SUMMARY"]).endswith(mark)
            assert str(event["SUMMARY"]).count(mark) == 1
            if "X-CHUKAN-OPERATION" in event:  # a window: what, when, and that it is expected; then the clause
                first, clause = str(event["DESCRIPTION"]).split("\n")
                assert ("想定のため変更の可能性" if lang == "ja" else "expected, 想定 in the notice") in first
                assert clause.startswith("[T] ")
    # N5: the suppression starts 07-08 for sure; only its end, 07-17, is 想定.
    suppression = next(e for e in cal.walk("VEVENT") if str(e["UID"]).endswith("linkage_suppression@chukan-schedule"))
    assert str(suppression["STATUS"]) == "CONFIRMED"
    end_note = "終了日7月17日（月）は通知では想定" if lang == "ja" else "Its end, Mon 17 Jul, is expected"
    assert end_note in str(suppression["DESCRIPTION"])
