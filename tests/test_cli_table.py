"""The chukan-schedule command line. table: the plan day by day (the notice's table T made exact), aligned in English and Japanese.

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

import pytest

from chukan_schedule.render import format_table
from clikit import cells, run, run_json, table_rows, width

pytestmark = pytest.mark.usefixtures("english_locale")


def test_table_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "table")
    assert status == 0
    rows = table_rows(out)
    assert len(rows) == 1 + 31
    assert rows["date"] == [
        "date", "day", "mode", "server", "registration", "code acquisition", "linkage", "linkage test", "holiday",
    ]  # fmt: skip
    assert rows["2017-07-01"] == ["2017-07-01", "Sat", "planned stop"] + ["no (N3)"] * 5
    assert rows["2017-07-05"] == [
        "2017-07-05", "Wed", "test mode", "08:00-21:00", "no (N6)", "no (N6)", "no (N2)", "08:00-21:00",
    ]  # fmt: skip
    assert rows["2017-07-11"] == ["2017-07-11", "Tue", "planned stop"] + ["no (N4)"] * 5
    assert rows["2017-07-14"] == [
        "2017-07-14", "Fri", "normal mode", "08:00-21:00", "08:00-24:00", "08:00-21:00", "no (N5)", "no (N2)",
    ]  # fmt: skip
    assert rows["2017-07-17"] == [
        "2017-07-17", "Mon", "normal mode", "09:00-17:00", "09:00-17:00", "09:00-17:00", "no (N5, expected)",
        "no (N2)", "Marine Day",
    ]  # fmt: skip
    assert rows["2017-07-18"] == [
        "2017-07-18", "Tue", "normal mode", "08:00-21:00", "08:00-24:00", "08:00-21:00", "08:00-21:00", "no (N2)",
    ]  # fmt: skip
    assert rows["2017-07-22"] == [
        "2017-07-22", "Sat", "normal mode", "09:00-17:00", "09:00-17:00", "no (N6)", "09:00-17:00", "no (N2)",
    ]  # fmt: skip


def test_table_japanese_holiday_aligned(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--lang", "ja", "table")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "自治体中間サーバー 平成29年7月の稼働状況"
    header = lines[2]
    marine = next(line for line in lines if line.startswith("2017-07-17"))
    assert cells(marine)[1:3] == ["月", "通常（通常実行モード）"]
    assert marine.endswith("海の日")
    # 海の日 sits under 祝日, counted in display columns (wide characters are two).
    assert width(marine[: marine.index("海の日")]) == width(header[: header.index("祝日")])


def test_table_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(capsys, "table", "--json")
    assert status == 0
    days = got["days"]
    assert len(days) == 31
    first, marine, eighteenth = days[0], days[16], days[17]
    assert first["date"] == "2017-07-01"
    assert first["mode"] == "planned_stop"
    assert first["operations"]["registration"] == {"start": None, "end": None, "clause": "N3", "expected": False}
    assert marine["date"] == "2017-07-17"
    assert marine["weekday"] == "Mon"
    assert marine["day_type"] == "rest_day"
    assert marine["holiday"] == {"en": "Marine Day", "ja": "海の日"}
    assert marine["operations"]["registration"] == {
        "start": "2017-07-17T09:00:00+09:00",
        "end": "2017-07-17T17:00:00+09:00",
        "clause": "H",
        "expected": False,
    }
    assert marine["operations"]["linkage"]["expected"] is True
    assert eighteenth["day_type"] == "weekday"
    assert eighteenth["holiday"] is None
    assert eighteenth["operations"]["registration"]["end"] == "2017-07-19T00:00:00+09:00"


def test_format_table_wide_characters() -> None:
    got = format_table(["操作", "可否"], [["副本登録", "可"], ["linkage", "no"]])
    assert got == "操作      可否\n副本登録  可\nlinkage   no"
