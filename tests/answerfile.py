"""The hand-written per-day answer file (tests/answers/july_2017_days.csv), read once for every test.

The windows, ics and CalDAV tests compare with the same hand-typed hours, rather than each typing
them out again (importable as ``answerfile``: pyproject's pytest ``pythonpath``).
"""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

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


def overlapping_windows(column: str, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """The whole spans of ``column`` that overlap ``[start, end)``, as a CalDAV time-range query returns them."""
    return [(s, e) for s, e in windows_from_answers(column) if s < end and e > start]
