"""A corrected plan and the calendars that imported the old one: UIDs, SEQUENCE, DTSTAMP, cancellations.

The corrected plan here is the embedded July 2017 plan with weekday linkage moved from 08:00 to
09:00 (T, 想定), code acquisition on 07-15 dropped (N6's 住基ネット days now 07-16..17), revision 1,
revised 2017-07-14 18:00 JST.  Every expected value is worked out by hand.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from chukan_schedule import JULY_2017, PlanFileError, parse_plan
from chukan_schedule.cli import main
from chukan_schedule.ics import to_ical

JULY_TEXT = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")
JST = timezone(timedelta(hours=9))
WEEKDAY_LINKAGE = 'hours = ["08:00", "21:00"]           # T "18日'
N6_FIRST_DAY = 'first_day = 2017-07-15\nlast_day = 2017-07-17\nhours = ["09:00", "17:00"]           # N6'


def corrected_text(revision: int = 1, revised: str | None = "2017-07-14T18:00:00+09:00") -> str:
    assert JULY_TEXT.count(WEEKDAY_LINKAGE) == 1 and JULY_TEXT.count(N6_FIRST_DAY) == 1
    text = JULY_TEXT.replace(WEEKDAY_LINKAGE, WEEKDAY_LINKAGE.replace("08:00", "09:00"))
    text = text.replace(N6_FIRST_DAY, N6_FIRST_DAY.replace("2017-07-15", "2017-07-16"))
    head = f"revision = {revision}\n" + (f"revised = {revised}\n" if revised else "")
    return text.replace("format = 1\n", "format = 1\n" + head, 1)


CORRECTED = parse_plan(corrected_text(), source="<corrected>")


def events(ics: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(ics)
    by_uid: dict[str, icalendar.Event] = {}
    for e in cal.walk("VEVENT"):  # typed as any Component: each VEVENT is an Event
        assert isinstance(e, icalendar.Event)
        by_uid[str(e["UID"])] = e
    return by_uid


def test_plan_file_revision_and_revised() -> None:
    assert (JULY_2017.data.revision, JULY_2017.data.revised) == (0, None)
    assert CORRECTED.data.revision == 1
    assert CORRECTED.data.revised == datetime(2017, 7, 14, 9, 0, tzinfo=timezone.utc)
    local = parse_plan(corrected_text(2, "2017-07-14T18:00:00"))  # a local date-time is JST wall clock
    assert local.data.revised == datetime(2017, 7, 14, 18, 0, tzinfo=JST)


@pytest.mark.parametrize(
    ("revision", "revised", "message"),
    [
        ("-1", None, "revision: expected an integer >= 0, got -1"),
        ("true", None, "revision: expected an integer >= 0, got true"),
        ('"1"', None, "revision: expected an integer, got '1'"),
        ("1", "2017-07-14", "revised: expected a date-time such as 2017-07-14T18:00:00+09:00, got 2017-07-14"),
    ],
)
def test_bad_revision_says_what_is_accepted(revision: str, revised: str | None, message: str) -> None:
    text = JULY_TEXT.replace(
        "format = 1\n", f"format = 1\nrevision = {revision}\n" + (f"revised = {revised}\n" if revised else ""), 1
    )
    with pytest.raises(PlanFileError) as info:
        parse_plan(text)
    assert message in str(info.value)


def test_bad_milestone_expected() -> None:
    text = JULY_TEXT.replace('expected = "end"', 'expected = "start"', 1)
    with pytest.raises(PlanFileError) as info:
        parse_plan(text)
    assert 'milestone[3].expected: expected true, false or "end"' in str(info.value)


def test_sequence_and_stamps_come_from_the_revision() -> None:
    for event in events(to_ical(CORRECTED)).values():
        assert event["SEQUENCE"] == 1
        assert event.decoded("DTSTAMP") == datetime(2017, 7, 14, 9, 0, tzinfo=timezone.utc)
        assert event.decoded("LAST-MODIFIED") == datetime(2017, 7, 14, 9, 0, tzinfo=timezone.utc)
    assert b"DTSTAMP:20170714T090000Z\r\n" in to_ical(CORRECTED)
    assert to_ical(CORRECTED) == to_ical(parse_plan(corrected_text(), source="elsewhere"))  # byte-identical


def test_a_moved_window_keeps_its_uid() -> None:
    old, new = events(to_ical(JULY_2017)), events(to_ical(CORRECTED))
    uid = "2017-07-linkage-20170718@chukan-schedule"
    assert old[uid].decoded("DTSTART") == datetime(2017, 7, 18, 8, 0, tzinfo=JST)
    assert new[uid].decoded("DTSTART") == datetime(2017, 7, 18, 9, 0, tzinfo=JST)
    assert new[uid].decoded("DTEND") == datetime(2017, 7, 18, 21, 0, tzinfo=JST)
    assert (old[uid]["SEQUENCE"], new[uid]["SEQUENCE"]) == (0, 1)
    # Only the code acquisition window of 07-15 is gone; nothing is new.
    assert set(old) - set(new) == {"2017-07-code_acquisition-20170715@chukan-schedule"}
    assert set(new) - set(old) == set()


def test_previous_cancels_what_is_gone() -> None:
    ics = to_ical(CORRECTED, previous=JULY_2017)
    all_events = events(ics)
    cancelled = {uid: e for uid, e in all_events.items() if e.get("STATUS") == "CANCELLED"}
    assert list(cancelled) == ["2017-07-code_acquisition-20170715@chukan-schedule"]
    event = cancelled["2017-07-code_acquisition-20170715@chukan-schedule"]
    assert event["SEQUENCE"] == 1  # the new revision, so clients apply it over the old event
    assert event.decoded("DTSTART") == datetime(2017, 7, 15, 9, 0, tzinfo=JST)
    assert event.decoded("DTEND") == datetime(2017, 7, 15, 17, 0, tzinfo=JST)
    assert str(event["SUMMARY"]) == "Cancelled: Code acquisition possible"
    assert str(event["X-CHUKAN-OPERATION"]) == "code_acquisition"
    assert (
        str(events(to_ical(CORRECTED, previous=JULY_2017, lang="ja"))[str(event["UID"])]["SUMMARY"])
        == "取消：符号取得可能"
    )
    # The other events are those of the corrected plan alone, byte for byte.
    assert len(all_events) == len(events(to_ical(CORRECTED))) + 1
    # A strict parser reads it: 65 - 1 events plus the cancellation.
    calendar = IcsCalendarStream.calendar_from_ics(ics.decode("utf-8"))
    assert len(calendar.events) == 65
    assert [e.uid for e in calendar.events if e.status is not None and e.status.value == "CANCELLED"] == [
        "2017-07-code_acquisition-20170715@chukan-schedule"
    ]


def test_previous_needs_a_lower_revision() -> None:
    with pytest.raises(ValueError, match="the previous plan has revision 1 and this one 0; expected a higher revision"):
        to_ical(JULY_2017, previous=CORRECTED)
    with pytest.raises(TypeError, match=r"previous must be a chukan_schedule\.Plan or None, got str"):
        to_ical(CORRECTED, previous="2017-07")  # type: ignore[arg-type]


def test_cli_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.toml"
    new = tmp_path / "new.toml"
    old.write_text(JULY_TEXT, encoding="utf-8")
    new.write_text(corrected_text(), encoding="utf-8")
    out = tmp_path / "new.ics"
    assert main(["ics", "--plan", str(new), "--previous", str(old), "--output", str(out)]) == 0
    assert out.read_bytes() == to_ical(CORRECTED, previous=JULY_2017)
    capsys.readouterr()
    status = main(["ics", "--plan", str(old), "--previous", str(new), "--lang", "ja"])
    out_text, err = capsys.readouterr()
    assert (status, out_text) == (2, "")
    assert err.count("\n") == 1
    assert "の改訂番号は 1、計画の改訂番号は 0 です" in err
    status = main(["ics", "--plan", str(new), "--previous", str(tmp_path / "missing.toml")])
    out_text, err = capsys.readouterr()
    assert status == 2 and "missing.toml: cannot read the file" in err and err.count("\n") == 1
