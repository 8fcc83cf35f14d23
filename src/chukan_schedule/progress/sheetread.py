"""Reading a sheet file row by row, never the whole file at once.

:func:`open_sheet` checks the file (a regular file), decides how to read it and returns
the encoding it found and its :class:`Rows`, an iterator of ``(line, cells, problem)``: the
1-based line (CSV) or row (xlsx) where the row starts, its cells as text, and ``problem`` (a
catalog :class:`~chukan_schedule.messages.Message`) when the row's bytes could not be decoded,
else ``None``; :meth:`Rows.take` gives the next rows a block at a time, as three lists (a CSV
block straight from the csv module's reader, without a Python step per row).

* Text: CSV or tab-separated, in UTF-8 (with a BOM, or two), CP932, or UTF-16 with a BOM
  (Excel's 「Unicode テキスト」).  UTF-8 or CP932 is decided from the first lines that are
  not ASCII; each line is then decoded on its own, so a line in another encoding is that
  row's error, not a reason to read every other row wrongly.  The separator is a tab for
  UTF-16 and ``.tsv``/``.tab`` files, and when the first lines hold more tabs than commas.
  A quoted cell may span lines (Alt+Enter in Excel).
* ``.xlsx`` (the first worksheet), streamed with openpyxl's parser; see :data:`XLSX_LIMITS`.
"""

from __future__ import annotations

import csv
import errno
import importlib
import io
import os
import re
import stat
import zipfile
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from itertools import chain, islice
from typing import IO, Any

from ..lang import Lang, Text
from ..messages import Message, msg, os_problem
from .sheeterror import SheetError, said_name

__all__ = ["MAX_COLUMNS", "MAX_MERGES", "XLSX_LIMITS", "RawBlock", "Row", "Rows", "open_part", "open_sheet"]

Row = tuple[int, list[str], "Message | None"]
#: Rows read at once: their lines, their cells, and their decoding problems (``None`` when none has one).
RawBlock = tuple[list[int], list[list[str]], "list[Message | None] | None"]

#: Columns read in a row: a sheet needs a dozen; a cell with a value beyond is refused.
MAX_COLUMNS = 1024
#: Merged ranges read from an .xlsx sheet.
MAX_MERGES = 100_000
#: The largest uncompressed size an .xlsx part may declare: the first worksheet, the shared
#: strings, any other part.  A zip bomb is refused before it is inflated.
XLSX_LIMITS = {"worksheet": 512 * 2**20, "sharedStrings": 64 * 2**20, "other": 16 * 2**20}
#: The longest cell: a longer one is an unclosed quote that swallowed the rest of the file.
MAX_CELL = 1 << 20

_PEEK = 1 << 16
#: Text is decoded in pieces of this many bytes (cut after a line's end): small enough for the
#: decoded piece to stay in the processor's cache while its lines are read.
_PIECE = 1 << 16


def _error(message_id: str, path: str, **params: object) -> SheetError:
    """The sheet error ``progress.<message_id>`` about the file ``path``."""
    return SheetError(msg(f"progress.{message_id}", name=said_name(path), **params))


def _check_file(path: str) -> None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _error("no_file", path, files=msg("progress.files")) from None
    except OSError as e:
        raise _unreadable(path, e) from None
    if stat.S_ISDIR(st.st_mode):
        raise _error("folder", path, files=msg("progress.files"))
    if not stat.S_ISREG(st.st_mode):
        raise _error("not_regular", path, files=msg("progress.files"))


def _unreadable(path: str, e: OSError) -> SheetError:
    reason = e.strerror or str(e)
    if e.errno in (errno.EACCES, errno.EPERM):
        return _error("unreadable_os", path, reason=Text(reason, os_problem(e).text(Lang.JA)))
    return _error("unreadable", path, reason=os_problem(e))  # the system's words, in either language


def open_sheet(path: str | os.PathLike[str]) -> tuple[str, Rows]:
    """(encoding, rows): ``encoding`` is ``utf-8``, ``utf-8-sig``, ``cp932``, ``utf-16`` or ``xlsx``."""
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        raise _error("suffix", name, suffix=suffix)
    _check_file(name)
    if suffix == ".xlsx":
        return "xlsx", Rows(_xlsx_rows(name))
    try:
        f = open(name, "rb", buffering=1 << 20)  # noqa: SIM115 (closed by the generator)
    except OSError as e:
        raise _unreadable(name, e) from None
    try:
        return _text_rows(name, f, suffix)
    except BaseException:
        f.close()
        raise


# ---------------------------------------------------------------- text


def _text_rows(name: str, f: IO[bytes], suffix: str) -> tuple[str, Rows]:
    head = f.peek(_PEEK)[:_PEEK] if hasattr(f, "peek") else b""
    if head.startswith(b"PK\x03\x04"):
        raise _error("zip", name)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = io.TextIOWrapper(f, encoding="utf-16", newline="")
        return "utf-16", _csv_rows(name, _utf16_lines(name, text), "\t")
    encoding = "utf-8"
    while head.startswith(b"\xef\xbb\xbf"):  # one BOM, or two (a file saved twice by a careless tool)
        f.read(3)
        head = head[3:]
        encoding = "utf-8-sig"
    if b"\x00" in head:
        raise _error("nul", name)
    lines = head.split(b"\n")
    if len(head) == _PEEK and len(lines) > 1:
        lines.pop()  # possibly cut in the middle of a character
    primary = _guess(lines)
    if primary is None:
        raise _error("encoding", name)
    if primary == "cp932":
        encoding = "cp932"
    tab = suffix in (".tsv", ".tab") or _tabs(lines)
    return encoding, _csv_rows(name, _Lines(f, primary), "\t" if tab else ",")


def _guess(lines: list[bytes]) -> str | None:
    """The encoding most of the lines that are not ASCII are in: UTF-8 (also on a tie), or CP932
    when more of them read only as CP932 (a CP932 sheet with a line pasted in UTF-8 stays CP932,
    and that line is the one in error); ``None`` when neither reads any; UTF-8 for ASCII."""
    utf8 = cp932 = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
            continue
        except UnicodeDecodeError:
            pass
        try:
            line.decode("cp932")
            cp932 += 1
        except UnicodeDecodeError:
            pass
    if utf8 and utf8 >= cp932:
        return "utf-8"
    if cp932:
        return "cp932"
    return "utf-8" if all(line.isascii() for line in lines) else None


def _tabs(lines: list[bytes]) -> bool:
    sample = [line for line in lines if line.strip()][:10]
    return sum(line.count(b"\t") for line in sample) > sum(line.count(b",") for line in sample)


def _utf16_lines(name: str, text: io.TextIOWrapper) -> Iterator[str]:
    first = True
    try:
        for line in text:
            if first:
                line = line.lstrip("\ufeff")  # a second BOM
                first = False
            yield line
    except UnicodeDecodeError as e:
        raise _error("utf16", name, reason=e.reason) from None
    finally:
        text.close()


class _Lines:
    """Physical lines (each up to and including its ``\\n``), decoded a piece (:data:`_PIECE`)
    at a time, or one by one in a piece that will not decode; ``bad`` collects the numbers of
    the lines that would not decode."""

    def __init__(self, f: IO[bytes], encoding: str, before: int = 0) -> None:
        self.f = f
        self.encoding = encoding
        self.before = before  # the lines of the file before the first one read
        self.bad: list[int] = []  # in increasing order

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(self._pieces())

    def _pieces(self) -> Iterator[Iterable[str]]:
        f = self.f
        n = self.before  # the lines before this piece
        tail = b""  # the start of a line whose end is not read yet
        longer: list[bytes] = []  # the rest of a line longer than a piece, so far
        try:
            while chunk := f.read(_PIECE):
                cut = chunk.rfind(b"\n") + 1
                if not cut:  # a line longer than a piece: read on
                    longer.append(chunk)
                    continue
                if longer:
                    data = b"".join([tail, *longer, chunk[:cut]])
                    longer.clear()
                else:
                    data = tail + chunk[:cut] if tail else chunk[:cut]
                tail = chunk[cut:]
                yield self._decoded(data, n)
                n += data.count(b"\n")
            rest = b"".join([tail, *longer])
            if rest:
                yield self._decoded(rest, n)
        finally:
            f.close()

    def _decoded(self, piece: bytes, before: int) -> Iterable[str]:
        enc = self.encoding
        try:
            return io.StringIO(piece.decode(enc), newline="\n")  # split at \n only, as the bytes are
        except UnicodeDecodeError:
            pass
        lines = piece.split(b"\n")
        if lines[-1]:
            last = [lines.pop()]
        else:
            lines.pop()
            last = []
        out = []
        for k, raw in enumerate([line + b"\n" for line in lines] + last, start=before + 1):
            try:
                out.append(raw.decode(enc))
            except UnicodeDecodeError:
                self.bad.append(k)
                out.append(raw.decode(enc, "replace"))
        return out


class Rows:
    """The rows of a sheet, one at a time (``next``: a :data:`Row`) or a block at a time
    (:meth:`take`); both may be mixed.  This one wraps any iterator of rows (.xlsx)."""

    def __init__(self, rows: Iterator[Row]) -> None:
        self._rows = rows

    def __iter__(self) -> Rows:
        return self

    def __next__(self) -> Row:
        return next(self._rows)

    def take(self, size: int) -> RawBlock:
        """The next ``size`` rows (fewer at the end, none after it) as (lines, cells, problems):
        ``problems`` is ``None`` when no row has one."""
        rows = list(islice(self._rows, size))
        problems = [row[2] for row in rows]
        return [row[0] for row in rows], [row[1] for row in rows], problems if any(problems) else None

    def decoding(self) -> tuple[str, str] | None:
        """(encoding, delimiter) of a CSV or tab-separated sheet decoded line by line (UTF-8 or
        CP932), which may be read in parts from any line (:func:`open_part`); else ``None``."""
        return None

    def fileno(self) -> int | None:
        """The descriptor of the file read, while it is open (CSV and text); else ``None``."""
        return None


def _newlines(cells: list[str]) -> int:
    """The line breaks inside a row's cells, as lines split at \\n only count them."""
    return "\x00".join(cells).count("\n")


def _any_newlines(cells: list[str]) -> int:
    """The line breaks inside a row's cells, as universal newlines count them (\\r\\n is one)."""
    text = "\x00".join(cells)
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class _CsvRows(Rows):
    """CSV rows: the csv module's reader, read a block at a time at its own speed.  A row starts
    on the line after the previous row's last; when a block took as many lines as rows, they are
    the lines that follow each other, else each row spans one line more than its cells hold line
    breaks (a quoted cell over several lines)."""

    def __init__(self, name: str, lines: Iterator[str] | _Lines, delimiter: str, first_line: int = 1) -> None:
        self.name = name
        self.lines = lines
        self.bad: list[int] = lines.bad if isinstance(lines, _Lines) else []
        self.other = "CP932" if isinstance(lines, _Lines) and lines.encoding == "utf-8" else "UTF-8"
        self.enc = "UTF-8" if self.other == "CP932" else "CP932"
        self.breaks = _newlines if isinstance(lines, _Lines) else _any_newlines
        self.reader = csv.reader(lines, delimiter=delimiter)
        self.start = first_line
        self.base = first_line - 1  # the lines before the first one read (the reader counts from 1)

    def decoding(self) -> tuple[str, str] | None:
        if not isinstance(self.lines, _Lines):
            return None
        return self.lines.encoding, str(self.reader.dialect.delimiter)

    def fileno(self) -> int | None:
        if not isinstance(self.lines, _Lines) or self.lines.f.closed:
            return None
        return self.lines.f.fileno()

    def close(self) -> None:
        close = getattr(self.lines, "close", None)
        if close is not None:
            close()

    def _failed(self, e: csv.Error) -> SheetError:
        self.close()
        detail: object = e
        if str(e).startswith("field larger than field limit"):  # said in either language, with the limit
            detail = msg("progress.cell_too_long", limit=f"{csv.field_size_limit():,}")
        return _error("csv", self.name, line=self.reader.line_num + self.base, detail=detail)

    def _problem(self, start: int, end: int) -> Message | None:
        """The decoding problem of the row on lines ``start`` to ``end``, if a line would not decode."""
        bad = self.bad
        i = bisect_left(bad, start)
        if i == len(bad) or bad[i] > end:
            return None
        return msg("progress.row.mixed_encoding", line=bad[i], encoding=self.enc, other=self.other)

    def __next__(self) -> Row:
        try:
            cells = next(self.reader)
        except csv.Error as e:
            raise self._failed(e) from None
        except StopIteration:
            self.close()
            raise
        start = self.start
        end = self.start = self.reader.line_num + self.base + 1
        return start, cells, self._problem(start, end - 1) if self.bad else None

    def take(self, size: int) -> RawBlock:
        reader = self.reader
        try:
            cellss = list(islice(reader, size))
        except csv.Error as e:
            raise self._failed(e) from None
        start = self.start
        end = reader.line_num + self.base
        self.start = end + 1
        if not cellss:
            self.close()
            return [], cellss, None
        if end - start + 1 == len(cellss):  # one line each: the usual block
            lines = list(range(start, end + 1))
        else:
            lines = []
            at = start
            breaks = self.breaks
            for cells in cellss:
                lines.append(at)
                at += 1 + breaks(cells)
        problems: list[Message | None] | None = None
        bad = self.bad
        if bad and self._problem(start, end) is not None:
            ends = [*(n - 1 for n in lines[1:]), end]
            problems = list(map(self._problem, lines, ends))
        return lines, cellss, problems


def _csv_rows(name: str, lines: Iterator[str] | _Lines, delimiter: str) -> Rows:
    return _CsvRows(name, lines, delimiter)


def open_part(name: str, encoding: str, delimiter: str, offset: int, first_line: int) -> tuple[Rows, os.stat_result]:
    """The rows of a CSV or tab-separated sheet from byte ``offset`` on, where line ``first_line``
    starts (a row starts there: no quoted cell spans it), decoded as ``encoding`` (``utf-8`` or
    ``cp932``) and split at ``delimiter``; with the file's status, to tell that it is the file
    that was split.  The rows and lines are numbered as if the file were read from its start."""
    try:
        f = open(name, "rb", buffering=1 << 20)  # noqa: SIM115 (closed by the rows)
    except OSError as e:
        raise _unreadable(name, e) from None
    try:
        status = os.fstat(f.fileno())
        f.seek(offset)
    except OSError as e:
        f.close()
        raise _unreadable(name, e) from None
    return _CsvRows(name, _Lines(f, encoding, first_line - 1), delimiter, first_line), status


# ---------------------------------------------------------------- xlsx


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _scan_merges(archive: zipfile.ZipFile, member: str, name: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges (min_row, min_col, max_row, max_col) of a worksheet, read in one quick pass."""
    merges: list[tuple[int, int, int, int]] = []
    tail = b""
    with archive.open(member) as src:
        while chunk := src.read(1 << 20):
            data = tail + chunk
            last = 0
            for m in _MERGE_RE.finditer(data):
                c1, r1, c2, r2 = _column_number(m[1]), int(m[2]), _column_number(m[3]), int(m[4])
                merges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
                last = m.end()
                if len(merges) > MAX_MERGES:
                    raise _error("merges", name, limit=f"{MAX_MERGES:,}")
            tail = data[max(last, len(data) - 200) :]
    return merges


def _check_sizes(archive: zipfile.ZipFile, name: str) -> None:
    for info in archive.infolist():
        base = info.filename.rsplit("/", 1)[-1]
        kind = (
            "worksheet" if info.filename.startswith("xl/worksheets/")
            else "sharedStrings" if base.startswith("sharedStrings")
            else "other"
        )  # fmt: skip
        limit = XLSX_LIMITS[kind]
        if info.file_size > limit:
            raise _error("xlsx_part", name, part=info.filename, size=f"{info.file_size:,}", limit=f"{limit:,}")


def _why(e: BaseException) -> str:
    """The root of an exception chain (openpyxl wraps the XML parser's refusal), on one short line."""
    seen = 0
    while (e.__cause__ or e.__context__) is not None and seen < 10:
        e = e.__cause__ or e.__context__  # type: ignore[assignment]
        seen += 1
    text = " ".join(f"{type(e).__name__}: {e}".split())
    return text if len(text) <= 200 else text[:200] + "…"


def _column_name(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _xlsx_rows(name: str) -> Iterator[Row]:
    try:
        openpyxl: Any = importlib.import_module("openpyxl")
        reader_mod: Any = importlib.import_module("openpyxl.worksheet._reader")
    except ImportError:
        raise _error("openpyxl", name) from None
    try:
        with zipfile.ZipFile(name) as archive:
            _check_sizes(archive, name)
        wb = openpyxl.load_workbook(name, read_only=True, data_only=True)
    except SheetError:
        raise
    except Exception as e:  # zipfile, KeyError, InvalidFileException, defusedxml's refusals ... on bad files
        raise _error("xlsx_bad", name, detail=_why(e)) from None
    return _xlsx_stream(name, wb, reader_mod)


def _xlsx_stream(name: str, wb: Any, reader_mod: Any) -> Iterator[Row]:
    try:
        ws = wb.worksheets[0]
        member = ws._worksheet_path
        merges = _scan_merges(wb._archive, member, name)
        merges.sort()
        active: list[tuple[int, int, int, int, str]] = []  # merges whose top row was read: ... + top-left value
        pending = iter(merges)
        upcoming = next(pending, None)
        with wb._archive.open(member) as src:
            parser = reader_mod.WorkSheetParser(
                src,
                wb.shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            previous = 0
            for r, cells in parser.parse():
                for gap in range(previous + 1, r):  # rows without cells: blank (cheap, even a million)
                    yield gap, [], None
                previous = r
                row: list[str] = []
                for c in cells:
                    col = c["column"]
                    value = c["value"]
                    if value is None or value == "":
                        continue
                    if col > MAX_COLUMNS:
                        raise _error(
                            "xlsx_wide",
                            name,
                            cell=f"{_column_name(col)}{r}",
                            last=_column_name(MAX_COLUMNS),
                            limit=MAX_COLUMNS,
                        )
                    if len(row) < col:
                        row.extend([""] * (col - len(row)))
                    row[col - 1] = _cell_text(value)
                while upcoming is not None and upcoming[0] <= r:
                    r1, c1, r2, c2 = upcoming
                    if r1 == r and c1 <= len(row) and row[c1 - 1]:
                        active.append((r1, c1, r2, min(c2, MAX_COLUMNS), row[c1 - 1]))
                    upcoming = next(pending, None)
                if active:
                    active = [m for m in active if m[2] >= r]
                if not row:
                    yield r, row, None  # a blank row, even inside a merged range
                    continue
                for _, c1, _, c2, top in active:
                    if len(row) < c2:
                        row.extend([""] * (c2 - len(row)))
                    for c in range(c1 - 1, c2):
                        row[c] = top
                yield r, row, None
    except SheetError:
        raise
    except Exception as e:  # a malformed worksheet, refused XML (entities, DTD) ...
        raise _error("xlsx_bad", name, detail=_why(e)) from None
    finally:
        wb.close()
