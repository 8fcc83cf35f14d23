"""Progress sheets (本番用副本登録進捗状況集計シート) checked against P1 (second notice, 平成29年6月7日).

Every expected value is worked out by hand from the notice and docs/spec.md (P1, point 7):
advice when registered/planned is strictly below half (column f), or the count range
(登録対象範囲（件数）の確認) or the accuracy after registration (column d) was not checked.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from chukan_schedule import JULY_2017, Reason
from chukan_schedule.progress import (
    ProgressReport,
    RowError,
    RowResult,
    SheetError,
    render_text,
    to_csv,
    to_json,
    write_csv,
)
from chukan_schedule.progress import read_sheet as _read_sheet

DATA = Path(__file__).parent / "data" / "progress"


def read_sheet(path: Path) -> ProgressReport:
    """The sheet read with the embedded plan's P1 deadline (the plan is the caller's to give)."""
    return _read_sheet(path, JULY_2017)


HEADER_JA = "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認"

RANGE_EN = "count range not checked (登録対象範囲（件数）の確認)"
RANGE_JA = "登録対象範囲（件数）の確認が行われていません"
ACCURACY_EN = "accuracy after registration not checked (sample check, column d)"
ACCURACY_JA = "登録後の正確性の確認（サンプルチェック）が行われていません（(d)欄）"
RANGE = Reason("P1", RANGE_EN, RANGE_JA)
ACCURACY = Reason("P1", ACCURACY_EN, ACCURACY_JA)


def json_list(report: ProgressReport, key: str) -> list[Any]:
    """``to_json(report)[key]``, one of its lists (to_json's values are typed as any object)."""
    items = to_json(report)[key]
    assert isinstance(items, list)
    return items


def write(tmp_path: Path, text: str, name: str = "sheet.csv", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def one_row(tmp_path: Path, row: str) -> ProgressReport:
    return read_sheet(write(tmp_path, f"{HEADER_JA}\n{row}\n"))


def by_line(report: ProgressReport) -> dict[int, RowResult]:
    return {r.line: r for r in report.rows}


# ---------------------------------------------------------------- the P1 rule, by hand


@pytest.fixture(scope="module")
def sheet_ja() -> ProgressReport:
    return read_sheet(DATA / "sheet_ja.csv")


def test_below_half_needs_advice(sheet_ja: ProgressReport) -> None:
    row = by_line(sheet_ja)[2]  # A市 住民票関係情報 1000 / 499: 499/1000 = 0.499 < 0.5
    assert (row.organization, row.item, row.planned, row.registered) == ("A市", "住民票関係情報", 1000, 499)
    assert row.ratio == pytest.approx(0.499)
    assert row.range_checked and row.accuracy_checked
    assert row.needs_advice
    assert row.reasons == (
        Reason(
            "P1",
            "registered count 499 is below half of the planned count 1,000 (49.9%, column f)",
            "実登録件数499件が登録予定件数1,000件の5割を下回っています（49.9%、(f)欄）",
        ),
    )


def test_exactly_half_is_not_below_half(sheet_ja: ProgressReport) -> None:
    row = by_line(sheet_ja)[3]  # 1000 / 500 = exactly half: SPEC point 7, no advice on that count
    assert row.ratio == 0.5
    assert not row.needs_advice
    assert row.reasons == ()


def test_planned_zero_registered_zero_has_no_ratio(sheet_ja: ProgressReport) -> None:
    row = by_line(sheet_ja)[4]
    assert (row.planned, row.registered, row.ratio) == (0, 0, None)
    assert not row.needs_advice
    assert row.reasons == ()


def test_planned_zero_registered_five_is_inconsistent(sheet_ja: ProgressReport) -> None:
    row = by_line(sheet_ja)[5]
    assert (row.planned, row.registered, row.ratio) == (0, 5, None)
    assert row.needs_advice
    assert row.reasons == (
        Reason(
            "P1",
            "registered count 5 but planned count 0: the sheet is inconsistent",
            "登録予定件数が0件なのに実登録件数が5件です（シートの不整合）",
        ),
    )


def test_full_width_counts_and_range_not_checked(sheet_ja: ProgressReport) -> None:
    # "１，２３４" and "617件": 1234 and 617; 617 * 2 = 1234, exactly half; range 未, accuracy ○.
    row = by_line(sheet_ja)[6]
    assert (row.planned, row.registered, row.ratio) == (1234, 617, 0.5)
    assert (row.range_checked, row.accuracy_checked) == (False, True)
    assert row.needs_advice
    assert row.reasons == (RANGE,)


def test_below_half_and_accuracy_not_checked(sheet_ja: ProgressReport) -> None:
    # 616 * 2 = 1232 < 1234: below half; 616/1234 = 0.49918..., shown rounded down as 49.9%.
    row = by_line(sheet_ja)[7]
    assert (row.planned, row.registered) == (1234, 616)
    assert row.ratio == pytest.approx(0.499189627, abs=1e-9)
    assert (row.range_checked, row.accuracy_checked) == (True, False)
    assert row.reasons == (
        Reason(
            "P1",
            "registered count 616 is below half of the planned count 1,234 (49.9%, column f)",
            "実登録件数616件が登録予定件数1,234件の5割を下回っています（49.9%、(f)欄）",
        ),
        ACCURACY,
    )


def test_error_rows_alongside_good_rows(sheet_ja: ProgressReport) -> None:
    assert [r.line for r in sheet_ja.rows] == [2, 3, 4, 5, 6, 7, 11]
    assert [e.line for e in sheet_ja.errors] == [9, 10]
    bad = sheet_ja.errors[0]
    assert "登録予定件数 (planned count) 'abc' is not a count" in bad.message
    assert "登録後の正確性の確認 (accuracy check) 'maybe' is not a check mark" in bad.message
    assert (
        "accepted: done: 済/済み/実施済/実施済み/確認済/確認済み/完了/有/あり/○/〇/◯/✓/✔/はい/yes/y/true/1; "
        "not done: 未/未実施/未確認/無/なし/×/✕/-/－/―/いいえ/no/n/false/0/blank"
    ) in bad.message
    assert "登録予定件数 (planned count) '-5' is negative" in sheet_ja.errors[1].message
    assert sheet_ja.blank_lines == (8,)
    assert (sheet_ja.rows_read, sheet_ja.rows_needing_advice, sheet_ja.rows_in_error, sheet_ja.blank_rows) == (
        9,
        4,
        2,
        1,
    )
    assert sheet_ja.deadline == date(2017, 6, 30)
    assert sheet_ja.encoding == "utf-8"


def test_last_row_passes_extra_cells_through(sheet_ja: ProgressReport) -> None:
    row = by_line(sheet_ja)[11]
    assert row.item == '=HYPERLINK("http://x")'
    assert row.cells == ("E市", '=HYPERLINK("http://x")', "100", "100", "yes", "YES", "@SUM(1+1)")
    assert not row.needs_advice


# ---------------------------------------------------------------- cells


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1234", 1234),
        ("1,234", 1234),
        ("１，２３４", 1234),
        ("１２３４", 1234),
        ("1,234件", 1234),
        (" 12 件 ", 12),
        ("0", 0),
        ("1,234,567", 1234567),
    ],
)
def test_counts_accepted(tmp_path: Path, cell: str, expected: int) -> None:
    report = one_row(tmp_path, f'X市,item,"{cell}",0,済,済')
    assert report.errors == ()
    assert report.rows[0].planned == expected


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("1,23,4", "'1,23,4' is not a count"),
        ("12.5", "'12.5' is not a count"),
        ("1 234", "'1 234' is not a count"),
        ("約100", "'約100' is not a count"),
        ("-1", "'-1' is negative"),
        ("－１", "'－１' is negative"),
        ("", "is blank"),
    ],
)
def test_counts_rejected(tmp_path: Path, cell: str, problem: str) -> None:
    report = one_row(tmp_path, f'X市,item,"{cell}",0,済,済')
    assert report.rows == ()
    (err,) = report.errors
    assert err.line == 2
    assert f"登録予定件数 (planned count) {problem}" in err.message
    assert "accepted: a whole number of 0 or more" in err.message


@pytest.mark.parametrize("cell", ["済", "済み", "○", "〇", "はい", "yes", "TRUE", "1", "１", "Ｙｅｓ", " 済 "])
def test_checks_done(tmp_path: Path, cell: str) -> None:
    row = one_row(tmp_path, f"X市,item,10,10,{cell},{cell}").rows[0]
    assert (row.range_checked, row.accuracy_checked, row.needs_advice) == (True, True, False)


@pytest.mark.parametrize("cell", ["未", "×", "いいえ", "no", "False", "0", "０", "", "  "])
def test_checks_not_done(tmp_path: Path, cell: str) -> None:
    row = one_row(tmp_path, f"X市,item,10,10,{cell},{cell}").rows[0]
    assert (row.range_checked, row.accuracy_checked, row.needs_advice) == (False, False, True)
    assert row.reasons == (RANGE, ACCURACY)


@pytest.mark.parametrize("cell", ["maybe", "2", "△", "済済"])
def test_checks_rejected(tmp_path: Path, cell: str) -> None:
    report = one_row(tmp_path, f"X市,item,10,10,{cell},済")
    (err,) = report.errors
    assert f"登録対象範囲の確認 (range check) '{cell}' is not a check mark" in err.message


def test_blank_names_and_extra_cells_are_row_errors(tmp_path: Path) -> None:
    text = f"{HEADER_JA}\n,item,10,10,済,済\nX市,,10,10,済,済\nX市,item,10,10,済,済,surplus\nX市,item,10,10,済,済,,\n"
    report = read_sheet(write(tmp_path, text))
    assert [e.line for e in report.errors] == [2, 3, 4]
    assert "団体名 (organization) is blank" in report.errors[0].message
    assert "特定個人情報 (item) is blank" in report.errors[1].message
    assert "has 7 cells but the header has 6" in report.errors[2].message
    assert [r.line for r in report.rows] == [5]  # trailing empty cells are fine


def test_multiline_cell_keeps_physical_line_numbers(tmp_path: Path) -> None:
    text = f'{HEADER_JA},備考\nX市,a,10,10,済,済,"two\nlines"\nX市,b,10,4,済,済,\n'
    report = read_sheet(write(tmp_path, text))
    assert [r.line for r in report.rows] == [2, 4]
    assert report.rows[0].cells[6] == "two\nlines"


# ---------------------------------------------------------------- file formats


def test_cp932_file(tmp_path: Path) -> None:
    text = f"{HEADER_JA}\r\n甲市,住民票関係情報,１００,４９,〇,×\r\n"
    report = read_sheet(write(tmp_path, text, encoding="cp932"))
    assert report.encoding == "cp932"
    (row,) = report.rows
    assert (row.line, row.organization, row.item, row.planned, row.registered) == (2, "甲市", "住民票関係情報", 100, 49)
    assert row.reasons == (
        Reason(
            "P1",
            "registered count 49 is below half of the planned count 100 (49.0%, column f)",
            "実登録件数49件が登録予定件数100件の5割を下回っています（49.0%、(f)欄）",
        ),
        ACCURACY,
    )


def test_utf8_bom_file(tmp_path: Path) -> None:
    report = read_sheet(write(tmp_path, f"{HEADER_JA}\n乙町,地方税関係情報,10,5,済,済\n", encoding="utf-8-sig"))
    assert report.encoding == "utf-8-sig"
    assert report.header[0] == "団体名"  # the BOM is not part of the first header cell
    (row,) = report.rows
    assert (row.organization, row.ratio, row.needs_advice) == ("乙町", 0.5, False)


def test_english_headers_any_order_nfkc(tmp_path: Path) -> None:
    report = read_sheet(DATA / "sheet_en.csv")
    first, second = report.rows
    assert (first.organization, first.item, first.planned, first.registered) == (
        "Springfield",
        "resident register",
        2000,
        999,
    )
    assert first.reasons == (
        Reason(
            "P1",
            "registered count 999 is below half of the planned count 2,000 (49.9%, column f)",
            "実登録件数999件が登録予定件数2,000件の5割を下回っています（49.9%、(f)欄）",
        ),
    )
    assert (second.planned, second.registered, second.ratio) == (2000, 1000, 0.5)
    assert second.reasons == (ACCURACY,)


def test_header_alias_with_count_in_brackets(tmp_path: Path) -> None:
    header = "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲（件数）の確認,登録後の正確性の確認"
    report = read_sheet(write(tmp_path, f"{header}\nX市,item,10,10,未,済\n"))
    assert report.rows[0].reasons == (RANGE,)


def test_xlsx_first_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "進捗"
    ws.append([*HEADER_JA.split(","), "備考"])
    ws.append(["丙市", "住民票関係情報", 1000, 499, "済", True, None])  # row 2
    ws.append([None, "地方税関係情報", 1000.0, 500, "○", 1, "=x"])  # row 3: organization merged from row 2
    ws.append([None, None, None, None, None, None, None])  # row 4: blank
    ws.append(["丁村", "介護保険関係情報", 10.5, 3, "済", "済", None])  # row 5: not a whole count
    ws.merge_cells("A2:A3")
    other = wb.create_sheet("other")
    other.append(["nothing", "here"])
    wb.active = 1  # the active sheet is not the first: the first is read
    path = tmp_path / "sheet.xlsx"
    wb.save(path)

    report = read_sheet(path)
    assert report.encoding == "xlsx"
    a, b = report.rows
    assert (a.line, a.organization, a.planned, a.registered, a.accuracy_checked) == (2, "丙市", 1000, 499, True)
    assert a.ratio == pytest.approx(0.499)
    assert a.needs_advice
    assert (b.line, b.organization, b.planned, b.registered, b.ratio, b.needs_advice) == (
        3,
        "丙市",
        1000,
        500,
        0.5,
        False,
    )
    (err,) = report.errors
    assert err.line == 5
    assert "登録予定件数 (planned count) '10.5' is not a count" in err.message
    assert report.blank_lines == (4,)


def test_xlsx_without_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    with pytest.raises(SheetError, match=r"pip install chukan-schedule\[xlsx\]") as exc:
        read_sheet(path)
    assert str(path) in str(exc.value)


def test_corrupt_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = write(tmp_path, "not a zip", name="sheet.xlsx")
    with pytest.raises(SheetError, match=r"not a readable \.xlsx workbook"):
        read_sheet(path)


# ---------------------------------------------------------------- whole-file errors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match=r"nope\.csv: no such file; accepted: a CSV \(UTF-8 or CP932\) or \.xlsx"):
        read_sheet(tmp_path / "nope.csv")


def test_sheet_error_is_value_error() -> None:
    assert issubclass(SheetError, ValueError)


@pytest.mark.parametrize("text", ["", "\n\n", ",,,\n  ,\n"])
def test_no_header_row(tmp_path: Path, text: str) -> None:
    with pytest.raises(SheetError, match="no header row"):
        read_sheet(write(tmp_path, text))


def test_header_missing_a_column(tmp_path: Path) -> None:
    header = "団体名,特定個人情報,登録予定件数,登録対象範囲の確認,登録後の正確性の確認"
    with pytest.raises(SheetError) as exc:
        read_sheet(write(tmp_path, f"{header}\nX市,item,10,済,済\n"))
    message = str(exc.value)
    assert "sheet.csv: header lacks 実登録件数 (registered); accepted: a header with 団体名 (organization)" in message


def test_header_naming_a_column_twice(tmp_path: Path) -> None:
    header = HEADER_JA + ",planned"
    with pytest.raises(SheetError, match=r"columns 3 and 7 both name 登録予定件数 \(planned\)"):
        read_sheet(write(tmp_path, f"{header}\n"))


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"\x82\x20\xe3\x81,\x82\x7f\n" * 3)  # neither UTF-8 nor CP932 (a lead byte without its trail)
    with pytest.raises(SheetError, match=r"neither UTF-8 nor CP932 \(Shift_JIS\); accepted: CSV in UTF-8 or CP932"):
        read_sheet(path)


def test_old_excel_format_refused(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match=r"\.xls files are not read; accepted: CSV \(UTF-8 or CP932\) or \.xlsx"):
        read_sheet(write(tmp_path, "x", name="sheet.xls"))


# ---------------------------------------------------------------- output


def small() -> ProgressReport:
    return read_sheet(DATA / "small.csv")


def test_render_text_en() -> None:
    lines = render_text(small(), "en").splitlines()
    assert lines[0].endswith("small.csv (utf-8)")
    assert lines[1:] == [
        "line  organization  item            planned  registered  ratio  range  accuracy  advice",
        "   2  A市" + " " * 9 + "  住民票関係情報    1,000         499  49.9%  yes    yes       NEEDED",
        "    P1: registered count 499 is below half of the planned count 1,000 (49.9%, column f)",
        "   3  Bvillage      tax                   2           1  50.0%  no     yes       NEEDED",
        "    P1: count range not checked (登録対象範囲（件数）の確認)",
        "2 rows read: 2 need advice, 0 in error. Registration and its accuracy due by 2017-06-30 (P1)",
    ]


def test_render_text_ja() -> None:
    lines = render_text(small(), "ja").splitlines()
    assert lines[0].endswith("small.csv（utf-8）")
    assert lines[1:] == [
        "行  団体名    特定個人情報    登録予定件数  実登録件数   割合  範囲確認  正確性確認  助言等",
        " 2  A市       住民票関係情報         1,000         499  49.9%  済        済          要",
        "    P1: 実登録件数499件が登録予定件数1,000件の5割を下回っています（49.9%、(f)欄）",
        " 3  Bvillage  tax                        2           1  50.0%  未        済          要",
        "    P1: 登録対象範囲（件数）の確認が行われていません",
        "読込 2行：助言等が必要 2行、エラー 0行。副本登録及び正確性の担保の期限 2017年6月30日（6月末）（P1）",
    ]


def test_render_text_lists_errors_and_blank_rows(sheet_ja: ProgressReport) -> None:
    en = render_text(sheet_ja, "en").splitlines()
    assert en[-1] == (
        "9 rows read: 4 need advice, 2 in error, 1 blank skipped. Registration and its accuracy due by 2017-06-30 (P1)"
    )
    assert "Errors:" in en
    assert any(x.startswith("  line 10: 登録予定件数 (planned count) '-5' is negative") for x in en)
    ja = render_text(sheet_ja, "ja").splitlines()
    assert ja[-1] == (
        "読込 9行：助言等が必要 4行、エラー 2行、空行 1行（読み飛ばし）。"
        "副本登録及び正確性の担保の期限 2017年6月30日（6月末）（P1）"
    )
    # Row errors in Japanese too: line 10 holds a planned count of -5.
    assert (
        "  10行目：登録予定件数「-5」が負の数です（受け付ける値：0以上の整数（18桁まで）。例：1234、1,234、１，２３４。末尾の「件」は可）"
        in ja
    )


def test_row_errors_in_japanese(tmp_path: Path) -> None:
    text = f"{HEADER_JA}\nA市,住民票関係情報,abc,10,済,たぶん\n,税,10,10,済,済\nC村,x,10,10\n"
    report = read_sheet(write(tmp_path, text))
    assert [e.line for e in report.errors] == [2, 3, 4]
    assert report.errors[0].message_ja == (
        "登録予定件数「abc」は件数として読めません（受け付ける値：0以上の整数（18桁まで）。例：1234、1,234、１，２３４。"
        "末尾の「件」は可）。登録後の正確性の確認「たぶん」は確認欄の値として読めません"
        "（実施済みは 済・済み・実施済・実施済み・確認済・確認済み・完了・有・あり・○・〇・◯・✓・✔・はい・yes・y・true・1、"
        "未実施は 未・未実施・未確認・無・なし・×・✕・-・－・―・いいえ・no・n・false・0・空欄）"
    )
    assert report.errors[1].message_ja == "団体名が空欄です（団体名を記入してください）"
    assert report.errors[2].message_ja == (
        "この行のセルは4個で、登録対象範囲の確認・登録後の正確性の確認の欄がありません"
        "（見出しの6列それぞれにセルが必要です。未実施の確認は空欄）"
    )
    assert report.errors[1].text("en") == "団体名 (organization) is blank; accepted: the organisation's name"
    assert json_list(report, "errors")[1] == {
        "line": 3,
        "prefecture": None,
        "organization_code": None,
        "message": "団体名 (organization) is blank; accepted: the organisation's name",
        "message_ja": "団体名が空欄です（団体名を記入してください）",
    }


def test_render_text_escapes_control_characters_and_counts_combining_marks(tmp_path: Path) -> None:
    text = f'{HEADER_JA}\n"X\x1b[2J市",Cafe\u0301,10,10,済,済\nY,tax,10,10,済,済\n'
    lines = render_text(read_sheet(write(tmp_path, text)), "en").splitlines()
    # "X\x1b[2J市" is 4 + 4 + 2 = 10 columns wide; "Café" (e + combining acute) is 4.
    assert lines[1:4] == [
        "line  organization  item  planned  registered   ratio  range  accuracy  advice",
        "   2  X\\x1b[2J市    Cafe\u0301       10          10  100.0%  yes    yes       -",
        "   3  Y             tax        10          10  100.0%  yes    yes       -",
    ]


def test_to_json() -> None:
    data = to_json(small())
    assert data["rows"] == [
        {
            "line": 2,
            "prefecture": None,
            "organization_code": None,
            "organization": "A市",
            "item": "住民票関係情報",
            "planned": 1000,
            "registered": 499,
            "ratio": 0.499,
            "range_checked": True,
            "accuracy_checked": True,
            "needs_advice": True,
            "reasons": [
                {
                    "clause": "P1",
                    "en": "registered count 499 is below half of the planned count 1,000 (49.9%, column f)",
                    "ja": "実登録件数499件が登録予定件数1,000件の5割を下回っています（49.9%、(f)欄）",
                }
            ],
            "notes": [],
        },
        {
            "line": 3,
            "prefecture": None,
            "organization_code": None,
            "organization": "Bvillage",
            "item": "tax",
            "planned": 2,
            "registered": 1,
            "ratio": 0.5,
            "range_checked": False,
            "accuracy_checked": True,
            "needs_advice": True,
            "reasons": [{"clause": "P1", "en": RANGE_EN, "ja": RANGE_JA}],
            "notes": [],
        },
    ]
    assert data["errors"] == []
    assert data["summary"] == {
        "rows_read": 2,
        "rows_needing_advice": 2,
        "rows_in_error": 0,
        "blank_rows": 0,
        "blank_lines": [],
    }
    assert data["deadline"] == {
        "date": "2017-06-30",
        "clause": "P1",
        "en": "Registration and its accuracy due (end of June)",
        "ja": "副本登録及び副本の正確性の担保の期限（6月末）",
    }


def test_to_json_errors(sheet_ja: ProgressReport) -> None:
    errors = json_list(sheet_ja, "errors")
    assert [e["line"] for e in errors] == [9, 10]
    assert errors[1]["message"].startswith("登録予定件数 (planned count) '-5' is negative")
    assert json_list(sheet_ja, "rows")[3]["ratio"] is None  # line 5: planned 0


def test_to_csv_small() -> None:
    assert to_csv(small()) == (
        "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認,"
        "ratio,needs_advice,reasons,error\r\n"
        "A市,住民票関係情報,1000,499,済,済,0.499,yes,"
        '"P1: registered count 499 is below half of the planned count 1,000 (49.9%, column f) / '
        '実登録件数499件が登録予定件数1,000件の5割を下回っています（49.9%、(f)欄）",\r\n'
        "Bvillage,tax,2,1,no,yes,0.5,yes,"
        "P1: count range not checked (登録対象範囲（件数）の確認) / 登録対象範囲（件数）の確認が行われていません,\r\n"
    )


def test_to_csv_keeps_order_errors_and_neutralises_injection(sheet_ja: ProgressReport) -> None:
    out = list(csv.reader(io.StringIO(to_csv(sheet_ja), newline="")))
    assert out[0][-5:] == ["備考", "ratio", "needs_advice", "reasons", "error"]
    # header + 9 data rows (blank line 8 left out), in file order
    assert [r[1] for r in out[1:]] == [
        "住民票関係情報",
        "地方税関係情報",
        "介護保険関係情報",
        "障害者福祉関係情報",
        "児童手当関係情報",
        "生活保護関係情報",
        "国民年金関係情報",
        "医療保険関係情報",
        '\'=HYPERLINK("http://x")',
    ]
    medical = out[8]  # line 10: the negative count is neutralised too (expected), and the row is an error
    assert medical[2] == "'-5"
    assert medical[7:10] == ["", "", ""]
    assert medical[10].startswith("登録予定件数 (planned count) '-5' is negative")
    last = out[9]
    assert last[6] == "'@SUM(1+1)"
    assert last[7:10] == ["1.0", "no", ""]
    zero = out[3]  # line 4: planned 0, no ratio
    assert zero[7:9] == ["", "no"]


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_csv_injection_every_trigger(tmp_path: Path, cell: str) -> None:
    path = write(tmp_path, f'{HEADER_JA},note\nX市,item,10,10,済,済,"{cell}"\n')
    out = list(csv.reader(io.StringIO(to_csv(read_sheet(path)), newline="")))
    assert out[1][6] == "'" + cell


def test_write_csv_utf8_bom(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_csv(small(), target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\xe5\x9b\xa3")  # BOM, then 団 (U+56E3)
    assert data.decode("utf-8-sig").splitlines()[2].startswith("Bvillage,tax,2,1,no,yes,0.5,yes,")


def test_write_csv_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old contents")

    def failing_replace(src: object, dst: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk on fire"):
        write_csv(small(), target)
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_report_types(sheet_ja: ProgressReport) -> None:
    assert isinstance(sheet_ja.rows[0], RowResult)
    assert isinstance(sheet_ja.errors[0], RowError)
    assert sheet_ja.source == str(DATA / "sheet_ja.csv")


# ---------------------------------------------------------------- short rows, the summary's grammar, a title row


def test_short_row_is_an_error_not_unchecked(tmp_path: Path) -> None:
    # Four cells under a six-column header: the two checks are missing, not "not done".
    text = f"{HEADER_JA}\nF,x,1000,499\nF,y,1000,499,,\nG,z\n"
    report = read_sheet(write(tmp_path, text))
    assert [e.line for e in report.errors] == [2, 4]
    assert report.errors[0].message == (
        "the row has 4 cells; 登録対象範囲の確認 (range_checked), 登録後の正確性の確認 (accuracy_checked) are missing; "
        "accepted: a cell (empty for a check not done) for each of the header's 6 columns"
    )
    assert report.errors[0].cells == ("F", "x", "1000", "499")
    assert report.errors[1].message.startswith(
        "the row has 2 cells; 登録予定件数 (planned), 実登録件数 (registered), 登録対象範囲の確認 (range_checked), "
        "登録後の正確性の確認 (accuracy_checked) are missing; "
    )
    assert "is blank" not in report.errors[1].message  # each missing cell is reported once
    # Trailing empty cells that are present are blank: not done.
    (row,) = report.rows
    assert (row.line, row.range_checked, row.accuracy_checked) == (3, False, False)
    assert row.reasons == (
        Reason(
            "P1",
            "registered count 499 is below half of the planned count 1,000 (49.9%, column f)",
            "実登録件数499件が登録予定件数1,000件の5割を下回っています（49.9%、(f)欄）",
        ),
        RANGE,
        ACCURACY,
    )


def test_short_row_missing_one_column(tmp_path: Path) -> None:
    report = one_row(tmp_path, "F,x,1000,500,済")
    (err,) = report.errors
    assert err.message.startswith("the row has 5 cells; 登録後の正確性の確認 (accuracy_checked) is missing; ")


def test_short_row_may_omit_only_extra_columns(tmp_path: Path) -> None:
    # 備考 (a seventh, optional column) may be left off the end of a row.
    report = read_sheet(write(tmp_path, f"{HEADER_JA},備考\nF,x,10,10,済,済\n"))
    assert report.errors == ()
    assert report.rows[0].cells == ("F", "x", "10", "10", "済", "済")


def test_summary_singular_and_plural(tmp_path: Path) -> None:
    one = read_sheet(write(tmp_path, f"{HEADER_JA}\nF,x,10,4,済,済\n", name="one.csv"))
    assert render_text(one, "en").splitlines()[-1] == (
        "1 row read: 1 needs advice, 0 in error. Registration and its accuracy due by 2017-06-30 (P1)"
    )
    two = read_sheet(write(tmp_path, f"{HEADER_JA}\nF,x,10,4,済,済\nG,y,10,5,済,済\n", name="two.csv"))
    assert render_text(two, "en").splitlines()[-1] == (
        "2 rows read: 1 needs advice, 0 in error. Registration and its accuracy due by 2017-06-30 (P1)"
    )
    assert render_text(one, "ja").splitlines()[-1].startswith("読込 1行：助言等が必要 1行、エラー 0行。")


def test_title_rows_above_the_header(tmp_path: Path) -> None:
    text = (
        f"本番用副本登録進捗状況集計シート,,,,,\n\n平成29年6月末時点,作成：A県,,,,\n{HEADER_JA}\nF,x,1000,500,済,済\n"
    )
    report = read_sheet(write(tmp_path, text))
    assert report.header == tuple(HEADER_JA.split(","))
    (row,) = report.rows
    assert (row.line, row.organization, row.ratio, row.needs_advice) == (5, "F", 0.5, False)
    assert report.errors == ()
    assert report.blank_lines == (2,)


def test_header_searched_in_the_first_ten_non_blank_rows(tmp_path: Path) -> None:
    titles = "".join(f"title {i}\n\n" for i in range(9))  # 9 non-blank title rows, blank rows between
    report = read_sheet(write(tmp_path, f"{titles}{HEADER_JA}\nF,x,10,10,済,済\n"))
    assert report.rows[0].line == 20
    too_deep = "".join(f"title {i}\n" for i in range(10))  # the header would be the 11th non-blank row
    with pytest.raises(SheetError, match=r"sheet\.csv: header lacks 団体名 \(organization\), 特定個人情報 \(item\)"):
        read_sheet(write(tmp_path, f"{too_deep}{HEADER_JA}\nF,x,10,10,済,済\n"))


def test_header_with_a_column_named_twice_below_a_title(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match=r"columns 3 and 7 both name 登録予定件数 \(planned\)"):
        read_sheet(write(tmp_path, f"title\n{HEADER_JA},planned\nF,x,10,10,済,済,10\n"))


def test_an_unclosed_quote_is_named_not_hidden(tmp_path: Path) -> None:
    # The quote opened in line 2 runs on to the end: lines 3-4 are swallowed into one cell.
    text = f'{HEADER_JA}\nA市,"住民票,1000,600,済,済\nB町,税,10,10,済,済\nC村,福祉,10,10,済,済\n'
    report = read_sheet(write(tmp_path, text))
    assert report.rows == ()
    assert len(report.errors) == 1
    err = report.errors[0]
    assert err.line == 2
    # A quoted cell may span lines (Alt+Enter); in a row that cannot be read, the likely cause is named.
    assert 'a cell runs over several lines: an unclosed quote (") may have swallowed the lines after it' in err.message
    assert (
        '複数行にわたるセルがあります。閉じていない引用符（"）が後の行を取り込んでいる可能性があります'
        in err.message_ja
    )
