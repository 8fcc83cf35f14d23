"""The chukan-schedule command line. check: the verdict at an instant, every operation or one (--operation gates a batch job by its exit status).

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

import pytest

from clikit import assert_one_line_error, cells, run, run_json, width

pytestmark = pytest.mark.usefixtures("english_locale")


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


def test_check_refuses_operation_twice(capsys: pytest.CaptureFixture[str]) -> None:
    # Silently answering for the last one would gate a batch job on the wrong operation.
    status, out, err = run(capsys, "check", "2017-07-15T10:00", "-o", "linkage", "-o", "registration", "--quiet")
    assert_one_line_error(status, out, err, "give --operation once")
    status, out, err = run(capsys, "check", "2017-07-15T10:00", "--operation", "linkage", "-o", "linkage")
    assert_one_line_error(status, out, err, "give --operation once")


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
