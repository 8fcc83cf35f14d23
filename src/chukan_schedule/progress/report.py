"""A sheet read row by row (:class:`Sheet`), its running totals (:class:`Tally`), and the whole
report for a library caller (:func:`read_sheet`, :class:`ProgressReport`)."""

from __future__ import annotations

import os
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import chain, compress, groupby
from typing import NamedTuple

import attrs

from ..messages import Message, msg
from ..model import Milestone
from .blocks import Block, CellsChecker, Columns, make_cells_checker, results_of_columns
from .header import find_header, is_blank
from .rows import RowError, RowResult
from .sheeterror import SheetError, shown_name
from .sheetread import open_part, open_sheet

__all__ = [
    "DEADLINE_MILESTONE",
    "MAX_BLANK_LINES",
    "SEGMENT_LINES",
    "Organization",
    "ProgressReport",
    "Sheet",
    "Tally",
    "read_sheet",
]

DEADLINE_MILESTONE = "advice_deadline"
#: A sheet's lines come in segments of this many (lines 1-50,000, 50,001-100,000, ...): a block
#: of rows never spans two, the text table is aligned afresh in each, and a sheet may be read in
#: parts, one per process, that start where a segment does.
SEGMENT_LINES = 50_000
#: Blank lines listed (all are counted).
MAX_BLANK_LINES = 1000


class Organization(NamedTuple):
    """One organization of the sheet: its items (rows read), how many need advice and which."""

    prefecture: str | None
    organization_code: str | None
    organization: str
    items: int
    needs_advice: int
    advised_items: tuple[str, ...]


def _pref_key(text: str) -> str:
    key = unicodedata.normalize("NFKC", text).strip()
    return key[:-1] if len(key) > 2 and key[-1] in "都道府県" else key


@attrs.define
class Tally:
    """Running totals: what the summary and the per-organization view need, never the rows."""

    rows_read: int = 0
    rows_needing_advice: int = 0
    rows_in_error: int = 0
    blank_rows: int = 0
    blank_lines: list[int] = attrs.field(factory=list)
    _orgs: dict[object, list[object]] = attrs.field(factory=dict)
    _last_key: object = None
    _names: dict[str, str] = attrs.field(factory=dict)
    _last: list[object] = attrs.field(factory=list)

    def blank(self, line: int) -> None:
        self.blank_rows += 1
        if len(self.blank_lines) < MAX_BLANK_LINES:
            self.blank_lines.append(line)

    def add(self, row: RowResult) -> None:
        code = row.organization_code
        key: object = code if code else (row.prefecture, row.organization)
        if key == self._last_key:
            entry = self._last
        else:
            found = self._orgs.get(key)
            if found is None:
                found = self._orgs[key] = [row.prefecture, code or None, row.organization, 0, 0, []]
            entry = self._last = found
            self._last_key = key
        entry[3] += 1  # type: ignore[operator]
        if row.needs_advice:
            entry[4] += 1  # type: ignore[operator]
            item = self._names.setdefault(row.item, row.item)  # one string per name, not one per row
            entry[5].append(item)  # type: ignore[attr-defined]

    def count_columns(self, columns: Columns) -> None:
        """Count in a block checked at once (every row read), given as its columns: one step
        per run of rows of the same organization."""
        orgs, items, needs, prefs, codes = columns[1], columns[2], columns[8], columns[11], columns[12]
        known = self._orgs
        intern = self._names.setdefault
        keys: Sequence[object] = (
            codes if all(codes) else [c if c else (p, o) for c, p, o in zip(codes, prefs, orgs, strict=True)]
        )
        last_key, entry = self._last_key, self._last
        n = len(keys)
        first = keys[0] if n else None
        # A block of one organization (most are) is one run, found without grouping.
        runs: Iterable[tuple[object, int]] = (
            ((first, n),) if n and keys.count(first) == n else ((k, len(list(g))) for k, g in groupby(keys))
        )
        start = 0
        for key, size in runs:
            end = start + size
            if key != last_key:
                found = known.get(key)
                if found is None:
                    found = known[key] = [prefs[start], codes[start] or None, orgs[start], 0, 0, []]
                entry = found
                last_key = key
            entry[3] += end - start  # type: ignore[operator]
            advised = list(compress(items[start:end], needs[start:end]))
            if advised:
                entry[4] += len(advised)  # type: ignore[operator]
                entry[5].extend(map(intern, advised, advised))  # type: ignore[attr-defined]
            start = end
        self._last_key, self._last = last_key, entry
        self.rows_read += n
        self.rows_needing_advice += sum(needs)

    def count(self, block: list[RowResult | RowError]) -> None:
        """Count a block of checked rows in."""
        add = self.add
        for r in block:
            if type(r) is RowResult:
                if r.needs_advice:
                    self.rows_needing_advice += 1
                add(r)
            else:
                self.rows_in_error += 1
        self.rows_read += len(block)

    def merge(self, later: Tally) -> None:
        """Count in the totals of the rows that follow these (a later part of the sheet)."""
        self.rows_read += later.rows_read
        self.rows_needing_advice += later.rows_needing_advice
        self.rows_in_error += later.rows_in_error
        self.blank_rows += later.blank_rows
        self.blank_lines.extend(later.blank_lines[: max(0, MAX_BLANK_LINES - len(self.blank_lines))])
        known = self._orgs
        for key, entry in later._orgs.items():
            found = known.get(key)
            if found is None:
                known[key] = entry
            else:
                found[3] += entry[3]  # type: ignore[operator]
                found[4] += entry[4]  # type: ignore[operator]
                found[5].extend(entry[5])  # type: ignore[attr-defined]
        self._last_key, self._last = None, []

    def organizations(self) -> tuple[Organization, ...]:
        """One entry per organization, by 団体コード when the sheet has it, else by prefecture and name."""
        orgs = [
            Organization(p, c, o, i, n, tuple(a))  # type: ignore[arg-type]
            for p, c, o, i, n, a in self._orgs.values()
        ]
        orgs.sort(
            key=lambda g: (g.organization_code is None, g.organization_code or "", g.prefecture or "", g.organization)
        )
        return tuple(orgs)


def _pad(cellss: list[list[str]], width: int) -> None:
    """Each row of cells (a workbook's, which stores no empty cell) made ``width`` wide with empty cells."""
    for cells in cellss:
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))


def file_identity(status: os.stat_result) -> tuple[int, ...]:
    """What tells a file: its device, inode, size and modification time."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


class PartOfSheet(NamedTuple):
    """A part of a sheet to read in another process: the file, how to read it, and where."""

    name: str
    path: str  # what to open: the file this process opened, where the system can name it
    identity: tuple[int, ...]
    encoding: str  # as the sheet says it (utf-8-sig ...)
    decoding: str  # as its lines are decoded (utf-8 or cp932)
    delimiter: str
    header: tuple[str, ...]
    columns: tuple[tuple[str, int], ...]
    prefecture: str | None
    segment_lines: int
    offset: int
    first_line: int
    stop_line: int | None


class Sheet:
    """A progress sheet opened for reading: iterate it for each row checked against P1.

    ``source`` is the file name as shown (escaped), ``encoding`` how it is read, ``header``
    the header's cells, ``columns`` field -> 0-based column, ``tally`` the running totals.
    ``prefecture`` keeps only that prefecture's rows (``北海道``, or ``北海`` without 道).
    Nothing but the current row is held.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        columns: Mapping[str, str] | None = None,
        prefecture: str | None = None,
    ) -> None:
        name = os.fspath(path)
        self.name = name
        self.source = shown_name(name)
        self.encoding, rows = open_sheet(name)
        header, self._pending, blank = find_header(name, rows, columns or {})
        self._rows = rows
        self.header = tuple(header.cells)
        self.columns = header.columns
        self.tally = Tally()
        for line in blank:
            self.tally.blank(line)
        self._prefecture = None if prefecture is None else _pref_key(prefecture)
        if self._prefecture is not None and "prefecture" not in self.columns:
            raise SheetError(msg("progress.no_prefecture", name=self.source, prefecture=prefecture))
        #: Lines per segment (:data:`SEGMENT_LINES`); the first line not read (a later part's), or ``None``.
        self.segment_lines = SEGMENT_LINES
        self.stop_line: int | None = None
        self.split_ok = False  # whether this part ended where the next one starts (see :meth:`column_blocks`)

    @classmethod
    def part(cls, spec: PartOfSheet) -> Sheet:
        """The rows of a sheet from line ``spec.first_line`` (up to ``spec.stop_line``), read in
        another process after :meth:`part_of` described them; :class:`SheetError` when the file
        is no longer the one described."""
        self = cls.__new__(cls)
        self.name = spec.name
        self.source = shown_name(spec.name)
        self.encoding = spec.encoding
        rows, status = open_part(spec.path, spec.decoding, spec.delimiter, spec.offset, spec.first_line)
        if file_identity(status) != spec.identity:
            rows.close()  # type: ignore[attr-defined]
            raise SheetError(msg("progress.changed", name=self.source))
        self._rows = rows
        self._pending = []
        self.header = spec.header
        self.columns = dict(spec.columns)
        self.tally = Tally()
        self._prefecture = spec.prefecture
        self.segment_lines = spec.segment_lines
        self.stop_line = spec.stop_line
        self.split_ok = False
        return self

    def decoding(self) -> tuple[str, str] | None:
        """(encoding, delimiter) when the sheet may be read in parts (a CSV or tab-separated text
        in UTF-8 or CP932), else ``None``."""
        return self._rows.decoding()

    def opened(self) -> tuple[str, tuple[int, ...], int] | None:
        """What another process opens to read the very file this one reads, even after it was
        renamed or replaced (``/proc/PID/fd/N`` where the system has it, else its name), the
        file's identity, and a descriptor of it to keep open (and close) while they read;
        ``None`` when the file is not open (.xlsx, UTF-16)."""
        fd = self._rows.fileno()
        if fd is None:
            return None
        try:
            kept = os.dup(fd)
            status = os.fstat(kept)
        except OSError:
            return None
        path = f"/proc/{os.getpid()}/fd/{kept}"
        return (path if os.path.exists(path) else self.name), file_identity(status), kept

    def part_of(
        self, path: str, first_line: int, offset: int, stop_line: int | None, identity: tuple[int, ...]
    ) -> PartOfSheet:
        """What another process needs to read this sheet's rows from ``first_line`` (at byte
        ``offset``) of ``path`` (see :meth:`opened`)."""
        found = self.decoding()
        assert found is not None
        return PartOfSheet(
            name=self.name,
            path=path,
            identity=identity,
            encoding=self.encoding,
            decoding=found[0],
            delimiter=found[1],
            header=self.header,
            columns=tuple(self.columns.items()),
            prefecture=self._prefecture,
            segment_lines=self.segment_lines,
            offset=offset,
            first_line=first_line,
            stop_line=stop_line,
        )

    @property
    def next_line(self) -> int:
        """The line the next row read starts on (a part may start there or later)."""
        return int(getattr(self._rows, "start", 1))

    @property
    def has_prefecture(self) -> bool:
        return "prefecture" in self.columns

    @property
    def has_code(self) -> bool:
        return "organization_code" in self.columns

    def __iter__(self) -> Iterator[RowResult | RowError]:
        return chain.from_iterable(self.blocks())

    def blocks(self, size: int = 1000) -> Iterator[list[RowResult | RowError]]:
        """The checked rows in line order, in lists of up to ``size`` (the last one possibly empty)."""
        for columns, results in self.column_blocks(size):
            yield results if results is not None else results_of_columns(columns)  # type: ignore[arg-type]

    def column_blocks(self, size: int = 1000) -> Iterator[Block]:
        """:meth:`blocks`, each block either as columns (every row read, see :data:`.blocks.Columns`)
        or as its results.  A block holds up to ``size`` rows of one segment (:data:`SEGMENT_LINES`);
        the last block, at the sheet's end, may be empty."""
        check = make_cells_checker(self.columns, len(self.header))
        want = self._prefecture
        i_pref = self.columns.get("prefecture", 0)
        blank = self.tally.blank
        segment, stop = self.segment_lines, self.stop_line
        # Rows read and not yet checked, in line order.  Leaving out blank rows and other
        # prefectures changes nothing for rows already left in, so a row may be looked at twice.
        pending = self._pending
        self._pending = []
        lines = [row[0] for row in pending]
        cellss = [row[1] for row in pending]
        problems = [row[2] for row in pending]
        rows = self._rows
        # A workbook stores no empty cell: a row whose last cells are blank (a check not done) is
        # as wide as the header, with those cells empty, not a shorter row.
        width = len(self.header) if self.encoding == "xlsx" else 0
        if width:
            _pad(cellss, width)
        more = True
        while True:
            # Rows enough for a block: as many as it holds, or up to the segment's end, or all there are.
            while more and len(lines) < size and not (lines and (lines[-1] - 1) // segment > (lines[0] - 1) // segment):
                raw_lines, raw_cells, raw_problems = rows.take(size)
                if not raw_cells:
                    more = False
                    break
                if width:
                    _pad(raw_cells, width)
                lines += raw_lines
                cellss += raw_cells
                problems += raw_problems if raw_problems is not None else [None] * len(raw_cells)
            if stop is not None and lines and lines[-1] >= stop:  # a later part's rows are not this one's ...
                k = bisect_left(lines, stop)
                if lines[k] == stop:  # ... when a row starts where that part does (no quoted cell spans it)
                    del lines[k:], cellss[k:], problems[k:]
                    more = False
                    self.split_ok = True
                else:  # the later parts read from inside a row: this part reads on, to the end
                    stop = self.stop_line = None
            if not lines:
                break
            n = min(size, len(lines))
            bound = ((lines[0] - 1) // segment + 1) * segment + 1  # the next segment's first line
            if lines[n - 1] >= bound:
                n = bisect_left(lines, bound, 0, n)
            if want is None and n == size:  # the usual block: checked as read (if it is, none of its rows is blank)
                block = check(lines[:n], cellss[:n], None if not any(problems[:n]) else problems[:n])
                if block[0] is not None:
                    self.tally.count_columns(block[0])
                    yield block
                    del lines[:n], cellss[:n], problems[:n]
                    continue
            kept = self._kept(lines[:n], cellss[:n], problems[:n], want, i_pref, blank)
            if len(kept[0]) == n or n < size:  # a block's worth kept, or the segment's (or the sheet's) end
                yield self._checked(check, *kept)
                del lines[:n], cellss[:n], problems[:n]
            else:
                lines[:n], cellss[:n], problems[:n] = kept
        if not self.split_ok:
            self.stop_line = None  # read to the end: no later part is read
            yield self._checked(check, [], [], [])

    @staticmethod
    def _kept(
        lines: list[int],
        cellss: list[list[str]],
        problems: list[Message | None],
        want: str | None,
        i_pref: int,
        blank: Callable[[int], None],
    ) -> tuple[list[int], list[list[str]], list[Message | None]]:
        """The rows that are not blank (counted by ``blank``) and of the prefecture wanted."""
        out: tuple[list[int], list[list[str]], list[Message | None]] = ([], [], [])
        for line, cells, problem in zip(lines, cellss, problems, strict=True):
            first = cells[0] if cells else ""
            if (not first or first.isspace()) and is_blank(cells):
                blank(line)
                continue
            if want is not None and (i_pref >= len(cells) or _pref_key(cells[i_pref]) != want):
                continue
            out[0].append(line)
            out[1].append(cells)
            out[2].append(problem)
        return out

    def _checked(
        self, check: CellsChecker, lines: list[int], cellss: list[list[str]], problems: list[Message | None]
    ) -> Block:
        block = check(lines, cellss, problems if any(problems) else None)
        if block[0] is None:
            self.tally.count(block[1])  # type: ignore[arg-type]
        else:
            self.tally.count_columns(block[0])
        return block


@attrs.frozen
class ProgressReport:
    """A progress sheet checked against P1, held whole (for a library caller; the command
    line streams instead).

    ``deadline`` is the plan's milestone ``advice_deadline`` (2017-06-30 for July 2017);
    ``header`` is the header's cells, ``blank_lines`` the fully blank rows skipped (the first
    1,000), ``encoding`` how the file was read (``utf-8``, ``utf-8-sig``, ``cp932``,
    ``utf-16`` or ``xlsx``), ``deadline_en``/``deadline_ja`` the milestone's title.
    """

    rows: tuple[RowResult, ...]
    errors: tuple[RowError, ...]
    deadline: date
    source: str
    header: tuple[str, ...] = ()
    blank_lines: tuple[int, ...] = ()
    encoding: str = ""
    deadline_en: str = ""
    deadline_ja: str = ""
    organizations: tuple[Organization, ...] = ()
    blank_count: int = -1
    has_prefecture: bool = False
    has_code: bool = False

    @property
    def rows_read(self) -> int:
        """Data rows read (checked or in error); blank rows are not counted."""
        return len(self.rows) + len(self.errors)

    @property
    def rows_needing_advice(self) -> int:
        return sum(1 for r in self.rows if r.needs_advice)

    @property
    def rows_in_error(self) -> int:
        return len(self.errors)

    @property
    def blank_rows(self) -> int:
        return len(self.blank_lines) if self.blank_count < 0 else self.blank_count


def deadline_of(plan: object) -> Milestone:
    """P1's deadline: ``plan`` is a plan (its milestone ``advice_deadline``) or that milestone itself."""
    if isinstance(plan, Milestone):
        return plan
    milestone = getattr(plan, "milestone", None)
    if milestone is None:
        raise TypeError(f"plan: expected a Plan or its P1 deadline (a Milestone), got {type(plan).__name__}")
    found = milestone(DEADLINE_MILESTONE)
    assert isinstance(found, Milestone)
    return found


def read_sheet(
    path: str | os.PathLike[str],
    plan: object,
    *,
    columns: Mapping[str, str] | None = None,
    prefecture: str | None = None,
) -> ProgressReport:
    """Read a progress sheet (CSV, tab-separated text or .xlsx) and check each row against P1.

    ``plan`` is the plan (a :class:`~chukan_schedule.engine.Plan`) or its P1 deadline (the
    milestone ``advice_deadline``); it gives only the deadline.  ``columns`` maps normalised
    headers to fields (see :func:`~chukan_schedule.progress.columns.parse_column_option`).
    Raises :class:`SheetError` when the file as a whole cannot be read; a row that cannot be
    read is reported in ``ProgressReport.errors`` instead.
    """
    milestone = deadline_of(plan)
    sheet = Sheet(path, columns=columns, prefecture=prefecture)
    rows: list[RowResult] = []
    errors: list[RowError] = []
    for result in sheet:
        if type(result) is RowResult:
            rows.append(result)
        else:
            assert isinstance(result, RowError)
            errors.append(result)
    tally = sheet.tally
    return ProgressReport(
        rows=tuple(rows),
        errors=tuple(errors),
        deadline=milestone.last_day,
        source=sheet.source,
        header=sheet.header,
        blank_lines=tuple(tally.blank_lines),
        encoding=sheet.encoding,
        deadline_en=milestone.en,
        deadline_ja=milestone.ja,
        organizations=tally.organizations(),
        blank_count=tally.blank_rows,
        has_prefecture=sheet.has_prefecture,
        has_code=sheet.has_code,
    )
