"""Hostile and large .xlsx progress sheets (issue 8): read in bounded memory or refused at once.

The workbooks are written by hand (a zip of a few XML parts), so that a cell at XFD1048576 or a
merged range to the sheet's end costs the test nothing to build.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017
from chukan_schedule.progress import SheetError, read_sheet, sheetread

pytest.importorskip("openpyxl")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="進捗" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADER = ["団体名", "特定個人情報", "登録予定件数", "実登録件数", "登録対象範囲の確認", "登録後の正確性の確認"]
LETTERS = "ABCDEF"


def cell(ref: str, value: str | int) -> str:
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def row(n: int, values: Sequence[str | int]) -> str:
    return f'<row r="{n}">' + "".join(cell(f"{LETTERS[i]}{n}", v) for i, v in enumerate(values)) + "</row>"


def workbook(path: Path, rows: str, *, prolog: str = "", after: str = "", dimension: str = "A1:F3") -> Path:
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData>{after}</worksheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


GOOD = row(1, HEADER) + row(2, ["A市", "住民票関係情報", 1000, 499, "済", "済"])


def test_a_hand_made_workbook_reads(tmp_path: Path) -> None:
    report = read_sheet(workbook(tmp_path / "s.xlsx", GOOD), JULY_2017)
    assert [(r.line, r.organization, r.registered, r.needs_advice) for r in report.rows] == [(2, "A市", 499, True)]


def test_a_value_at_xfd1048576_is_refused_by_name(tmp_path: Path) -> None:
    rows = GOOD + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = workbook(tmp_path / "s.xlsx", rows, dimension="A1:XFD1048576")
    assert path.stat().st_size < 5000
    with pytest.raises(SheetError, match=r"cell XFD1048576 is beyond column AMJ \(1024\)"):
        read_sheet(path, JULY_2017)


def test_an_empty_styled_cell_at_xfd1048576_is_a_blank_row(tmp_path: Path) -> None:
    rows = GOOD + '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    report = read_sheet(workbook(tmp_path / "s.xlsx", rows, dimension="A1:XFD1048576"), JULY_2017)
    assert [r.line for r in report.rows] == [2]
    assert report.blank_rows == 1048576 - 2  # rows 3..1048576, none of them held
    assert len(report.blank_lines) == 1000  # the first thousand are listed


def test_a_merged_range_to_the_sheets_end(tmp_path: Path) -> None:
    rows = GOOD + row(3, ["B町", "地方税関係情報", 10, 10, "済", "済"])
    merge = '<mergeCells count="1"><mergeCell ref="A3:A1048576"/></mergeCells>'
    report = read_sheet(workbook(tmp_path / "s.xlsx", rows, after=merge, dimension="A1:F1048576"), JULY_2017)
    # The rows below row 3 are blank in themselves: skipped, not filled with 「B町」.
    assert [(r.line, r.organization) for r in report.rows] == [(2, "A市"), (3, "B町")]
    assert report.errors == ()


def test_a_merged_range_across_the_whole_sheet_is_bounded(tmp_path: Path) -> None:
    merge = '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'
    report = read_sheet(workbook(tmp_path / "s.xlsx", GOOD, after=merge, dimension="A1:XFD1048576"), JULY_2017)
    (err,) = report.errors  # row 2's 「A市」 fills 1,024 columns at most: more than the header's six
    assert err.line == 2
    assert err.message.startswith("has 1024 cells but the header has 6")


def test_a_vertically_merged_organization_fills_its_rows(tmp_path: Path) -> None:
    below: list[str | int] = ["地方税関係情報", 10, 4, "済", "済"]
    rows = GOOD + '<row r="3">' + "".join(cell(f"{c}3", v) for c, v in zip("BCDEF", below, strict=True)) + "</row>"
    merge = '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>'
    report = read_sheet(workbook(tmp_path / "s.xlsx", rows, after=merge), JULY_2017)
    assert [(r.line, r.organization, r.item) for r in report.rows] == [
        (2, "A市", "住民票関係情報"),
        (3, "A市", "地方税関係情報"),
    ]


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sheetread.XLSX_LIMITS["worksheet"] < 2**30  # 1 GB of whitespace is over the limit
    monkeypatch.setitem(sheetread.XLSX_LIMITS, "worksheet", 2**20)  # the same check, at a size a test can build
    padding = " " * (2 * 2**20)
    path = workbook(tmp_path / "s.xlsx", GOOD + f"<!-- {padding} -->")
    assert path.stat().st_size < 20_000
    with pytest.raises(SheetError, match=r"would unpack to 2,\d{3},\d{3} bytes, more than 1,048,576"):
        read_sheet(path, JULY_2017)


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    prolog = (
        '<!DOCTYPE worksheet [<!ENTITY a "hahahahahahahahahahaha">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
    )
    rows = GOOD + row(3, ["&e;", "x", 1, 1, "済", "済"])
    with pytest.raises(SheetError, match=r"not a readable \.xlsx workbook \(\w*(Entit|DTD)\w*"):
        read_sheet(workbook(tmp_path / "s.xlsx", rows, prolog=prolog), JULY_2017)


def test_an_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file://{secret}">]>'
    rows = GOOD + row(3, ["&x;", "x", 1, 1, "済", "済"])
    with pytest.raises(SheetError, match=r"not a readable \.xlsx workbook") as exc:
        read_sheet(workbook(tmp_path / "s.xlsx", rows, prolog=prolog), JULY_2017)
    assert "SECRET" not in str(exc.value)


def test_blank_last_cells_are_blank_checks_not_a_short_row(tmp_path: Path) -> None:
    # A workbook stores no empty cell: A市's accuracy check (the last column) was left blank,
    # B市's range and accuracy checks both: P1 says advice is needed for each (a check not done).
    rows = (
        row(1, HEADER)
        + row(2, ["A市", "住民票関係情報", 100, 100, "済"])
        + row(3, ["B市", "住民票関係情報", 100, 100])
        + row(4, ["C市", "住民票関係情報", 100, 100, "済", "済"])
    )
    report = read_sheet(workbook(tmp_path / "s.xlsx", rows, dimension="A1:F4"), JULY_2017)
    assert report.errors == ()
    got = [(r.line, r.range_checked, r.accuracy_checked, r.needs_advice) for r in report.rows]
    assert got == [(2, True, False, True), (3, False, False, True), (4, True, True, False)]
