"""The block path (progress/blocks.py) and the row path (progress/rows.py) agree on the cells
that the QA fixes of issue 9 read differently: a neutralised check mark ('-), and a header
row that ends with our own result columns.  Expected values are typed out by hand."""

from __future__ import annotations

from chukan_schedule.progress.blocks import make_block_checker, results_of_columns
from chukan_schedule.progress.columns import sheet_part
from chukan_schedule.progress.rows import RowResult, make_checker
from chukan_schedule.progress.sheetread import Row

COLUMNS = {"organization": 0, "item": 1, "planned": 2, "registered": 3, "range_checked": 4, "accuracy_checked": 5}
ROWS: list[Row] = [
    (2, ["A市", "i", "1000", "600", "済", "'-"], None),
    (3, ["B市", "i", "1000", "600", "'－", "済"], None),
    (4, ["C市", "i", "1000", "600", "済", "済"], None),
]


def test_neutralised_marks_read_the_same_on_both_paths() -> None:
    check = make_checker(COLUMNS, 6)
    by_row = [check(line, cells, problem) for line, cells, problem in ROWS]
    columns, results = make_block_checker(COLUMNS, 6)(ROWS)
    assert results is None and columns is not None  # the block was checked at once
    by_block = results_of_columns(columns)
    assert by_block == by_row
    summary = [(r.line, r.range_checked, r.accuracy_checked, r.needs_advice) for r in by_row if type(r) is RowResult]
    assert summary == [(2, True, False, True), (3, False, True, True), (4, True, True, False)]


def test_result_columns_are_not_the_sheets() -> None:
    head = ["団体名", "割合", "ratio", "needs_advice", "reasons", "error", "割合", "助言等の要否", "理由", "エラー"]
    assert sheet_part(head) == ["団体名", "割合", "", "", "", "", "", "", "", ""]
    # Not all four at the end: the sheet's own columns.
    assert sheet_part(["団体名", "割合", "助言等の要否", "理由"]) == ["団体名", "割合", "助言等の要否", "理由"]
