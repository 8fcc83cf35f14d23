"""Invariants held by the value types themselves: periods tile the coverage, a DayPlan cannot change,
and operation names are read in one place (Operation.coerce)."""

from __future__ import annotations

from datetime import date, datetime

import attrs
import pytest

from chukan_schedule import JULY_2017, Operation, Period, Plan, PlanFileError, UnknownOperationError
from chukan_schedule.errors import OperationTypeError
from chukan_schedule.value import evolve

DATA = JULY_2017.data
P = DATA.periods  # 07-01..02 stop, 03..07 test, 08..09 stop, 10..12 stop, 13..17 normal, 18..31 normal


def test_the_embedded_periods_tile_july() -> None:
    assert Plan(DATA).mode_at(datetime(2017, 7, 3, 10)).value == "test"


@pytest.mark.parametrize(
    ("periods", "key", "problem"),
    [
        # a gap at the start: 07-01 must not be read as test mode from a period starting 07-03
        (
            P[1:],
            "period[0].first_day",
            "expected 2017-07-01 (periods must cover the coverage in order, without gaps or overlaps), got 2017-07-03",
        ),
        # a gap in the middle (07-08..09 missing)
        (
            (*P[:2], *P[3:]),
            "period[2].first_day",
            "expected 2017-07-08 (periods must cover the coverage in order, without gaps or overlaps), got 2017-07-10",
        ),
        # an overlap: 07-07 twice
        (
            (P[0], P[1], evolve(P[2], first_day=date(2017, 7, 7)), *P[3:]),
            "period[2].first_day",
            "expected 2017-07-08",
        ),
        # a missing tail (07-18..31): no bare StopIteration
        (P[:-1], "period[4].last_day", "expected the coverage's last day 2017-07-31, got 2017-07-17"),
        # running past the coverage
        ((*P[:-1], evolve(P[-1], last_day=date(2017, 8, 2))), "period[5].last_day", "got 2017-08-02"),
        # none at all
        ((), "period", "expected at least one period"),
    ],
    ids=["gap at the start", "gap", "overlap", "missing tail", "past the end", "none"],
)
def test_plan_refuses_periods_that_do_not_tile(periods: tuple[Period, ...], key: str, problem: str) -> None:
    with pytest.raises(PlanFileError) as info:
        Plan(evolve(DATA, periods=periods))
    assert info.value.key == key
    assert problem in info.value.problem
    assert isinstance(info.value, ValueError)
    assert info.value.message.text("ja").startswith(f"計画ファイル <embedded 2017-07.toml> の {key}：")


def test_a_day_plan_cannot_be_changed() -> None:
    day = JULY_2017.day(date(2017, 7, 15))
    before = day.operations[Operation.LINKAGE]
    with pytest.raises(TypeError):
        day.operations[Operation.LINKAGE] = day.operations[Operation.REGISTRATION]  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        day.mode = day.mode  # type: ignore[misc]
    assert JULY_2017.day(date(2017, 7, 15)).operations[Operation.LINKAGE] is before
    assert JULY_2017.allows("linkage", datetime(2017, 7, 15, 10)) is False  # N5: no linkage before 07-18


def test_a_day_plan_is_hashable_and_compares_by_value() -> None:
    day = JULY_2017.day(date(2017, 7, 15))
    twin = evolve(day, operations=dict(day.operations))  # a plain dict is copied read-only
    assert day == twin and hash(day) == hash(twin)
    assert len({day, twin, JULY_2017.day(date(2017, 7, 16))}) == 2
    assert dict(twin.operations) == dict(day.operations)


@pytest.mark.parametrize(
    ("name", "op"),
    [
        ("registration", Operation.REGISTRATION),
        (Operation.LINKAGE, Operation.LINKAGE),
        ("code_acquisition", Operation.CODE_ACQUISITION),
        ("code-acquisition", Operation.CODE_ACQUISITION),
        ("Code Acquisition", Operation.CODE_ACQUISITION),
        (" LINKAGE ", Operation.LINKAGE),
        ("ｌｉｎｋａｇｅ", Operation.LINKAGE),  # full-width letters
        ("linkage-test", Operation.LINKAGE_TEST),
        ("副本登録", Operation.REGISTRATION),
        ("符号取得", Operation.CODE_ACQUISITION),
        ("情報連携", Operation.LINKAGE),
        ("情報連携のテスト・運用確認", Operation.LINKAGE_TEST),
        ("情報連携のテスト", Operation.LINKAGE_TEST),
        ("運用確認", Operation.LINKAGE_TEST),
    ],
)
def test_operation_names(name: object, op: Operation) -> None:
    assert Operation.coerce(name) is op
    # The library reads the same names: the embedded plan's answer for 07-15 10:00 (Sat, N6).
    expected = {"registration": True, "code_acquisition": True, "linkage": False, "linkage_test": False}[op.value]
    assert JULY_2017.allows(name, datetime(2017, 7, 15, 10)) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["registrations", "", "テスト", "連携", "linkage test mode"])
def test_unknown_operation_names(name: str) -> None:
    with pytest.raises(UnknownOperationError) as info:
        Operation.coerce(name)
    assert str(info.value).startswith(f"unknown operation {name!r}; expected one of registration, ")
    assert info.value.message.text("ja").startswith(f"操作 {name!r} はありません。受け付ける操作：registration、")


@pytest.mark.parametrize("value", [None, 3, ["linkage"], b"linkage"])
def test_operation_of_another_type(value: object) -> None:
    with pytest.raises(OperationTypeError) as info:
        Operation.coerce(value)
    assert isinstance(info.value, TypeError)
    assert str(info.value).startswith("operation must be an Operation or one of 'registration', ")
