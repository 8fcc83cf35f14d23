"""Helpers shared by the command line's tests (importable as ``clikit``: pyproject's pytest ``pythonpath``).

``run`` calls ``main([...])`` in-process; ``program`` and ``shell`` run the real program as a
separate process, to prove exit statuses, redirections and that no traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from chukan_schedule.cli import main

PLAN_TOML = Path(__file__).resolve().parents[1] / "src" / "chukan_schedule" / "plans" / "2017-07.toml"


PROGRESS_CSV = Path(__file__).resolve().parent / "data" / "progress" / "small.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    status, out, err = run(capsys, *argv)
    assert err == ""
    return status, json.loads(out)


def cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def assert_one_line_error(status: int, out: str, err: str, *needles: str) -> None:
    assert status == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("chukan-schedule: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err


def program(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m chukan_schedule`` as a separate process (an English UTF-8 locale unless ``env`` is given)."""
    if env is None:
        env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "chukan_schedule", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def shell(command: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in sh with $0 set to this Python, as a user's shell would."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        ["sh", "-c", command, sys.executable],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def table_rows(out: str) -> dict[str, list[str]]:
    return {cells(line)[0]: cells(line) for line in out.splitlines()[2:]}


class FullStream:
    """A standard output on a full disk: every write fails with ENOSPC."""

    def write(self, data: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        pass
