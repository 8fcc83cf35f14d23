"""Reading a sheet file row by row, never the whole file at once.

:func:`open_sheet` checks the file (a regular file), decides how to read it and returns
the encoding it found and an iterator of ``(line, cells, problem)``: the 1-based line (CSV)
or row (xlsx) where the row starts, its cells as text, and ``problem`` (English, Japanese)
when the row's bytes could not be decoded, else ``None``.

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
import importlib
import io
import os
import re
import stat
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from itertools import chain
from typing import IO, Any

from .sheeterror import SheetError, shown_name

__all__ = ["MAX_COLUMNS", "MAX_MERGES", "XLSX_LIMITS", "Row", "open_sheet"]

Row = tuple[int, list[str], "tuple[str, str] | None"]

#: Columns read in a row: a sheet needs a dozen; a cell with a value beyond is refused.
MAX_COLUMNS = 1024
#: Merged ranges read from an .xlsx sheet.
MAX_MERGES = 100_000
#: The largest uncompressed size an .xlsx part may declare: the first worksheet, the shared
#: strings, any other part.  A zip bomb is refused before it is inflated.
XLSX_LIMITS = {"worksheet": 512 * 2**20, "sharedStrings": 64 * 2**20, "other": 16 * 2**20}
#: The longest cell: a longer one is an unclosed quote that swallowed the rest of the file.
MAX_CELL = 1 << 20

_FILES = "a CSV (UTF-8 or CP932) or .xlsx file"
_FILES_JA = "CSV（UTF-8 または CP932）または .xlsx のファイル"
_PEEK = 1 << 16
#: Text is decoded in pieces of this many bytes (cut after a line's end).
_PIECE = 1 << 20


def _where(path: str) -> tuple[str, str]:
    name = shown_name(path)
    return name, f"進捗シート {name}"


def _check_file(path: str) -> None:
    name, where = _where(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SheetError(
            f"{name}: no such file; accepted: {_FILES}", f"{where} がありません。受け付けるもの：{_FILES_JA}"
        ) from None
    except OSError as e:
        raise _unreadable(path, e) from None
    if stat.S_ISDIR(st.st_mode):
        raise SheetError(
            f"{name}: is a folder; accepted: {_FILES}", f"{where} はフォルダーです。受け付けるもの：{_FILES_JA}"
        )
    if not stat.S_ISREG(st.st_mode):
        raise SheetError(
            f"{name}: is not a regular file (a device, a pipe or a socket); accepted: {_FILES}",
            f"{where} は通常のファイルではありません（デバイス、パイプまたはソケット）。受け付けるもの：{_FILES_JA}",
        )


def _unreadable(path: str, e: OSError) -> SheetError:
    name, where = _where(path)
    reason = e.strerror or str(e)
    ja = {"EACCES": "アクセスが許可されていません", "EPERM": "操作が許可されていません"}
    code = {13: "EACCES", 1: "EPERM"}.get(e.errno or 0, "")
    return SheetError(
        f"{name}: cannot be read ({reason}); accepted: a readable CSV or .xlsx file",
        f"{where} を読み取れません：{ja[code]}" if code else f"{where} を読み取れません（{reason}）",
    )


def open_sheet(path: str | os.PathLike[str]) -> tuple[str, Iterator[Row]]:
    """(encoding, rows): ``encoding`` is ``utf-8``, ``utf-8-sig``, ``cp932``, ``utf-16`` or ``xlsx``."""
    name = os.fspath(path)
    shown, where = _where(name)
    suffix = os.path.splitext(name)[1].lower()
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        raise SheetError(
            f"{shown}: {suffix} files are not read; accepted: CSV (UTF-8 or CP932) or .xlsx",
            f"{where}：{suffix} ファイルは読めません。受け付けるもの：CSV（UTF-8 または CP932）または .xlsx",
        )
    _check_file(name)
    if suffix == ".xlsx":
        return "xlsx", _xlsx_rows(name)
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


def _text_rows(name: str, f: IO[bytes], suffix: str) -> tuple[str, Iterator[Row]]:
    shown, where = _where(name)
    head = f.peek(_PEEK)[:_PEEK] if hasattr(f, "peek") else b""
    if head.startswith(b"PK\x03\x04"):
        raise SheetError(
            f"{shown}: looks like an .xlsx workbook; accepted: name it *.xlsx, or save it as CSV",
            f"{where} は .xlsx のブックのようです。名前を *.xlsx にするか、CSV で保存してください",
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = io.TextIOWrapper(f, encoding="utf-16", newline="")
        return "utf-16", _csv_rows(name, _utf16_lines(name, text), "\t")
    encoding = "utf-8"
    while head.startswith(b"\xef\xbb\xbf"):  # one BOM, or two (a file saved twice by a careless tool)
        f.read(3)
        head = head[3:]
        encoding = "utf-8-sig"
    if b"\x00" in head:
        raise SheetError(
            f"{shown}: contains NUL bytes (UTF-16 without a byte-order mark?); accepted: CSV in UTF-8 or CP932, "
            "or UTF-16 with a byte-order mark",
            f"{where} に NUL バイトがあります（BOM のない UTF-16？）。"
            "受け付けるもの：UTF-8 または CP932 の CSV、BOM 付きの UTF-16",
        )
    lines = head.split(b"\n")
    if len(head) == _PEEK and len(lines) > 1:
        lines.pop()  # possibly cut in the middle of a character
    primary = _guess(lines)
    if primary is None:
        raise SheetError(
            f"{shown}: bytes are neither UTF-8 nor CP932 (Shift_JIS); accepted: CSV in UTF-8 or CP932",
            f"{where} の文字コードが UTF-8 でも CP932（Shift_JIS）でもありません。"
            "受け付けるもの：UTF-8 または CP932 の CSV",
        )
    if primary == "cp932":
        encoding = "cp932"
    tab = suffix in (".tsv", ".tab") or _tabs(lines)
    return encoding, _csv_rows(name, _Lines(f, primary), "\t" if tab else ",")


def _guess(lines: list[bytes]) -> str | None:
    """UTF-8 when a line that is not ASCII is valid UTF-8; CP932 when only CP932 reads them;
    ``None`` when neither reads any; UTF-8 for ASCII."""
    cp932 = False
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            line.decode("cp932")
            cp932 = True
        except UnicodeDecodeError:
            pass
    if cp932:
        return "cp932"
    return "utf-8" if all(line.isascii() for line in lines) else None


def _tabs(lines: list[bytes]) -> bool:
    sample = [line for line in lines if line.strip()][:10]
    return sum(line.count(b"\t") for line in sample) > sum(line.count(b",") for line in sample)


def _utf16_lines(name: str, text: io.TextIOWrapper) -> Iterator[str]:
    shown, where = _where(name)
    first = True
    try:
        for line in text:
            if first:
                line = line.lstrip("\ufeff")  # a second BOM
                first = False
            yield line
    except UnicodeDecodeError as e:
        raise SheetError(
            f"{shown}: UTF-16 text that cannot be decoded ({e.reason}); accepted: UTF-16 with a byte-order mark",
            f"{where} は UTF-16 として読めません（{e.reason}）",
        ) from None
    finally:
        text.close()


class _Lines:
    """Physical lines (each up to and including its ``\\n``), decoded a megabyte at a time, or
    one by one in a piece that will not decode; ``bad`` collects the numbers of the lines that
    would not decode."""

    def __init__(self, f: IO[bytes], encoding: str) -> None:
        self.f = f
        self.encoding = encoding
        self.bad: set[int] = set()

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(self._pieces())

    def _pieces(self) -> Iterator[Iterable[str]]:
        f = self.f
        n = 0  # the lines before this piece
        tail = b""
        try:
            while chunk := f.read(_PIECE):
                data = tail + chunk if tail else chunk
                cut = data.rfind(b"\n") + 1
                if not cut:  # a line longer than a piece: read on
                    tail = data
                    continue
                tail = data[cut:]
                yield self._decoded(data[:cut], n)
                n += data.count(b"\n", 0, cut)
            if tail:
                yield self._decoded(tail, n)
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
                self.bad.add(k)
                out.append(raw.decode(enc, "replace"))
        return out


def _csv_rows(name: str, lines: Iterator[str] | _Lines, delimiter: str) -> Iterator[Row]:
    shown, where = _where(name)
    bad = lines.bad if isinstance(lines, _Lines) else set()
    other = "CP932" if isinstance(lines, _Lines) and lines.encoding == "utf-8" else "UTF-8"
    enc = "UTF-8" if other == "CP932" else "CP932"
    reader = csv.reader(lines, delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            end = reader.line_num
            problem = None
            if bad and any(start <= n <= end for n in bad):
                which = min(n for n in bad if start <= n <= end)
                problem = (
                    f"line {which} is not valid {enc} (the rest of the file is; {other}?), so its text cannot be "
                    f"trusted; accepted: one encoding for the whole file",
                    f"{which}行目が {enc} として読めません（ファイルの他の部分は {enc} です。{other}？）。"
                    "ファイル全体を一つの文字コードで保存してください",
                )
            yield start, cells, problem
            start = end + 1
    except csv.Error as e:
        raise SheetError(
            f"{shown}: line {reader.line_num}: not valid CSV ({e}); accepted: comma- or tab-separated values",
            f"{where} の{reader.line_num}行目が CSV として読めません（{e}）。"
            "受け付けるもの：カンマ区切りまたはタブ区切り",
        ) from None
    finally:
        close = getattr(lines, "close", None)
        if close is not None:
            close()


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
                    shown, where = _where(name)
                    raise SheetError(
                        f"{shown}: more than {MAX_MERGES:,} merged ranges; accepted: a sheet with fewer merged cells",
                        f"{where} の結合セルが{MAX_MERGES:,}個を超えています。結合セルを減らしてください",
                    )
            tail = data[max(last, len(data) - 200) :]
    return merges


def _check_sizes(archive: zipfile.ZipFile, name: str) -> None:
    shown, where = _where(name)
    for info in archive.infolist():
        base = info.filename.rsplit("/", 1)[-1]
        kind = (
            "worksheet" if info.filename.startswith("xl/worksheets/")
            else "sharedStrings" if base.startswith("sharedStrings")
            else "other"
        )  # fmt: skip
        limit = XLSX_LIMITS[kind]
        if info.file_size > limit:
            raise SheetError(
                f"{shown}: the workbook part {info.filename} would unpack to {info.file_size:,} bytes, more than "
                f"{limit:,}; accepted: an .xlsx whose parts are below these limits (save a large sheet as CSV)",
                f"{where} の {info.filename} は展開すると {info.file_size:,} バイトで、上限 {limit:,} バイトを"
                "超えています（大きなシートは CSV で保存してください）",
            )


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
    shown, where = _where(name)
    try:
        openpyxl: Any = importlib.import_module("openpyxl")
        reader_mod: Any = importlib.import_module("openpyxl.worksheet._reader")
    except ImportError:
        raise SheetError(
            f"{shown}: reading .xlsx needs openpyxl, which is not installed; "
            "accepted: pip install chukan-schedule[xlsx], or save the sheet as CSV",
            f"{where}：.xlsx を読むには openpyxl が必要ですが、インストールされていません。"
            "pip install chukan-schedule[xlsx] とするか、シートを CSV で保存してください",
        ) from None
    try:
        with zipfile.ZipFile(name) as archive:
            _check_sizes(archive, name)
        wb = openpyxl.load_workbook(name, read_only=True, data_only=True)
    except SheetError:
        raise
    except Exception as e:  # zipfile, KeyError, InvalidFileException, defusedxml's refusals ... on bad files
        raise SheetError(
            f"{shown}: not a readable .xlsx workbook ({_why(e)}); accepted: .xlsx",
            f"{where} は読める .xlsx のブックではありません（{_why(e)}）",
        ) from None
    return _xlsx_stream(name, wb, reader_mod)


def _xlsx_stream(name: str, wb: Any, reader_mod: Any) -> Iterator[Row]:
    shown, where = _where(name)
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
                        raise SheetError(
                            f"{shown}: cell {_column_name(col)}{r} is beyond column {_column_name(MAX_COLUMNS)} "
                            f"({MAX_COLUMNS}); accepted: a sheet within {MAX_COLUMNS} columns",
                            f"{where} のセル {_column_name(col)}{r} が {_column_name(MAX_COLUMNS)} 列"
                            f"（{MAX_COLUMNS}列目）より右にあります。{MAX_COLUMNS}列以内のシートにしてください",
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
        raise SheetError(
            f"{shown}: not a readable .xlsx workbook ({_why(e)}); accepted: .xlsx",
            f"{where} は読める .xlsx のブックではありません（{_why(e)}）",
        ) from None
    finally:
        wb.close()
