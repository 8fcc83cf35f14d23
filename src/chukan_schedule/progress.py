"""Registration progress sheets (本番用副本登録進捗状況集計シート) checked against P1.

The second notice (平成29年6月7日) asks ministries to advise (助言等) a municipality whose
sheet shows, for some specific personal information (特定個人情報):

* registered count (実登録件数) below half of the planned count (登録予定件数), column (f);
  SPEC point 7: *strictly* below, so exactly half needs no advice on that count;
* no count-range check (登録対象範囲（件数）の確認); or
* no post-registration accuracy check (登録後の正確性の確認, the sample check, column (d)).

The advice asks for registration and its accuracy by the end of June 2017: the plan's
milestone ``advice_deadline`` (2017-06-30, clause P1).

Reading a sheet (:func:`read_sheet`):

* CSV in UTF-8 (with or without a BOM) or CP932 (Shift_JIS as Japanese Excel saves it):
  the bytes are decoded as strict ``utf-8-sig`` first, then as strict ``cp932``;
  ``.xlsx`` (the first worksheet) through openpyxl, the optional extra
  ``pip install chukan-schedule[xlsx]``, imported only when needed.  In ``.xlsx``, a
  merged cell's value is read into every cell of the merged range.
* The header is the first row that names every required column, looked for among the
  first :data:`HEADER_SEARCH_ROWS` (10) rows that are not blank, so a title row above it
  is skipped; when none does, the first non-blank row is taken as the header and the
  error says what it lacks.  Its cells are matched after trimming, NFKC normalisation and
  case folding, in Japanese or English (see :data:`COLUMNS`); other columns are kept and
  passed through to :func:`to_csv`.
* Counts: digits (full-width too), optionally with thousands separators (``1,234``,
  ``１，２３４``) and a ``件`` suffix.  Checks: done is 済/○/〇/はい/yes/true/1, not done is
  未/×/いいえ/no/false/0/blank.
* A row that cannot be read becomes a :class:`RowError` with its line number and every
  problem found in it; all other rows are still checked.  A row too short to reach a
  required column is such an error (its missing cells are not taken as "not done"); empty
  cells that are present are blank, i.e. not done.  Fully blank rows are skipped
  and counted (``ProgressReport.blank_lines``).
* A planned count of zero has no ratio and no ratio-based advice.  A registered count
  above a planned count of zero is an inconsistent sheet: the row gets a P1 reason saying
  so and needs advice (its figures cannot show that registration is complete).
"""

from __future__ import annotations

import csv
import importlib
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs

from .atomic import write_atomic
from .engine import Plan
from .model import Reason
from .render import display_width, pad

__all__ = [
    "COLUMNS",
    "HEADER_SEARCH_ROWS",
    "ProgressReport",
    "RowError",
    "RowResult",
    "SheetError",
    "read_sheet",
    "render_text",
    "to_csv",
    "to_json",
    "write_csv",
]

CLAUSE = "P1"
DEADLINE_MILESTONE = "advice_deadline"

#: The columns a sheet must have: field -> (Japanese header, accepted header spellings).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "organization": ("団体名", ("団体名", "organization")),
    "item": ("特定個人情報", ("特定個人情報", "item")),
    "planned": ("登録予定件数", ("登録予定件数", "planned")),
    "registered": ("実登録件数", ("実登録件数", "registered")),
    "range_checked": (
        "登録対象範囲の確認",
        ("登録対象範囲の確認", "登録対象範囲（件数）の確認", "range_checked"),
    ),
    "accuracy_checked": ("登録後の正確性の確認", ("登録後の正確性の確認", "accuracy_checked")),
}

#: How many non-blank rows from the top may hold the header (a title row may come first).
HEADER_SEARCH_ROWS = 10

_DONE = ("済", "○", "〇", "はい", "yes", "true", "1")
_NOT_DONE = ("未", "×", "いいえ", "no", "false", "0", "")
_CHECK_ACCEPTED = "done: 済/○/〇/はい/yes/true/1; not done: 未/×/いいえ/no/false/0/blank"
_COUNT_ACCEPTED = "a whole number of 0 or more, e.g. 1234, 1,234 or １，２３４, optionally followed by 件"
_CHECK_ACCEPTED_JA = "実施済みは 済・○・〇・はい・yes・true・1、未実施は 未・×・いいえ・no・false・0・空欄"
_COUNT_ACCEPTED_JA = "0以上の整数。例：1234、1,234、１，２３４。末尾の「件」は可"
_COUNT_RE = re.compile(r"\d+|\d{1,3}(?:,\d{3})+", re.ASCII)
_NEGATIVE_RE = re.compile(r"[-−]\s*(?:\d+|\d{1,3}(?:,\d{3})+)", re.ASCII)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RESULT_COLUMNS = ("ratio", "needs_advice", "reasons", "error")


class SheetError(ValueError):
    """The file as a whole cannot be read: it says which file, what was wrong and what is accepted."""


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


_HEADER_LOOKUP: dict[str, str] = {_norm(name): field for field, (_, names) in COLUMNS.items() for name in names}
_DONE_SET = frozenset(_norm(v) for v in _DONE)
_NOT_DONE_SET = frozenset(_norm(v) for v in _NOT_DONE)


@attrs.frozen
class RowResult:
    """One row of the sheet, read and checked against P1.

    ``line`` is the 1-based line (CSV) or row (xlsx) number in the file, the header being 1
    in a file with no leading blank lines.  ``ratio`` is registered / planned, ``None`` when
    the planned count is zero.  ``cells`` are the row's original cells.
    """

    line: int
    organization: str
    item: str
    planned: int
    registered: int
    ratio: float | None
    range_checked: bool
    accuracy_checked: bool
    needs_advice: bool
    reasons: tuple[Reason, ...]
    cells: tuple[str, ...] = ()


@attrs.frozen
class RowError:
    """A row that could not be read: its line number, every problem found, its original cells."""

    line: int
    message: str
    cells: tuple[str, ...] = ()
    message_ja: str = ""  # the same problems in Japanese

    def text(self, lang: str) -> str:
        return self.message_ja if lang == "ja" and self.message_ja else self.message


@attrs.frozen
class ProgressReport:
    """A progress sheet checked against P1.

    ``deadline`` is the plan's milestone ``advice_deadline`` (2017-06-30 for July 2017);
    ``header`` is the original header row, ``blank_lines`` the fully blank rows skipped,
    ``encoding`` how the file was read (``utf-8``, ``utf-8-sig``, ``cp932`` or ``xlsx``),
    ``deadline_en``/``deadline_ja`` the milestone's title.
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
        return len(self.blank_lines)


# ---------------------------------------------------------------- reading the file


def read_sheet(path: str | os.PathLike[str], plan: Plan | None = None) -> ProgressReport:
    """Read a progress sheet (CSV or .xlsx) and check each row against P1.

    ``plan`` (default: the embedded July 2017 plan) gives only the deadline.  Raises
    :class:`SheetError` when the file as a whole cannot be read; a row that cannot be
    read is reported in ``ProgressReport.errors`` instead.
    """
    if plan is None:
        from . import JULY_2017

        plan = JULY_2017
    milestone = plan.milestone(DEADLINE_MILESTONE)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        raise SheetError(f"{p}: {suffix} files are not read; accepted: CSV (UTF-8 or CP932) or .xlsx")
    if suffix == ".xlsx":
        lines, encoding = _read_xlsx(p), "xlsx"
    else:
        lines, encoding = _read_csv(p)
    report = _check_lines(p, lines, milestone.last_day, encoding)
    return attrs.evolve(report, deadline_en=milestone.en, deadline_ja=milestone.ja)


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise SheetError(f"{p}: no such file; accepted: a CSV (UTF-8 or CP932) or .xlsx file") from None
    except IsADirectoryError:
        raise SheetError(f"{p}: is a folder; accepted: a CSV (UTF-8 or CP932) or .xlsx file") from None
    except OSError as e:
        raise SheetError(f"{p}: cannot be read ({e.strerror or e}); accepted: a readable CSV or .xlsx file") from None


def _read_csv(p: Path) -> tuple[list[tuple[int, list[str]]], str]:
    data = _read_bytes(p)
    if data.startswith(b"PK\x03\x04"):
        raise SheetError(f"{p}: looks like an .xlsx workbook; accepted: name it *.xlsx, or save it as CSV")
    text: str | None = None
    encoding = ""
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            enc = "utf-8"
        encoding = enc
        break
    if text is None:
        raise SheetError(f"{p}: bytes are neither UTF-8 nor CP932 (Shift_JIS); accepted: CSV in UTF-8 or CP932")
    if "\x00" in text:
        raise SheetError(f"{p}: contains NUL bytes (UTF-16?); accepted: CSV in UTF-8 or CP932")
    reader = csv.reader(io.StringIO(text, newline=""))
    lines: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            lines.append((start, row))
            start = reader.line_num + 1
    except csv.Error as e:
        raise SheetError(
            f"{p}: line {reader.line_num}: not valid CSV ({e}); accepted: comma-separated values"
        ) from None
    return lines, encoding


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _read_xlsx(p: Path) -> list[tuple[int, list[str]]]:
    try:
        openpyxl: Any = importlib.import_module("openpyxl")
    except ImportError:
        raise SheetError(
            f"{p}: reading .xlsx needs openpyxl, which is not installed; "
            "accepted: pip install chukan-schedule[xlsx], or save the sheet as CSV"
        ) from None
    _read_bytes(p)  # the same precise errors as for CSV for a missing or unreadable file
    try:
        wb = openpyxl.load_workbook(p, data_only=True)
    except Exception as e:  # openpyxl raises zipfile, KeyError, InvalidFileException ... on bad files
        raise SheetError(f"{p}: not a readable .xlsx workbook ({type(e).__name__}: {e}); accepted: .xlsx") from None
    try:
        ws = wb.worksheets[0]
        grid: list[list[Any]] = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
        for rng in ws.merged_cells.ranges:  # a merged cell's value belongs to its whole range
            top = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(grid) else None
            for r in range(rng.min_row, min(rng.max_row, len(grid)) + 1):
                row = grid[r - 1]
                row.extend([None] * (rng.max_col - len(row)))
                for c in range(rng.min_col, rng.max_col + 1):
                    row[c - 1] = top
    finally:
        wb.close()
    return [(i, [_xlsx_text(v) for v in row]) for i, row in enumerate(grid, start=1)]


# ---------------------------------------------------------------- reading the rows


def _is_blank(cells: Sequence[str]) -> bool:
    return all(not c.strip() for c in cells)


def _find_header(p: Path, lines: list[tuple[int, list[str]]]) -> int:
    """The index in ``lines`` of the header: the first of the first HEADER_SEARCH_ROWS non-blank
    rows that names every required column, else the first non-blank row (whose error then says
    what it lacks)."""
    candidates = [i for i, (_, cells) in enumerate(lines) if not _is_blank(cells)][:HEADER_SEARCH_ROWS]
    if not candidates:
        raise SheetError(f"{p}: no header row (the file is empty or blank); accepted: a header with {_expected()}")
    for i in candidates:
        named = {_HEADER_LOOKUP.get(_norm(c)) for c in lines[i][1]}
        if all(field in named for field in COLUMNS):
            return i
    return candidates[0]


def _check_lines(p: Path, lines: list[tuple[int, list[str]]], deadline: date, encoding: str) -> ProgressReport:
    at = _find_header(p, lines)
    header = lines[at][1]
    # Blank rows above the header are counted as skipped; title rows above it are not data.
    blank: list[int] = [line for line, cells in lines[:at] if _is_blank(cells)]
    columns = _map_header(p, header)
    width = len(header)
    rows: list[RowResult] = []
    errors: list[RowError] = []
    for line, cells in lines[at + 1 :]:
        if _is_blank(cells):
            blank.append(line)
            continue
        result = _check_row(line, cells, columns, width)
        if isinstance(result, RowError):
            errors.append(result)
        else:
            rows.append(result)
    return ProgressReport(
        rows=tuple(rows),
        errors=tuple(errors),
        deadline=deadline,
        source=str(p),
        header=tuple(header),
        blank_lines=tuple(blank),
        encoding=encoding,
    )


def _expected() -> str:
    return ", ".join(f"{ja} ({field})" for field, (ja, _) in COLUMNS.items())


def _map_header(p: Path, header: Sequence[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, name in enumerate(header):
        field = _HEADER_LOOKUP.get(_norm(name))
        if field is None:
            continue
        if field in columns:
            raise SheetError(
                f"{p}: header: columns {columns[field] + 1} and {i + 1} both name {COLUMNS[field][0]} ({field}); "
                "accepted: each column once"
            )
        columns[field] = i
    missing = [f"{COLUMNS[f][0]} ({f})" for f in COLUMNS if f not in columns]
    if missing:
        raise SheetError(f"{p}: header lacks {', '.join(missing)}; accepted: a header with {_expected()}")
    return columns


def _parse_count(label: str, raw: str) -> int | tuple[str, str]:
    """The count, or what is wrong with it (English, Japanese); ``label`` is the column's Japanese name."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if text.endswith("件"):
        text = text[:-1].rstrip()
    if _COUNT_RE.fullmatch(text):
        return int(text.replace(",", ""))
    en = f"{label} ({_LABEL_EN[label]})"
    if _NEGATIVE_RE.fullmatch(text):
        return (
            f"{en} {raw!r} is negative; accepted: {_COUNT_ACCEPTED}",
            f"{label}「{raw}」が負の数です（受け付ける値：{_COUNT_ACCEPTED_JA}）",
        )
    if not text:
        return f"{en} is blank; accepted: {_COUNT_ACCEPTED}", f"{label}が空欄です（受け付ける値：{_COUNT_ACCEPTED_JA}）"
    return (
        f"{en} {raw!r} is not a count; accepted: {_COUNT_ACCEPTED}",
        f"{label}「{raw}」は件数として読めません（受け付ける値：{_COUNT_ACCEPTED_JA}）",
    )


def _parse_check(label: str, raw: str) -> bool | tuple[str, str]:
    """The check, or what is wrong with it (English, Japanese); ``label`` is the column's Japanese name."""
    text = _norm(raw)
    if text in _DONE_SET:
        return True
    if text in _NOT_DONE_SET:
        return False
    return (
        f"{label} ({_LABEL_EN[label]}) {raw!r} is not a check mark; accepted: {_CHECK_ACCEPTED}",
        f"{label}「{raw}」は確認欄の値として読めません（{_CHECK_ACCEPTED_JA}）",
    )


# The English name each column's problems use.
_LABEL_EN = {
    "登録予定件数": "planned count",
    "実登録件数": "registered count",
    "登録対象範囲の確認": "range check",
    "登録後の正確性の確認": "accuracy check",
}


def _check_row(line: int, cells: list[str], columns: dict[str, int], width: int) -> RowResult | RowError:
    original = tuple(cells)
    problems: list[tuple[str, str]] = []  # (English, Japanese)
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        problems.append(
            (
                f"has {len(cells)} cells but the header has {width}; accepted: no values beyond the header",
                f"セルが{len(cells)}個あり、見出しの{width}列を超えています（見出しを超える値は受け付けません）",
            )
        )
    short = [f for f in COLUMNS if columns[f] >= len(cells)]
    if short:
        names = ", ".join(f"{COLUMNS[f][0]} ({f})" for f in short)
        names_ja = "・".join(COLUMNS[f][0] for f in short)
        problems.append(
            (
                f"the row has {len(cells)} {'cell' if len(cells) == 1 else 'cells'}; {names} "
                f"{'is' if len(short) == 1 else 'are'} missing; accepted: a cell (empty for a check not done) "
                f"for each of the header's {width} columns",
                f"この行のセルは{len(cells)}個で、{names_ja}の欄がありません（見出しの{width}列それぞれにセルが必要です。"
                "未実施の確認は空欄）",
            )
        )
    padded = [*cells, *([""] * (width - len(cells)))]

    def cell(field: str) -> str:
        return padded[columns[field]]

    for field in COLUMNS:
        if field not in short and ("\n" in cell(field) or "\r" in cell(field)):
            name = COLUMNS[field][0]
            problems.append(
                (
                    f"{name} ({field}) runs over several lines: an unclosed quote (\") swallows the lines after it; "
                    "accepted: one line per cell",
                    f"{name}の欄が複数行にわたっています。閉じていない引用符（\"）が後の行を取り込んでいます"
                    "（各欄は1行で記入してください）",
                )
            )
    organization = cell("organization").strip()
    item = cell("item").strip()
    if not organization and "organization" not in short:
        problems.append(
            (
                "団体名 (organization) is blank; accepted: the organisation's name",
                "団体名が空欄です（団体名を記入してください）",
            )
        )
    if not item and "item" not in short:
        problems.append(
            (
                "特定個人情報 (item) is blank; accepted: the specific personal information's name",
                "特定個人情報が空欄です（特定個人情報の名称を記入してください）",
            )
        )
    planned = _parse_count("登録予定件数", cell("planned"))
    registered = _parse_count("実登録件数", cell("registered"))
    range_checked = _parse_check("登録対象範囲の確認", cell("range_checked"))
    accuracy_checked = _parse_check("登録後の正確性の確認", cell("accuracy_checked"))
    checked = {
        "planned": planned,
        "registered": registered,
        "range_checked": range_checked,
        "accuracy_checked": accuracy_checked,
    }
    for field, value in checked.items():
        if isinstance(value, tuple) and field not in short:  # a missing cell is reported once, above
            problems.append(value)
    if problems:
        return RowError(
            line=line,
            message="; ".join(en for en, _ in problems),
            cells=original,
            message_ja="。".join(ja for _, ja in problems),
        )
    assert isinstance(planned, int) and isinstance(registered, int)
    assert isinstance(range_checked, bool) and isinstance(accuracy_checked, bool)
    reasons = _reasons(planned, registered, range_checked, accuracy_checked)
    return RowResult(
        line=line,
        organization=organization,
        item=item,
        planned=planned,
        registered=registered,
        ratio=None if planned == 0 else registered / planned,
        range_checked=range_checked,
        accuracy_checked=accuracy_checked,
        needs_advice=bool(reasons),
        reasons=reasons,
        cells=original,
    )


def _percent(registered: int, planned: int) -> str:
    """registered/planned as a percentage rounded *down* to 0.1 %, so below half never shows 50.0%."""
    per_mille = registered * 1000 // planned
    return f"{per_mille // 10}.{per_mille % 10}%"


def _reasons(planned: int, registered: int, range_checked: bool, accuracy_checked: bool) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    if planned == 0 and registered > 0:
        reasons.append(
            Reason(
                CLAUSE,
                f"registered count {registered:,} but planned count 0: the sheet is inconsistent",
                f"登録予定件数が0件なのに実登録件数が{registered:,}件です（シートの不整合）",
            )
        )
    elif planned > 0 and 2 * registered < planned:  # strictly below half (SPEC point 7)
        pct = _percent(registered, planned)
        reasons.append(
            Reason(
                CLAUSE,
                f"registered count {registered:,} is below half of the planned count {planned:,} ({pct}, column f)",
                f"実登録件数{registered:,}件が登録予定件数{planned:,}件の5割を下回っています（{pct}、(f)欄）",
            )
        )
    if not range_checked:
        reasons.append(
            Reason(
                CLAUSE,
                "count range not checked (登録対象範囲（件数）の確認)",
                "登録対象範囲（件数）の確認が行われていません",
            )
        )
    if not accuracy_checked:
        reasons.append(
            Reason(
                CLAUSE,
                "accuracy after registration not checked (sample check, column d)",
                "登録後の正確性の確認（サンプルチェック）が行われていません（(d)欄）",
            )
        )
    return tuple(reasons)


# ---------------------------------------------------------------- output


def _deadline_text(d: date, lang: str) -> str:
    if lang != "ja":
        return d.isoformat()
    text = f"{d.year}年{d.month}月{d.day}日"
    if (d + timedelta(days=1)).month != d.month:
        text += f"（{d.month}月末）"
    return text


def _summary(report: ProgressReport, lang: str) -> str:
    deadline = _deadline_text(report.deadline, lang)
    if lang == "ja":
        text = (
            f"読込 {report.rows_read}行：助言等が必要 {report.rows_needing_advice}行、エラー {report.rows_in_error}行"
        )
        if report.blank_rows:
            text += f"、空行 {report.blank_rows}行（読み飛ばし）"
        return text + f"。副本登録及び正確性の担保の期限 {deadline}（{CLAUSE}）"
    read, need = report.rows_read, report.rows_needing_advice
    text = (
        f"{read} {'row' if read == 1 else 'rows'} read: {need} {'needs' if need == 1 else 'need'} advice, "
        f"{report.rows_in_error} in error"
    )
    if report.blank_rows:
        text += f", {report.blank_rows} blank skipped"
    return text + f". Registration and its accuracy due by {deadline} ({CLAUSE})"


def _display(text: str) -> str:
    """A cell made safe for a terminal table: control and format characters shown escaped."""
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)


_HEAD = {
    "en": ("line", "organization", "item", "planned", "registered", "ratio", "range", "accuracy", "advice"),
    "ja": ("行", "団体名", "特定個人情報", "登録予定件数", "実登録件数", "割合", "範囲確認", "正確性確認", "助言等"),
}
_RIGHT = (True, False, False, True, True, True, False, False, False)


def render_text(report: ProgressReport, lang: str = "en") -> str:
    """A readable report: an aligned table (East Asian wide characters count as two
    columns), each row's P1 reasons under it, the rows in error, and a summary line."""
    ja = lang == "ja"
    yes, no = ("済", "未") if ja else ("yes", "no")
    need = "要" if ja else "NEEDED"
    table: list[tuple[str, ...]] = [_HEAD["ja" if ja else "en"]]
    for r in report.rows:
        table.append(
            (
                str(r.line),
                _display(r.organization),
                _display(r.item),
                f"{r.planned:,}",
                f"{r.registered:,}",
                "-" if r.planned == 0 else _percent(r.registered, r.planned),
                yes if r.range_checked else no,
                yes if r.accuracy_checked else no,
                need if r.needs_advice else "-",
            )
        )
    widths = [max(display_width(row[i]) for row in table) for i in range(len(_RIGHT))]
    out: list[str] = [f"{report.source}（{report.encoding}）" if ja else f"{report.source} ({report.encoding})"]
    reasons_by_line = {r.line: r.reasons for r in report.rows}
    for n, row in enumerate(table):
        out.append("  ".join(pad(c, widths[i], _RIGHT[i]) for i, c in enumerate(row)).rstrip())
        if n:
            for reason in reasons_by_line[int(row[0])]:
                out.append(f"    {reason.clause}: {reason.text(lang)}")
    if report.errors:
        out.append("エラー：" if ja else "Errors:")
        for e in report.errors:
            out.append(f"  {e.line}行目：{e.text('ja')}" if ja else f"  line {e.line}: {e.message}")
    out.append(_summary(report, lang))
    return "\n".join(out) + "\n"


def _reason_json(reason: Reason) -> dict[str, str]:
    return {"clause": reason.clause, "en": reason.en, "ja": reason.ja}


def to_json(report: ProgressReport) -> dict[str, Any]:
    """The report as JSON-ready data: rows, errors, a summary and the P1 deadline."""
    return {
        "source": report.source,
        "rows": [
            {
                "line": r.line,
                "organization": r.organization,
                "item": r.item,
                "planned": r.planned,
                "registered": r.registered,
                "ratio": r.ratio,
                "needs_advice": r.needs_advice,
                "reasons": [_reason_json(x) for x in r.reasons],
            }
            for r in report.rows
        ],
        "errors": [{"line": e.line, "message": e.message, "message_ja": e.message_ja} for e in report.errors],
        "summary": {
            "rows_read": report.rows_read,
            "rows_needing_advice": report.rows_needing_advice,
            "rows_in_error": report.rows_in_error,
            "blank_rows": report.blank_rows,
            "blank_lines": list(report.blank_lines),
        },
        "deadline": {
            "date": report.deadline.isoformat(),
            "clause": CLAUSE,
            "en": report.deadline_en,
            "ja": report.deadline_ja,
        },
    }


def _safe(cell: str) -> str:
    """Neutralise CSV injection: a cell starting with = + - @ tab or CR gets a leading ``'``.

    A negative number such as ``-5`` is neutralised too (``'-5``): that is expected.
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _reasons_cell(reasons: Iterable[Reason]) -> str:
    return " | ".join(f"{r.clause}: {r.en} / {r.ja}" for r in reasons)


def to_csv(report: ProgressReport) -> str:
    """The input rows (blank rows left out) in line order, with result columns added.

    Added columns: ``ratio`` (registered/planned, empty when planned is 0), ``needs_advice``
    (``yes``/``no``, empty for a row in error), ``reasons`` (``P1: English / 日本語``, joined
    by `` | ``) and ``error`` (why the row could not be read).  Every cell is CSV-injection
    safe: one starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'``, so
    a negative number like ``-5`` comes out as ``'-5`` (expected: it is a row error anyway).
    Lines end with CRLF, as Excel writes them.
    """
    entries: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
    for r in report.rows:
        ratio = "" if r.ratio is None else repr(r.ratio)
        entries.append((r.line, r.cells, (ratio, "yes" if r.needs_advice else "no", _reasons_cell(r.reasons), "")))
    for e in report.errors:
        entries.append((e.line, e.cells, ("", "", "", e.message)))
    entries.sort(key=lambda x: x[0])
    width = max([len(report.header), *(len(c) for _, c, _ in entries)])
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    header = [*report.header, *([""] * (width - len(report.header))), *_RESULT_COLUMNS]
    writer.writerow([_safe(c) for c in header])
    for _, cells, results in entries:
        row = [*cells, *([""] * (width - len(cells))), *results]
        writer.writerow([_safe(c) for c in row])
    return buf.getvalue()


def write_csv(report: ProgressReport, path: str | os.PathLike[str]) -> None:
    """Write :func:`to_csv` to ``path`` atomically, encoded as UTF-8 with a BOM (``utf-8-sig``):
    the BOM is what Excel needs to open Japanese CSV correctly."""
    write_atomic(path, to_csv(report).encode("utf-8-sig"))
