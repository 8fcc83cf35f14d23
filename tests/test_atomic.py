"""Atomic writes: the whole file or nothing."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from chukan_schedule.atomic import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_a_missing_folder_names_the_target(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.ics"
    with pytest.raises(FileNotFoundError) as info:
        write_atomic(target, b"x")
    assert info.value.filename == str(target)


def test_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_pipe_is_written_not_replaced(tmp_path: Path) -> None:
    # A FIFO stands for /dev/null and /dev/stdout: not a regular file, so written to, never replaced.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert fifo.is_fifo()


def test_a_folder_or_an_empty_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as info:
        write_atomic(tmp_path, b"x")
    assert info.value.filename == str(tmp_path)
    assert "is a folder" in str(info.value)
    with pytest.raises(FileNotFoundError, match="empty path"):
        write_atomic("", b"x")
    assert os.listdir(tmp_path) == []


def test_a_trailing_slash_names_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="ends with a slash"):
        write_atomic(f"{tmp_path}/new/", b"x")
    assert os.listdir(tmp_path) == []
