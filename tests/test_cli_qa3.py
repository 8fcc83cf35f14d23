"""Third QA pass: --help and --version through the same standard output as every answer; --previous
and an audit log never overwritten by --output.

Expected lines are typed out by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chukan_schedule.cli import main
from clikit import PLAN_TOML

pytestmark = pytest.mark.usefixtures("english_locale")


def program(
    *argv: str, encoding: str = "utf-8", stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "chukan_schedule", *argv], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=120
    )


@pytest.mark.parametrize("argv", [["--help"], ["--lang", "ja", "--help"], ["progress", "--help"]])
def test_help_into_an_ascii_stdout_is_the_encoding_error(argv: list[str]) -> None:
    r = program(*argv, encoding="ascii")
    err = r.stderr.decode("ascii")
    assert r.returncode == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("chukan-schedule: error: cannot write to standard output: its encoding ascii cannot write")
    assert "PYTHONIOENCODING=utf-8" in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_help_into_a_full_disk_is_an_error() -> None:
    with open("/dev/full", "wb") as full:
        r = program("--help", stdout=full.fileno())
    assert r.returncode == 2
    assert r.stderr == b"chukan-schedule: error: cannot write to standard output: No space left on device\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
def test_help_with_stdout_closed_is_an_error_not_help_on_stderr() -> None:
    r = subprocess.run(
        ["sh", "-c", '"$0" -m chukan_schedule check --help >&-', sys.executable],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        timeout=120,
    )
    assert r.returncode == 2
    assert r.stderr == b"chukan-schedule: error: cannot write to standard output: standard output is closed\n"


def test_help_and_version_still_print(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("chukan-schedule ")
    assert main(["check", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: chukan-schedule check ")


def test_output_may_not_replace_the_previous_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    previous = tmp_path / "prev.toml"
    shutil.copy(PLAN_TOML, previous)
    corrected = tmp_path / "corrected.toml"
    corrected.write_text(
        PLAN_TOML.read_text(encoding="utf-8").replace('id = "2017-07"', 'id = "2017-07"\nrevision = 1', 1),
        encoding="utf-8",
    )
    before = previous.read_bytes()
    status = main(["--plan", str(corrected), "ics", "--previous", str(previous), "--output", str(previous)])
    err = capsys.readouterr().err
    assert status == 2
    assert err == (
        f"chukan-schedule: error: --output {previous} is the previous plan file (--previous) {previous}: "
        "writing there would replace it; give another file\n"
    )
    assert previous.read_bytes() == before


def test_output_may_not_replace_the_audit_log(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("t,op\n2017-07-13 10:00,registration\n", encoding="utf-8")
    status = main(["audit", str(log), "--time", "t", "--operation", "op", "--csv", "--output", str(log)])
    err = capsys.readouterr().err
    assert status == 2
    assert err == (
        f"chukan-schedule: error: --output {log} is the input log {log}: writing there would replace it; "
        "give another file\n"
    )
    assert log.read_text(encoding="utf-8") == "t,op\n2017-07-13 10:00,registration\n"
