"""A block of rows checked at once: the same answers as :func:`.rows.make_checker`, row for row,
but the usual block of a national sheet (every row as wide as the header, plain counts, known
check marks, names filled in) is checked column by column with the interpreter's built-in
loops instead of one function call per row.  A block with anything else in it is checked row
by row by the same checker the rest of the package uses, so every unusual row gets exactly the
answer (or error) it always got.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import compress
from operator import add, itemgetter, lt, truediv
from typing import Any

from ..model import Reason
from .cells import CHECK_MARKS, MAX_COUNT_DIGITS
from .rows import CHECK_REASONS, RowError, RowResult, count_reasons, make_checker
from .sheetread import Row

__all__ = ["Block", "Columns", "make_block_checker", "results_of_columns"]

#: A block checked at once: one sequence per field of :class:`RowResult`, in its order, each
#: as long as the block (the cells are the lists read, not tuples).
Columns = tuple[Sequence[Any], ...]
#: A checked block: its columns (every row a :class:`RowResult`), or else its results row by row.
Block = tuple["Columns | None", "list[RowResult | RowError] | None"]

_new_result = partial(tuple.__new__, RowResult)
_cells = itemgetter(1)
_problem = itemgetter(2)
_CELLS = RowResult._fields.index("cells")


def results_of_columns(columns: Columns) -> list[RowResult | RowError]:
    """The rows of a block checked at once, as :class:`RowResult`."""
    fields = list(columns)
    fields[_CELLS] = list(map(tuple, fields[_CELLS]))
    return list(map(_new_result, zip(*fields, strict=True)))


def make_block_checker(columns: dict[str, int], width: int) -> Callable[[list[Row]], Block]:
    """A function that checks a list of rows (line, cells, decoding problem) of a sheet whose
    header maps ``columns`` (field -> 0-based index) and has ``width`` cells.  It returns
    ``(columns, None)`` when the block was checked at once (every row a :class:`RowResult`),
    else ``(None, results)``, the results in line order."""
    check = make_checker(columns, width)
    i_org, i_item = columns["organization"], columns["item"]
    i_range, i_acc = columns["range_checked"], columns["accuracy_checked"]
    i_planned, i_registered = columns.get("planned"), columns.get("registered")
    i_pref, i_code = columns.get("prefecture"), columns.get("organization_code")
    fast = columns.get("ratio") is None and i_planned is not None and i_registered is not None
    get_mark = CHECK_MARKS.get
    reasons_of = CHECK_REASONS.__getitem__
    limit = MAX_COUNT_DIGITS
    strip = str.strip

    def slow(rows: list[Row]) -> Block:
        return None, [check(line, cells, problem) for line, cells, problem in rows]

    def check_block(rows: list[Row]) -> Block:
        if not fast or not rows or any(map(_problem, rows)):
            return slow(rows)
        cellss = list(map(_cells, rows))
        lengths = set(map(len, cellss))
        if lengths != {width}:
            return slow(rows)
        cols = list(zip(*cellss, strict=True))
        marks = list(map(get_mark, cols[i_range])), list(map(get_mark, cols[i_acc]))
        if None in marks[0] or None in marks[1]:
            return slow(rows)
        rcs: list[bool] = marks[0]  # type: ignore[assignment]
        acs: list[bool] = marks[1]  # type: ignore[assignment]
        ps, rs = cols[i_planned], cols[i_registered]  # type: ignore[index]
        for counts in (ps, rs):
            digits = "".join(counts)
            sizes = set(map(len, counts))
            if not (digits.isdigit() and digits.isascii() and min(sizes) >= 1 and max(sizes) <= limit):
                return slow(rows)
        orgs = list(map(strip, cols[i_org]))
        items = list(map(strip, cols[i_item]))
        if not (all(orgs) and all(items)):
            return slow(rows)
        pn = list(map(int, ps))
        rn = list(map(int, rs))
        found: list[tuple[Reason, ...]] = list(map(reasons_of, zip(rcs, acs, strict=True)))
        # Rows below half (2 * registered < planned) or with nothing planned get their count's reason.
        odd = list(map(lt, map(add, rn, rn), pn))
        zero = 0 in pn
        if zero:
            odd = [o or p == 0 for o, p in zip(odd, pn, strict=True)]
            ratios: list[float | None] = [r / p if p else None for r, p in zip(rn, pn, strict=True)]
        else:
            ratios = list(map(truediv, rn, pn))
        if True in odd:
            for i in compress(range(len(odd)), odd):
                found[i] = (*count_reasons(pn[i], rn[i], False), *found[i])
        needs = list(map(bool, found))
        n = len(rows)
        nothing = [None] * n
        prefs = nothing if i_pref is None else list(map(strip, cols[i_pref]))
        codes = nothing if i_code is None else list(map(strip, cols[i_code]))
        lines = [row[0] for row in rows]
        return (lines, orgs, items, pn, rn, ratios, rcs, acs, needs, found, cellss, prefs, codes, [()] * n), None

    return check_block
