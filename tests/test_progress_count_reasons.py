"""A count's reason is written from the catalog's templates with %-formats made once
(``rows._formatter``): the same text as ``str.format`` gives, in both languages.  The expected
texts are written out by hand from the catalog's templates."""

from __future__ import annotations

from chukan_schedule.model import Reason
from chukan_schedule.progress.rows import _formatter, count_reasons


def test_below_half() -> None:
    # 3,999 / 8,000 = 0.499875: 499 per mille, shown rounded down as 49.9%
    assert count_reasons(8000, 3999, False) == [
        Reason(
            "P1",
            "registered count 3,999 is below half of the planned count 8,000 (49.9%, column f)",
            "実登録件数3,999件が登録予定件数8,000件の5割を下回っています（49.9%、(f)欄）",
        )
    ]


def test_below_half_with_large_counts() -> None:
    # 1,234,567 / 9,876,543,210 = 0.000125...: 0 per mille
    assert count_reasons(9_876_543_210, 1_234_567, False) == [
        Reason(
            "P1",
            "registered count 1,234,567 is below half of the planned count 9,876,543,210 (0.0%, column f)",
            "実登録件数1,234,567件が登録予定件数9,876,543,210件の5割を下回っています（0.0%、(f)欄）",
        )
    ]


def test_blank_registered_below_half() -> None:
    assert count_reasons(9000, 0, True) == [
        Reason(
            "P1",
            "registered count is blank, read as 0 (nothing registered): below half of the planned count 9,000 "
            "(0.0%, column f)",
            "実登録件数が空欄のため0件（未登録）と読みました。登録予定件数9,000件の5割を下回っています（0.0%、(f)欄）",
        )
    ]


def test_registered_with_nothing_planned() -> None:
    assert count_reasons(0, 1500, False) == [
        Reason(
            "P1",
            "registered count 1,500 but planned count 0: the sheet is inconsistent",
            "登録予定件数が0件なのに実登録件数が1,500件です（シートの不整合）",
        )
    ]


def test_no_reason_at_half_or_above_or_with_nothing_at_all() -> None:
    assert count_reasons(1000, 500, False) == []  # exactly half is not below half (SPEC point 7)
    assert count_reasons(1000, 1200, False) == []
    assert count_reasons(0, 0, False) == []


def test_formatter_in_any_order_and_with_a_percent_sign() -> None:
    assert _formatter("a {x} b {y} 100%", ("y", "x"))(("Y", "X")) == "a X b Y 100%"
    assert _formatter("{x} then {y}", ("x", "y"))(("1", "2")) == "1 then 2"
    assert _formatter("only {y}!", ("x", "y"))(("1", "2")) == "only 2!"
    assert _formatter("none at all: 5%", ("x",))(("1",)) == "none at all: 5%"
    assert _formatter("{x}{x}", ("x",))(("ab",)) == "abab"


def test_formatter_falls_back_on_anything_but_plain_fields() -> None:
    assert _formatter("{x:>4}|{{y}}", ("x",))(("ab",)) == "  ab|{y}"
    assert _formatter("{x!r}", ("x",))(("ab",)) == "'ab'"
