"""`chukan-schedule audit`: the QA pass of issue 12 (names, streams, sizes, inputs, BOM, messages).

Expected answers are worked by hand from the notice (docs/spec.md): 2017-07-05 is a Wednesday of
the test period, when linkage tests and the operation check run 08:00-21:00 (N2), so 10:00 is allowed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from clikit import assert_one_line_error, program, run, shell

pytestmark = pytest.mark.usefixtures("english_locale")


@pytest.mark.parametrize("name", ["運用確認", "情報連携のテスト", "情報連携テスト", "情報連携のテスト・運用確認"])
def test_short_japanese_operation_names(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    log = tmp_path / "l.csv"
    log.write_text(f"t,op\n2017-07-05 10:00,{name}\n", encoding="utf-8")
    status, out, err = run(capsys, "audit", str(log), "--time", "t", "--operation", "op")
    assert (status, err) == (0, "")
    assert out.startswith("line 2: 2017-07-05T10:00:00+09:00 linkage test: allowed [N2] ")
    assert "rows read 1, outside their windows 0, rows with errors 0" in out


def test_short_japanese_name_with_o(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "l.csv"
    log.write_text("t\n2017-07-05 10:00\n", encoding="utf-8")
    status, out, err = run(capsys, "audit", str(log), "--time", "t", "-o", "運用確認", "--json")
    assert (status, err) == (0, "")
    assert '"operation": "linkage_test", "allowed": true' in out


def log_file(tmp_path: Path, text: str = "t,op\n2017-07-05 10:00,運用確認\n") -> Path:
    log = tmp_path / "log.csv"
    log.write_text(text, encoding="utf-8")
    return log


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
def test_closed_stdout(tmp_path: Path) -> None:
    done = shell(f'"$0" -m chukan_schedule audit {log_file(tmp_path)} --time t --operation op >&-')
    assert done.returncode == 2
    assert done.stderr == "chukan-schedule: error: cannot write to standard output: standard output is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("output", ["", "--output /dev/stdout", "--json", "--csv"])
def test_full_stdout(tmp_path: Path, output: str) -> None:
    done = shell(f'"$0" -m chukan_schedule audit {log_file(tmp_path)} --time t --operation op {output} > /dev/full')
    assert done.returncode == 2
    assert done.stderr.endswith("chukan-schedule: error: cannot write to standard output: No space left on device\n")


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--csv"]])
def test_ascii_stdout_gets_the_encoding_advice(tmp_path: Path, fmt: list[str]) -> None:
    log = log_file(tmp_path, "t,op\n2017-07-05 10:00,運用\n")  # an unknown name, shown in the row's error
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "ascii"}
    done = program("audit", str(log), "--time", "1", "--operation", "2", *fmt, env=env)
    assert done.returncode == 2
    assert done.stderr == (
        "chukan-schedule: error: cannot write to standard output: its encoding ascii cannot write '\\u904b' "
        "(an encoding problem, not a closed output); set PYTHONIOENCODING=utf-8 "
        "(or use a UTF-8 locale such as LANG=C.UTF-8)\n"
    )


def test_a_long_cell_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 200,000 characters: more than the csv module's default limit (131,072), less than a log's (1 Mi).
    log = log_file(tmp_path, f't,op,note\n2017-07-05 10:00,運用確認,"{"x" * 200_000}"\n2017-07-05 22:00,運用確認,y\n')
    status, out, err = run(capsys, "audit", str(log), "--time", "t", "--operation", "op")
    assert (status, err) == (1, "")
    assert "rows read 2, outside their windows 1, rows with errors 0" in out
    assert out.startswith("line 2: 2017-07-05T10:00:00+09:00 linkage test: allowed [N2] ")


def test_a_cell_too_long_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    limit = csv.field_size_limit()
    log = log_file(tmp_path, f't,op,note\n2017-07-05 10:00,運用確認,"{"x" * 1_048_577}"\n')
    status, out, err = run(capsys, "audit", str(log), "--time", "t", "--operation", "op")
    assert_one_line_error(status, out, err)
    assert err == (
        f"chukan-schedule: error: {log}: not valid CSV (field larger than field limit (1048576)); "
        "a cell may hold at most 1,048,576 characters (an unclosed quote?)\n"
    )
    assert csv.field_size_limit() == limit  # the process's limit is left as it was


def test_a_folder_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "audit", str(tmp_path), "--time", "t", "--operation", "op")
    assert_one_line_error(status, out, err)
    assert err == (
        f"chukan-schedule: error: cannot read the log {tmp_path}: it is a folder, not a regular file; "
        "give a CSV or TSV file, or - for standard input\n"
    )


def test_a_folder_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--lang", "ja", "audit", str(tmp_path), "--time", "t", "--operation", "op")
    assert (status, out) == (2, "")
    assert err == (
        f"chukan-schedule: エラー: 操作ログ {tmp_path} を読み取れません：フォルダーで、通常のファイルではありません。"
        "CSV か TSV のファイル、または標準入力の - を指定してください\n"
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "audit", "/dev/zero", "--time", "t", "--operation", "op")
    assert_one_line_error(status, out, err)
    assert err == (
        "chukan-schedule: error: cannot read the log /dev/zero: it is a pipe or a device, not a regular file; "
        "give a CSV or TSV file, or - for standard input\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    status, out, err = run(capsys, "audit", str(fifo), "--time", "t", "--operation", "op")
    assert_one_line_error(status, out, err, "it is a pipe or a device, not a regular file")


def test_a_missing_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "audit", str(tmp_path / "no.csv"), "--time", "t", "--operation", "op")
    assert (status, out) == (2, "")
    assert err == f"chukan-schedule: error: cannot read the log {tmp_path / 'no.csv'}: No such file or directory\n"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_stdin_line_is_bounded() -> None:
    done = shell('"$0" -m chukan_schedule audit - --time t --operation op < /dev/zero')
    assert done.returncode == 2
    assert done.stderr == "chukan-schedule: error: -: line 1 is longer than 1,048,576 characters; is it a text log?\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell pipes")
def test_stdin_is_read(tmp_path: Path) -> None:
    log = log_file(tmp_path, "t,op\r\n2017-07-05 10:00,運用確認\r\n2017-07-05 21:00,運用確認\r\n")
    done = shell(f'"$0" -m chukan_schedule audit - --time t --operation op --csv < {log}')
    assert done.returncode == 1
    assert done.stdout.splitlines()[1].startswith(
        "2,2017-07-05 10:00,2017-07-05T10:00:00+09:00,linkage_test,allowed,N2,"
    )
    assert done.stdout.splitlines()[2].startswith(
        "3,2017-07-05 21:00,2017-07-05T21:00:00+09:00,linkage_test,not allowed,"
    )
