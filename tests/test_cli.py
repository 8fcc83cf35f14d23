"""The chukan-schedule command line: expected output worked out by hand from SPEC.md.

Most tests call ``main([...])`` in-process; a few run ``python -m chukan_schedule`` in a
subprocess to prove the exit statuses and that no traceback ever reaches the user.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from chukan_schedule.cli import default_lang, main
from chukan_schedule.render import format_table

PLAN_TOML = Path(__file__).resolve().parents[1] / "src" / "chukan_schedule" / "plans" / "2017-07.toml"
PROGRESS_CSV = Path(__file__).resolve().parent / "data" / "progress" / "small.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    status, out, err = run(capsys, *argv)
    assert err == ""
    return status, json.loads(out)


def cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def assert_one_line_error(status: int, out: str, err: str, *needles: str) -> None:
    assert status == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("chukan-schedule: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


# ---- check: every operation ----


def test_check_json_saturday_15th(capsys: pytest.CaptureFixture[str]) -> None:
    # 2017-07-15 is a Saturday of the 13-17 period (normal mode): rest-day hours 09:00-17:00 (H);
    # code acquisition open by N6's exception; linkage suppressed (N5); linkage tests only in test mode (N2).
    status, got = run_json(capsys, "check", "2017-07-15T10:00", "--json")
    assert status == 0
    assert got["at"] == "2017-07-15T10:00:00+09:00"
    assert got["mode"] == "normal"
    assert got["operating"] is True
    ops = got["operations"]
    assert list(ops) == ["registration", "code_acquisition", "linkage", "linkage_test"]
    reg = ops["registration"]
    assert reg["allowed"] is True
    assert reg["window"] == {"start": "2017-07-15T09:00:00+09:00", "end": "2017-07-15T17:00:00+09:00", "clauses": ["H"]}
    assert reg["next_window"] == {
        "start": "2017-07-16T09:00:00+09:00",
        "end": "2017-07-16T17:00:00+09:00",
        "clauses": ["H"],
    }
    assert [r["clause"] for r in reg["reasons"]] == ["N6", "H"]
    assert set(reg["reasons"][0]) == {"clause", "en", "ja"}
    code = ops["code_acquisition"]
    assert code["allowed"] is True
    assert code["window"]["start"] == "2017-07-15T09:00:00+09:00"
    assert code["window"]["end"] == "2017-07-15T17:00:00+09:00"
    assert code["reasons"][-1]["clause"] == "N6"
    link = ops["linkage"]
    assert link["allowed"] is False
    assert link["window"] is None
    assert link["next_window"] == {
        "start": "2017-07-18T08:00:00+09:00",
        "end": "2017-07-18T21:00:00+09:00",
        "clauses": ["T"],
    }
    assert "N5" in [r["clause"] for r in link["reasons"]]
    test = ops["linkage_test"]
    assert test["allowed"] is False
    assert test["window"] is None
    assert test["next_window"] is None
    assert "N2" in [r["clause"] for r in test["reasons"]]


def test_check_json_thursday_13th_evening(capsys: pytest.CaptureFixture[str]) -> None:
    # 2017-07-13 (Thu) 20:30: server 08:00-21:00, registration 08:00-24:00, code acquisition 08:00-21:00.
    status, got = run_json(capsys, "check", "2017年7月13日 20時30分", "--json")
    assert status == 0
    assert got["at"] == "2017-07-13T20:30:00+09:00"
    assert got["operating"] is True
    ops = got["operations"]
    assert ops["registration"]["allowed"] is True
    assert ops["registration"]["window"]["start"] == "2017-07-13T08:00:00+09:00"
    assert ops["registration"]["window"]["end"] == "2017-07-14T00:00:00+09:00"
    assert ops["code_acquisition"]["allowed"] is True
    assert ops["code_acquisition"]["window"]["end"] == "2017-07-13T21:00:00+09:00"
    assert ops["code_acquisition"]["next_window"]["start"] == "2017-07-14T08:00:00+09:00"
    assert ops["linkage"]["allowed"] is False
    assert ops["linkage_test"]["allowed"] is False


def test_check_json_after_hours_only_registration(capsys: pytest.CaptureFixture[str]) -> None:
    # 21:30 on a weekday: the server's hours (H) are over, registration alone runs on to 24:00.
    status, got = run_json(capsys, "check", "2017-07-13T12:30Z", "--json")  # 21:30 JST
    assert status == 0
    assert got["at"] == "2017-07-13T21:30:00+09:00"
    assert got["operating"] is False
    assert got["operations"]["registration"]["allowed"] is True
    assert got["operations"]["code_acquisition"]["allowed"] is False
    assert got["operations"]["code_acquisition"]["window"] is None


def test_check_planned_stop(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(capsys, "check", "2017-07-10T12:00", "--json")
    assert status == 0
    assert got["mode"] == "planned_stop"
    assert got["operating"] is False
    assert not any(op["allowed"] for op in got["operations"].values())
    assert got["operations"]["registration"]["next_window"]["start"] == "2017-07-13T08:00:00+09:00"


def test_check_human_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "2017-07-15T10:00")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "2017-07-15 (Sat) 10:00 JST: normal mode, the server is operating"
    assert lines[1] == "day type: rest day (Saturday)"
    table = {cells(line)[0]: cells(line)[1:] for line in lines[3:8]}
    assert table["operation"] == ["allowed", "window now", "next window"]
    assert table["registration"] == ["yes", "2017-07-15 (Sat) 09:00-17:00", "2017-07-16 (Sun) 09:00-17:00"]
    assert table["code acquisition"] == ["yes", "2017-07-15 (Sat) 09:00-17:00", "2017-07-16 (Sun) 09:00-17:00"]
    assert table["linkage"] == ["no", "-", "2017-07-18 (Tue) 08:00-21:00"]
    assert table["linkage test"] == ["no", "-", "-"]
    assert "    [N5] Production linkage is suppressed from 07-08 to 07-17 (the end, 07-17, expected)" in lines


def test_check_human_japanese_aligned(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--lang", "ja", "check", "2017-07-15T10:00")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "2017-07-15（土） 10:00 JST：通常（通常実行モード）、サーバー稼働中"
    assert lines[1] == "日の区分：土日祝日（土曜日）"
    header, *rows = lines[3:8]
    assert cells(header) == ["操作", "可否", "現在の時間帯", "次の時間帯"]
    assert cells(rows[2]) == ["情報連携", "不可", "-", "2017-07-18（火） 8:00～21:00"]
    # Aligned in display columns: the 可否 column starts at the same column on every line.
    col = width(header[: header.index("可否")])
    assert col == width("情報連携のテスト・運用確認") + 2
    for row in rows:
        verdict = "不可" if "不可" in row else "可"
        assert width(row[: row.index(verdict)]) == col
    assert "    [N5] 7月8日から17日（想定）までは本番の情報連携が抑止されます" in lines


# ---- check --operation: the exit status gates a batch job ----


@pytest.mark.parametrize(
    ("ts", "op", "expected"),
    [
        ("2017-07-15T10:00", "registration", 0),
        ("2017-07-15T10:00", "code_acquisition", 0),
        ("2017-07-15T10:00", "linkage", 1),  # N5
        ("2017-07-15T10:00", "linkage_test", 1),  # N2: test mode only
        ("2017-07-15T17:00", "registration", 1),  # half-open: 17:00 is outside
        ("2017-07-15T16:59:59.999999", "registration", 0),
        ("2017-07-18T08:00", "linkage", 0),
        ("2017-07-18T07:59:59", "linkage", 1),
        ("2017-07-05T20:59", "linkage_test", 0),  # N2, weekday 08:00-21:00
        ("2017-07-05T12:00", "registration", 1),  # N6
        ("2017-07-22T10:00", "code_acquisition", 1),  # N6: rest day
        ("2017-07-18T23:59", "registration", 0),  # H: until 24:00
    ],
)
def test_check_operation_exit_status(capsys: pytest.CaptureFixture[str], ts: str, op: str, expected: int) -> None:
    status, out, err = run(capsys, "check", ts, "--operation", op, "--quiet")
    assert (status, out, err) == (expected, "", "")


def test_check_operation_json_and_human(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(capsys, "check", "2017-07-15T10:00", "-o", "linkage", "--json")
    assert status == 1
    assert list(got["operations"]) == ["linkage"]
    assert got["operations"]["linkage"]["allowed"] is False
    status, out, _ = run(capsys, "check", "2017-07-15T10:00", "-o", "符号取得")
    assert status == 0
    assert cells(out.splitlines()[4]) == [
        "code acquisition",
        "yes",
        "2017-07-15 (Sat) 09:00-17:00",
        "2017-07-16 (Sun) 09:00-17:00",
    ]


# ---- errors: exit 2, one line ----


def test_outside_plan(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "2017-08-01T00:00")
    assert_one_line_error(status, out, err, "2017-08-01T00:00:00+09:00", "2017-07-01T00:00:00+09:00")
    status, out, err = run(capsys, "check", "2017-06-30T23:59:59", "-o", "registration", "-q")
    assert_one_line_error(status, out, err, "outside the plan")


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["check", "2017-02-30"], ["'2017-02-30'", "day 30", "(accepted forms: chukan-schedule --help)"]),
        (["check", "25時"], ["'25時'"]),
        (["check", "2017-07-15T25:00"], ["hour 25"]),
        (["check", "2017-07-15", "--operation", "dance"], ["unknown operation 'dance'", "registration"]),
        (["windows", "dance"], ["unknown operation 'dance'"]),
        (["check"], ["TIMESTAMP", "--help"]),
        (["next", "linkage"], ["TIMESTAMP", "--help"]),
        (["check", "2017-07-15", "--frobnicate"], ["--frobnicate", "--help"]),
        (["bogus"], ["bogus", "check", "--help"]),
        (["--lang", "fr", "table"], ["'fr'", "ja", "en"]),
        (["check", "2017-07-15", "--quiet"], ["--quiet needs --operation"]),
        (["check", "2017-07-15", "-o", "linkage", "--quiet", "--json"], ["not allowed with"]),
        (["windows", "linkage", "--from", "2017-07-20", "--to", "2017-07-19"], ["--to must not be before --from"]),
        (["windows", "linkage", "--from", "2017-06-30"], ["--from 2017-06-30T00:00:00+09:00 is outside"]),
        (["next", "linkage", "2017-08-02"], ["TIMESTAMP 2017-08-02T00:00:00+09:00 is outside"]),
        (["--plan", "/nonexistent/plan.toml", "table"], ["/nonexistent/plan.toml", "cannot read"]),
    ],
)
def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], needles: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert_one_line_error(status, out, err, *needles)


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for command in ("check", "windows", "next", "table", "ics", "chart", "progress"):
        assert command in out


# ---- windows / next ----


def test_windows_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(capsys, "windows", "registration", "--from", "2017-07-15", "--to", "2017-07-18", "--json")
    assert status == 0
    assert got["operation"] == "registration"
    assert got["from"] == "2017-07-15T00:00:00+09:00"
    assert got["to"] == "2017-07-18T00:00:00+09:00"
    assert [(w["start"], w["end"]) for w in got["windows"]] == [
        ("2017-07-15T09:00:00+09:00", "2017-07-15T17:00:00+09:00"),
        ("2017-07-16T09:00:00+09:00", "2017-07-16T17:00:00+09:00"),
        ("2017-07-17T09:00:00+09:00", "2017-07-17T17:00:00+09:00"),
    ]


def test_windows_clipped(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(
        capsys, "windows", "code_acquisition", "--from", "2017-07-13T10:00", "--to", "2017-07-13T12:00:30", "--json"
    )
    assert status == 0
    assert [(w["start"], w["end"]) for w in got["windows"]] == [
        ("2017-07-13T10:00:00+09:00", "2017-07-13T12:00:30+09:00")
    ]


def test_windows_whole_plan_linkage_test(capsys: pytest.CaptureFixture[str]) -> None:
    # N2: test mode 07-03 (Mon) .. 07-07 (Fri), weekdays 08:00-21:00.
    status, out, _ = run(capsys, "windows", "linkage_test")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "linkage test windows: 5 (2017-07-01 (Sat) 00:00 JST .. 2017-08-01 (Tue) 00:00 JST)"
    assert cells(lines[2]) == ["#", "window", "hours", "clauses"]
    assert cells(lines[3]) == ["1", "2017-07-03 (Mon) 08:00-21:00", "13 h", "N2"]
    assert cells(lines[7]) == ["5", "2017-07-07 (Fri) 08:00-21:00", "13 h", "N2"]
    assert len(lines) == 8


def test_windows_japanese_midnight_end(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "windows", "副本登録", "--from", "2017-07-13", "--to", "2017-07-14", "--lang", "ja")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("副本登録の時間帯：1件")
    assert cells(lines[3]) == ["1", "2017-07-13（木） 8:00～24:00", "16時間", "H"]


@pytest.mark.parametrize(
    ("op", "ts", "start", "end"),
    [
        ("linkage", "2017-07-15T10:00", "2017-07-18T08:00:00+09:00", "2017-07-18T21:00:00+09:00"),
        # strictly after: a window opening at that very instant is not "next"
        ("registration", "2017-07-13T08:00", "2017-07-14T08:00:00+09:00", "2017-07-15T00:00:00+09:00"),
        ("registration", "2017-07-13T07:59:59.999999", "2017-07-13T08:00:00+09:00", "2017-07-14T00:00:00+09:00"),
        ("code_acquisition", "2017-07-17T18:00", "2017-07-18T08:00:00+09:00", "2017-07-18T21:00:00+09:00"),
        ("code_acquisition", "2017-07-21T22:00", "2017-07-24T08:00:00+09:00", "2017-07-24T21:00:00+09:00"),
    ],
)
def test_next_json(capsys: pytest.CaptureFixture[str], op: str, ts: str, start: str, end: str) -> None:
    status, got = run_json(capsys, "next", op, ts, "--json")
    assert status == 0
    assert got["operation"] == op
    assert (got["next_window"]["start"], got["next_window"]["end"]) == (start, end)


def test_next_none(capsys: pytest.CaptureFixture[str]) -> None:
    # Friday 07-07 12:00: the last linkage test window (08:00-21:00) is open; none opens later.
    status, got = run_json(capsys, "next", "linkage_test", "2017-07-07T12:00", "--json")
    assert status == 0
    assert got == {
        "operation": "linkage_test",
        "after": "2017-07-07T12:00:00+09:00",
        "window": {"start": "2017-07-07T08:00:00+09:00", "end": "2017-07-07T21:00:00+09:00", "clauses": ["N2"]},
        "next_window": None,
    }
    status, out, _ = run(capsys, "next", "linkage_test", "2017-07-07T12:00")
    assert out.splitlines()[1].startswith("no linkage test window opens after 2017-07-07 (Fri) 12:00 JST")


def test_next_human(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--lang", "ja", "next", "linkage", "平成29年7月15日 10時")
    assert status == 0
    assert out == "2017-07-15（土） 10:00 JSTの次の情報連携の時間帯：2017-07-18（火） 8:00～21:00 [T]\n"


# ---- table ----


def table_rows(out: str) -> dict[str, list[str]]:
    return {cells(line)[0]: cells(line) for line in out.splitlines()[2:]}


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


# ---- language ----


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "ja_JP.eucJP"}, "ja"),
        ({"LC_ALL": "ja_JP", "LC_MESSAGES": "en_US"}, "ja"),
    ],
)
def test_default_lang(env: dict[str, str], expected: str) -> None:
    assert default_lang(env) == expected


def test_lang_from_locale_and_option(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    _, out, _ = run(capsys, "next", "linkage", "2017-07-15T10:00")
    assert "情報連携" in out
    _, out, _ = run(capsys, "next", "linkage", "2017-07-15T10:00", "--lang", "en")
    assert out.startswith("next linkage window")
    _, out, _ = run(capsys, "--lang", "en", "next", "linkage", "2017-07-15T10:00")
    assert out.startswith("next linkage window")


# ---- format_table (render) ----


def test_format_table_wide_characters() -> None:
    got = format_table(["操作", "可否"], [["副本登録", "可"], ["linkage", "no"]])
    assert got == "操作      可否\n副本登録  可\nlinkage   no"


# ---- --plan ----


def test_plan_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The embedded plan, read from a file, with 07-15..17 code acquisition removed (its N6 exception).
    text = PLAN_TOML.read_text(encoding="utf-8")
    text = text.replace(
        "first_day = 2017-07-15\nlast_day = 2017-07-17\n", "first_day = 2017-07-30\nlast_day = 2017-07-30\n"
    )
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert run(capsys, "--plan", str(plan), "check", "2017-07-15T10:00", "-o", "code_acquisition", "-q")[0] == 1
    assert run(capsys, "--plan", str(plan), "check", "2017-07-30T10:00", "-o", "code_acquisition", "-q")[0] == 0
    assert run(capsys, "check", "2017-07-15T10:00", "-o", "code_acquisition", "-q")[0] == 0


def test_bad_plan_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "bad.toml"
    plan.write_text("format = 2\n", encoding="utf-8")
    status, out, err = run(capsys, "--plan", str(plan), "table")
    assert_one_line_error(status, out, err, "bad.toml", "format")


# ---- ics / chart / progress (other modules; tested here only through the command line) ----


def test_ics(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    pytest.importorskip("chukan_schedule.ics")
    assert main(["ics", "--operation", "linkage"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR")
    target = tmp_path / "july.ics"
    assert main(["ics", "--lang", "ja", "--output", str(target)]) == 0
    assert capsysbinary.readouterr().out == b""
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["july.ics"]  # no temporary file left


def test_chart(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("chukan_schedule.chart")
    target = tmp_path / "july.svg"
    status, out, err = run(capsys, "chart", "--output", str(target))
    assert (status, out, err) == (0, "", "")
    assert "<svg" in target.read_text(encoding="utf-8")
    status, out, _ = run(capsys, "chart", "--lang", "ja")
    assert status == 0
    assert "<svg" in out


def test_progress(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("chukan_schedule.progress")
    if not PROGRESS_CSV.exists():
        pytest.skip("no progress sample")
    status, got = run_json(capsys, "progress", str(PROGRESS_CSV), "--json")
    assert status == 0
    assert isinstance(got, dict)
    target = tmp_path / "report.csv"
    status, out, err = run(capsys, "progress", str(PROGRESS_CSV), "--csv", "--output", str(target))
    assert (status, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8").strip() != ""
    status, out, err = run(capsys, "progress", str(tmp_path / "missing.csv"))
    assert_one_line_error(status, out, err, "missing.csv")


# ---- as a program: python -m chukan_schedule ----


def program(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m chukan_schedule`` as a separate process (an English UTF-8 locale unless ``env`` is given)."""
    if env is None:
        env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "chukan_schedule", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_program_exit_statuses() -> None:
    allowed = program("check", "2017-07-15T10:00", "--operation", "registration", "--quiet")
    assert (allowed.returncode, allowed.stdout, allowed.stderr) == (0, "", "")
    refused = program("check", "2017-07-15T10:00", "--operation", "linkage", "--quiet")
    assert (refused.returncode, refused.stdout, refused.stderr) == (1, "", "")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "2017-08-01T00:00"],
        ["check", "2017-02-30"],
        ["check", "2017-07-15", "--operation", "dance"],
        ["check"],
        ["check", "2017-07-15", "--nope"],
        ["--plan", "/nonexistent.toml", "table"],
    ],
)
def test_program_errors_without_traceback(argv: list[str]) -> None:
    done = program(*argv)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("chukan-schedule: error: ")
    assert "Traceback" not in done.stderr


def test_program_json_is_utf8() -> None:
    done = program("check", "2017-07-15T10:00", "--json")
    assert done.returncode == 0
    assert (
        json.loads(done.stdout)["operations"]["linkage"]["reasons"][1]["ja"]
        == "7月8日から17日（想定）までは本番の情報連携が抑止されます"
    )


# ---- QA fixes: one --operation for check, standard output, --output, messages, help, Japanese text ----


def test_check_refuses_operation_twice(capsys: pytest.CaptureFixture[str]) -> None:
    # Silently answering for the last one would gate a batch job on the wrong operation.
    status, out, err = run(capsys, "check", "2017-07-15T10:00", "-o", "linkage", "-o", "registration", "--quiet")
    assert_one_line_error(status, out, err, "give --operation once")
    status, out, err = run(capsys, "check", "2017-07-15T10:00", "--operation", "linkage", "-o", "linkage")
    assert_one_line_error(status, out, err, "give --operation once")


def test_ics_still_takes_operation_several_times(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    pytest.importorskip("chukan_schedule.ics")
    assert main(["ics", "-o", "linkage", "-o", "registration"]) == 0
    text_ = capsysbinary.readouterr().out.decode("utf-8")
    # linkage: 14 days 07-18..31; registration: one window on each of the 19 days 07-13..31.
    assert text_.count("CATEGORIES:linkage\r\n") == 14
    assert text_.count("CATEGORIES:registration\r\n") == 19
    assert "CATEGORIES:code_acquisition" not in text_


def test_closed_stdout_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # what Python sets when started with `>&-`
    status, err = main(["table"]), capsys.readouterr().err
    assert status == 2
    assert err == "chukan-schedule: error: cannot write to standard output: standard output is closed\n"
    # check --quiet writes nothing: a closed standard output does not matter, the status answers.
    assert main(["check", "2017-07-15T10:00", "-o", "linkage", "-q"]) == 1
    assert capsys.readouterr().err == ""


class _FullStream:
    """A standard output on a full disk: every write fails with ENOSPC."""

    def write(self, data: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        pass


def test_full_stdout_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", _FullStream())
    status, err = main(["windows", "linkage", "--json"]), capsys.readouterr().err
    assert status == 2
    assert err == "chukan-schedule: error: cannot write to standard output: No space left on device\n"


def shell(command: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in sh with $0 set to this Python, as a user's shell would."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        ["sh", "-c", command, sys.executable],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
@pytest.mark.parametrize("command", ["table", "ics", "check 2017-07-15T10:00"])
def test_program_closed_stdout(command: str) -> None:
    done = shell(f'"$0" -m chukan_schedule {command} >&-')
    assert done.returncode == 2
    assert done.stderr == "chukan-schedule: error: cannot write to standard output: standard output is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["table", "ics", "chart", "windows linkage --json"])
def test_program_full_stdout(command: str) -> None:
    done = shell(f'"$0" -m chukan_schedule {command} > /dev/full')
    assert done.returncode == 2
    assert done.stderr == "chukan-schedule: error: cannot write to standard output: No space left on device\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell pipes")
def test_program_reader_stops_early_is_quiet() -> None:
    done = shell('"$0" -m chukan_schedule table | head -n 1')
    assert done.stdout == "Municipal middle server, July 2017\n"
    assert done.stderr == ""


def test_output_dash_is_stdout(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("chukan_schedule.ics")
    monkeypatch.chdir(tmp_path)
    assert main(["ics", "--output", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"BEGIN:VCALENDAR\r\n")
    assert main(["chart", "--output", "-"]) == 0
    assert b"<svg" in capsysbinary.readouterr().out
    assert main(["progress", str(PROGRESS_CSV), "--csv", "--output", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith("団体名,特定個人情報,".encode())
    assert list(tmp_path.iterdir()) == []  # no file named "-"


@pytest.mark.parametrize("argv", [["ics"], ["chart"], ["progress", str(PROGRESS_CSV), "--csv"]])
def test_output_empty_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, *argv, "--output", "")
    assert_one_line_error(status, out, err, "--output: give a file name")
    assert list(tmp_path.iterdir()) == []


def test_progress_refuses_to_overwrite_its_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sheet = tmp_path / "good.csv"
    original = PROGRESS_CSV.read_bytes()
    sheet.write_bytes(original)
    (tmp_path / "link.csv").symlink_to(sheet)
    for output in (str(sheet), str(tmp_path / "." / "good.csv"), str(tmp_path / "link.csv")):
        status, out, err = run(capsys, "progress", str(sheet), "--csv", "--output", output)
        assert_one_line_error(status, out, err, f"--output {output} is the input sheet")
        assert sheet.read_bytes() == original
    status, out, err = run(capsys, "progress", str(sheet), "--csv", "--output", str(tmp_path / "advice.csv"))
    assert (status, out, err) == (0, "", "")


def test_output_may_not_replace_the_plan_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(PLAN_TOML.read_bytes())
    status, out, err = run(capsys, "--plan", str(plan), "chart", "--output", str(plan))
    assert_one_line_error(status, out, err, "is the plan file (--plan)")
    assert plan.read_bytes() == PLAN_TOML.read_bytes()


def test_long_timestamp_is_quoted_short(capsys: pytest.CaptureFixture[str]) -> None:
    garbage = "x" * 100_000
    status, out, err = run(capsys, "check", garbage)
    assert_one_line_error(status, out, err, "TIMESTAMP: cannot read '" + "x" * 60 + "'… (100000 characters) as")
    assert len(err) < 2000


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["windows", "linkage", "--from", "garbage"], "error: --from: cannot read 'garbage' as a timestamp"),
        (["windows", "linkage", "--to", "garbage"], "error: --to: cannot read 'garbage' as a timestamp"),
        (["check", "garbage"], "error: TIMESTAMP: cannot read 'garbage' as a timestamp"),
        (["next", "linkage", "garbage"], "error: TIMESTAMP: cannot read 'garbage' as a timestamp"),
        (
            ["windows", "linkage", "--to", "2017-08-02"],
            "--to 2017-08-02T00:00:00+09:00 is outside the plan, which covers 2017-07-01T00:00:00+09:00 to "
            "2017-08-01T00:00:00+09:00; --to may be at most 2017-08-01T00:00:00+09:00",
        ),
        (
            ["windows", "linkage", "--from", "2017-06-30T23:00"],
            "--from 2017-06-30T23:00:00+09:00 is outside the plan, which covers 2017-07-01T00:00:00+09:00 to "
            "2017-08-01T00:00:00+09:00; --from may be at least 2017-07-01T00:00:00+09:00",
        ),
    ],
)
def test_errors_name_the_argument(capsys: pytest.CaptureFixture[str], argv: list[str], needle: str) -> None:
    status, out, err = run(capsys, *argv)
    assert_one_line_error(status, out, err, needle)
    if argv[0] == "windows":  # --from and --to may both equal the plan's end
        assert "end excluded" not in err


def test_to_may_be_the_plans_end(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(capsys, "windows", "linkage", "--from", "2017-07-31", "--to", "2017-08-01T00:00", "--json")
    assert status == 0
    assert [(w["start"], w["end"]) for w in got["windows"]] == [
        ("2017-07-31T08:00:00+09:00", "2017-07-31T21:00:00+09:00")
    ]


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, _ = run(capsys, *argv, "--help")
    assert status == 0
    return " ".join(out.split())  # argparse wraps lines to the terminal's width


def test_help_texts(capsys: pytest.CaptureFixture[str]) -> None:
    ics_help = help_text(capsys, "ics")
    assert "windows as timed events" in ics_help
    assert "the mode periods (table T) and the milestones as all-day events" in ics_help
    progress_help = help_text(capsys, "progress")
    for needle in (
        "CSV in UTF-8",
        "CP932 (Shift_JIS",
        ".xlsx",
        "pip install chukan-schedule[xlsx]",
        "団体名 (organization)",
        "特定個人情報 (item)",
        "登録予定件数 (planned)",
        "実登録件数 (registered)",
        "登録対象範囲の確認",
        "登録後の正確性の確認 (accuracy_checked)",
    ):
        assert needle in progress_help
    top = help_text(capsys)
    for needle in (
        "code-acquisition",
        "linkage-test",
        "副本登録",
        "符号取得",
        "情報連携",
        "情報連携のテスト・運用確認",
    ):
        assert needle in top


@pytest.mark.parametrize(
    ("ts", "lang", "first_line"),
    [
        # 21:00 on a weekday of normal mode: the server's hours 08:00-21:00 (H) are over, but
        # registration runs until 24:00 (H: 副本登録は24時まで可能): the heading says so.
        ("2017-07-13T21:00", "en", "2017-07-13 (Thu) 21:00 JST: normal mode, outside regular hours: registration only"),
        (
            "2017-07-13T21:00",
            "ja",
            "2017-07-13（木） 21:00 JST：通常（通常実行モード）、稼働時間外（副本登録のみ可能）",
        ),
        # 07-13 07:59, before the 08:00 start: nothing is open.
        (
            "2017-07-13T07:59",
            "en",
            "2017-07-13 (Thu) 07:59 JST: normal mode, the server is outside its operating hours",
        ),
        # 07-03 (Mon) 07:59, test mode: before the 08:00 start.
        ("2017-07-03T07:59", "ja", "2017-07-03（月） 7:59 JST：テスト（総合運用テスト実行モード）、稼働時間外"),
        # 07-03 21:30, test mode: registration is not possible in test mode (N6), so nothing is open.
        ("2017-07-03T21:30", "ja", "2017-07-03（月） 21:30 JST：テスト（総合運用テスト実行モード）、稼働時間外"),
        # 07-10 (Mon): a planned stop (N4), all day; the mode's name is said once.
        ("2017-07-10T12:00", "en", "2017-07-10 (Mon) 12:00 JST: planned stop (the server is down all day)"),
        ("2017-07-10T12:00", "ja", "2017-07-10（月） 12:00 JST：計画停止（終日停止）"),
        ("2017-07-15T10:00", "ja", "2017-07-15（土） 10:00 JST：通常（通常実行モード）、サーバー稼働中"),
    ],
)
def test_check_header_says_why_not_operating(
    capsys: pytest.CaptureFixture[str], ts: str, lang: str, first_line: str
) -> None:
    status, out, _ = run(capsys, "check", ts, "--lang", lang)
    assert status == 0
    assert out.splitlines()[0] == first_line


@pytest.mark.parametrize(
    ("op", "start", "end", "en", "ja"),
    [
        ("registration", "2017-07-13T10:30", "2017-07-14", "13h30m", "13時間30分"),  # 10:30-24:00
        ("linkage", "2017-07-18", "2017-07-19", "13 h", "13時間"),  # 08:00-21:00
        ("code_acquisition", "2017-07-13T10:00", "2017-07-13T12:00:30", "2h00m30s", "2時間0分30秒"),
        ("code_acquisition", "2017-07-13T20:15", "2017-07-14", "45m", "45分"),  # 20:15-21:00
    ],
)
def test_windows_hours_read_as_a_length(
    capsys: pytest.CaptureFixture[str], op: str, start: str, end: str, en: str, ja: str
) -> None:
    for lang, expected in (("en", en), ("ja", ja)):
        status, out, _ = run(capsys, "windows", op, "--from", start, "--to", end, "--lang", lang)
        assert status == 0
        lines = out.splitlines()
        assert len(lines) == 4
        assert cells(lines[3])[2] == expected


def test_japanese_output_uses_full_width_brackets(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "ja", "table")
    rows = table_rows(out)
    assert rows["2017-07-17"][6] == "不可（N5、想定）"  # N5: only the end, 17日, is 想定
    assert rows["2017-07-13"][2:] == [
        "通常（通常実行モード）", "8:00～21:00", "8:00～24:00", "8:00～21:00", "不可（N5）", "不可（N2）",
    ]  # fmt: skip
    assert rows["2017-07-05"][2] == "テスト（総合運用テスト実行モード）"
    _, check_out, _ = run(capsys, "--lang", "ja", "check", "2017-07-15T10:00")
    assert "  情報連携（不可）" in check_out.splitlines()
    assert "  副本登録（可）" in check_out.splitlines()
    _, windows_out, _ = run(capsys, "--lang", "ja", "windows", "linkage", "--from", "2017-07-18", "--to", "2017-07-19")
    assert windows_out.splitlines()[3].startswith("1  2017-07-18（火） 8:00～21:00")
    for text_ in (out, check_out, windows_out):
        assert "(" not in text_ and ")" not in text_


@pytest.mark.parametrize("command", [["ics"], ["chart"], ["progress", str(PROGRESS_CSV), "--csv"]])
def test_output_to_a_folder_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]) -> None:
    status, out, err = run(capsys, *command, "--output", str(tmp_path))
    assert_one_line_error(status, out, err, f"--output {tmp_path}: cannot write it: ")
    assert list(tmp_path.iterdir()) == []


# ---- errors in Japanese: --lang ja (anywhere in argv) or a ja locale; exit 2, one line ----

# A timestamp error ends by pointing to where the accepted forms are listed.
TS_TAIL = "（受け付ける形式：chukan-schedule --help）"
E = "chukan-schedule: エラー: "
OPS_JA = (
    "受け付ける操作：registration、code_acquisition、linkage、linkage_test"
    "（日本語名：副本登録、符号取得、情報連携、情報連携のテスト・運用確認）"
)


def _case(value: object) -> str | None:
    """A short test id: the argv, not the long expected line."""
    return " ".join(value)[:40] if isinstance(value, list) else "line"


def japanese_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one error line of ``main(argv)`` (exit 2, nothing on stdout), without its newline."""
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err[:-1]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # OutsidePlanError: the instant, and the bounds of --from / --to.
        (
            ["check", "2017-08-01T00:00"],
            E
            + "TIMESTAMP の時刻 2017-08-01T00:00:00+09:00 は計画の対象期間外です。対象期間は 2017-07-01T00:00:00+09:00 から "
            "2017-08-01T00:00:00+09:00 まで（終端を含まない）です。期間内の時刻を指定してください",
        ),
        (
            ["windows", "linkage", "--from", "2017-06-30T23:00"],
            E + "--from の時刻 2017-06-30T23:00:00+09:00 は計画の対象期間外です。対象期間は 2017-07-01T00:00:00+09:00 "
            "から 2017-08-01T00:00:00+09:00 までです。--from には 2017-07-01T00:00:00+09:00 以降を指定してください",
        ),
        (
            ["windows", "linkage", "--to", "2017-08-02"],
            E + "--to の時刻 2017-08-02T00:00:00+09:00 は計画の対象期間外です。対象期間は 2017-07-01T00:00:00+09:00 "
            "から 2017-08-01T00:00:00+09:00 までです。--to には 2017-08-01T00:00:00+09:00 以前を指定してください",
        ),
        (
            ["windows", "linkage", "--from", "2017-07-20", "--to", "2017-07-19"],
            E + "--to（2017-07-19T00:00:00+09:00）は --from（2017-07-20T00:00:00+09:00）より前にできません。"
            "--to には --from 以降の時刻を指定してください",
        ),
        # An unknown operation: the accepted names, values and Japanese.
        (
            ["check", "2017-07-15", "-o", "dance"],
            E
            + "引数 --operation/-o：操作 'dance' はありません。"
            + OPS_JA
            + "（'chukan-schedule check --help' を参照）",
        ),
        (
            ["windows", "dance"],
            E + "引数 OP：操作 'dance' はありません。" + OPS_JA + "（'chukan-schedule windows --help' を参照）",
        ),
        # Unreadable timestamps: the argument, the text, the problem, the accepted forms.
        (
            ["check", "2017-02-30"],
            E
            + "TIMESTAMP：'2017-02-30' を時刻として読み取れません：2017年2月30日はありません（2017年2月は28日まで）"
            + TS_TAIL,
        ),
        (["check", ""], E + "TIMESTAMP：'' を時刻として読み取れません：空です" + TS_TAIL),
        (
            ["check", "garbage"],
            E
            + "TIMESTAMP：'garbage' を時刻として読み取れません：先頭が 2017-07-15、2017/7/15、20170715、2017年7月15日、H29.7.15 のような"
            "日付ではありません" + TS_TAIL,
        ),
        (
            ["check", "2017-13-01"],
            E + "TIMESTAMP：'2017-13-01' を時刻として読み取れません：13月は1～12月の範囲外です" + TS_TAIL,
        ),
        (
            ["check", "2017-07-15T25:00"],
            E + "TIMESTAMP：'2017-07-15T25:00' を時刻として読み取れません：25時は0～23時の範囲外です"
            "（ちょうど 24:00 は翌日の0時と読みます）" + TS_TAIL,
        ),
        (
            ["check", "2017-07-15T10:60"],
            E + "TIMESTAMP：'2017-07-15T10:60' を時刻として読み取れません：60分は0～59分の範囲外です" + TS_TAIL,
        ),
        (
            ["check", "2017年7月15日(日) 10時"],
            E + "TIMESTAMP：'2017年7月15日(日) 10時' を時刻として読み取れません：曜日（日）が 2017-07-15（土曜日）と"
            "合いません" + TS_TAIL,
        ),
        (
            ["check", "平成31年7月15日"],
            E + "TIMESTAMP：'平成31年7月15日' を時刻として読み取れません：2019-07-15 は平成（1989-01-08～2019-04-30）"
            "の期間外です" + TS_TAIL,
        ),
        (
            ["next", "linkage", "2017-07-15 abc"],
            E + "TIMESTAMP：'2017-07-15 abc' を時刻として読み取れません：時刻 'abc' を読み取れません"
            "（10:30、10:30:15、10時30分15秒 または 午後8時30分 の形式）" + TS_TAIL,
        ),
        (
            ["windows", "linkage", "--from", "2017-07-15 10:00 XYZ"],
            E + "--from：'2017-07-15 10:00 XYZ' を時刻として読み取れません：時刻の後の ' XYZ' を読み取れません"
            "（時刻の後に書けるのは UTC との時差 Z、+09:00、+0900 または JST です）" + TS_TAIL,
        ),
        (
            ["windows", "linkage", "--to", "20170715X"],
            E
            + "--to：'20170715X' を時刻として読み取れません：基本形式の日付 20170715 の後には 'T' と時刻が必要ですが、"
            "'X' があります（例：20170715T1000）" + TS_TAIL,
        ),
        (
            ["check", "x" * 100],
            E + "TIMESTAMP：'" + "x" * 60 + "'…（100文字） を時刻として読み取れません：先頭が 2017-07-15、2017/7/15、"
            "20170715、2017年7月15日、H29.7.15 のような日付ではありません" + TS_TAIL,
        ),
        # Usage errors (argparse), each with where to look.
        (["check"], E + "次の引数が必要です：TIMESTAMP（'chukan-schedule check --help' を参照）"),
        (["next"], E + "次の引数が必要です：OP, TIMESTAMP（'chukan-schedule next --help' を参照）"),
        (
            ["check", "2017-07-15", "--frobnicate"],
            E + "認識できない引数：--frobnicate（'chukan-schedule check --help' を参照）",
        ),
        (
            ["bogus"],
            E + "引数 COMMAND：'bogus' は選べません。選べる値：'check', 'windows', 'next', 'table', 'ics', 'diff', 'chart', "
            "'progress', 'audit'（'chukan-schedule --help' を参照）",
        ),
        (
            ["check", "2017-07-15", "-o", "linkage", "--quiet", "--json"],
            E + "引数 --json：引数 --quiet/-q と同時には指定できません（'chukan-schedule check --help' を参照）",
        ),
        (
            ["check", "2017-07-15", "-o", "linkage", "-o", "registration"],
            E + "引数 --operation/-o：--operation は一度だけ指定してください（check は1つの操作について答えます。"
            "指定しなければすべての操作について答えます）（'chukan-schedule check --help' を参照）",
        ),
        (
            ["ics", "--o", "linkage"],
            E + "オプション --o が --operation, --output のどれを指すか決まりません。省略せずに指定してください"
            "（'chukan-schedule ics --help' を参照）",
        ),
        (
            ["check", "2017-07-15", "--quiet"],
            E + "--quiet には --operation OP が必要です（終了ステータスは1つの操作について答えます）",
        ),
        # Files.
        (
            ["--plan", "/nonexistent/plan.toml", "table"],
            E
            + "計画ファイル /nonexistent/plan.toml：ファイルを読み取れません（そのようなファイルやフォルダーはありません）",
        ),
        (
            ["progress", "/nonexistent/sheet.csv"],
            # The sheet's errors are written in both languages side by side (issue 9).
            E + "進捗シート /nonexistent/sheet.csv がありません。受け付けるもの：CSV（UTF-8 または CP932）または .xlsx のファイル",
        ),
        (
            ["chart", "--output", "/nonexistent/folder/july.svg"],
            E + "--output /nonexistent/folder/july.svg に書き込めません：そのようなファイルやフォルダーはありません",
        ),
        (["ics", "--output", ""], E + "--output：ファイル名を指定してください（標準出力は -）"),
    ],
    ids=_case,
)
def test_errors_in_japanese(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    assert japanese_error(capsys, "--lang", "ja", *argv) == expected


def test_errors_in_japanese_from_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert (
        japanese_error(capsys, "check") == E + "次の引数が必要です：TIMESTAMP（'chukan-schedule check --help' を参照）"
    )
    # Also when --lang itself is wrong: the locale says Japanese.
    assert japanese_error(capsys, "table", "--lang", "fr") == (
        E + "引数 --lang：lang には 'en' か 'ja' を指定してください（'EN'、'JA'、地域付きの 'ja-JP'、'ja_JP' も可。"
        "'fr' は使えません）（'chukan-schedule table --help' を参照）"
    )
    # --lang en overrides the locale, even given after the error.
    status, out, err = run(capsys, "check", "-o", "dance", "--lang", "en", "2017-07-15")
    assert_one_line_error(status, out, err, "argument --operation/-o: unknown operation 'dance'")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # argparse stops at -o dance, before it reaches --lang: only reading argv first finds it.
        (
            ["check", "-o", "dance", "--lang", "ja", "2017-07-15"],
            E
            + "引数 --operation/-o：操作 'dance' はありません。"
            + OPS_JA
            + "（'chukan-schedule check --help' を参照）",
        ),
        (
            ["check", "2017-07-15", "--frobnicate", "--lang=ja"],
            E + "認識できない引数：--frobnicate（'chukan-schedule check --help' を参照）",
        ),
        (["check", "--la", "ja"], E + "次の引数が必要です：TIMESTAMP（'chukan-schedule check --help' を参照）"),
        (
            ["check", "2017-08-01T00:00", "--lang", "ja"],
            E
            + "TIMESTAMP の時刻 2017-08-01T00:00:00+09:00 は計画の対象期間外です。対象期間は 2017-07-01T00:00:00+09:00 から "
            "2017-08-01T00:00:00+09:00 まで（終端を含まない）です。期間内の時刻を指定してください",
        ),
    ],
    ids=_case,
)
def test_lang_after_the_bad_argument(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    assert japanese_error(capsys, *argv) == expected


def test_lang_after_double_dash_is_not_an_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "--", "--lang", "ja")
    assert_one_line_error(status, out, err)
    assert err == "chukan-schedule: error: unrecognized arguments: ja; see 'chukan-schedule check --help'\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["check", "2017-08-01T00:00"],
            "chukan-schedule: error: TIMESTAMP 2017-08-01T00:00:00+09:00 is outside the plan, which covers "
            "2017-07-01T00:00:00+09:00 to 2017-08-01T00:00:00+09:00 (end excluded); give an instant inside it",
        ),
        (
            ["check", "2017-07-15", "-o", "dance"],
            "chukan-schedule: error: argument --operation/-o: unknown operation 'dance'; expected one of registration, "
            "code_acquisition, linkage, linkage_test (or in Japanese: 副本登録, 符号取得, 情報連携, "
            "情報連携のテスト・運用確認); see 'chukan-schedule check --help'",
        ),
        (
            ["check"],
            "chukan-schedule: error: the following arguments are required: TIMESTAMP; see 'chukan-schedule check --help'",
        ),
        (
            ["check", "2017-07-15", "--quiet"],
            "chukan-schedule: error: --quiet needs --operation OP (the exit status answers for one operation)",
        ),
    ],
    ids=_case,
)
def test_errors_in_english_unchanged(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    for lang in ([], ["--lang", "en"]):
        status, out, err = run(capsys, *lang, *argv)
        assert (status, out, err) == (2, "", expected + "\n")


def test_japanese_plan_file_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "bad.toml"
    plan.write_text("format = 2\n", encoding="utf-8")
    assert japanese_error(capsys, "--lang", "ja", "--plan", str(plan), "table") == (
        E + f"計画ファイル {plan} の format：1 が必要ですが、2 です（このバージョンが読める形式は 1 だけです）"
    )
    assert japanese_error(capsys, "--lang", "ja", "--plan", str(tmp_path), "table") == (
        E
        + f"計画ファイル {tmp_path}：ファイルを読み取れません"
        "（フォルダーで、通常のファイルではありません。計画ファイルを指定してください）"
    )


def test_japanese_progress_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("chukan_schedule.progress")
    columns_ja = (
        "団体名（organization）、特定個人情報（item）、登録予定件数（planned）、実登録件数（registered）、"
        "登録対象範囲の確認（range_checked）、登録後の正確性の確認（accuracy_checked）"
    )
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("name,count\nA市,10\n", encoding="utf-8")
    assert japanese_error(capsys, "progress", str(wrong), "--lang", "ja").startswith(
        E
        + f"進捗シート {wrong} の見出し行に次の列がありません：{columns_ja}。必要な列：{columns_ja}"
        + "（二つの件数の代わりに割合（(f)欄）も可）。見つかった見出し：name, count。"
        + "別の見出しを使うには --column KEY=見出し を指定してください"
    )
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert japanese_error(capsys, "progress", str(empty), "--lang", "ja") == (
        E
        + f"進捗シート {empty} に見出し行がありません（空のファイルか、空行だけのファイルです）。必要な列：{columns_ja}"
    )
    assert japanese_error(capsys, "progress", str(tmp_path), "--lang", "ja") == (
        E + f"進捗シート {tmp_path} はフォルダーです。受け付けるもの：CSV（UTF-8 または CP932）または .xlsx のファイル"
    )
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(PROGRESS_CSV.read_bytes())
    assert japanese_error(capsys, "progress", str(sheet), "--csv", "--output", str(sheet), "--lang", "ja") == (
        E
        + f"--output {sheet} は入力の進捗シート {sheet} です。書き込むと上書きされるため、別のファイルを指定してください"
    )
    assert japanese_error(capsys, "progress", str(sheet), "--csv", "--output", str(tmp_path), "--lang", "ja") == (
        E + f"--output {tmp_path} に書き込めません：フォルダーです"
    )

    real_open = open

    def denied(file: object, *args: object, **kwargs: object) -> object:
        if file == str(sheet):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", denied)  # root reads any file: a refusal is simulated
    assert japanese_error(capsys, "progress", str(sheet), "--lang", "ja") == (
        E + f"進捗シート {sheet} を読み取れません：アクセスが許可されていません"
    )


def test_japanese_standard_output_errors(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["table", "--lang", "ja"]) == 2
    assert capsys.readouterr().err == E + "標準出力に書き込めません：標準出力が閉じられています\n"
    monkeypatch.setattr(sys, "stdout", _FullStream())
    assert main(["--lang", "ja", "windows", "linkage", "--json"]) == 2
    assert capsys.readouterr().err == E + "標準出力に書き込めません：ディスクの空き容量がありません\n"


def test_japanese_internal_and_system_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import chukan_schedule.cli.cmd_table as cmd_table

    def broken(*_: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cmd_table, "run", broken)
    assert japanese_error(capsys, "--lang", "ja", "table") == E + "内部エラー（RuntimeError: boom）。報告してください"
    status, _, err = run(capsys, "table")
    assert (status, err) == (2, "chukan-schedule: error: internal error (RuntimeError: boom); please report it\n")

    def denied(*_: object) -> int:
        raise PermissionError(13, "Permission denied", "/var/x")

    monkeypatch.setattr(cmd_table, "run", denied)
    assert (
        japanese_error(capsys, "--lang", "ja", "table")
        == E + "/var/x を読み書きできません：アクセスが許可されていません"
    )


def japanese_program(*argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m chukan_schedule`` in a Japanese locale (LANG only: the locale need not be installed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env.update(LANG="ja_JP.UTF-8", PYTHONIOENCODING="utf-8")
    return program(*argv, env=env)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["check", "2017-07-01T00:00Z"],  # 09:00 JST on 07-01: inside the plan, no error
            None,
        ),
        (
            ["check", "2017-06-30T14:59:59Z"],
            E
            + "TIMESTAMP の時刻 2017-06-30T23:59:59+09:00 は計画の対象期間外です。対象期間は 2017-07-01T00:00:00+09:00 から "
            "2017-08-01T00:00:00+09:00 まで（終端を含まない）です。期間内の時刻を指定してください",
        ),
        (["check"], E + "次の引数が必要です：TIMESTAMP（'chukan-schedule check --help' を参照）"),
        (
            ["check", "2017-07-15", "--operation", "dance"],
            E
            + "引数 --operation/-o：操作 'dance' はありません。"
            + OPS_JA
            + "（'chukan-schedule check --help' を参照）",
        ),
    ],
    ids=_case,
)
def test_program_errors_in_a_japanese_locale(argv: list[str], expected: str | None) -> None:
    done = japanese_program(*argv)
    if expected is None:  # not an error: the locale changes the output's language, not the answer
        assert done.returncode == 0 and done.stderr == ""
        assert done.stdout.startswith("2017-07-01（土） 9:00 JST：計画停止（終日停止）\n")
        return
    assert (done.returncode, done.stdout, done.stderr) == (2, "", expected + "\n")


# ---- second QA pass ----


def test_closed_stderr_never_writes_the_error_into_stdout(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with out.open("w") as f:
        r = subprocess.run(
            [sys.executable, "-m", "chukan_schedule", "check", "2017-08-13", "--json"],
            stdout=f,
            stdin=subprocess.DEVNULL,
            preexec_fn=lambda: os.close(2),  # as `2>&-`: the child starts with stderr closed
        )
    assert r.returncode == 2
    assert out.read_bytes() == b""


def test_progress_csv_file_has_a_bom_for_excel_but_stdout_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "result.csv"
    status, _, _ = run(capsys, "progress", str(PROGRESS_CSV), "--csv", "--output", str(target))
    assert status == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").startswith("団体名")


def test_a_long_operation_name_is_quoted_short(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "windows", "x" * 500)
    assert_one_line_error(status, out, err, "'" + "x" * 60 + "'… (500 characters)")
    assert len(err) < 400


def test_an_empty_plan_name(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--plan", "", "table")
    assert_one_line_error(status, out, err, "--plan: give a plan file name")


def test_output_to_dev_stdout_through_a_pipe() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "chukan_schedule", "ics", "--operation", "linkage_test", "--output", "/dev/stdout"],
        capture_output=True,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert r.stdout.count(b"BEGIN:VEVENT") == 5 + 6 + 6  # 5 test-week windows, 6 periods, 6 milestones of their own


def test_an_unknown_option_after_a_command_points_to_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "2017-07-13", "--bogus")
    assert status == 2 and out == ""
    assert err == "chukan-schedule: error: unrecognized arguments: --bogus; see 'chukan-schedule check --help'\n"
    status, out, err = run(capsys, "--lang", "ja", "check", "2017-07-13", "--bogus")
    assert err == "chukan-schedule: エラー: 認識できない引数：--bogus（'chukan-schedule check --help' を参照）\n"


def test_control_characters_in_a_file_name_are_shown_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "progress", "\x1b[31mred.csv")
    assert status == 2 and out == ""
    assert err == (
        "chukan-schedule: error: \\x1b[31mred.csv: no such file; accepted: a CSV (UTF-8 or CP932) or .xlsx file\n"
    )
