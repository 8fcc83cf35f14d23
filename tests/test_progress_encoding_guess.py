"""The encoding of a text sheet is what most of its non-ASCII lines are in (a pasted line does not decide)."""

from __future__ import annotations

from pathlib import Path

from chukan_schedule import JULY_2017
from chukan_schedule.progress import read_sheet

HEADER = "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認\n"


def test_a_cp932_sheet_with_one_utf8_line_is_read_as_cp932(tmp_path: Path) -> None:
    sheet = tmp_path / "m.csv"
    sheet.write_bytes((HEADER + "A市,住民票,100,10,済,済\n").encode("cp932") + "Bé市,住民票,100,10,済,済\n".encode())
    report = read_sheet(sheet, JULY_2017)
    assert report.encoding == "cp932"
    # A市: 10 of 100 is below half (P1); line 3 (the UTF-8 one) is the row in error.
    assert [(r.line, r.organization, r.needs_advice) for r in report.rows] == [(2, "A市", True)]
    assert [e.line for e in report.errors] == [3]
    assert "not valid CP932" in report.errors[0].message


def test_a_utf8_sheet_with_one_cp932_line_stays_utf8(tmp_path: Path) -> None:
    sheet = tmp_path / "m.csv"
    sheet.write_bytes((HEADER + "A市,住民票,100,10,済,済\n").encode() + "B市,住民票,100,10,済,済\n".encode("cp932"))
    report = read_sheet(sheet, JULY_2017)
    assert report.encoding == "utf-8"
    assert [r.line for r in report.rows] == [2] and [e.line for e in report.errors] == [3]
