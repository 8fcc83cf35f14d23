"""A block of rows checked at once: the same answers as :func:`.rows.make_checker`, row for row,
but the usual block of a national sheet (every row as wide as the header, plain counts, known
check marks, names filled in) is checked column by column with the interpreter's built-in
loops instead of one function call per row.  A block with anything else in it is checked row
by row by the same checker the rest of the package uses, so every unusual row gets exactly the
answer (or error) it always got.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import compress
from operator import add, lt, ne, truediv
from typing import Any

from ..messages import Message
from ..model import Reason
from .cells import CHECK_MARKS, MAX_COUNT_DIGITS
from .rows import CHECK_REASONS, RowError, RowResult, count_reasons, make_checker
from .sheetread import Row

__all__ = [
    "Block",
    "CellsChecker",
    "Columns",
    "Problems",
    "make_block_checker",
    "make_cells_checker",
    "results_of_columns",
]

#: A block checked at once: one sequence per field of :class:`RowResult`, in its order, each
#: as long as the block (the cells are the lists read, not tuples).
Columns = tuple[Sequence[Any], ...]
#: A checked block: its columns (every row a :class:`RowResult`), or else its results row by row.
Block = tuple["Columns | None", "list[RowResult | RowError] | None"]
#: The decoding problems of a list of rows, ``None`` when no row has one.
Problems = list[Message | None] | None
#: A function that checks rows given as their lines, their cells and their decoding problems.
CellsChecker = Callable[[list[int], list[list[str]], Problems], Block]

_new_result = partial(tuple.__new__, RowResult)
_CELLS = RowResult._fields.index("cells")


def results_of_columns(columns: Columns) -> list[RowResult | RowError]:
    """The rows of a block checked at once, as :class:`RowResult`."""
    fields = list(columns)
    fields[_CELLS] = list(map(tuple, fields[_CELLS]))
    return list(map(_new_result, zip(*fields, strict=True)))


#: Check cells as written, two by two (range, accuracy) -> what they give a row: range checked,
#: accuracy checked, needs advice, the reasons (one of the four tuples the checks give); the
#: usual spellings only (anything else goes row by row).
_MARK_PAIRS: dict[tuple[str, str], tuple[bool, bool, bool, tuple[Reason, ...]]] = {
    (a, b): (done_a, done_b, bool(CHECK_REASONS[done_a, done_b]), CHECK_REASONS[done_a, done_b])
    for a, done_a in CHECK_MARKS.items()
    for b, done_b in CHECK_MARKS.items()
}
_DIGITS = b"0123456789,"
_loads = json.loads


def _counts(cells: Sequence[str]) -> list[int] | None:
    """Plain counts (ASCII digits, at most :data:`.cells.MAX_COUNT_DIGITS` of them, no leading
    zero but for 0 itself) read at once; ``None`` when a cell is anything else."""
    text = ",".join(cells)
    if not text.isascii() or text.encode().translate(None, _DIGITS):
        return None
    try:
        counts = _loads("[" + text + "]")  # JSON refuses an empty cell and a leading zero
    except ValueError:
        return None
    if len(counts) != len(cells) or max(counts) >= _COUNT_LIMIT:
        return None
    return counts  # type: ignore[no-any-return]


_COUNT_LIMIT = 10**MAX_COUNT_DIGITS


def make_block_checker(columns: dict[str, int], width: int) -> Callable[[list[Row]], Block]:
    """A function that checks a list of rows (line, cells, decoding problem) of a sheet whose
    header maps ``columns`` (field -> 0-based index) and has ``width`` cells.  It returns
    ``(columns, None)`` when the block was checked at once (every row a :class:`RowResult`),
    else ``(None, results)``, the results in line order."""
    check = make_cells_checker(columns, width)

    def check_block(rows: list[Row]) -> Block:
        problems = [row[2] for row in rows]
        return check([row[0] for row in rows], [row[1] for row in rows], problems if any(problems) else None)

    return check_block


def make_cells_checker(columns: dict[str, int], width: int) -> CellsChecker:
    """:func:`make_block_checker` for rows given as their lines, their cells and their decoding
    problems (``None`` when no row has one)."""
    check = make_checker(columns, width)
    i_org, i_item = columns["organization"], columns["item"]
    i_range, i_acc = columns["range_checked"], columns["accuracy_checked"]
    i_planned, i_registered = columns.get("planned"), columns.get("registered")
    i_pref, i_code = columns.get("prefecture"), columns.get("organization_code")
    fast = columns.get("ratio") is None and i_planned is not None and i_registered is not None
    pair_of = _MARK_PAIRS.get
    strip = str.strip

    def slow(lines: list[int], cellss: list[list[str]], problems: Problems) -> Block:
        if problems is None:
            return None, [check(line, cells, None) for line, cells in zip(lines, cellss, strict=True)]
        return None, list(map(check, lines, cellss, problems))

    def check_cells(lines: list[int], cellss: list[list[str]], problems: Problems) -> Block:
        if not fast or not cellss or problems is not None:
            return slow(lines, cellss, problems)
        try:
            cols = list(zip(*cellss, strict=True))
        except ValueError:  # rows of different widths
            return slow(lines, cellss, problems)
        if len(cols) != width:
            return slow(lines, cellss, problems)
        marks = list(map(pair_of, zip(cols[i_range], cols[i_acc], strict=True)))
        try:
            rcs, acs, needs, found = map(list, zip(*marks, strict=True))
        except TypeError:  # a mark that is not one of the usual spellings (None, not a tuple)
            return slow(lines, cellss, problems)
        planned_cells, registered_cells = cols[i_planned], cols[i_registered]  # type: ignore[index]
        pn = _counts(planned_cells)
        if pn is None:
            return slow(lines, cellss, problems)
        n = len(cellss)
        # Most rows register what they planned: their registered cell is the planned one, read once.
        differ = list(map(ne, planned_cells, registered_cells))
        changed = differ.count(True)
        if changed > n // 2 or 0 in pn:
            rn = _counts(registered_cells)
            if rn is None:
                return slow(lines, cellss, problems)
            # Rows below half (2 * registered < planned) or with nothing planned get their count's reason.
            odd = list(map(lt, map(add, rn, rn), pn))
            if 0 in pn:
                odd = [o or p == 0 for o, p in zip(odd, pn, strict=True)]
                ratios: list[float | None] = [r / p if p else None for r, p in zip(rn, pn, strict=True)]
            else:
                ratios = list(map(truediv, rn, pn))
            odd_rows: Iterable[int] = compress(range(n), odd) if True in odd else ()
        else:
            rn = pn.copy()
            ratios = [1.0] * n
            odd_rows = []
            if changed:
                others = _counts(list(compress(registered_cells, differ)))
                if others is None:
                    return slow(lines, cellss, problems)
                for i, r in zip(compress(range(n), differ), others, strict=True):
                    p = pn[i]
                    rn[i] = r
                    ratios[i] = r / p
                    if r + r < p:
                        odd_rows.append(i)
        orgs = list(map(strip, cols[i_org]))
        items = list(map(strip, cols[i_item]))
        if not (all(orgs) and all(items)):
            return slow(lines, cellss, problems)
        for i in odd_rows:
            found[i] = (*count_reasons(pn[i], rn[i], False), *found[i])
            needs[i] = bool(found[i])
        nothing = [None] * n
        prefs = nothing if i_pref is None else list(map(strip, cols[i_pref]))
        codes = nothing if i_code is None else list(map(strip, cols[i_code]))
        return (lines, orgs, items, pn, rn, ratios, rcs, acs, needs, found, cellss, prefs, codes, [()] * n), None

    return check_cells
