"""The help's width: what argparse would take from ``shutil.get_terminal_size()``, without importing shutil."""

from __future__ import annotations

import shutil

import pytest

from chukan_schedule.cli.translation import terminal_columns


@pytest.mark.parametrize(("columns", "expected"), [("37", 37), ("200", 200), ("0", 80), ("-5", 80), ("wide", 80)])
def test_columns_from_the_environment(monkeypatch: pytest.MonkeyPatch, columns: str, expected: int) -> None:
    # Under pytest standard output is not a terminal: a COLUMNS that is not a positive integer gives 80.
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == expected
    assert terminal_columns() == shutil.get_terminal_size().columns


def test_no_columns_and_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert terminal_columns() == shutil.get_terminal_size().columns == 80
