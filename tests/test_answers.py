"""The answer file: instants worked out by hand from the notice, checked one by one."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017, Mode, Operation

ANSWERS = Path(__file__).with_name("answers") / "july_2017.csv"
OPERATIONS = ["registration", "code_acquisition", "linkage", "linkage_test"]


def _rows() -> list[dict[str, str]]:
    with ANSWERS.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


ROWS = _rows()


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_the_answer_file_is_not_empty() -> None:
    assert len(ROWS) >= 40


@pytest.mark.parametrize("row", ROWS, ids=[r["at"] for r in ROWS])
def test_answer(row: dict[str, str]) -> None:
    ts = _instant(row["at"])
    assert JULY_2017.mode_at(ts) is Mode(row["mode"])
    assert JULY_2017.is_operating(ts) is (row["operating"] == "Y")
    for op in OPERATIONS:
        expected = row[op] == "Y"
        assert JULY_2017.allows(op, ts) is expected, op
        assert JULY_2017.allows(Operation(op), ts) is expected, op
        decision = JULY_2017.check(op, ts)
        assert decision.allowed is expected, op
        assert (decision.window is not None) is expected, op
