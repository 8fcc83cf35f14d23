"""A Japanese error on a standard error that cannot hold Japanese (an ASCII locale) is said in English."""

from __future__ import annotations

import os

from clikit import program


def test_a_japanese_error_on_an_ascii_stderr_is_said_in_english() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = program("--lang", "ja", "check", "bad", env=env)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("chukan-schedule: error: TIMESTAMP: cannot read 'bad' as a timestamp")
    assert "\\u" not in lines[0].split("such as")[0]  # no escapes in the sentence itself


def test_the_same_error_on_a_utf8_stderr_stays_japanese() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = program("--lang", "ja", "check", "bad", env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("chukan-schedule: エラー: TIMESTAMP：'bad' を時刻として読み取れません")


def test_a_japanese_usage_error_on_an_ascii_stderr_is_said_in_english() -> None:
    # argparse's own words (a missing argument, an unknown option): parsed again in English.
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = program("--lang", "ja", "check", env=env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "chukan-schedule: error: the following arguments are required: TIMESTAMP; see 'chukan-schedule check --help'\n"
    )
    done = program("--lang", "ja", "check", "2017-07-15T10:00", "--bogus", env=env)
    assert done.returncode == 2
    assert done.stderr == (
        "chukan-schedule: error: unrecognized arguments: --bogus; see 'chukan-schedule check --help'\n"
    )
