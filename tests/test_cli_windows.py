"""The chukan-schedule command line. windows and next: the windows of an operation, and the next one.

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

import pytest

from clikit import cells, run, run_json

pytestmark = pytest.mark.usefixtures("english_locale")


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


def test_to_may_be_the_plans_end(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(capsys, "windows", "linkage", "--from", "2017-07-31", "--to", "2017-08-01T00:00", "--json")
    assert status == 0
    assert [(w["start"], w["end"]) for w in got["windows"]] == [
        ("2017-07-31T08:00:00+09:00", "2017-07-31T21:00:00+09:00")
    ]


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
