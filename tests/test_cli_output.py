"""The chukan-schedule command line. Standard output and --output: closed, full or early-closing streams, "-", empty names, inputs never overwritten.

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chukan_schedule.cli import main
from clikit import PLAN_TOML, PROGRESS_CSV, FullStream, assert_one_line_error, run, shell

pytestmark = pytest.mark.usefixtures("english_locale")


def test_closed_stdout_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # what Python sets when started with `>&-`
    status, err = main(["table"]), capsys.readouterr().err
    assert status == 2
    assert err == "chukan-schedule: error: cannot write to standard output: standard output is closed\n"
    # check --quiet writes nothing: a closed standard output does not matter, the status answers.
    assert main(["check", "2017-07-15T10:00", "-o", "linkage", "-q"]) == 1
    assert capsys.readouterr().err == ""


def test_full_stdout_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", FullStream())
    status, err = main(["windows", "linkage", "--json"]), capsys.readouterr().err
    assert status == 2
    assert err == "chukan-schedule: error: cannot write to standard output: No space left on device\n"


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


@pytest.mark.parametrize("command", [["ics"], ["chart"], ["progress", str(PROGRESS_CSV), "--csv"]])
def test_output_to_a_folder_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]) -> None:
    status, out, err = run(capsys, *command, "--output", str(tmp_path))
    assert_one_line_error(status, out, err, f"--output {tmp_path}: cannot write it: ")
    assert list(tmp_path.iterdir()) == []


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


def test_output_to_dev_stdout_through_a_pipe() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "chukan_schedule", "ics", "--operation", "linkage_test", "--output", "/dev/stdout"],
        capture_output=True,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert r.stdout.count(b"BEGIN:VEVENT") == 5 + 6 + 6  # 5 test-week windows, 6 periods, 6 milestones of their own
