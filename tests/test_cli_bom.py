"""A UTF-8 BOM (for Excel) at the start of a regular file written by --csv, never into a stream.

``--output /dev/stdout`` behaves exactly like ``-`` (docs), and a descriptor or a FIFO may already
hold text (``>> a.log``): a BOM there would land in the middle of it.  Both commands that write
CSV are checked: ``audit --csv`` and ``progress --csv``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from clikit import PROGRESS_CSV, shell

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text("t,op\n2017-07-05 10:00,運用確認\n", encoding="utf-8")
    return path


def commands(log: Path) -> list[str]:
    return [
        f'"$0" -m chukan_schedule audit {log} --time t --operation op --csv',
        f'"$0" -m chukan_schedule progress {PROGRESS_CSV} --csv',
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
@pytest.mark.parametrize("which", [0, 1], ids=["audit", "progress"])
@pytest.mark.parametrize("output", ["/dev/stdout", "-", "/proc/self/fd/1"])
def test_no_bom_into_appended_stdout(tmp_path: Path, log: Path, which: int, output: str) -> None:
    if output.startswith("/proc") and not os.path.exists("/proc/self/fd"):
        pytest.skip("needs /proc")
    appended = tmp_path / "a.log"
    appended.write_bytes(b"before\n")
    done = shell(f"{commands(log)[which]} --output {output} >> {appended}")
    assert done.returncode in (0, 1), done.stderr
    data = appended.read_bytes()
    assert data.startswith(b"before\n")
    assert BOM not in data
    assert len(data) > len(b"before\n") + 10  # the CSV was written after it


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="needs /proc")
@pytest.mark.parametrize("which", [0, 1], ids=["audit", "progress"])
def test_no_bom_into_another_descriptor(tmp_path: Path, log: Path, which: int) -> None:
    appended = tmp_path / "a.log"
    appended.write_bytes(b"before\n")
    done = shell(f"{commands(log)[which]} --output /proc/self/fd/3 3>> {appended}")
    assert done.returncode in (0, 1), done.stderr
    data = appended.read_bytes()
    assert data.startswith(b"before\n") and BOM not in data and len(data) > 20


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("which", [0, 1], ids=["audit", "progress"])
def test_no_bom_into_a_fifo(tmp_path: Path, log: Path, which: int) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = tmp_path / "got"
    done = shell(f"cat {fifo} > {got} & {commands(log)[which]} --output {fifo}; wait")
    assert done.returncode in (0, 1), done.stderr
    data = got.read_bytes()
    assert BOM not in data and len(data) > 20


@pytest.mark.parametrize("which", [0, 1], ids=["audit", "progress"])
def test_a_regular_file_gets_its_bom(tmp_path: Path, log: Path, which: int) -> None:
    out = tmp_path / "out.csv"
    done = shell(f"{commands(log)[which]} --output {out}")
    assert done.returncode in (0, 1), done.stderr
    data = out.read_bytes()
    assert data.startswith(BOM) and data.count(BOM) == 1
