"""The chukan-schedule command line. Errors at the command line: exit status 2 and one line on stderr, naming the argument; --help.

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

import pytest

from clikit import assert_one_line_error, run

pytestmark = pytest.mark.usefixtures("english_locale")


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


def test_a_long_operation_name_is_quoted_short(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "windows", "x" * 500)
    assert_one_line_error(status, out, err, "'" + "x" * 60 + "'… (500 characters)")
    assert len(err) < 400


def test_an_empty_plan_name(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--plan", "", "table")
    assert_one_line_error(status, out, err, "--plan: give a plan file name")


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
