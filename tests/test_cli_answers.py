"""Answers that read right to the person asking (issue 13): what is open, the kind of day,
`next` while a window is open, no command, chart's file name, and the Japanese wording.

Every expected string is worked out by hand from the notice (docs/spec.md T, H, N2, N5, N6).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clikit import run, run_json

pytestmark = pytest.mark.usefixtures("english_locale")


def program(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "chukan_schedule", *argv],
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


# ---- check: the heading says what is open ----


@pytest.mark.parametrize(
    ("ts", "lang", "first_line"),
    [
        # Thursday 07-13 21:30: the server's weekday hours 08:00-21:00 are over; registration runs to 24:00 (H).
        ("2017-07-13T21:30", "en", "2017-07-13 (Thu) 21:30 JST: normal mode, outside regular hours: registration only"),
        (
            "2017-07-13T21:30",
            "ja",
            "2017-07-13（木） 21:30 JST：通常（通常実行モード）、稼働時間外（副本登録のみ可能）",
        ),
        # 23:59:59.999999 is still inside [08:00, 24:00).
        (
            "2017-07-13T23:59:59.999999",
            "en",
            "2017-07-13 (Thu) 23:59:59.999999 JST: normal mode, outside regular hours: registration only",
        ),
        # Friday 07-14 00:00: registration's 07-13 window has ended (half-open); nothing is open.
        (
            "2017-07-14T00:00",
            "en",
            "2017-07-14 (Fri) 00:00 JST: normal mode, the server is outside its operating hours",
        ),
        ("2017-07-14T00:00", "ja", "2017-07-14（金） 0:00 JST：通常（通常実行モード）、稼働時間外"),
        # Sunday 07-09: planned stop (N3), said once.
        ("2017-07-09T10:00", "en", "2017-07-09 (Sun) 10:00 JST: planned stop (the server is down all day)"),
        ("2017-07-09T10:00", "ja", "2017-07-09（日） 10:00 JST：計画停止（終日停止）"),
    ],
)
def test_check_heading_says_what_is_open(
    capsys: pytest.CaptureFixture[str], ts: str, lang: str, first_line: str
) -> None:
    status, out, err = run(capsys, "check", ts, "--lang", lang)
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == first_line


@pytest.mark.parametrize(
    ("ts", "allowed", "operating"),
    [
        ("2017-07-13T21:30", ["registration"], False),  # H: 副本登録は24時まで可能
        ("2017-07-13T20:59", ["registration", "code_acquisition"], True),  # N6 period, linkage suppressed (N5)
        ("2017-07-15T10:00", ["registration", "code_acquisition"], True),  # N6: codes on 07-15..17
        ("2017-07-22T10:00", ["registration", "linkage"], True),  # N6: no codes on an ordinary rest day
        ("2017-07-18T20:00", ["registration", "code_acquisition", "linkage"], True),
        ("2017-07-05T10:00", ["linkage_test"], True),  # N2: test mode
        ("2017-07-05T22:00", [], False),  # test mode: no registration after hours either (N6)
        ("2017-07-11T12:00", [], False),  # N4: planned stop
        ("2017-07-17T08:30", [], False),  # 海の日: opens at 9:00
    ],
)
def test_check_json_lists_the_operations_allowed(
    capsys: pytest.CaptureFixture[str], ts: str, allowed: list[str], operating: bool
) -> None:
    status, got = run_json(capsys, "check", ts, "--json")
    assert status == 0
    assert got["allowed_operations"] == allowed
    assert got["operating"] is operating
    # Whatever --operation asks about, the list is every operation's.
    status, one = run_json(capsys, "check", ts, "--json", "-o", "linkage_test")
    assert one["allowed_operations"] == allowed
    assert list(one["operations"]) == ["linkage_test"]


def test_check_json_keeps_its_keys_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    _, got = run_json(capsys, "check", "2017-07-13T21:30", "--json")
    assert list(got) == ["at", "mode", "day", "operating", "allowed_operations", "operations"]
    assert got["operations"]["registration"]["allowed"] is True
    assert got["operations"]["registration"]["window"] == {
        "start": "2017-07-13T08:00:00+09:00",
        "end": "2017-07-14T00:00:00+09:00",
        "clauses": ["H"],
    }


@pytest.mark.parametrize(
    ("ts", "day"),
    [
        (
            "2017-07-17T08:30",
            {"date": "2017-07-17", "type": "rest_day", "holiday": {"en": "Marine Day", "ja": "海の日"}},
        ),
        ("2017-07-16T08:30", {"date": "2017-07-16", "type": "rest_day", "holiday": None}),
        ("2017-07-18T08:30", {"date": "2017-07-18", "type": "weekday", "holiday": None}),
        ("2017-07-01T00:00", {"date": "2017-07-01", "type": "rest_day", "holiday": None}),
        # An instant given in UTC: the day is JST's (07-16 23:30 UTC = 07-17 08:30 JST).
        (
            "2017-07-16T23:30Z",
            {"date": "2017-07-17", "type": "rest_day", "holiday": {"en": "Marine Day", "ja": "海の日"}},
        ),
    ],
)
def test_check_json_names_the_day(capsys: pytest.CaptureFixture[str], ts: str, day: dict[str, Any]) -> None:
    _, got = run_json(capsys, "check", ts, "--json")
    assert got["day"] == day


@pytest.mark.parametrize(
    ("ts", "lang", "line"),
    [
        ("2017-07-17T08:30", "en", "day type: rest day (Marine Day)"),
        ("2017-07-17T08:30", "ja", "日の区分：土日祝日（海の日）"),
        ("2017-07-15T08:30", "en", "day type: rest day (Saturday)"),
        ("2017-07-16T08:30", "ja", "日の区分：土日祝日（日曜日）"),
        ("2017-07-18T08:30", "en", "day type: weekday"),
        ("2017-07-18T08:30", "ja", "日の区分：平日"),
    ],
)
def test_check_text_names_the_day(capsys: pytest.CaptureFixture[str], ts: str, lang: str, line: str) -> None:
    _, out, _ = run(capsys, "check", ts, "--lang", lang)
    assert out.splitlines()[1] == line
    assert out.splitlines()[2] == ""


def test_check_marine_day_whole_answer(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "2017-07-17T08:30", "-o", "registration", "--lang", "ja")
    assert (status, err) == (1, "")
    assert out == (
        "2017-07-17（月） 8:30 JST：通常（通常実行モード）、稼働時間外\n"
        "日の区分：土日祝日（海の日）\n"
        "\n"
        "操作      可否  現在の時間帯  次の時間帯\n"
        "副本登録  不可  -             2017-07-17（月） 9:00～17:00\n"
        "\n"
        "理由：\n"
        "  副本登録（不可）\n"
        "    [N6] 2017年7月17日：通常：差分副本登録・符号取得期間\n"
        "    [H] 副本登録は土日祝日9時から17時まで可能です\n"
        "    [H] 8:30は副本登録の時間外です（この日は9:00～17:00）\n"
    )


# ---- Japanese wording ----


def test_japanese_check_has_full_width_colons_and_no_repetition(capsys: pytest.CaptureFixture[str]) -> None:
    for ts in ("2017-07-01T10:00", "2017-07-05T10:00", "2017-07-13T21:30", "2017-07-22T10:00"):
        _, out, _ = run(capsys, "check", ts, "--lang", "ja")
        assert "JST:" not in out and "理由:" not in out and "日の区分:" not in out
        assert "計画停止、計画停止中" not in out and "計画停止中" not in out
        assert "08:00" not in out and "-17:00" not in out  # 8:00～17:00, as people write it


@pytest.mark.parametrize(
    ("op", "ts", "reason"),
    [
        ("registration", "2017-07-22T18:00", "18:00は副本登録の時間外です（この日は9:00～17:00）"),
        ("code_acquisition", "2017-07-13T21:30:05", "21:30:05は符号取得の時間外です（この日は8:00～21:00）"),
        ("linkage_test", "2017-07-03T07:59", "7:59は情報連携のテスト・運用確認の時間外です（この日は8:00～21:00）"),
        ("registration", "2017-07-14T07:00", "7:00は副本登録の時間外です（この日は8:00～24:00）"),
    ],
)
def test_outside_hours_reason_reads_as_a_sentence(
    capsys: pytest.CaptureFixture[str], op: str, ts: str, reason: str
) -> None:
    _, got = run_json(capsys, "check", ts, "-o", op, "--json")
    assert got["operations"][op]["reasons"][-1]["ja"] == reason


def test_one_word_for_operation(capsys: pytest.CaptureFixture[str]) -> None:
    # 操作, as the error messages say (操作名, 受け付ける操作); never 業務 in the command's text.
    _, out, _ = run(capsys, "check", "2017-07-13T10:00", "--lang", "ja")
    assert out.splitlines()[3].startswith("操作  ")
    assert "業務" not in out


# ---- next: open now, until when; exit 1 when nothing remains ----


def test_next_while_open_says_until_when(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "next", "linkage", "2017-07-18T08:00")
    assert (status, err) == (0, "")
    assert out == (
        "linkage window open at 2017-07-18 (Tue) 08:00 JST, until 2017-07-18 (Tue) 21:00 JST: 2017-07-18 (Tue) 08:00-21:00 [T]\n"
        "next linkage window after 2017-07-18 (Tue) 08:00 JST: 2017-07-19 (Wed) 08:00-21:00 [T]\n"
    )
    status, out, err = run(capsys, "next", "情報連携", "2017-07-18T20:59:59", "--lang", "ja")
    assert (status, err) == (0, "")
    assert out == (
        "2017-07-18（火） 20:59:59 JSTに情報連携が可能です（2017-07-18（火） 21:00 JSTまで）：2017-07-18（火） 8:00～21:00 [T]\n"
        "2017-07-18（火） 20:59:59 JSTの次の情報連携の時間帯：2017-07-19（水） 8:00～21:00 [T]\n"
    )


def test_next_json_carries_the_open_window(capsys: pytest.CaptureFixture[str]) -> None:
    status, got = run_json(capsys, "next", "registration", "2017-07-14T23:00", "--json")
    assert status == 0
    assert got == {
        "operation": "registration",
        "after": "2017-07-14T23:00:00+09:00",
        "window": {"start": "2017-07-14T08:00:00+09:00", "end": "2017-07-15T00:00:00+09:00", "clauses": ["H"]},
        "next_window": {"start": "2017-07-15T09:00:00+09:00", "end": "2017-07-15T17:00:00+09:00", "clauses": ["H"]},
    }
    # At the very end of a window (half-open) it is no longer open.
    _, got = run_json(capsys, "next", "registration", "2017-07-15T00:00", "--json")
    assert got["window"] is None


def test_next_open_now_but_nothing_later_is_status_0(capsys: pytest.CaptureFixture[str]) -> None:
    # Monday 07-31 23:00: registration runs until 24:00, the plan's end; nothing opens later.
    status, out, _ = run(capsys, "next", "registration", "2017-07-31T23:00")
    assert status == 0
    assert out == (
        "registration window open at 2017-07-31 (Mon) 23:00 JST, until 2017-08-01 (Tue) 00:00 JST: 2017-07-31 (Mon) 08:00-24:00 [H]\n"
        "no registration window opens after 2017-07-31 (Mon) 23:00 JST within the plan "
        "(it ends 2017-08-01 (Tue) 00:00 JST)\n"
    )


@pytest.mark.parametrize(
    ("op", "ts"),
    [("linkage_test", "2017-07-07T21:00"), ("linkage", "2017-07-31T21:00"), ("code_acquisition", "2017-07-31T23:59")],
)
def test_next_exits_1_when_no_window_remains(capsys: pytest.CaptureFixture[str], op: str, ts: str) -> None:
    status, out, err = run(capsys, "next", op, ts)
    assert (status, err) == (1, "")
    assert out.startswith("no ")
    status, got = run_json(capsys, "next", op, ts, "--json")
    assert status == 1
    assert (got["window"], got["next_window"]) == (None, None)


def test_next_exit_status_as_a_program() -> None:
    assert program("next", "linkage_test", "2017-07-10").returncode == 1
    assert program("next", "linkage_test", "2017-07-03").returncode == 0


# ---- no command: the list of commands ----


@pytest.mark.parametrize(
    ("argv", "usage"),
    [([], "usage: chukan-schedule "), (["--lang", "ja"], "使い方：chukan-schedule "), (["--lang", "en"], "usage: ")],
)
def test_no_command_shows_the_commands(capsys: pytest.CaptureFixture[str], argv: list[str], usage: str) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    assert out.startswith(usage)
    for command in ("check", "windows", "next", "table", "ics", "chart", "progress"):
        assert f"\n    {command} " in out


def test_no_command_as_a_program() -> None:
    done = program()
    assert (done.returncode, done.stderr) == (0, b"")
    assert b"    check " in done.stdout
    # An unknown command is still an error.
    done = program("chek")
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"invalid choice: 'chek'" in done.stderr


# ---- chart: a picture file's name must say SVG ----


@pytest.mark.parametrize("name", ["c.png", "july.pdf", "chart", "c.svg.png", "notes.txt"])
def test_chart_refuses_a_file_name_that_is_not_svg(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "chart", "--output", name)
    assert (status, out) == (2, "")
    assert err == (
        f"chukan-schedule: error: --output {name}: chart writes SVG; give a file name ending in .svg "
        "(or - for standard output)\n"
    )
    assert not (tmp_path / name).exists()
    status, _, err = run(capsys, "chart", "--output", name, "--lang", "ja")
    assert status == 2
    assert err == (
        f"chukan-schedule: エラー: --output {name}：chart は SVG を書き出します。"
        "名前が .svg で終わるファイルを指定してください（標準出力は -）\n"
    )


def test_chart_refuses_an_existing_file_and_leaves_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "c.png"
    target.write_bytes(b"PNG")
    status, _, _ = run(capsys, "chart", "--output", str(target))
    assert status == 2
    assert target.read_bytes() == b"PNG"


@pytest.mark.parametrize("name", ["c.svg", "C.SVG", "sub/july.Svg"])
def test_chart_writes_a_svg_name(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    (tmp_path / "sub").mkdir()
    status, out, err = run(capsys, "chart", "--output", str(tmp_path / name))
    assert (status, out, err) == (0, "", "")
    assert (tmp_path / name).read_text(encoding="utf-8").rstrip().endswith("</svg>")


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout on this system")
def test_chart_to_streams(tmp_path: Path) -> None:
    for output in ("-", "/dev/stdout"):
        done = program("chart", "--output", output)
        assert (done.returncode, done.stderr) == (0, b""), output
        assert done.stdout.startswith(b"<?xml") and done.stdout.rstrip().endswith(b"</svg>")
    # /dev/stdout redirected to a regular file with another name: still a stream, accepted.
    target = tmp_path / "out.txt"
    with target.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "chukan_schedule", "chart", "--output", "/dev/stdout"],
            stdout=sink,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert (done.returncode, done.stderr) == (0, b"")
    assert target.read_bytes().startswith(b"<?xml")


def test_japanese_table_and_windows_write_ranges_as_people_do(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "table", "--lang", "ja")
    row = next(line for line in out.splitlines() if line.startswith("2017-07-22"))
    # Saturday 07-22: server, registration, linkage 9:00～17:00; no code acquisition (N6); no tests (N2).
    assert row.split() == ["2017-07-22", "土", "通常（通常実行モード）", "9:00～17:00", "9:00～17:00", "不可（N6）",
                           "9:00～17:00", "不可（N2）"]  # fmt: skip
    _, out, _ = run(capsys, "windows", "副本登録", "--from", "2017-07-14T12:00", "--to", "2017-07-16", "--lang", "ja")
    assert out.splitlines()[0] == "副本登録の時間帯：2件（2017-07-14（金） 12:00 JST～2017-07-16（日） 0:00 JST）"
    assert out.splitlines()[3].split() == ["1", "2017-07-14（金）", "12:00～24:00", "12時間", "H"]
    assert out.splitlines()[4].split() == ["2", "2017-07-15（土）", "9:00～17:00", "8時間", "H"]
