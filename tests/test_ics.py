"""The iCalendar export (カレンダー出力): RFC 5545 as real clients need it, read back by two parsers.

Every expected value below is worked out by hand from the notice / docs/spec.md and written out.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events  # type: ignore[import-untyped]
from ical.calendar_stream import IcsCalendarStream

from answerfile import windows_from_answers
from chukan_schedule import JULY_2017, Operation, UnknownOperationError
from chukan_schedule.ics import to_ical, write_ics

JST = ZoneInfo("Asia/Tokyo")
OPS = ("registration", "code_acquisition", "linkage", "linkage_test")


def jst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2017, 7, day, hour, minute, tzinfo=JST)


# ---- hand-written windows: the per-day answer file (tests/answers/july_2017_days.csv) ----
# July 2017: Sat/Sun 1-2, 8-9, 15-16, 22-23, 29-30; Monday 17 is Marine Day (海の日).
BY_HAND = {op: windows_from_answers(op) for op in ("registration", "code_acquisition", "linkage", "linkage_test")}
#: Six rows of table T and six milestones: operation_check (N2, 07-03..07) and differential_period
#: (N6, 07-13..17) have the days and clause of a period, so they are told in that period's event.
ALL_DAY_UIDS = {
    "2017-07-period-20170701@chukan-schedule",
    "2017-07-period-20170703@chukan-schedule",
    "2017-07-period-20170708@chukan-schedule",
    "2017-07-period-20170710@chukan-schedule",
    "2017-07-period-20170713@chukan-schedule",
    "2017-07-period-20170718@chukan-schedule",
    "2017-07-milestone-initial_registration@chukan-schedule",
    "2017-07-milestone-advice_deadline@chukan-schedule",
    "2017-07-milestone-linkage_suppression@chukan-schedule",
    "2017-07-milestone-master_data@chukan-schedule",
    "2017-07-milestone-auto_response_restriction@chukan-schedule",
    "2017-07-milestone-linkage_start@chukan-schedule",
}


@pytest.fixture(scope="module")
def ics_en() -> bytes:
    return to_ical(JULY_2017)


@pytest.fixture(scope="module")
def ics_ja() -> bytes:
    return to_ical(JULY_2017, lang="ja")


def unfolded_lines(ics: bytes) -> list[str]:
    """Content lines after unfolding (RFC 5545 3.1): CRLF followed by one space joins lines."""
    return ics.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")[:-1]


def vevents(ics: bytes) -> list[dict[str, list[str]]]:
    """Each VEVENT as {property line's name-and-params: [values]} from the unfolded text."""
    out: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for line in unfolded_lines(ics):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            out.append(current)
            current = None
        elif current is not None:
            key, _, value = line.partition(":")
            current.setdefault(key, []).append(value)
    return out


def by_uid(ics: bytes) -> dict[str, dict[str, list[str]]]:
    return {e["UID"][0]: e for e in vevents(ics)}


# ---- the bytes: RFC 5545 section 3.1 ----


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_crlf_folding_utf8_no_bom(lang: str) -> None:
    ics = to_ical(JULY_2017, lang=lang)
    assert not ics.startswith(b"\xef\xbb\xbf")
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert ics.endswith(b"END:VCALENDAR\r\n")
    assert ics.count(b"\n") == ics.count(b"\r\n") == ics.count(b"\r")  # no bare LF or CR
    physical = ics.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    for line in physical:
        line.decode("utf-8")  # each physical line alone is valid UTF-8: no character split by a fold
    continuations = [line for line in physical if line.startswith(b" ")]
    assert len(continuations) > 50  # the descriptions really were folded
    if lang == "ja":  # some fold lands next to a multi-byte (Japanese) character: the octet rule is exercised
        assert any(ord(line.decode()[1]) > 0x7F for line in continuations)


def test_folded_japanese_reads_back_whole(ics_ja: bytes) -> None:
    event = by_uid(ics_ja)["2017-07-milestone-master_data@chukan-schedule"]
    assert event["SUMMARY"] == ["本番用マスターデータ（マスターデータリリース4）配信"]
    assert len("SUMMARY:本番用マスターデータ（マスターデータリリース4）配信".encode()) > 75  # so it was folded


def test_calendar_properties(ics_en: bytes, ics_ja: bytes) -> None:
    lines = unfolded_lines(ics_en)
    header = lines[: lines.index("BEGIN:VTIMEZONE")]
    for expected in (
        "VERSION:2.0",
        "PRODID:-//chukan-schedule//chukan-schedule//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Municipal middle server, July 2017",
        "X-WR-TIMEZONE:Asia/Tokyo",
    ):
        assert expected in header
    assert "X-WR-CALNAME:自治体中間サーバー 平成29年7月の稼働状況" in unfolded_lines(ics_ja)


def test_vtimezone_for_asia_tokyo(ics_en: bytes) -> None:
    lines = unfolded_lines(ics_en)
    block = lines[lines.index("BEGIN:VTIMEZONE") : lines.index("END:VTIMEZONE") + 1]
    assert "TZID:Asia/Tokyo" in block
    standard = block[block.index("BEGIN:STANDARD") : block.index("END:STANDARD")]
    assert {"TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST"} <= set(standard)
    assert "BEGIN:DAYLIGHT" not in block  # Japan has kept no daylight saving since 1951
    assert lines.count("BEGIN:VTIMEZONE") == 1
    assert lines.index("END:VTIMEZONE") < lines.index("BEGIN:VEVENT")


def test_every_date_time_has_tzid(ics_en: bytes) -> None:
    timed = re.compile(r"(DTSTART|DTEND);TZID=Asia/Tokyo:2017\d{4}T\d{6}")
    all_day = re.compile(r"(DTSTART|DTEND);VALUE=DATE:2017\d{4}")
    events = vevents(ics_en)
    assert len(events) == 19 + 15 + 14 + 5 + 6 + 6
    for event in events:
        for key in ("DTSTART", "DTEND"):
            (line,) = [f"{k}:{v[0]}" for k, v in event.items() if k.split(";")[0] == key]
            assert timed.fullmatch(line) or all_day.fullmatch(line), line
        assert event["DTSTAMP"] == ["20170630T150000Z"]  # UTC as RFC 5545 3.8.7.2 requires; the plan's start
        assert event["SEQUENCE"] == ["0"]  # the plan file has no revision
        assert "LAST-MODIFIED" not in event  # nor a revised instant
        assert not {k for k in event if k.split(";")[0] in ("EXDATE", "RDATE", "RRULE")}
        assert event["TRANSP"] == ["TRANSPARENT"]


def test_window_event_literal(ics_en: bytes) -> None:
    event = by_uid(ics_en)["2017-07-registration-20170713@chukan-schedule"]
    assert event["DTSTART;TZID=Asia/Tokyo"] == ["20170713T080000"]
    assert event["DTEND;TZID=Asia/Tokyo"] == ["20170714T000000"]  # H: until 24:00 is the next midnight
    assert event["CATEGORIES"] == ["registration"]
    assert event["X-CHUKAN-OPERATION"] == ["registration"]
    assert event["SUMMARY"] == ["Registration possible"]
    assert event["STATUS"] == ["CONFIRMED"]
    assert event["DESCRIPTION"] == [
        r"Registration is possible on Thu 13 Jul\, 8:00–24:00 (JST).\n[H] Registration runs 08:00-24:00 on weekdays"
    ]


def test_code_acquisition_on_marine_day_cites_n6(ics_en: bytes, ics_ja: bytes) -> None:
    uid = "2017-07-code_acquisition-20170717@chukan-schedule"
    event = by_uid(ics_en)[uid]
    assert event["DTSTART;TZID=Asia/Tokyo"] == ["20170717T090000"]
    assert event["DTEND;TZID=Asia/Tokyo"] == ["20170717T170000"]
    assert "[N6] Code acquisition is possible 09:00-17:00 on 07-15..17" in event["DESCRIPTION"][0]
    assert event["CATEGORIES"] == ["code acquisition"]
    assert event["X-CHUKAN-OPERATION"] == ["code_acquisition"]
    ja = by_uid(ics_ja)[uid]
    assert ja["SUMMARY"] == ["符号取得可能"]
    assert ja["CATEGORIES"] == ["符号取得"]
    assert ja["X-CHUKAN-OPERATION"] == ["code_acquisition"]
    assert ja["DESCRIPTION"][0].startswith("7月17日（月）9:00～17:00に符号取得が可能（日本時間）。\\n[N6] ")
    assert "住基ネット" in ja["DESCRIPTION"][0]


def test_all_day_dtend_is_exclusive(ics_en: bytes) -> None:
    events = by_uid(ics_en)
    differential = events["2017-07-period-20170713@chukan-schedule"]  # N6: 07-13..07-17
    assert differential["DTSTART;VALUE=DATE"] == ["20170713"]
    assert differential["DTEND;VALUE=DATE"] == ["20170718"]
    master = events["2017-07-milestone-master_data@chukan-schedule"]  # N4: 07-10, one day
    assert master["DTSTART;VALUE=DATE"] == ["20170710"]
    assert master["DTEND;VALUE=DATE"] == ["20170711"]
    stop = events["2017-07-period-20170701@chukan-schedule"]  # T/N3: planned stop 07-01..07-02
    assert stop["DTSTART;VALUE=DATE"] == ["20170701"]
    assert stop["DTEND;VALUE=DATE"] == ["20170703"]
    assert stop["CATEGORIES"] == ["period,planned stop"]
    assert stop["X-CHUKAN-KIND"] == ["period"]
    assert stop["X-CHUKAN-MODE"] == ["planned_stop"]
    assert stop["SUMMARY"] == ["Planned stop: mode switch"]
    assert "[N3] " in stop["DESCRIPTION"][0]
    assert set(events) >= ALL_DAY_UIDS


def test_summaries_in_japanese(ics_ja: bytes) -> None:
    events = vevents(ics_ja)
    summaries = {e["X-CHUKAN-OPERATION"][0]: e["SUMMARY"][0] for e in events if "X-CHUKAN-OPERATION" in e}
    assert summaries["registration"] == "副本登録可能"
    assert summaries["code_acquisition"] == "符号取得可能"
    assert summaries["linkage"] == "情報連携可能（想定）"  # T: linkage from 07-18 is 想定
    assert summaries["linkage_test"] == "情報連携のテスト・運用確認可能"
    stop = by_uid(ics_ja)["2017-07-period-20170710@chukan-schedule"]
    assert stop["SUMMARY"] == ["計画停止：本番用マスターデータ適用作業"]
    start = by_uid(ics_ja)["2017-07-milestone-linkage_start@chukan-schedule"]
    assert start["SUMMARY"] == ["情報連携開始（想定）"]
    assert "PRODID:-//chukan-schedule//chukan-schedule//JA" in unfolded_lines(ics_ja)


# ---- stability ----


def test_two_runs_are_byte_identical_with_the_same_uids(ics_en: bytes) -> None:
    again = to_ical(JULY_2017)
    assert again == ics_en
    assert [e["UID"] for e in vevents(again)] == [e["UID"] for e in vevents(ics_en)]
    uids = [e["UID"][0] for e in vevents(ics_en)]
    assert len(set(uids)) == len(uids)
    assert "2017-07-registration-20170713@chukan-schedule" in uids
    assert "2017-07-linkage_test-20170703@chukan-schedule" in uids
    assert "2017-07-linkage-20170731@chukan-schedule" in uids


def test_languages_share_uids(ics_en: bytes, ics_ja: bytes) -> None:
    """Re-importing in the other language updates the same events."""
    assert [e["UID"] for e in vevents(ics_ja)] == [e["UID"] for e in vevents(ics_en)]


# ---- operations narrow the timed events only ----


def test_operations_narrow_timed_events_only() -> None:
    events = vevents(to_ical(JULY_2017, operations=["code_acquisition"]))
    timed = [e for e in events if "DTSTART;TZID=Asia/Tokyo" in e]
    assert len(timed) == 15
    assert {e["X-CHUKAN-OPERATION"][0] for e in timed} == {"code_acquisition"}
    assert {e["UID"][0] for e in events if "DTSTART;VALUE=DATE" in e} == ALL_DAY_UIDS


def test_operations_members_strings_order_and_duplicates() -> None:
    mixed = to_ical(JULY_2017, operations=["linkage", Operation.LINKAGE_TEST, "linkage"])
    plain = to_ical(JULY_2017, operations=[Operation.LINKAGE, "linkage_test"])
    assert mixed == plain
    categories = [e["X-CHUKAN-OPERATION"][0] for e in vevents(mixed) if "X-CHUKAN-OPERATION" in e]
    assert categories.count("linkage") == 14
    assert categories.count("linkage_test") == 5
    assert "registration" not in categories


def test_no_operations_gives_only_all_day_events() -> None:
    events = vevents(to_ical(JULY_2017, operations=[]))
    assert {e["UID"][0] for e in events} == ALL_DAY_UIDS


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"lang": "fr"},
            ValueError,
            "lang must be 'en' or 'ja' (also 'EN', 'JA', or with a region: 'ja-JP', 'ja_JP'), got 'fr'",
        ),
        ({"operations": "registration"}, TypeError, "operations must be None (all) or a sequence"),
        ({"operations": ["registration", "backup"]}, UnknownOperationError, "unknown operation 'backup'"),
        ({"operations": [3]}, TypeError, "operation must be an Operation"),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        to_ical(JULY_2017, **kwargs)
    assert message in str(info.value)


def test_plan_must_be_a_plan() -> None:
    with pytest.raises(TypeError, match=r"plan must be a chukan_schedule\.Plan, got str"):
        to_ical("2017-07")  # type: ignore[arg-type]


# ---- other programs read it as we mean it ----


def test_ical_parses_strictly_and_agrees(ics_en: bytes) -> None:
    calendar = IcsCalendarStream.calendar_from_ics(ics_en.decode("utf-8"))
    assert [tz.tz_id for tz in calendar.timezones] == ["Asia/Tokyo"]
    assert len(calendar.events) == 65
    for op in OPS:
        spans = [(e.dtstart, e.dtend) for e in calendar.events if e.categories == [Operation(op).en]]
        assert spans == BY_HAND[op], op
        assert spans == [(w.start, w.end) for w in JULY_2017.windows(op)], op
    all_day = {e.uid: (e.dtstart, e.dtend) for e in calendar.events if e.uid in ALL_DAY_UIDS}
    assert all_day["2017-07-period-20170713@chukan-schedule"] == (date(2017, 7, 13), date(2017, 7, 18))
    assert all_day["2017-07-period-20170718@chukan-schedule"] == (date(2017, 7, 18), date(2017, 8, 1))


def test_ical_reads_the_japanese_export(ics_ja: bytes) -> None:
    calendar = IcsCalendarStream.calendar_from_ics(ics_ja.decode("utf-8"))
    summaries = {e.uid: e.summary for e in calendar.events}
    assert summaries["2017-07-milestone-linkage_suppression@chukan-schedule"] == "情報連携抑止（終了日の17日は想定）"


def test_recurring_ical_events_expands_to_the_windows(ics_en: bytes) -> None:
    calendar = icalendar.Calendar.from_ical(ics_en)
    events = recurring_ical_events.of(calendar).between(jst(1, 0), datetime(2017, 8, 1, tzinfo=JST))
    for op in OPS:
        spans = sorted(
            (e.decoded("DTSTART"), e.decoded("DTEND"))
            for e in events
            if isinstance(e.decoded("DTSTART"), datetime) and str(e["X-CHUKAN-OPERATION"]) == op
        )
        assert spans == BY_HAND[op], op
        assert spans == [(w.start, w.end) for w in JULY_2017.windows(op)], op
        assert all(s.utcoffset() == e.utcoffset() == jst(1, 0).utcoffset() for s, e in spans)
    # A narrow range: the all-day events of 07-15 (a Saturday in the differential period).
    day = recurring_ical_events.of(calendar).at(date(2017, 7, 15))
    assert sorted(str(e["UID"]) for e in day if not isinstance(e.decoded("DTSTART"), datetime)) == [
        "2017-07-milestone-linkage_suppression@chukan-schedule",
        "2017-07-period-20170713@chukan-schedule",
    ]


# ---- write_ics ----


def test_write_ics_writes_the_bytes(tmp_path: Path, ics_ja: bytes) -> None:
    target = tmp_path / "july.ics"
    write_ics(JULY_2017, target, lang="ja")
    assert target.read_bytes() == ics_ja
    write_ics(JULY_2017, str(target), operations=["linkage_test"])
    assert target.read_bytes() == to_ical(JULY_2017, operations=["linkage_test"])


def test_write_ics_failure_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "july.ics"
    target.write_bytes(b"old calendar\r\n")

    def refuse(src: object, dst: object) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="simulated"):
        write_ics(JULY_2017, target)
    assert target.read_bytes() == b"old calendar\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["july.ics"]  # no temporary file left


def test_write_ics_bad_argument_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "july.ics"
    target.write_bytes(b"old calendar\r\n")
    with pytest.raises(ValueError, match="lang must be 'en' or 'ja'"):
        write_ics(JULY_2017, target, lang="de")
    assert target.read_bytes() == b"old calendar\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["july.ics"]
