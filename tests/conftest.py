"""Shared answers for the tests: the hand-written per-day answer file (tests/answers/july_2017_days.csv).

The windows, ics and CalDAV tests all compare with the same hand-typed hours, read here once
(``expected_windows``), rather than each typing them out again.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

JST = timezone(timedelta(hours=9))
DAY_ANSWERS = Path(__file__).with_name("answers") / "july_2017_days.csv"
OPERATIONS = ("registration", "code_acquisition", "linkage", "linkage_test")


def _clock(day: date, hhmm: str) -> datetime:
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime.combine(day, time(0), JST) + timedelta(hours=hours, minutes=minutes)  # 24:00 = next midnight


def read_day_answers() -> list[dict[str, str]]:
    """The rows of the per-day answer file, comments skipped."""
    with DAY_ANSWERS.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def windows_from_answers(column: str) -> list[tuple[datetime, datetime]]:
    """The (start, end) spans, JST, of ``column`` (server or an operation) over the month, day by day."""
    spans = []
    for row in read_day_answers():
        if row[column] == "-":
            continue
        day = date.fromisoformat(row["date"])
        start, end = row[column].split("-")
        spans.append((_clock(day, start), _clock(day, end)))
    return spans


@pytest.fixture
def expected_windows() -> Callable[[str], list[tuple[datetime, datetime]]]:
    """``expected_windows(op)``: the operation's windows in July 2017, from the hand-written answer file."""
    return windows_from_answers


@pytest.fixture
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """An English UTF-8 locale for the command line (``default_lang()`` gives ``en``)."""
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
