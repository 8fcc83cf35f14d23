"""The report written out as it is read: a text table, JSON or CSV, and the per-organization view.

Every writer takes a :class:`Results` (a streamed :class:`~.report.Sheet` or a held
:class:`~.report.ProgressReport`) and a ``write`` function for text, and holds no more
than a block of rows: the rows in error, listed after the others, wait in a temporary
file; the per-organization view is made from the running totals.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import tempfile
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import chain, compress, groupby, repeat
from operator import floordiv, is_, mul, ne
from typing import IO, TYPE_CHECKING, Any, Protocol

from ..lang import Lang, Text
from ..messages import Message, msg
from ..model import Milestone, Reason
from ..render import display_width, long_day
from . import report as _report
from .blocks import Block, Columns, results_of_columns
from .cells import SUSPECT, safe_cell
from .columns import RESULT_HEADERS
from .report import Organization, ProgressReport, Sheet, Tally
from .rows import CHECK_REASONS, CLAUSE, RowError, RowResult, percent

if TYPE_CHECKING:
    from .parts import PartDone, Parts

__all__ = ["BLOCK", "Results", "results_of", "write_csv", "write_json", "write_organizations", "write_text"]

#: Rows are read, checked and written a block of this many at a time, and the text table is
#: aligned over each block (widening as it goes).  Blocks of 250 rows keep what one block makes
#: in the processor's caches: a quarter faster than blocks of 1,000 (bench/bench_progress.py).
BLOCK = 250

Write = Callable[[str], object]


class Results(Protocol):
    """What a writer reads: the sheet's description, its checked rows in line order, then its totals."""

    source: str
    encoding: str
    header: tuple[str, ...]
    has_prefecture: bool
    has_code: bool
    segment_lines: int

    def __iter__(self) -> Iterator[RowResult | RowError]: ...

    def blocks(self) -> Iterator[list[RowResult | RowError]]: ...

    def column_blocks(self) -> Iterator[Block]: ...

    def totals(self) -> Tally: ...

    def split(self, kind: str, lang: str | None) -> None:
        """Have the later parts of the sheet read by other processes (see :mod:`.parts`), each
        written by the writer ``kind`` (:func:`write_part`); the rows then read are the first part's."""

    def parts(self) -> Iterator[PartDone]:
        """After the first part's rows: the later parts, in order, as each is done (their totals counted in)."""
        ...

    def close(self) -> None:
        """Stop the other processes, if any still run, and remove what they wrote."""


class _Streamed:
    def __init__(self, sheet: Sheet, tick: Callable[[int], None] | None = None, jobs: int = 1) -> None:
        self.sheet = sheet
        self.source, self.encoding, self.header = sheet.source, sheet.encoding, sheet.header
        self.has_prefecture, self.has_code = sheet.has_prefecture, sheet.has_code
        self.segment_lines = sheet.segment_lines
        self.tick = tick
        self.jobs = jobs
        self._parts: Parts | None = None

    def split(self, kind: str, lang: str | None) -> None:
        if self.jobs > 1 and self._parts is None:
            from .parts import start

            self._parts = start(self.sheet, self.jobs, kind, lang)

    def parts(self) -> Iterator[PartDone]:
        parts = self._parts
        if parts is None:
            return
        if not self.sheet.split_ok:  # the first part read on to the sheet's end
            parts.close()
            return
        for done in parts.wait(self._ticks()):
            self.sheet.tally.merge(done.tally)
            yield done

    def _ticks(self) -> Callable[[int], None] | None:
        tick = self.tick
        if tick is None:
            return None
        own = self.sheet.tally.rows_read
        return lambda n: tick(own + n)

    def close(self) -> None:
        if self._parts is not None:
            self._parts.close()

    def __iter__(self) -> Iterator[RowResult | RowError]:
        return chain.from_iterable(self.blocks())

    def blocks(self) -> Iterator[list[RowResult | RowError]]:
        tick = self.tick
        if tick is None:
            yield from self.sheet.blocks(BLOCK)
            return
        n = due = 0
        for block in self.sheet.blocks(BLOCK):
            n += len(block)
            if n >= due + 0x10000:
                due = n
                tick(n + (self._parts.rows_read() if self._parts is not None else 0))
            yield block

    def column_blocks(self) -> Iterator[Block]:
        tick = self.tick
        if tick is None:
            yield from self.sheet.column_blocks(BLOCK)
            return
        n = due = 0
        for block in self.sheet.column_blocks(BLOCK):
            n += len(block[0][0]) if block[0] is not None else len(block[1])  # type: ignore[arg-type]
            if n >= due + 0x10000:
                due = n
                tick(n + (self._parts.rows_read() if self._parts is not None else 0))
            yield block

    def totals(self) -> Tally:
        return self.sheet.tally


class _Held:
    def __init__(self, report: ProgressReport) -> None:
        self.report = report
        self.source, self.encoding, self.header = report.source, report.encoding, report.header
        self.has_prefecture, self.has_code = report.has_prefecture, report.has_code
        self.segment_lines = _report.SEGMENT_LINES  # (read now: a test may set it)

    def split(self, kind: str, lang: str | None) -> None:
        pass

    def parts(self) -> Iterator[PartDone]:
        return iter(())

    def close(self) -> None:
        pass

    def __iter__(self) -> Iterator[RowResult | RowError]:
        merged: list[RowResult | RowError] = [*self.report.rows, *self.report.errors]
        merged.sort(key=lambda r: r.line)
        return iter(merged)

    def blocks(self) -> Iterator[list[RowResult | RowError]]:
        segment = self.segment_lines
        for _, rows in groupby(self, key=lambda r: (r.line - 1) // segment):
            in_segment = list(rows)
            for i in range(0, len(in_segment), BLOCK):
                yield in_segment[i : i + BLOCK]
        yield []

    def column_blocks(self) -> Iterator[Block]:
        for block in self.blocks():
            yield None, block

    def totals(self) -> Tally:
        r = self.report
        tally = Tally(
            rows_read=r.rows_read,
            rows_needing_advice=r.rows_needing_advice,
            rows_in_error=r.rows_in_error,
            blank_rows=r.blank_rows,
            blank_lines=list(r.blank_lines),
        )
        for row in r.rows:
            tally.add(row)
        return tally


def results_of(source: Sheet | ProgressReport, tick: Callable[[int], None] | None = None, jobs: int = 1) -> Results:
    """A sheet (streamed, ``tick(rows)`` every 65,536 rows; read by up to ``jobs`` processes
    when it is large, see :mod:`.parts`) or a held report, for the writers."""
    return _Streamed(source, tick, jobs) if isinstance(source, Sheet) else _Held(source)


# ---------------------------------------------------------------- small pieces


def _in(reason: Reason, lang: str) -> str:
    """``reason.text(lang)``, at once for the usual ``en`` and ``ja``."""
    return reason.ja if lang == "ja" else reason.en if lang == "en" else reason.text(lang)


def _deadline_text(d: date) -> Text:
    """The deadline as the summary says it: ``2017-06-30``, ``2017年6月30日（6月末）`` (a month's last day)."""
    ja = long_day(d).text("ja")
    if (d + timedelta(days=1)).month != d.month:
        ja += msg("progress.out.month_end", month=d.month).text("ja")
    return Text(d.isoformat(), ja)


def _counted(singular: str, plural: str, n: int) -> Message:
    """``n`` with its word (catalog ``singular`` when ``n`` is 1, else ``plural``; Japanese has one form)."""
    return msg(singular if n == 1 else plural, n=n)


def summary_line(t: Tally, deadline: Milestone, lang: str) -> str:
    read, need = t.rows_read, t.rows_needing_advice
    blank = msg("progress.out.blank_skipped", n=t.blank_rows) if t.blank_rows else ""
    return msg(
        "progress.out.summary",
        read=_counted("progress.out.n_row", "progress.out.n_rows", read),
        need=_counted("progress.out.n_needs", "progress.out.n_need", need),
        errors=t.rows_in_error,
        blank=blank,
        due=_deadline_text(deadline.last_day),
        clause=CLAUSE,
    ).text(_lang(lang))


def _display(text: str) -> str:
    """A cell made safe for a terminal: control and format characters (a line break too) shown escaped."""
    if text.isprintable():
        return text
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in text)


_WIDTHS: dict[str, int] = {}


def _width(s: str) -> int:
    if s.isascii():
        return len(s)
    w = _WIDTHS.get(s)
    if w is None:
        if len(_WIDTHS) > 100_000:
            _WIDTHS.clear()
        w = _WIDTHS[s] = display_width(s)
    return w


def _ratio_text(r: RowResult) -> str:
    if r.planned is not None and r.registered is not None:
        return "-" if r.planned == 0 else percent(r.registered, r.planned)
    if r.ratio is None:
        return "-"
    per_mille = math.floor(r.ratio * 1000 + 1e-9)
    return f"{per_mille // 10}.{per_mille % 10}%"


def _count_text(n: int | None) -> str:
    return "-" if n is None else f"{n:,}"


_THOUSANDS = "{:,}".format


class _Spool:
    """Lines kept for later (the rows in error) in a temporary file, not in memory."""

    def __init__(self) -> None:
        self.file: IO[str] | None = None

    def add(self, line: str) -> None:
        if self.file is None:
            self.file = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8", newline="")  # noqa: SIM115
        self.file.write(line)

    def extend(self, path: str) -> None:
        """Add the lines kept in the file ``path`` (a later part's, see :mod:`.parts`)."""
        with open(path, encoding="utf-8", errors="surrogatepass", newline="") as f:
            while chunk := f.read(1 << 16):
                self.add(chunk)

    def replay(self, write: Write, skip: int = 0) -> bool:
        """Write the lines kept (but their first ``skip`` characters); whether there were any."""
        if self.file is None:
            return False
        self.file.seek(0)
        first = True
        while chunk := self.file.read(1 << 16):
            write(chunk[skip:] if first else chunk)
            first = False
        self.file.close()
        self.file = None
        return True


_NO_ROWS: Columns = tuple([] for _ in RowResult._fields)


def _blocks(results: Results, on_error: Callable[[RowError], object]) -> Iterator[Columns]:
    """The checked rows, block by block, as columns (one per field of :class:`RowResult`; a
    last, possibly empty, block included); the rows in error go to ``on_error``."""
    for columns, block in results.column_blocks():
        if columns is not None:
            yield columns
            continue
        assert block is not None
        rows = [r for r in block if type(r) is RowResult]
        if len(rows) != len(block):
            for e in block:
                if type(e) is RowError:
                    on_error(e)
        yield tuple(map(list, zip(*rows, strict=True))) if rows else _NO_ROWS


# ---------------------------------------------------------------- text


def _lang(lang: str | None) -> Lang:
    """The language of the human output: Japanese for ``ja``, else English (``None`` too)."""
    return Lang.JA if lang == "ja" else Lang.EN


def _say(message_id: str, lang: str | None, **params: object) -> str:
    return msg(message_id, **params).text(_lang(lang))


#: The text table's columns (catalog ``progress.head.<id>``).
_HEAD = ("line", "code", "prefecture", "organization", "item", "planned", "registered", "ratio", "range", "accuracy",
         "advice")  # fmt: skip


def _heads(ids: Sequence[str], lang: str | None) -> tuple[str, ...]:
    return tuple(_say(f"progress.head.{i}", lang) for i in ids)


def _error_line(e: RowError, lang: str) -> str:
    return _say("progress.out.error_line", lang, line=e.line, problems=Text(e.message, e.text("ja")))


def _source_line(results: Results, lang: str) -> str:
    return _say("progress.out.source", lang, source=results.source, encoding=results.encoding)


class _Cache(dict[object, object]):
    """A bounded memo of a function of a cell (the same names come back on every row): at most
    ``limit`` entries, emptied when full."""

    def __init__(self, fn: Callable[[Any], object], limit: int = 200_000) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key: object) -> object:
        if len(self) > self.limit:
            self.clear()
        value = self[key] = self.fn(key)
        return value


# Which text columns hold names (any width) and which are right-aligned numbers.
_NAMES = frozenset((1, 2, 3, 4))


def _per_mille(x: int) -> str:
    return f"{x // 10}.{x % 10}%"


#: Per-mille -> its text (0.0% .. 100.0% and a little beyond, the same on many rows).
_PER_MILLE: Callable[[int], str] = _Cache(_per_mille).__getitem__  # type: ignore[assignment]


def _ratios(planneds: Sequence[int | None], regs: Sequence[int | None], ratios: Sequence[float | None]) -> list[str]:
    if None not in planneds and None not in regs and 0 not in planneds:  # the usual block, at once
        # registered/planned rounded down to 0.1 %: below half never shows 50.0%
        return list(map(_PER_MILLE, map(floordiv, map(mul, regs, repeat(1000)), planneds)))
    out = []
    for p, r, f in zip(planneds, regs, ratios, strict=True):
        if p and r is not None:
            x = r * 1000 // p  # rounded down: below half never shows 50.0%
            out.append(f"{x // 10}.{x % 10}%")
        elif p is None and f is not None:
            x = math.floor(f * 1000 + 1e-9)
            out.append(f"{x // 10}.{x % 10}%")
        else:
            out.append("-")
    return out


class _Padded(dict["str | None", str]):
    """A cell of the text table as shown (:func:`_display`) and padded to ``width`` display
    columns (a bounded memo: the same names come back on every row); ``None`` is blank."""

    def __init__(self, width: int, shown: Callable[[str], str], width_of: Callable[[str], int]) -> None:
        super().__init__()
        self.width = width
        self.shown = shown
        self.width_of = width_of

    def __missing__(self, key: str | None) -> str:
        if len(self) > 200_000:
            self.clear()
        text = self.shown(key or "")
        value = self[key] = text + " " * (self.width - self.width_of(text))
        return value


def _text_columns(results: Results) -> list[int]:
    """The text table's columns shown: 団体コード and 都道府県名 when the sheet has them."""
    keep = [True, results.has_code, results.has_prefecture, *([True] * 8)]
    return [i for i, k in enumerate(keep) if k]


def write_text(results: Results, deadline: Milestone, lang: str, write: Write) -> None:
    """The readable report: an aligned table (East Asian wide characters count as two
    columns; aligned over blocks of :data:`BLOCK` rows, widening as it goes, afresh in each
    segment of :data:`~.report.SEGMENT_LINES` lines), each row's P1 reasons under it, the rows
    in error, and a summary line.  団体コード and 都道府県名 are shown when the sheet has them."""
    results.split("text", lang)
    write(_source_line(results, lang))
    errors = _Spool()
    top = _text_rows(results, lang, write, errors.add, True)
    for part in results.parts():
        if top is None and part.seam is not None:  # the table's head, as that part saw it
            top = str(part.seam)
            write(top)
        part.copy_output(write)
        errors.extend(part.errors)
    if top is None:  # no row: the head alone
        head = _heads(_HEAD, lang)
        write("  ".join(head[i] for i in _text_columns(results)).rstrip() + "\n")
    if errors.file is not None:
        write(_say("progress.out.errors", lang))
        errors.replay(write)
    write(summary_line(results.totals(), deadline, lang) + "\n")


def _text_rows(results: Results, lang: str, write: Write, add_error: Write, own_top: bool) -> str | None:
    """The text table's rows of ``results`` (and, when ``own_top``, its head above the first),
    the rows in error to ``add_error``; returns the head (``None`` when there was no row)."""
    yes, no = _say("progress.out.done", lang), _say("progress.out.not_done", lang)
    need = _say("progress.out.needed", lang)
    note = _say("progress.out.note", lang)
    keep = [True, results.has_code, results.has_prefecture, *([True] * 8)]
    cols = _text_columns(results)
    head = _heads(_HEAD, lang)
    start_widths = {i: display_width(head[i]) for i in cols}
    widths = dict(start_widths)
    segment_lines = results.segment_lines
    segment = -1
    top: str | None = None
    shown_cell: Callable[[str], str] = _Cache(_display).__getitem__  # type: ignore[assignment]
    width_of: Callable[[str], int] = _Cache(display_width).__getitem__  # type: ignore[assignment]
    shown_width: Callable[[str | None], int] = _Cache(lambda c: width_of(shown_cell(c or ""))).__getitem__  # type: ignore[assignment]
    shared = {id(x): f"    {x.clause}: {x.text(lang)}\n" for t in CHECK_REASONS.values() for x in t}
    shared_tuples = {id(t): "".join(shared[id(x)] for x in t) for t in CHECK_REASONS.values()}
    marks = {True: yes, False: no}
    advice = {True: need, False: "-"}
    pads: dict[int, Callable[[str], str]] = {}  # width -> a memo of names padded to it
    padded_cells: dict[tuple[int, int], Callable[[str | None], str]] = {}  # (column, width) -> a memo of cells
    padded_ratios: dict[int, Callable[[int], str]] = {}  # width -> a memo of per-mille ratios right-aligned to it
    last = cols[-1]

    def on_error(e: RowError) -> None:
        add_error(_error_line(e, lang))

    def top_line() -> str:
        tops: list[str] = []
        for i in cols:
            header, w = head[i], widths[i]
            if i == last:  # the last column is not padded
                tops.append(header)
            elif i in _NAMES or i >= 8:
                tops.append(header + " " * (w - width_of(header)))
            else:
                tops.append(" " * (w - display_width(header)) + header)
        return "  ".join(tops).rstrip() + "\n"

    def under_text(reasons: tuple[Reason, ...], notes: tuple[Reason, ...]) -> str:
        text = shared_tuples.get(id(reasons))
        if text is None:
            text = "".join(shared.get(id(x)) or f"    {x.clause}: {_in(x, lang)}\n" for x in reasons)
        if notes:
            text += "".join(f"    {note}: {_in(x, lang)}\n" for x in notes)
        return text

    def at_once(block: Columns) -> str | None:
        """The block's lines, each joined from its cells made column by column (the usual
        block: counts on every row, nothing planned is zero, no notes); ``None`` for any other."""
        (lines, orgs, items, planneds, regs, _, rcs, acs, needs, reasonss, _, prefs, codes, notess) = block
        if None in planneds or None in regs or 0 in planneds or any(notess):
            return None
        w = _widen(widths, 0, len(str(lines[-1])))
        fields: list[Iterable[str]] = [map(f"%{w}d".__mod__, lines)]
        for i, col in ((1, codes), (2, prefs), (3, orgs), (4, items)):
            if keep[i]:
                w = _widen(widths, i, max(map(shown_width, set(col))))
                pad = padded_cells.get((i, w))
                if pad is None:
                    pad = padded_cells[i, w] = _Padded(w, shown_cell, width_of).__getitem__
                fields.append(map(pad, col))
        # Counts with thousands separators, each made once: most rows registered what they planned.
        planned_text = list(map(format, planneds, repeat(",")))
        registered_text = planned_text.copy()
        for k in compress(range(len(regs)), map(ne, regs, planneds)):
            registered_text[k] = format(regs[k], ",")
        w = _widen(widths, 5, max(map(len, planned_text)))
        fields.append(map(str.rjust, planned_text, repeat(w)))
        w = _widen(widths, 6, max(map(len, registered_text)))
        fields.append(map(str.rjust, registered_text, repeat(w)))
        per_mille = list(map(floordiv, map(mul, regs, repeat(1000)), planneds))
        w = _widen(widths, 7, len(_PER_MILLE(max(per_mille))))
        ratio = padded_ratios.get(w)
        if ratio is None:
            ratio = padded_ratios[w] = _Cache(lambda x, w=w: _PER_MILLE(x).rjust(w)).__getitem__  # type: ignore[misc, assignment]
        fields.append(map(ratio, per_mille))  # type: ignore[arg-type]
        # The marks, the advice and the reasons under the row: the same for every row of one of
        # the four reason tuples that the checks give; other rows (a count's reason) one by one.
        w8 = _widen(widths, 8, max(width_of(marks[b]) for b in (True, False) if b in rcs))
        w9 = _widen(widths, 9, max(width_of(marks[b]) for b in (True, False) if b in acs))
        _widen(widths, 10, max(width_of(advice[b]) for b in (True, False) if b in needs))

        def tail(rc: bool, ac: bool, needed: bool, under: str) -> str:
            range_text, accuracy_text = marks[rc], marks[ac]
            return (
                f"{range_text}{' ' * (w8 - width_of(range_text))}  {accuracy_text}"
                f"{' ' * (w9 - width_of(accuracy_text))}  {advice[needed]}\n{under}"
            )

        by_reasons = {id(t): tail(r, a, bool(t), shared_tuples[id(t)]) for (r, a), t in CHECK_REASONS.items()}
        tails = list(map(by_reasons.get, map(id, reasonss)))
        if None in tails:
            for k in compress(range(len(tails)), map(is_, tails, repeat(None))):
                tails[k] = tail(rcs[k], acs[k], needs[k], under_text(reasonss[k], ()))
        fields.append(tails)  # type: ignore[arg-type]
        return "".join(map("  ".join, zip(*fields)))  # noqa: B905 (as long as the block, each)

    for block in _blocks(results, on_error):
        if not block[0]:
            continue
        if (block[0][0] - 1) // segment_lines != segment:  # a new segment: aligned afresh
            segment = (block[0][0] - 1) // segment_lines
            widths.clear()
            widths.update(start_widths)
        text = at_once(block)
        if text is not None:
            if top is None:
                top = top_line()
                if own_top:
                    write(top)
            write(text)
            continue
        (lines, orgs, items, planneds, regs, ratios, rcs, acs, needs, reasonss, _, prefs, codes, notess) = block
        columns: list[list[str]] = [
            list(map(str, lines)),
            [shown_cell(c or "") for c in codes],
            [shown_cell(c or "") for c in prefs],
            list(map(shown_cell, orgs)),
            list(map(shown_cell, items)),
            list(map(_THOUSANDS, planneds)) if None not in planneds else list(map(_count_text, planneds)),
            list(map(_THOUSANDS, regs)) if None not in regs else list(map(_count_text, regs)),
            _ratios(planneds, regs, ratios),
            list(map(marks.__getitem__, rcs)),
            list(map(marks.__getitem__, acs)),
            list(map(advice.__getitem__, needs)),
        ]
        padded: list[list[str]] = []
        for i in cols:
            col = columns[i]
            if i in _NAMES or i >= 8:  # names, and the marks (済/未/要 are two columns wide)
                w = widths[i] = max(widths[i], max(map(width_of, col), default=0))
                if i == last:  # the last column is not padded
                    padded.append(col)
                    continue
                if w not in pads:
                    pads[w] = _Cache(lambda c, w=w: c + " " * (w - width_of(c))).__getitem__  # type: ignore[misc, assignment]
                padded.append(list(map(pads[w], col)))
            else:  # ASCII numbers, right-aligned
                w = widths[i] = max(widths[i], max(map(len, col), default=0))
                padded.append(list(map(str.rjust, col, repeat(w))))
        out: list[str] = []
        if top is None:
            top = top_line()
            if own_top:
                out.append(top)
        texts = map("  ".join, zip(*padded, strict=True))
        under = list(map(under_text, reasonss, notess))
        out.extend(chain.from_iterable(zip(texts, repeat("\n"), under, strict=False)))
        write("".join(out))
    return top


def _widen(widths: dict[int, int], i: int, width: int) -> int:
    """Column ``i``'s width, widened to ``width`` if it is narrower."""
    if width > widths[i]:
        widths[i] = width
    return widths[i]


def _line(cells: Iterable[str], widths: list[int], right: list[bool]) -> str:
    parts = []
    for c, w, r in zip(cells, widths, right, strict=False):
        fill = " " * (w - _width(c))
        parts.append(fill + c if r else c + fill)
    return "  ".join(parts).rstrip() + "\n"


# ---------------------------------------------------------------- per organization

#: The per-organization table's columns (catalog ``progress.head.<id>``).
_ORG_HEAD = ("code", "prefecture", "organization", "items", "advice", "advised_items")


def _error_lines(results: Results, lang: str, add_error: Write) -> None:
    """Read every row of ``results``; the rows in error as the text report says them, to ``add_error``."""
    for r in results:
        if type(r) is RowError:
            add_error(_error_line(r, lang))


def write_organizations(results: Results, deadline: Milestone, lang: str, write: Write) -> None:
    """One line per organization (by 団体コード when the sheet has it, else by prefecture and
    name): how many items it has, how many need advice and which; then the rows in error
    and the summary."""
    results.split("organizations", lang)
    errors = _Spool()
    _error_lines(results, lang, errors.add)
    for part in results.parts():
        errors.extend(part.errors)
    totals = results.totals()
    orgs = totals.organizations()
    keep = [results.has_code, results.has_prefecture, True, True, True, True]
    cols = [i for i, k in enumerate(keep) if k]
    right = [(False, False, False, True, True, False)[i] for i in cols]
    head = tuple(_heads(_ORG_HEAD, lang)[i] for i in cols)
    sep = _say("list.separator", lang)
    table = [head]
    for g in orgs:
        full = (
            _display(g.organization_code or ""),
            _display(g.prefecture or ""),
            _display(g.organization),
            str(g.items),
            str(g.needs_advice) if g.needs_advice else "-",
            sep.join(_display(i) for i in g.advised_items),
        )
        table.append(tuple(full[i] for i in cols))
    widths = [max(_width(row[i]) for row in table) for i in range(len(cols))]
    widths[-1] = 0  # the last column is not padded
    write(_source_line(results, lang))
    write("".join(_line(row, widths, right) for row in table))
    if errors.file is not None:
        write(_say("progress.out.errors", lang))
        errors.replay(write)
    advised = sum(1 for g in orgs if g.needs_advice)
    said = msg(
        "progress.out.organizations",
        orgs=_counted("progress.out.n_org", "progress.out.n_orgs", len(orgs)),
        advised=_counted("progress.out.n_org_needs", "progress.out.n_orgs_need", advised),
    )
    write(said.text(_lang(lang)))
    write(summary_line(totals, deadline, lang) + "\n")


# ---------------------------------------------------------------- JSON

_enc: Callable[[str], str] = json.encoder.encode_basestring


def _s(text: str | None) -> str:
    return "null" if text is None else _enc(text)


def _reasons_json(reasons: tuple[Reason, ...]) -> str:
    if not reasons:
        return "[]"
    return "[" + ", ".join(f'{{"clause": {_s(x.clause)}, "en": {_s(x.en)}, "ja": {_s(x.ja)}}}' for x in reasons) + "]"


# The JSON of the four reason tuples that most rows share (they live as long as the program).
_SHARED_JSON = {id(t): _reasons_json(t) for t in CHECK_REASONS.values()}


_TRUE_FALSE = {True: "true", False: "false"}.__getitem__


#: A row's JSON from its checks on: the same for every row whose reasons are one of the four
#: tuples that the checks give (keyed by that tuple's id).
_TAIL = '"range_checked": %s, "accuracy_checked": %s, "needs_advice": %s, "reasons": %s, "notes": %s}'
_SHARED_TAILS = {
    id(t): _TAIL % (_TRUE_FALSE(r), _TRUE_FALSE(a), _TRUE_FALSE(bool(t)), _SHARED_JSON[id(t)], "[]")
    for (r, a), t in CHECK_REASONS.items()
}


def _keyed(key: str) -> Callable[[object], str]:
    """``key`` and the JSON of a name, as a row's JSON holds them (``, "item": "住民票"``), from
    a small memo (the same names come back on every row); ``None`` is ``null``."""
    return _Cache(lambda name: key + ("null" if name is None else _enc(name)), 10_000).__getitem__  # type: ignore[return-value]


def _shown_ratio(none: str) -> Callable[[object], str]:
    """Ratios (floats) as text, their ``repr``, from a small memo (1.0 is on most rows); ``None`` is ``none``."""
    return _Cache(lambda value: none if value is None else repr(value), 10_000).__getitem__  # type: ignore[return-value]


_PREFECTURE_JSON = _keyed(', "prefecture": ')
_CODE_JSON = _keyed(', "organization_code": ')
_ORGANIZATION_JSON = _keyed(', "organization": ')
_ITEM_JSON = _keyed(', "item": ')
_RATIO_JSON = _shown_ratio("null")
_RATIO_CSV = _shown_ratio("")


def _number_json(value: object) -> str:
    """A count as JSON (an int's ``repr``), ``None`` as ``null``."""
    return "null" if value is None else repr(value)


#: A row's JSON from its checks on, after the ratio, for the rows whose reasons are one of the
#: four tuples that the checks give (keyed by that tuple's id).
_SHARED_ENDS = {key: ", " + tail for key, tail in _SHARED_TAILS.items()}
#: The JSON of each reason that the checks give (keyed by its id).
_SHARED_REASON = {id(x): _reasons_json((x,))[1:-1] for t in CHECK_REASONS.values() for x in t}


def _reason_list_json(reasons: tuple[Reason, ...]) -> str:
    """:func:`_reasons_json`, with the reasons that the checks give already written."""
    shared = _SHARED_REASON.get
    parts = [shared(id(x)) or _reasons_json((x,))[1:-1] for x in reasons]
    return "[" + ", ".join(parts) + "]"


def _rows_json(block: Columns) -> Iterator[str]:
    """The JSON of each row of a block, each put together from its pieces (the names with
    their keys, from small memos)."""
    lines, orgs, items, planneds, regs, ratios, rcs, acs, needs, reasonss, _, prefs, codes, notess = block
    if any(notess):
        ends = [
            ", " + _TAIL % (_TRUE_FALSE(rc), _TRUE_FALSE(ac), _TRUE_FALSE(need), _reasons_json(rs), _reasons_json(ns))
            for rc, ac, need, rs, ns in zip(rcs, acs, needs, reasonss, notess, strict=True)
        ]
    else:
        ends = list(map(_SHARED_ENDS.get, map(id, reasonss)))  # type: ignore[arg-type]
        if None in ends:
            for i in compress(range(len(ends)), map(is_, ends, repeat(None))):
                ends[i] = ", " + _TAIL % (
                    _TRUE_FALSE(rcs[i]),
                    _TRUE_FALSE(acs[i]),
                    _TRUE_FALSE(needs[i]),
                    _reason_list_json(reasonss[i]),
                    "[]",
                )
    n = len(lines)
    return map(
        "".join,
        zip(
            repeat('{"line": ', n),
            map(repr, lines),
            map(_PREFECTURE_JSON, prefs),
            map(_CODE_JSON, codes),
            map(_ORGANIZATION_JSON, orgs),
            map(_ITEM_JSON, items),
            repeat(', "planned": ', n),
            map(_number_json if None in planneds else repr, planneds),
            repeat(', "registered": ', n),
            map(_number_json if None in regs else repr, regs),
            repeat(', "ratio": ', n),
            map(_RATIO_JSON, ratios),
            ends,
            strict=True,
        ),
    )


def _error_json(e: RowError) -> str:
    return (
        f'{{"line": {e.line}, "prefecture": {_s(e.prefecture)}, "organization_code": {_s(e.organization_code)}, '
        f'"message": {_s(e.message)}, "message_ja": {_s(e.message_ja)}}}'
    )


def organization_json(g: Organization) -> dict[str, object]:
    return {
        "prefecture": g.prefecture,
        "organization_code": g.organization_code,
        "organization": g.organization,
        "items": g.items,
        "needs_advice": g.needs_advice,
        "advised_items": list(g.advised_items),
    }


def _json_rows(results: Results, write: Write, add_error: Write, first: str) -> bool:
    """The JSON of the rows of ``results``, one a line (the first after ``first``), and of the
    rows in error, each after ",\n    ", to ``add_error``; whether there was a row."""
    sep = first

    def on_error(e: RowError) -> None:
        add_error(",\n    " + _error_json(e))

    wrote = False
    for block in _blocks(results, on_error):
        if block[0]:
            write(sep + ",\n    ".join(_rows_json(block)))
            sep = ",\n    "
            wrote = True
    return wrote


def write_json(results: Results, deadline: Milestone, write: Write) -> None:
    """One JSON object: ``source``, ``encoding``, ``rows``, ``errors``, ``summary``,
    ``organizations`` and the P1 ``deadline``, written as the rows are read (one row per line)."""
    results.split("json", None)
    write(f'{{\n  "source": {_s(results.source)},\n  "encoding": {_s(results.encoding)},\n  "rows": [')
    errors = _Spool()
    wrote = _json_rows(results, write, errors.add, "\n    ")
    for part in results.parts():
        if part.seam:
            write(",\n    " if wrote else "\n    ")
            wrote = True
        part.copy_output(write)
        errors.extend(part.errors)
    write("\n  ]," if wrote else "],")
    write('\n  "errors": [')
    had = errors.replay(write, skip=1)  # each error follows ",\n    "
    write("\n  ]," if had else "],")
    t = results.totals()
    summary = {
        "rows_read": t.rows_read,
        "rows_needing_advice": t.rows_needing_advice,
        "rows_in_error": t.rows_in_error,
        "blank_rows": t.blank_rows,
        "blank_lines": t.blank_lines,
    }
    write(f'\n  "summary": {json.dumps(summary, ensure_ascii=False)},\n  "organizations": [')
    orgs = t.organizations()
    write(",".join("\n    " + json.dumps(organization_json(g), ensure_ascii=False) for g in orgs))
    write("\n  ]," if orgs else "],")
    due = {"date": deadline.last_day.isoformat(), "clause": CLAUSE, "en": deadline.en, "ja": deadline.ja}
    write(f'\n  "deadline": {json.dumps(due, ensure_ascii=False)}\n}}\n')


# ---------------------------------------------------------------- CSV

_RESULT_HEAD = RESULT_HEADERS
#: yes/no of the needs_advice column (要/不要), by the language of the CSV (None: English).
_YES_NO = {
    lang: (msg("progress.csv.yes").text(lang or "en"), msg("progress.csv.no").text(lang or "en"))
    for lang in (None, "en", "ja")
}


def _reasons_cell(reasons: Iterable[Reason], lang: str | None) -> str:
    if lang is None:
        return " | ".join(f"{r.clause}: {r.en} / {r.ja}" for r in reasons)
    return " | ".join(f"{r.clause}: {_in(r, lang)}" for r in reasons)


class _Lines:
    def __init__(self, write: Write) -> None:
        self.out: list[str] = []
        self.size = 0
        self.target = write

    def write(self, text: str) -> None:
        self.out.append(text)
        if len(self.out) >= 1000:
            self.flush()

    def flush(self) -> None:
        self.target("".join(self.out))
        self.out.clear()


def write_csv(results: Results, lang: str | None, write: Write) -> None:
    """The input rows (blank rows left out) in line order, each with the result columns added
    after the header's columns: ratio, whether advice is needed, the reasons (and notes), and
    why the row could not be read; a row's non-blank cells beyond the header follow them.
    ``lang`` ``en`` or ``ja`` for those columns' names and values, ``None`` for English names
    with reasons in both languages.  Every cell is neutralised against formula injection
    (:func:`~.cells.safe_cell`).  Lines end with CRLF, as Excel writes them."""
    results.split("csv", lang)
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerow([*(safe_cell(c) for c in results.header), *_RESULT_HEAD[lang]])
    write(buf.getvalue())
    _csv_rows(results, lang, write)
    for part in results.parts():
        part.copy_output(write)


def _csv_rows(results: Results, lang: str | None, write: Write) -> None:
    """The CSV rows of ``results`` (see :func:`write_csv`)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    safe = safe_cell
    width = len(results.header)
    yes, no = _YES_NO[lang]
    pad = [""] * width
    suspect = SUSPECT
    shared = {id(t): safe(_reasons_cell(t, lang)) for t in CHECK_REASONS.values()}
    for columns, block in results.column_blocks():
        if columns is not None and any(columns[13]):  # notes: not made by a block checked at once
            block, columns = results_of_columns(columns), None
        if columns is not None:
            _csv_block(columns, lang, shared, writer.writerows)
        for r in block or ():
            cells = r.cells
            row = [safe(c) if c and c[0] in suspect else c for c in cells[:width]]
            if len(row) < width:
                row.extend(pad[len(row) :])
            extra = [safe(c) for c in cells[width:]] if len(cells) > width else []
            if extra and not any(c.strip() for c in extra):
                extra = []
            if type(r) is RowResult:
                ratio = "" if r.ratio is None else repr(r.ratio)
                reasons = _reasons_cell((*r.reasons, *r.notes), lang) if (r.reasons or r.notes) else ""
                row.extend((ratio, yes if r.needs_advice else no, safe(reasons), ""))
            else:
                assert isinstance(r, RowError)
                row.extend(("", "", "", safe(r.message_ja if lang == "ja" else r.message)))
            if extra:
                row.extend(extra)
            writer.writerow(row)
        if buf.tell() >= 1 << 16:
            write(buf.getvalue())
            buf.seek(0)
            buf.truncate()
    write(buf.getvalue())


#: A cell that :func:`~.cells.safe_cell` may change starts one of a column's cells (but the
#: first) joined by NUL (a NUL inside a cell only costs a closer look).
_SUSPECT_RE = re.compile("\x00[" + "".join(map(re.escape, sorted(SUSPECT))) + "]")


def _csv_block(
    columns: Columns, lang: str | None, shared: dict[int, str], writerows: Callable[[Iterable[Iterable[str]]], object]
) -> None:
    """A block checked at once (every row read, every row as wide as the header), as CSV rows.
    The block's lists of cells are made into the rows written (they are not used again)."""
    yes, no = _YES_NO[lang]
    ratios, needs, reasonss, cellss = columns[5], columns[8], columns[9], columns[10]
    if not cellss:
        return
    search = _SUSPECT_RE.search
    # Column by column: a column of ASCII cells (counts, codes) is joined and searched as such.
    for i, col in enumerate(zip(*cellss, strict=True)):
        first = col[0]
        if search("\x00".join(col)) or (first and first[0] in SUSPECT):
            for row in cellss:
                c = row[i]
                if c and c[0] in SUSPECT:
                    row[i] = safe_cell(c)
    ratio = map(_RATIO_CSV, ratios)
    reasons = list(map(shared.get, map(id, reasonss)))
    if None in reasons:
        for i, text in enumerate(reasons):
            if text is None:
                reasons[i] = safe_cell(_reasons_cell(reasonss[i], lang))
    advice = map({True: yes, False: no}.__getitem__, needs)
    deque(map(list.extend, cellss, zip(ratio, advice, reasons, repeat(""), strict=False)), maxlen=0)
    writerows(cellss)


def write_organizations_csv(results: Results, lang: str | None, write: Write) -> None:
    """The per-organization view as CSV (one row per organization)."""
    results.split("organizations_csv", lang)
    for _ in results:
        pass
    for _ in results.parts():
        pass
    lines = _Lines(write)
    writer = csv.writer(lines, lineterminator="\r\n")
    ja = lang == "ja"
    writer.writerow(_heads(_ORG_HEAD, lang))
    sep = "、" if ja else " | "
    for g in results.totals().organizations():
        writer.writerow(
            [
                safe_cell(g.organization_code or ""),
                safe_cell(g.prefecture or ""),
                safe_cell(g.organization),
                g.items,
                g.needs_advice,
                safe_cell(sep.join(g.advised_items)),
            ]
        )
    lines.flush()


def write_part(kind: str, results: Results, lang: str | None, write: Write, add_error: Write) -> object:
    """What the writer ``kind`` writes for the rows of a later part of a sheet (read in another
    process, see :mod:`.parts`): the rows to ``write``, the rows in error (as that writer keeps
    them) to ``add_error``.  Returns what the first part needs to join it on: the text table's
    head (``None`` without a row), whether JSON rows were written, or ``None``."""
    if kind == "text":
        return _text_rows(results, lang or "en", write, add_error, False)
    if kind == "json":
        return _json_rows(results, write, add_error, "")
    if kind == "csv":
        _csv_rows(results, lang, write)
    elif kind == "organizations":
        _error_lines(results, lang or "en", add_error)
    else:
        for _ in results:
            pass
    return None
