"""The chukan-schedule command line. As a program (python -m chukan_schedule): exit statuses, no traceback, UTF-8 JSON.

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

import json

import pytest

from clikit import program

pytestmark = pytest.mark.usefixtures("english_locale")


def test_program_exit_statuses() -> None:
    allowed = program("check", "2017-07-15T10:00", "--operation", "registration", "--quiet")
    assert (allowed.returncode, allowed.stdout, allowed.stderr) == (0, "", "")
    refused = program("check", "2017-07-15T10:00", "--operation", "linkage", "--quiet")
    assert (refused.returncode, refused.stdout, refused.stderr) == (1, "", "")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "2017-08-01T00:00"],
        ["check", "2017-02-30"],
        ["check", "2017-07-15", "--operation", "dance"],
        ["check"],
        ["check", "2017-07-15", "--nope"],
        ["--plan", "/nonexistent.toml", "table"],
    ],
)
def test_program_errors_without_traceback(argv: list[str]) -> None:
    done = program(*argv)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("chukan-schedule: error: ")
    assert "Traceback" not in done.stderr


def test_program_json_is_utf8() -> None:
    done = program("check", "2017-07-15T10:00", "--json")
    assert done.returncode == 0
    assert (
        json.loads(done.stdout)["operations"]["linkage"]["reasons"][1]["ja"]
        == "7月8日から17日（想定）までは本番の情報連携が抑止されます"
    )
