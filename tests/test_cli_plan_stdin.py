"""--plan -: a plan file read from standard input, with the same limits and errors as a file."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources

JULY_TEXT = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}


def chukan(*argv: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "chukan_schedule", *argv], input=stdin, capture_output=True,
                          env=ENV, timeout=120, check=False)  # fmt: skip


def test_the_plan_on_standard_input_answers_as_the_file_does() -> None:
    # The embedded plan's own file, given on standard input: Saturday 07-15 10:00 registration is open (N6, H).
    done = chukan("--plan", "-", "check", "2017-07-15T10:00", "-o", "registration", stdin=JULY_TEXT.encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith("2017-07-15 (Sat) 10:00 JST: normal mode")


def test_a_corrected_plan_on_standard_input_is_the_one_used() -> None:
    # Saturday registration until 16:00 instead of 17:00: 16:30 is no longer allowed.
    text = JULY_TEXT.replace('hours = ["09:00", "17:00"]', 'hours = ["09:00", "16:00"]')
    assert text != JULY_TEXT
    done = chukan("--plan", "-", "check", "2017-07-15T16:30", "-o", "registration", "--quiet", stdin=text.encode())
    assert done.returncode == 1 and done.stderr == b""


def test_errors_name_the_standard_input() -> None:
    done = chukan("--plan", "-", "check", "2017-07-15T10:00", stdin=b"format = 2\n")
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "chukan-schedule: error: <stdin>: format: expected 1 (the only format this version reads), got 2\n"
    )
    done = chukan("--plan", "-", "check", "2017-07-15T10:00", stdin=b"x" * (1024 * 1024 + 1))
    assert done.returncode == 2 and b"<stdin>: too large" in done.stderr
    done = chukan("--lang", "ja", "--plan", "-", "check", "2017-07-15T10:00", stdin=b"\xff\xfe")
    assert done.returncode == 2
    assert "計画ファイル <stdin>：UTF-8 のテキストではありません" in done.stderr.decode()


def test_the_plan_and_an_audited_log_cannot_both_be_standard_input() -> None:
    done = chukan("--plan", "-", "audit", "-", "--time", "1", "-o", "registration", stdin=b"time\n2017-07-13 10:00\n")
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "chukan-schedule: error: only one file can come from standard input (-); give the others as files\n"
    )


def test_diff_reads_one_plan_from_standard_input() -> None:
    # The July plan on standard input against itself from the file: nothing changed (exit 0).
    plan_file = str(resources.files("chukan_schedule").joinpath("plans", "2017-07.toml"))
    done = chukan("diff", "-", plan_file, stdin=JULY_TEXT.encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines()[-1] == "No changes."
    done = chukan("diff", "-", "-", stdin=JULY_TEXT.encode())
    assert done.returncode == 2
    assert done.stderr.decode().startswith("chukan-schedule: error: only one file can come from standard input")
