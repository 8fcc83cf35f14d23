"""Audit an operations log (操作ログの監査): was each logged operation done inside its window?

:func:`audit` reads a CSV or TSV log row by row (it streams: a log of millions of rows is
never held in memory; a report written from a text file takes its plain rows in blocks of up
to 1,000 lines, column by column, with the same answers), reads each row's timestamp (any
form :func:`~chukan_schedule.parse_timestamp` reads; plain ISO 8601 takes a fast path to the
same instant) and operation (its value, with hyphens, or its English or Japanese name), and
answers per row: allowed or not, and the clause
why.  A row it cannot read is reported with its line number and the audit goes on.  The
:class:`Summary` counts rows per operation, rows outside their windows, and both by day.

Output: :class:`TextReport`, :class:`JsonReport` and :class:`CsvReport` write the rows and the
summary as they come, in English or Japanese (every label below is defined once in both).

>>> import io
>>> from chukan_schedule import JULY_2017
>>> log = io.StringIO("time,op\\n2017-07-15 10:00,符号取得\\n2017-07-16 18:00,registration\\n")
>>> rows = list(audit(JULY_2017, log, "time", operation_column="op"))
>>> [(r.line, r.operation.value, r.allowed, r.clause) for r in rows]
[(2, 'code_acquisition', True, 'N6'), (3, 'registration', False, 'H')]
>>> rows[1].reason.en
"outside the day's hours for registration (09:00-17:00)"
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from datetime import date, datetime, timezone
from itertools import chain, compress, islice, repeat
from operator import add, contains, getitem, itemgetter, not_
from typing import IO, Any, Protocol

from .engine import Plan
from .errors import OutsidePlanError, TimestampFormatError
from .excel import safe_cell
from .lang import Text
from .messages import Listing, Message, msg
from .model import DayPlan, Operation, Reason
from .render import long_day
from .timeinput import parse_timestamp

__all__ = [
    "LABELS",
    "AuditError",
    "AuditRow",
    "CsvReport",
    "JsonReport",
    "Summary",
    "TextReport",
    "Utf8Writer",
    "audit",
    "label",
    "operation_named",
    "rows",
]

#: The labels of the audit's output: catalog entries ``audit.label.<key>`` (English and Japanese side by side).
LABELS = (
    "line",
    "time",
    "at",
    "operation",
    "verdict",
    "allowed",
    "not_allowed",
    "error",
    "clause",
    "reason",
    "summary",
    "rows",
    "read",
    "errors",
    "outside",
    "by_operation",
    "by_day",
    "day",
    "line_prefix",
)
_LABEL_TEXT: dict[tuple[str, str], str] = {}


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``"en"`` or ``"ja"`` (rendered from the catalog once, then remembered)."""
    text = _LABEL_TEXT.get((key, lang))
    if text is None:
        # line_prefix is itself a template ("line {line}: "): its slot stays for the caller to fill.
        text = _LABEL_TEXT[(key, lang)] = msg(f"audit.label.{key}", line="{line}").text(lang)
    return text


class TextSink(Protocol):
    """Where a report writes: anything with ``write(str)`` (standard output, a :class:`Utf8Writer`)."""

    def write(self, text: str, /) -> object: ...


class AuditError(ValueError):
    """The log as a whole cannot be audited (a missing column, no header): ``message`` says it in either language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("en"))
        self.message = message


class AuditRow:
    """One row's answer: ``allowed`` is None when the row could not be read (then ``error`` says why)."""

    __slots__ = ("allowed", "at", "clause", "error", "line", "operation", "raw_operation", "raw_time", "reason")

    def __init__(
        self,
        line: int,
        raw_time: str,
        raw_operation: str,
        at: str = "",
        operation: Operation | None = None,
        allowed: bool | None = None,
        clause: str = "",
        reason: Reason | None = None,
        error: Reason | None = None,
    ) -> None:
        self.line = line
        self.raw_time = raw_time
        self.raw_operation = raw_operation
        self.at = at
        self.operation = operation
        self.allowed = allowed
        self.clause = clause
        self.reason = reason
        self.error = error

    def __repr__(self) -> str:
        return f"<AuditRow line {self.line} {self.at or self.raw_time!r} {self.operation} allowed={self.allowed}>"


#: The spellings a row's operation is looked up by first (the fast path), each read by
#: :meth:`Operation.coerce`; any other spelling goes to :func:`operation_named`.
_OPERATION_NAMES: dict[str, Operation] = {
    name: Operation.coerce(name)
    for op in Operation
    for name in (op.value, op.value.replace("_", "-"), op.en, op.ja, *op.short_ja)
}


def operation_named(name: str) -> Operation | None:
    """The operation ``name`` names, as :meth:`Operation.coerce` reads it (every command's names), or None."""
    op = _OPERATION_NAMES.get(name)
    if op is None:
        try:
            op = Operation.coerce(name)
        except ValueError:
            return None
    return op


# Plain ISO 8601 (ASCII digits only): read by datetime.fromisoformat, which gives the same instant
# as parse_timestamp; anything else (or anything fromisoformat refuses, such as 24:00) goes there.
_PLAIN_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(Z|[+-]\d\d:\d\d)?", re.ASCII)


def _instant(text: str, plan: Plan) -> datetime:
    match = _PLAIN_ISO.fullmatch(text)
    if match is not None:
        try:
            if match.group(1) == "Z":
                return datetime.fromisoformat(text[:-1]).replace(tzinfo=timezone.utc)
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    return parse_timestamp(text, plan.tz)


def _why(day: DayPlan, op: Operation, allowed: bool) -> tuple[str, Reason]:
    """The clause and reason of ``op``'s answer on ``day``: the deciding rule, or why it is closed."""
    span = day.operations[op]
    if span.rule is None:
        day_text = long_day(day.day)
        period = Text(day.period.en, day.period.ja)
        return day.period.clause, _reason(day.period.clause, msg("audit.stopped_all_day", day=day_text, period=period))
    rule = span.rule
    if allowed or rule.hours is None:
        return rule.clause, rule.reason()
    start, end = rule.hours
    hours = f"{start:%H:%M}-{'24:00' if end is None else f'{end:%H:%M}'}"
    # As check() says it in Japanese: 9:00～17:00 (no leading zero), ～ between.
    hours_ja = f"{start.hour}:{start.minute:02d}～{'24:00' if end is None else f'{end.hour}:{end.minute:02d}'}"
    return rule.clause, _reason(rule.clause, msg("audit.outside_hours", op=op, hours=Text(hours, hours_ja)))


def _reason(clause: str, message: Message) -> Reason:
    """A reason from a catalog message, in both languages."""
    return Reason(clause, message.text("en"), message.text("ja"))


def _column(header: list[str], name: str, option: str) -> int:
    wanted = name.strip()
    stripped = [h.strip() for h in header]
    if wanted in stripped:
        return stripped.index(wanted)
    if wanted.isdigit() and 1 <= int(wanted) <= len(header):
        return int(wanted) - 1
    columns = Listing(tuple(repr(h) for h in stripped))  # 、 between them in Japanese
    raise AuditError(msg("audit.no_column", option=option, name=repr(name), columns=columns))


def sniff_delimiter(first_line: str, name: str = "") -> str:
    """Tab for a ``.tsv``/``.tab`` file or a header with more tabs than commas; else a comma."""
    if name.lower().endswith((".tsv", ".tab")):
        return "\t"
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


#: One row as the audit loop makes it: (line, time as written, operation as written, instant in
#: the plan's zone as ISO text, key, why, error).  ``key`` is (operation, day index, allowed) for
#: a row read, or (operation or None, -1, None) for a row not read, whose ``error`` says why;
#: ``why`` is (clause, reason).
Row = tuple[int, str, str, str, tuple[Operation | None, int, bool | None], tuple[str, Reason] | None, Reason | None]


#: A block of a text file's lines is answered column by column when it has at least this many
#: lines and every one is plain; otherwise in parts of this many lines, each as a block or else
#: row by row.
_SMALL_BLOCK = 256
#: The lines of a block (at most): they fit a processor's cache, and 10,000 is a multiple of it
#: (a block's line numbers share all but their last four digits).
_BLOCK_LINES = 1000
#: Line numbers as text: ``n`` below 10,000, and the last four digits of a larger one.
_PAIRS = [f"{n:02d}" for n in range(100)]
_DIGITS4 = [high + low for high in _PAIRS for low in _PAIRS]
_DIGITS = list(map(str, range(10000)))
_DATE, _HOUR_MINUTE, _SECONDS = slice(None, 10), slice(10, 16), slice(16, None)
_cut: Callable[[str, slice], str] = getitem  # a text's slice (typed)
#: A plain timestamp's clock: its separator and HH:MM (" 09:30" or "T09:30") to "T09:30", and
#: its seconds (":SS", or none) to ":SS" (":00"); each such text to its seconds from midnight.
_CLOCK_TEXT = [f"T{h:02d}:{m:02d}" for h in range(24) for m in range(60)]
_CLOCKS = {f"{sep}{text[1:]}": text for sep in " T" for text in _CLOCK_TEXT}
_CLOCK_VALUE = {text: i * 60 for i, text in enumerate(_CLOCK_TEXT)}
_SECOND_TEXT = [f":{s:02d}" for s in range(60)]
_SECONDS_OF = {"": _SECOND_TEXT[0], **{text: text for text in _SECOND_TEXT}}
_SECOND_VALUE = {text: s for s, text in enumerate(_SECOND_TEXT)}


class _Block:
    """Answers a block of a text file's lines at once, column by column, when every line is plain.

    Plain: no quote, carriage return or NUL once its line break is stripped, the time a naive
    ``YYYY-MM-DD HH:MM[:SS]`` (or with a ``T``) on a day of the plan, the operation one of its
    exact names: the rows :func:`rows`'s per-row fast path answers, and the same answers (each
    day's span in seconds, the same counting keys), written the same way.  Each step is one
    C-level pass over the block (``map`` over a column, a table lookup, a slice); a block with
    any other row is refused (None) before anything is counted, and goes row by row.
    """

    def __init__(
        self,
        delim: str,
        tcol: int,
        ocol: int,
        need: int,
        base: dict[str, int] | int,
        day_of: dict[str, int],
        spans: list[range],
        report: _Report,
        offset: str,
        tail: Callable[[int], str],
        strip: bool,
    ) -> None:
        self.delim = delim
        self.strip = strip
        self.need = need
        self.time_of = itemgetter(tcol)
        self.op_of = itemgetter(ocol)
        self.base = base
        self.day_of = day_of
        self.spans = spans
        self.outside_only = report.outside_only
        _, self.prefix, between, _, before_at = report.layout()
        quotes = report.plain_time()
        # A row's pieces: [prefix and the line number's leading digits, its last digits,
        # (time,) date, "THH:MM", ":SS", offset and tail]; the constant ones filled in per block.
        self.between = [between + before_at] if quotes is None else [between + quotes[0], "", quotes[1] + before_at]
        self.width = 6 + len(self.between)
        self.shows_time = quotes is not None
        self.offset = offset
        self.tail = tail
        self.ends = [""] * len(spans)  # per key: the offset and the tail, built once (never empty)

    def answer(self, lines: list[str], line: int, first: str, counts: list[int]) -> tuple[str, str] | None:
        """The report's text for ``lines`` (numbered from ``line + 1``, all below the same ten
        thousand) and the next row's prefix; ``counts`` counted.  None: not every line plain."""
        joined = "".join(lines)
        if '"' in joined or "\0" in joined:
            return None
        texts = lines  # split as they are: a line break stays in a cell past the ones read
        if self.strip or "\r" in joined:
            texts = list(map(str.rstrip, lines, repeat("\r\n")))  # what the row-by-row path splits
            if "\r" in joined and "\r" in "".join(texts):
                return None
        try:
            cells = list(map(str.split, texts, repeat(self.delim), repeat(self.need)))
            times = list(map(self.time_of, cells))
            dates = list(map(_cut, times, repeat(_DATE)))
            days = map(self.day_of.__getitem__, dates)
            base = self.base
            if isinstance(base, int):
                keys = list(map(base.__add__, days))
            else:
                keys = list(map(add, map(base.__getitem__, map(self.op_of, cells)), days))
            clocks = list(map(_CLOCKS.__getitem__, map(_cut, times, repeat(_HOUR_MINUTE))))
            seconds = list(map(_SECONDS_OF.__getitem__, map(_cut, times, repeat(_SECONDS))))
        except (IndexError, KeyError):
            return None
        instants = map(add, map(_CLOCK_VALUE.__getitem__, clocks), map(_SECOND_VALUE.__getitem__, seconds))
        allowed = list(map(contains, map(self.spans.__getitem__, keys), instants))
        keys = list(map(add, keys, allowed))
        for key, n in Counter(keys).items():
            counts[key] += n
        numbers = (_DIGITS4 if line + 1 >= 10000 else _DIGITS)[(line + 1) % 10000 : (line + 1) % 10000 + len(keys)]
        if self.outside_only:
            keep = list(map(not_, allowed))
            numbers, times, dates = (
                list(compress(numbers, keep)),
                list(compress(times, keep)),
                list(compress(dates, keep)),
            )
            clocks, seconds = list(compress(clocks, keep)), list(compress(seconds, keep))
            keys = list(compress(keys, keep))
            if not keys:
                return "", first
        ends = self.ends
        for key in set(keys):
            if not ends[key]:
                ends[key] = self.offset + self.tail(key)
        lead = str((line + 1) // 10000) if line + 1 >= 10000 else ""
        width = self.width
        parts = [self.prefix + lead, "", *self.between, "", "", "", ""] * len(keys)
        parts[0] = first + lead
        parts[1::width] = numbers
        if self.shows_time:
            parts[3::width] = times
        parts[width - 4 :: width] = dates
        parts[width - 3 :: width] = clocks
        parts[width - 2 :: width] = seconds
        parts[width - 1 :: width] = list(map(ends.__getitem__, keys))
        return "".join(parts), self.prefix


def audit(
    plan: Plan,
    log: IO[str] | Iterable[str],
    time_column: str,
    operation_column: str | None = None,
    operation: Operation | str | None = None,
    delimiter: str | None = None,
    name: str = "",
) -> Iterator[AuditRow]:
    """Audit ``log`` (CSV or TSV text with a header row) row by row; see the module's docstring.

    ``time_column`` and ``operation_column`` name columns of the header (or give their numbers
    from 1); ``operation`` instead applies one operation to every row.  ``delimiter``: None
    reads it from ``name``'s extension or the header.  Raises :class:`AuditError` for a log
    that cannot be audited at all (also a text the csv module cannot read: a cell over its
    ``csv.field_size_limit()``); a row that cannot be read is yielded with its ``error``.
    """
    found = rows(plan, log, time_column, operation_column, operation, delimiter, name)
    try:
        for line, raw_time, raw_op, at, (op, _, allowed), why, error in found:
            clause, reason = why if why is not None else ("", None)
            yield AuditRow(line, raw_time, raw_op, at, op, allowed, clause, reason, error)
    except csv.Error as exc:  # a cell over the csv module's limit, a NUL in a cell ...: bad input, said so
        raise AuditError(msg("audit.not_csv", reason=str(exc))) from None


def rows(
    plan: Plan,
    log: IO[str] | Iterable[str],
    time_column: str,
    operation_column: str | None = None,
    operation: Operation | str | None = None,
    delimiter: str | None = None,
    name: str = "",
    sink: tuple[_Report, Summary] | None = None,
) -> Iterator[Row]:
    """The rows of :func:`audit` as plain tuples (:data:`Row`).

    With ``sink`` (a report and a summary), nothing is yielded: each row is counted and written
    by the report here, which is how the command streams a million rows.  A text file's lines
    are then read in blocks (:func:`_block` answers a block of plain rows column by column);
    any block it does not take goes row by row, as every other log does.
    """
    if (operation_column is None) == (operation is None):
        raise ValueError("give operation_column or operation, not both and not neither")
    fixed: Operation | None = None
    if operation is not None:
        fixed = operation_named(operation.value if isinstance(operation, Operation) else operation)
        if fixed is None:
            raise AuditError(msg("audit.unknown_operation", name=repr(operation)))
    lines = iter(log)
    head = next(lines, None)
    if head is None:
        raise AuditError(msg("audit.empty"))
    delim = delimiter or sniff_delimiter(head, name)
    reader = csv.reader(chain((head,), lines), delimiter=delim)
    header = next(reader)
    # A text file's lines each end at their one line break: a line with no quote, stray carriage
    # return or NUL is split at the delimiter here (what the csv module makes of it, for less);
    # any other line, and every line of another iterable, is read by the csv module.
    by_line = isinstance(log, io.TextIOBase)
    tcol = _column(header, time_column, "--time")
    ocol = _column(header, operation_column, "--operation") if operation_column is not None else -1
    need = max(tcol, ocol) + 1
    whys: dict[int, tuple[str, Reason]] = {}
    days = plan.days
    tz = plan.tz
    locate = plan._locate
    day_index, spans = _day_tables(plan)
    # Small tables: a clock is read with two lookups (HH:MM, then SS).
    minutes = {f"{h:02d}:{m:02d}": h * 3600 + m * 60 for h in range(24) for m in range(60)}
    sixty = {f"{m:02d}": m for m in range(60)}
    offset = plan.coverage_start.isoformat()[19:]  # the plan's one UTC offset, e.g. +09:00
    names = _OPERATION_NAMES
    # The sink's pieces, read once: an answered row is written as
    # prefix + line + between + encode(time) + before_at + at + tail (the tail per key, built once).
    report, summary = sink if sink is not None else (None, None)
    counts = summary.counts if summary is not None else []
    outside_only = report.outside_only if report is not None else False
    first, prefix, between, encode, before_at = report.layout() if report is not None else ("", "", "", None, "")
    tails: list[str | None] = [None] * (len(Operation) * len(days) * 2)
    # Per operation: (operation, per day (start, end, the row key less allowed), its index * days * 2),
    # found by any of its names in one lookup; a row's key is one int, (index * days + day) * 2 + allowed
    # (an Enum hashes slowly).
    ops = list(Operation)
    n_days = len(days)
    entry_of = {
        op: (op, [(start, end, (i * n_days + day) * 2) for day, (start, end) in enumerate(spans[op])], i * n_days * 2)
        for i, op in enumerate(ops)
    }

    def _cached_why(key: int) -> tuple[str, Reason]:
        why = whys.get(key)
        if why is None:
            op = ops[key // (2 * n_days)]
            why = whys[key] = _why(days[(key // 2) % n_days], op, bool(key & 1))
        return why

    def _tail(key: int) -> str:
        tail = tails[key]
        if tail is None:
            assert report is not None
            op = ops[key // (2 * n_days)]
            tail = tails[key] = report.tail((op, (key // 2) % n_days, bool(key & 1)), _cached_why(key))
        return tail

    entries = {name: entry_of[op] for name, op in names.items()}
    fixed_entry = entry_of[fixed] if fixed is not None else None

    def per_row(
        items: Iterator[Any], more: Iterable[str], line: int, first: str
    ) -> Generator[Row, None, tuple[int, str]]:
        """Audit ``items`` (lines of a text file, or the csv module's rows) one by one; ``more``: the
        lines after them, for a quoted cell running on.  Returns the last line number and ``first``."""
        buffer: list[str] = []
        flush_at = line + 4096
        row: list[str]
        for item in items:
            if by_line:
                text = item.rstrip("\r\n")
                if '"' in text or "\r" in text or "\0" in text:
                    record = csv.reader(chain((item,), items, more), delimiter=delim)  # it may read more lines
                    row = next(record)
                    line += record.line_num
                else:
                    row = text.split(delim) if text else []
                    line += 1
            else:
                row = item
                line = reader.line_num
            # The fast path first: a known operation and a naive wall-clock time (to the minute or
            # second) on a day of the plan, compared with that day's span. Anything else (and every
            # row that is not quite that) takes the full path below, which says what is wrong.
            try:  # a short row (or a blank line) or an operation not named exactly: the full path
                raw_time = row[tcol]
                entry = fixed_entry or entries[row[ocol]]
            except (IndexError, KeyError):
                entry = None
            if entry is not None:
                n = len(raw_time)
                second = 0 if n == 16 else -1  # to the minute; to the second just below; else not here
                if n == 19 and raw_time[16] == ":":
                    second = sixty.get(raw_time[17:], -1)
                if second >= 0 and raw_time[10] in "T ":
                    date_text = raw_time[:10]
                    day = day_index.get(date_text, -1)
                    minute = minutes.get(raw_time[11:16], -1)
                    if day >= 0 and minute >= 0:
                        start, end, key = entry[1][day]
                        allowed = start <= minute + second < end
                        key += allowed
                        if report is None:
                            raw_op = row[ocol] if ocol >= 0 else ""
                            at = (
                                f"{date_text}T{raw_time[11:]}{offset}"
                                if n == 19
                                else f"{date_text}T{raw_time[11:]}:00{offset}"
                            )
                            yield line, raw_time, raw_op, at, (entry[0], day, allowed), _cached_why(key), None
                            continue
                        counts[key] += 1
                        if outside_only and allowed:
                            continue
                        tail = tails[key]
                        if tail is None:
                            tail = _tail(key)
                        shown = encode(raw_time) if encode is not None else ""
                        clock = raw_time[11:] if n == 19 else f"{raw_time[11:]}:00"
                        buffer.append(f"{first}{line}{between}{shown}{before_at}{date_text}T{clock}{offset}{tail}")
                        first = prefix
                        if line >= flush_at:  # every 4096 lines or more (a row is at least one line)
                            report.out.write("".join(buffer))
                            buffer.clear()
                            flush_at = line + 4096
                        continue
            if not row:
                continue  # a blank line
            # The full path: any form parse_timestamp reads, and every error, said with its line.
            error_row: Row | None = None
            read: tuple[bool, int, str] | None = None
            if len(row) < need:
                # The cells that are there are shown with the error (a row with its time but no operation).
                got_time = row[tcol] if tcol < len(row) else ""
                got_op = row[ocol] if 0 <= ocol < len(row) else ""
                error_row = (line, got_time, got_op, "", (None, -1, None), None, _short_row(need, len(row)))
            else:
                raw_time = row[tcol]
                raw_op = row[ocol] if ocol >= 0 else ""
                entry = fixed_entry or entries.get(raw_op)
                if entry is None:
                    named = operation_named(raw_op)
                    entry = entry_of[named] if named is not None else None
                if entry is None:
                    error_row = (line, raw_time, raw_op, "", (None, -1, None), None, _unknown_operation(raw_op))
                else:
                    try:
                        t = _instant(raw_time, plan)
                        allowed, day = locate(entry[0], t)
                        read = (
                            allowed,
                            day,
                            (t.replace(tzinfo=tz) if t.tzinfo is None else t.astimezone(tz)).isoformat(),
                        )
                    except TimestampFormatError as exc:
                        error_row = (line, raw_time, raw_op, "", (entry[0], -1, None), None, _bad_time(exc))
                    except OutsidePlanError as exc:
                        error_row = (line, raw_time, raw_op, "", (entry[0], -1, None), None, _outside(exc, plan))
            if error_row is not None or read is None or entry is None:
                assert error_row is not None
                if report is None or summary is None:
                    yield error_row
                else:
                    summary.errors += 1
                    buffer.append(report.error(first, error_row))
                    first = prefix
                continue
            allowed, day, at = read
            key = entry[2] + day * 2 + allowed
            if report is None:
                yield line, raw_time, raw_op, at, (entry[0], day, allowed), _cached_why(key), None
                continue
            counts[key] += 1
            if outside_only and allowed:
                continue
            shown = encode(raw_time) if encode is not None else ""
            buffer.append(f"{first}{line}{between}{shown}{before_at}{at}{_tail(key)}")
            first = prefix
        if buffer and report is not None:
            report.out.write("".join(buffer))
        return line, first

    if report is None or summary is None:
        yield from per_row(lines if by_line else reader, (), reader.line_num, "")
        return
    if not by_line:
        yield from per_row(reader, (), reader.line_num, first)
        report.summary(summary)
        return
    # A text file, in blocks of whole lines, each within ten thousand line numbers
    # (``line 12345`` is written as "1" and the fourth text of :data:`_DIGITS4`).
    block = _Block(
        delim,
        tcol,
        ocol,
        need,
        {name: e[2] for name, e in entries.items()} if fixed_entry is None else fixed_entry[2],
        {d: day * 2 for d, day in day_index.items()},
        [span for op in ops for start, end in spans[op] for span in (range(start, end), range(0))],
        report,
        offset,
        _tail,
        need >= len(header),  # a cell read may end its line: lines are stripped of their line break first
    )
    line = reader.line_num
    while True:
        chunk = list(islice(lines, _BLOCK_LINES - (line + 1) % _BLOCK_LINES))
        if not chunk:
            break
        done = block.answer(chunk, line, first, counts) if len(chunk) > _SMALL_BLOCK else None
        if done is not None:
            text, first = done
            line += len(chunk)
            if text:
                report.out.write(text)
            continue
        # Not every row plain (or a small block): the block again in small parts, each answered
        # as a block or else row by row (a quoted cell running on may read past its part).
        rest = iter(chunk)
        while True:
            part = list(islice(rest, _SMALL_BLOCK))
            if not part:
                break
            done = block.answer(part, line, first, counts)
            if done is None:
                line, first = yield from per_row(iter(part), chain(rest, lines), line, first)
            else:
                text, first = done
                line += len(part)
                if text:
                    report.out.write(text)
    report.summary(summary)


def _day_tables(plan: Plan) -> tuple[dict[str, int], dict[Operation, list[tuple[int, int]]]]:
    """Each day of the plan by its ISO text, and each operation's span per day in seconds from midnight.

    An instant of day ``d`` lies in one of an operation's windows exactly when it lies in that
    day's span (a rule's hours end by 24:00, so no other day's span reaches into it): the same
    answer as :meth:`Plan.allows`, from the same decided days (tests/test_audit.py compares them).
    """
    index = {d.day.isoformat(): i for i, d in enumerate(plan.days)}
    spans: dict[Operation, list[tuple[int, int]]] = {}
    for op in Operation:
        per_day = []
        for d in plan.days:
            span = d.operations[op]
            if span.start is None or span.end is None:
                per_day.append((0, 0))  # closed all day: no second of it is inside [0, 0)
                continue
            midnight = span.start.replace(hour=0, minute=0, second=0, microsecond=0)
            per_day.append((int((span.start - midnight).total_seconds()), int((span.end - midnight).total_seconds())))
        spans[op] = per_day
    return index, spans


def _short_row(need: int, got: int) -> Reason:
    return _reason("", msg("audit.short_row", need=need, got=got))


def _unknown_operation(raw: str) -> Reason:
    names = Text(", ".join(op.value for op in Operation), "、".join(op.ja for op in Operation))
    return _reason("", msg("audit.unknown_operation_row", name=repr(raw), names=names))


def _bad_time(exc: TimestampFormatError) -> Reason:
    return _reason("", exc.message)


def _outside(exc: OutsidePlanError, plan: Plan) -> Reason:
    start, end = plan.coverage_start.isoformat(), plan.coverage_end.isoformat()
    at = exc.value.isoformat()
    return _reason("", msg("audit.outside_plan", at=at, start=start, end=end))


class Summary:
    """Counts of an audit: rows per operation, rows outside their windows, by day, and rows with errors.

    ``counts`` is indexed by a row's key as :func:`rows` makes it, ``(operation index * days +
    day index) * 2 + allowed``; the reports count as they write.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.errors = 0
        self.counts: list[int] = [0] * (len(Operation) * len(plan.days) * 2)

    def add(self, row: AuditRow) -> None:
        """Count one row of :func:`audit`."""
        if row.allowed is None or row.operation is None:
            self.errors += 1
            return
        day = (date.fromisoformat(row.at[:10]) - self.plan.data.first_day).days
        key = (list(Operation).index(row.operation) * len(self.plan.days) + day) * 2 + row.allowed
        self.counts[key] += 1

    def _decoded(self) -> Iterator[tuple[Operation, int, bool, int]]:
        ops, n_days = list(Operation), len(self.plan.days)
        for key, n in enumerate(self.counts):
            if n:
                yield ops[key // (2 * n_days)], (key // 2) % n_days, bool(key & 1), n

    @property
    def read(self) -> int:
        return self.errors + sum(self.counts)

    @property
    def outside(self) -> int:
        return sum(self.counts[0::2])

    @property
    def by_operation(self) -> dict[Operation, tuple[int, int]]:
        """Operation -> (rows, rows outside their windows), in the order of :class:`Operation`."""
        return self._by(lambda op, day: op, list(Operation))

    @property
    def by_day(self) -> dict[str, tuple[int, int]]:
        """Day (ISO, in the plan's zone) -> (rows, rows outside their windows), in day order."""
        days = self.plan.days
        return self._by(lambda op, day: days[day].day.isoformat(), [d.day.isoformat() for d in days])

    def _by(self, what: Callable[[Operation, int], Any], order: list[Any]) -> dict[Any, tuple[int, int]]:
        totals: dict[Any, list[int]] = {}
        for op, day, allowed, n in self._decoded():
            c = totals.setdefault(what(op, day), [0, 0])
            c[0] += n
            c[1] += 0 if allowed else n
        return {k: (totals[k][0], totals[k][1]) for k in order if k in totals}

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": self.read,
            "errors": self.errors,
            "outside": self.outside,
            "by_operation": {op.value: {"rows": c[0], "outside": c[1]} for op, c in self.by_operation.items()},
            "by_day": {day: {"rows": c[0], "outside": c[1]} for day, c in self.by_day.items()},
        }


class _Report:
    """What the three reports share: the language, ``outside_only``, and how a row is laid out.

    :func:`rows` writes an answered row as ``first/prefix + line + between + encode(time) +
    before_at + at + tail``, where :meth:`layout` gives the pieces and :meth:`tail` the rest
    of the line for one (operation, day, allowed), built once.
    """

    def __init__(self, out: TextSink, lang: str, outside_only: bool = False) -> None:
        self.out = out
        self.lang = lang
        self.outside_only = outside_only

    def text(self, r: Reason) -> str:
        return r.ja if self.lang == "ja" else r.en

    def op_name(self, op: Operation) -> str:
        return op.ja if self.lang == "ja" else op.en

    def write(self, rows_of: Iterable[str] | IO[str], plan: Plan, summary: Summary, **options: Any) -> None:
        """Audit ``rows_of`` (the log's lines) with :func:`rows`, writing here and counting in ``summary``.

        The cyclic garbage collector is paused meanwhile: each row makes a list (the csv module's)
        that would set it off every few hundred rows, and the loop makes no reference cycles.
        """
        import gc

        paused = gc.isenabled()
        gc.disable()
        try:
            for _ in rows(plan, rows_of, sink=(self, summary), **options):
                pass  # pragma: no cover - nothing is yielded with a sink
        finally:
            if paused:
                gc.enable()

    def layout(self) -> tuple[str, str, str, Callable[[str], str] | None, str]:  # pragma: no cover
        raise NotImplementedError

    def plain_time(self) -> tuple[str, str] | None:  # pragma: no cover - each report has its own
        """What ``encode`` puts around a plain timestamp (ASCII digits, ``-``, ``:``, a space or ``T``): it is
        written as it is, between these two texts; None when the report does not show the time."""
        raise NotImplementedError

    def tail(self, key: tuple[Operation | None, int, bool | None], why: tuple[str, Reason]) -> str:  # pragma: no cover
        raise NotImplementedError

    def error(self, first: str, row: Row) -> str:  # pragma: no cover - each report has its own
        raise NotImplementedError

    def summary(self, s: Summary) -> None:  # pragma: no cover - each report has its own
        raise NotImplementedError


class TextReport(_Report):
    """Human-readable lines: one per row (or per row not allowed, ``outside_only``), then the summary."""

    def __init__(self, out: TextSink, lang: str, outside_only: bool = False) -> None:
        super().__init__(out, lang, outside_only)
        self.before, self.after = label("line_prefix", lang).split("{line}")
        self.sep = "：" if lang == "ja" else ": "

    def layout(self) -> tuple[str, str, str, Callable[[str], str] | None, str]:
        return self.before, self.before, self.after, None, ""

    def plain_time(self) -> tuple[str, str] | None:
        return None

    def tail(self, key: tuple[Operation | None, int, bool | None], why: tuple[str, Reason]) -> str:
        op, _, allowed = key
        assert op is not None
        word = label("allowed" if allowed else "not_allowed", self.lang)
        return f" {self.op_name(op)}{self.sep}{word} [{why[0]}] {self.text(why[1])}\n"

    def error(self, first: str, row: Row) -> str:
        assert row[6] is not None
        return f"{first}{row[0]}{self.after}{label('error', self.lang)}{self.sep}{self.text(row[6])}\n"

    def summary(self, s: Summary) -> None:
        lang = self.lang
        sep, comma, colon = ("：", "、", "：") if lang == "ja" else (": ", ", ", ":")

        def counts(c: tuple[int, int]) -> str:
            return f"{label('rows', lang)} {c[0]}{comma}{label('outside', lang)} {c[1]}"

        lines = [
            "",
            f"{label('summary', lang)}{sep}{label('read', lang)} {s.read}{comma}{label('outside', lang)} {s.outside}"
            f"{comma}{label('errors', lang)} {s.errors}",
            f"{label('by_operation', lang)}{colon}",
        ]
        lines += [f"  {self.op_name(op)}{sep}{counts(c)}" for op, c in s.by_operation.items()]
        lines.append(f"{label('by_day', lang)}{colon}")
        lines += [f"  {day}{sep}{counts(c)}" for day, c in s.by_day.items()]
        self.out.write("\n".join(lines) + "\n")


class JsonReport(_Report):
    """One JSON object, written as it goes: ``{"rows": [...], "summary": {...}}``."""

    def __init__(self, out: TextSink, lang: str, outside_only: bool = False) -> None:
        import json

        super().__init__(out, lang, outside_only)
        self.dumps = json.dumps
        self.wrote_rows = False
        out.write('{"rows": [')

    def _str(self, value: str) -> str:
        return self.dumps(value, ensure_ascii=False)

    def layout(self) -> tuple[str, str, str, Callable[[str], str] | None, str]:
        return '\n  {"line": ', ',\n  {"line": ', ', "time": ', self._str, ', "at": "'

    def plain_time(self) -> tuple[str, str] | None:
        return '"', '"'  # json.dumps escapes none of its characters

    def tail(self, key: tuple[Operation | None, int, bool | None], why: tuple[str, Reason]) -> str:
        op, _, allowed = key
        assert op is not None
        self.wrote_rows = True
        verdict = "true" if allowed else "false"
        reason = self._str(self.text(why[1]))
        return (
            f'", "operation": "{op.value}", "allowed": {verdict}, "clause": {self._str(why[0])}, "reason": {reason}}}'
        )

    def error(self, first: str, row: Row) -> str:
        op, error = row[4][0], row[6]
        assert error is not None
        self.wrote_rows = True
        name = "null" if op is None else f'"{op.value}"'
        return (
            f'{first}{row[0]}, "time": {self._str(row[1])}, "operation": {name}, '
            f'"allowed": null, "error": {self._str(self.text(error))}}}'
        )

    def summary(self, s: Summary) -> None:
        body = self.dumps(s.as_json(), ensure_ascii=False, indent=2)
        self.out.write(f'{chr(10) if self.wrote_rows else ""}], "summary": {body}}}\n')


def _cell(value: str) -> str:
    """One CSV cell: a formula neutralised with a leading ' (as ``progress --csv`` does, :func:`.excel.safe_cell`:
    also after spaces or zero-width characters, and in full-width forms), quoted when it holds a
    comma, quote or newline."""
    value = safe_cell(value)
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        value = '"' + value.replace('"', '""') + '"'
    return value


class CsvReport(_Report):
    """CSV for Excel: a header in the report's language, one line per row; formulas neutralised.

    The summary is not written into the CSV (it would break its table); the command prints it
    on standard error instead.
    """

    def __init__(self, out: TextSink, lang: str, outside_only: bool = False) -> None:
        super().__init__(out, lang, outside_only)
        keys = ("line", "time", "at", "operation", "verdict", "clause", "reason")
        out.write(",".join(_cell(label(k, lang)) for k in keys) + "\r\n")

    def _op(self, op: Operation) -> str:
        return op.ja if self.lang == "ja" else op.value

    def layout(self) -> tuple[str, str, str, Callable[[str], str] | None, str]:
        return "", "", ",", _cell, ","

    def plain_time(self) -> tuple[str, str] | None:
        return "", ""  # it starts with a digit and holds no comma, quote or line break: _cell leaves it

    def tail(self, key: tuple[Operation | None, int, bool | None], why: tuple[str, Reason]) -> str:
        op, _, allowed = key
        assert op is not None
        word = label("allowed" if allowed else "not_allowed", self.lang)
        return f",{_cell(self._op(op))},{_cell(word)},{_cell(why[0])},{_cell(self.text(why[1]))}\r\n"

    def error(self, first: str, row: Row) -> str:
        op, error = row[4][0], row[6]
        assert error is not None
        name = self._op(op) if op is not None else row[2]
        cells = [str(row[0]), row[1], "", name, label("error", self.lang), "", self.text(error)]
        return ",".join(_cell(c) for c in cells) + "\r\n"

    def summary(self, s: Summary) -> None:
        pass


class Utf8Writer:
    """Text written through a function that takes bytes (UTF-8; a BOM first, for Excel, when ``bom``).

    What :func:`~chukan_schedule.atomic.write_atomic` hands a producer: the reports write to it
    in chunks of thousands of rows.
    """

    def __init__(self, write: Callable[[bytes], object], bom: bool = False) -> None:
        self._write = write
        if bom:
            write(b"\xef\xbb\xbf")

    def write(self, text: str) -> int:
        self._write(text.encode("utf-8"))
        return len(text)
