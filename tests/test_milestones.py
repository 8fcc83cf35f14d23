"""The dated events of the notices, by hand."""

from __future__ import annotations

from datetime import date

import pytest

from chukan_schedule import JULY_2017, Mode


def test_milestones_by_hand() -> None:
    got = [(m.id, m.first_day, m.last_day, m.clause) for m in JULY_2017.milestones]
    assert got == [
        ("initial_registration", date(2017, 6, 23), date(2017, 6, 23), "N1"),
        ("advice_deadline", date(2017, 6, 30), date(2017, 6, 30), "P1"),
        ("operation_check", date(2017, 7, 3), date(2017, 7, 7), "N2"),
        ("linkage_suppression", date(2017, 7, 8), date(2017, 7, 17), "N5"),
        ("master_data", date(2017, 7, 10), date(2017, 7, 10), "N4"),
        ("differential_period", date(2017, 7, 13), date(2017, 7, 17), "N6"),
        ("auto_response_restriction", date(2017, 7, 17), date(2017, 7, 17), "N7"),
        ("linkage_start", date(2017, 7, 18), date(2017, 7, 18), "T"),
    ]
    for m in JULY_2017.milestones:
        assert m.en and m.ja and m.title("ja") == m.ja


def test_milestone_lookup() -> None:
    assert JULY_2017.milestone("linkage_start").first_day == date(2017, 7, 18)
    assert "想定" in JULY_2017.milestone("linkage_suppression").ja
    with pytest.raises(KeyError, match="known: initial_registration"):
        JULY_2017.milestone("nope")


def test_periods_are_table_t() -> None:
    got = [(p.first_day.day, p.last_day.day, p.mode, p.clause) for p in JULY_2017.periods]
    assert got == [
        (1, 2, Mode.PLANNED_STOP, "N3"),
        (3, 7, Mode.TEST, "N2"),
        (8, 9, Mode.PLANNED_STOP, "N3"),
        (10, 12, Mode.PLANNED_STOP, "N4"),
        (13, 17, Mode.NORMAL, "N6"),
        (18, 31, Mode.NORMAL, "T"),
    ]
