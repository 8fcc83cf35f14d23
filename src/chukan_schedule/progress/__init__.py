"""Registration progress sheets (本番用副本登録進捗状況集計シート) checked against P1.

The second notice (平成29年6月7日) asks ministries to advise (助言等) an organization whose
sheet shows, for some specific personal information (特定個人情報), a registered count
below half of the planned count (column f), no count-range check, or no accuracy check
after registration (column d); the advice asks for both by the plan's milestone
``advice_deadline`` (2017-06-30, clause P1).  The plan (or that milestone) is given by the
caller: this package knows nothing of July 2017.

* :class:`Sheet` opens a sheet and yields each row checked, holding nothing but the row
  (the command line streams a national sheet this way); :func:`read_sheet` holds the whole
  :class:`ProgressReport` for a library caller.
* Reading: :mod:`.sheetread` (CSV / tab-separated in UTF-8, CP932 or UTF-16; .xlsx),
  :mod:`.header` (finding the header), :mod:`.columns` (what each header names),
  :mod:`.cells` (counts, checks, the ratio), :mod:`.rows` (the P1 rule per row).
* Writing: :mod:`.writers` (text, the per-organization view, JSON, CSV).

>>> from chukan_schedule import JULY_2017
>>> from chukan_schedule.progress import render_text, read_sheet
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "sheet.csv").write_text(
...     "都道府県名,団体コード,団体名,特定個人情報名,登録予定件数(a),（b）実登録件数,"
...     "登録対象範囲（件数）の確認,登録後の正確性の確認\\n"
...     "北海道,012131,伊達市,住民票関係情報,1000,499,済み,済み\\n"
...     "福島県,072133,伊達市,住民票関係情報,1000,,確認済,未実施\\n", encoding="utf-8")
>>> report = read_sheet(folder / "sheet.csv", JULY_2017)
>>> [(r.prefecture, r.organization, r.registered, r.needs_advice, len(r.reasons)) for r in report.rows]
[('北海道', '伊達市', 499, True, 1), ('福島県', '伊達市', 0, True, 2)]
"""

from __future__ import annotations

import io
import os

from ..atomic import write_atomic
from ..model import Milestone
from .columns import COLUMNS, parse_column_option
from .header import HEADER_SEARCH_ROWS
from .report import DEADLINE_MILESTONE, Organization, ProgressReport, Sheet, Tally, deadline_of, read_sheet
from .rows import CLAUSE, RowError, RowResult
from .sheeterror import SheetError
from .writers import results_of
from .writers import write_csv as _write_csv
from .writers import write_json as _write_json
from .writers import write_organizations as _write_organizations
from .writers import write_text as _write_text

__all__ = [
    "CLAUSE",
    "COLUMNS",
    "DEADLINE_MILESTONE",
    "HEADER_SEARCH_ROWS",
    "Organization",
    "ProgressReport",
    "RowError",
    "RowResult",
    "Sheet",
    "SheetError",
    "Tally",
    "deadline_of",
    "parse_column_option",
    "read_sheet",
    "render_organizations",
    "render_text",
    "to_csv",
    "to_json",
    "write_csv",
]


def _milestone(report: ProgressReport) -> Milestone:
    return Milestone(
        DEADLINE_MILESTONE, report.deadline, report.deadline, CLAUSE, report.deadline_en, report.deadline_ja
    )


def render_text(report: ProgressReport, lang: str = "en") -> str:
    """The readable report: an aligned table, each row's P1 reasons under it, the rows in
    error and a summary line."""
    buf = io.StringIO(newline="")
    _write_text(results_of(report), _milestone(report), lang, buf.write)
    return buf.getvalue()


def render_organizations(report: ProgressReport, lang: str = "en") -> str:
    """One line per organization: its items, how many need advice and which."""
    buf = io.StringIO(newline="")
    _write_organizations(results_of(report), _milestone(report), lang, buf.write)
    return buf.getvalue()


def to_json(report: ProgressReport) -> dict[str, object]:
    """The report as JSON-ready data: rows, errors, a summary, the organizations and the P1 deadline."""
    import json

    buf = io.StringIO(newline="")
    _write_json(results_of(report), _milestone(report), buf.write)
    data = json.loads(buf.getvalue())
    assert isinstance(data, dict)
    return data


def to_csv(report: ProgressReport, lang: str | None = None) -> str:
    """The input rows (blank rows left out) in line order, with result columns added:
    ``ratio`` (registered/planned, empty when planned is 0), ``needs_advice`` (``yes``/``no``,
    empty for a row in error), ``reasons`` (``P1: English / 日本語`` joined by `` | ``; one
    language with ``lang``) and ``error``.  Every cell is CSV-injection safe: one starting
    with ``=``, ``+``, ``-``, ``@``, tab or CR (also after spaces or zero-width characters,
    or in full width) gets a leading ``'``.  Lines end with CRLF, as Excel writes them."""
    buf = io.StringIO(newline="")
    _write_csv(results_of(report), lang, buf.write)
    return buf.getvalue()


def write_csv(report: ProgressReport, path: str | os.PathLike[str], lang: str | None = None) -> None:
    """Write :func:`to_csv` to ``path`` atomically, encoded as UTF-8 with a BOM (``utf-8-sig``):
    the BOM is what Excel needs to open Japanese CSV correctly."""
    write_atomic(path, to_csv(report, lang).encode("utf-8-sig"))
