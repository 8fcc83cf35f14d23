"""The chukan-schedule command line. Errors in Japanese: --lang ja (anywhere in argv) or a ja locale; exit 2, one line.

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chukan_schedule.cli import main
from clikit import PROGRESS_CSV, FullStream, assert_one_line_error, program, run, table_rows

pytestmark = pytest.mark.usefixtures("english_locale")


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
        (["next"], E + "次の引数が必要です：OP、TIMESTAMP（'chukan-schedule next --help' を参照）"),
        (
            ["check", "2017-07-15", "--frobnicate"],
            E + "認識できない引数：--frobnicate（'chukan-schedule check --help' を参照）",
        ),
        (
            ["bogus"],
            E
            + "引数 COMMAND：'bogus' は選べません。選べる値：'check'、'windows'、'next'、'table'、'ics'、'diff'、'chart'、"
            "'progress'、'audit'（'chukan-schedule --help' を参照）",
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
            E
            + "進捗シート /nonexistent/sheet.csv がありません。受け付けるもの：CSV（UTF-8 または CP932）または .xlsx のファイル",
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
        E + f"計画ファイル {tmp_path}：ファイルを読み取れません"
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
        + "（二つの件数の代わりに割合（(f)欄）も可）。見つかった見出し：name、count。"
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
    monkeypatch.setattr(sys, "stdout", FullStream())
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
