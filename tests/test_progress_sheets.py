"""Progress sheets as they really come (issue 9): the layouts, spellings, encodings and views.

Every expected value is worked out by hand from the sheet in the test.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017, Reason
from chukan_schedule.cli import main
from chukan_schedule.progress import ProgressReport, SheetError, read_sheet, render_organizations, to_csv
from chukan_schedule.progress.columns import parse_column_option
from clikit import run_json

DATA = Path(__file__).parent / "data" / "progress"
NATIONAL = DATA / "national.csv"
HEADER = "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認"
RANGE = Reason(
    "P1", "count range not checked (登録対象範囲（件数）の確認)", "登録対象範囲（件数）の確認が行われていません"
)
ACCURACY = Reason(
    "P1",
    "accuracy after registration not checked (sample check, column d)",
    "登録後の正確性の確認（サンプルチェック）が行われていません（(d)欄）",
)


def sheet(tmp_path: Path, text: str, name: str = "sheet.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read(path: Path, **kwargs: object) -> ProgressReport:
    return read_sheet(path, JULY_2017, **kwargs)  # type: ignore[arg-type]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# ---------------------------------------------------------------- the real sheet's layout


def test_national_sheet_title_rows_letters_suffixes_prefecture_and_code() -> None:
    report = read(NATIONAL)
    assert report.header[:6] == (
        "都道府県名",
        "団体コード",
        "団体名",
        "特定個人情報名",
        "登録予定件数(a)",
        "（b）実登録件数",
    )
    got = [
        (r.line, r.prefecture, r.organization_code, r.organization, r.item, r.planned, r.registered, r.needs_advice)
        for r in report.rows
    ]
    assert got == [
        (4, "北海道", "012131", "伊達市", "住民票関係情報", 12000, 6000, False),  # exactly half; 済み, 実施済
        (5, "北海道", "012131", "伊達市", "地方税関係情報", 8000, 3999, True),  # 7,998 < 8,000
        (6, "福島県", "072133", "伊達市", "住民票関係情報", 9000, 0, True),  # blank 実登録件数 read as 0
        (7, "福島県", "072133", "伊達市", "地方税関係情報", 100, 100, True),  # range check "-": not done
        (9, "東京都", "131016", "千代田区", "住民票関係情報", 500, 500, True),  # accuracy 無
    ]
    rows = {r.line: r for r in report.rows}
    assert rows[5].reasons == (
        Reason(
            "P1",
            "registered count 3,999 is below half of the planned count 8,000 (49.9%, column f)",
            "実登録件数3,999件が登録予定件数8,000件の5割を下回っています（49.9%、(f)欄）",
        ),
    )
    assert rows[6].reasons == (
        Reason(
            "P1",
            "registered count is blank, read as 0 (nothing registered): below half of the planned count 9,000 "
            "(0.0%, column f)",
            "実登録件数が空欄のため0件（未登録）と読みました。登録予定件数9,000件の5割を下回っています（0.0%、(f)欄）",
        ),
    )
    assert rows[7].reasons == (RANGE,)
    assert rows[7].cells[8] == "複数行の\r\n備考"  # a quoted cell over two lines (Alt+Enter) is one cell
    assert rows[9].reasons == (ACCURACY,)
    assert (rows[9].range_checked, rows[9].accuracy_checked) == (True, False)
    assert report.errors == ()


def test_national_sheet_by_organization() -> None:
    report = read(NATIONAL)
    assert [tuple(g) for g in report.organizations] == [
        ("北海道", "012131", "伊達市", 2, 1, ("地方税関係情報",)),
        ("福島県", "072133", "伊達市", 2, 2, ("住民票関係情報", "地方税関係情報")),
        ("東京都", "131016", "千代田区", 1, 1, ("住民票関係情報",)),
    ]
    assert render_organizations(report, "en").splitlines()[1:] == [
        "code    prefecture  organization  items  advice  advised items",
        "012131  北海道      伊達市            2       1  地方税関係情報",
        "072133  福島県      伊達市            2       2  住民票関係情報, 地方税関係情報",
        "131016  東京都      千代田区          1       1  住民票関係情報",
        "3 organizations: 3 need advice. 5 rows read: 4 need advice, 0 in error. "
        "Registration and its accuracy due by 2017-06-30 (P1)",
    ]


def test_without_a_code_organizations_are_sorted_by_prefecture_and_name(tmp_path: Path) -> None:
    path = sheet(
        tmp_path,
        f"都道府県名,{HEADER}\n福島県,伊達市,a,10,10,済,済\n北海道,伊達市,a,10,1,済,済\n北海道,伊達市,b,10,10,済,済\n"
        "北海道,札幌市,a,10,10,済,未\n",
    )
    assert [tuple(g) for g in read(path).organizations] == [
        ("北海道", None, "伊達市", 2, 1, ("a",)),
        ("北海道", None, "札幌市", 1, 1, ("a",)),
        ("福島県", None, "伊達市", 1, 0, ()),
    ]


def test_prefecture_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = read(NATIONAL, prefecture="北海道")
    assert [(r.line, r.organization) for r in report.rows] == [(4, "伊達市"), (5, "伊達市")]
    assert [r.line for r in read(NATIONAL, prefecture="福島").rows] == [6, 7]  # 県 may be left out
    status, out, _ = run(capsys, "progress", str(NATIONAL), "--prefecture", "東京都", "--json", "--lang", "en")
    assert status == 0
    data = json.loads(out)
    assert [(r["line"], r["prefecture"], r["organization_code"]) for r in data["rows"]] == [(9, "東京都", "131016")]
    assert data["organizations"] == [
        {
            "prefecture": "東京都",
            "organization_code": "131016",
            "organization": "千代田区",
            "items": 1,
            "needs_advice": 1,
            "advised_items": ["住民票関係情報"],
        }
    ]
    no_prefecture = sheet(tmp_path, f"{HEADER}\nA市,x,10,10,済,済\n")
    status, out, err = run(capsys, "progress", str(no_prefecture), "--prefecture", "北海道")
    assert status == 2 and out == ""
    assert "the sheet has no 都道府県名 (prefecture) column" in err


def test_cli_by_organization_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "progress", str(NATIONAL), "--by", "organization", "--lang", "ja")
    assert status == 0
    assert out.splitlines()[1:] == [
        "団体コード  都道府県名  団体名    項目数  助言等  助言等が必要な特定個人情報",
        "012131      北海道      伊達市         2       1  地方税関係情報",
        "072133      福島県      伊達市         2       2  住民票関係情報、地方税関係情報",
        "131016      東京都      千代田区       1       1  住民票関係情報",
        "3団体：助言等が必要 3団体。読込 5行：助言等が必要 4行、エラー 0行。"
        "副本登録及び正確性の担保の期限 2017年6月30日（6月末）（P1）",
    ]


def test_json_rows_carry_prefecture_code_and_checks(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "progress", str(NATIONAL), "--json")
    assert status == 0
    row = json.loads(out)["rows"][4]
    assert row == {
        "line": 9,
        "prefecture": "東京都",
        "organization_code": "131016",
        "organization": "千代田区",
        "item": "住民票関係情報",
        "planned": 500,
        "registered": 500,
        "ratio": 1.0,
        "range_checked": True,
        "accuracy_checked": False,
        "needs_advice": True,
        "reasons": [{"clause": "P1", "en": ACCURACY.en, "ja": ACCURACY.ja}],
        "notes": [],
    }
    assert json.loads(out)["summary"]["rows_read"] == 5


def test_csv_in_japanese_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "progress", str(NATIONAL), "--csv", "--lang", "ja")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][-4:] == ["割合", "助言等の要否", "理由", "エラー"]
    assert rows[0][:2] == ["都道府県名", "団体コード"]
    assert rows[1][-4:] == ["0.5", "不要", "", ""]
    assert rows[5][-4:] == ["1.0", "要", "P1: 登録後の正確性の確認（サンプルチェック）が行われていません（(d)欄）", ""]
    status, out, _ = run(capsys, "progress", str(NATIONAL), "--csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][-4:] == ["ratio", "needs_advice", "reasons", "error"]
    assert rows[5][-4:] == ["1.0", "yes", "P1: accuracy after registration not checked (sample check, column d)", ""]


# ---------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "header",
    [
        "団体名,特定個人情報名,登録予定件数(a),（b）実登録件数,登録対象範囲（件数）の確認,登録後の正確性の確認（d）",
        "団体名称,特定個人情報の名称,（ａ）登録予定件数,(ｂ)実登録件数,c. 登録対象範囲の確認,d. 登録後の正確性の確認",
        "Organization,Item,Planned count,Registered count,Range check,Accuracy check",
        " 団体 名 ,特定　個人情報,登録予定件数【a】,実登録件数（件数）,登録対象範囲(件数)の確認,(d)",
    ],
)
def test_headers_as_people_write_them(tmp_path: Path, header: str) -> None:
    report = read(sheet(tmp_path, f"{header}\nA市,x,1000,499,済,済\n"))
    assert report.errors == ()
    (row,) = report.rows
    assert (row.organization, row.planned, row.registered, row.needs_advice) == ("A市", 1000, 499, True)


def test_two_row_header_with_a_spanning_upper_row(tmp_path: Path) -> None:
    text = (
        "都道府県名,団体コード,団体名,特定個人情報名,登録件数,,確認状況,\n"
        ",,,,登録予定件数,実登録件数,登録対象範囲（件数）の確認,登録後の正確性の確認\n"
        "北海道,011002,札幌市,住民票関係情報,10,4,済,済\n"
    )
    report = read(sheet(tmp_path, text))
    (row,) = report.rows
    assert (row.line, row.organization_code, row.planned, row.registered, row.needs_advice) == (
        3,
        "011002",
        10,
        4,
        True,
    )


def test_two_row_header_with_letters_under_the_names(tmp_path: Path) -> None:
    text = f"{HEADER},割合\n,,(a),(b),(c),(d),(f)\nA市,住民票関係情報,1000,400,済,済,40.0%\n"
    report = read(sheet(tmp_path, text))
    (row,) = report.rows
    assert row.line == 3
    assert row.notes == ()  # 40.0% agrees with 400/1,000
    assert row.reasons[0].en == "registered count 400 is below half of the planned count 1,000 (40.0%, column f)"


def test_missing_columns_error_names_only_those_and_shows_what_was_found(tmp_path: Path) -> None:
    path = sheet(tmp_path, "団体名,特定個人情報,予定,実績,登録対象範囲の確認,登録後の正確性の確認\nA市,x,10,4,済,済\n")
    with pytest.raises(SheetError) as exc:
        read(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: header lacks 登録予定件数 (planned), 実登録件数 (registered); accepted: ")
    assert "headers found: 団体名, 特定個人情報, 予定, 実績, 登録対象範囲の確認, 登録後の正確性の確認" in message
    assert "--column KEY=HEADER" in message
    assert "団体名 (organization)," not in message.split("; accepted:")[0]  # 団体名 was there
    assert exc.value.ja.startswith(
        f"進捗シート {path} の見出し行に次の列がありません：登録予定件数（planned）、実登録件数（registered）。"
    )


def test_column_option_maps_any_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sheet(tmp_path, "団体名,特定個人情報,予定,実績,登録対象範囲の確認,登録後の正確性の確認\nA市,x,10,4,済,済\n")
    report = read(path, columns=parse_column_option(["planned=予定", "実登録件数=実績"]))
    assert [(r.planned, r.registered, r.needs_advice) for r in report.rows] == [(10, 4, True)]
    status, out, _ = run(
        capsys, "progress", str(path), "--column", "planned=予定", "--column", "registered=実績", "--json"
    )
    assert status == 0 and json.loads(out)["rows"][0]["registered"] == 4
    status, out, err = run(capsys, "progress", str(path), "--column", "colour=予定")
    assert status == 2 and out == ""
    assert err.startswith("chukan-schedule: error: --column 'colour=予定': give KEY=HEADER, KEY one of organization, ")


# ---------------------------------------------------------------- cells

DONE = ["済", "済み", "実施済", "実施済み", "確認済", "確認済み", "完了", "有", "あり", "○", "〇", "◯", "✓", "✔",
        "はい", "yes", "y", "true", "1"]  # fmt: skip
NOT_DONE = ["未", "未実施", "未確認", "無", "なし", "×", "✕", "-", "－", "―", "いいえ", "no", "n", "false", "0", ""]


@pytest.mark.parametrize("mark", DONE)
def test_every_spelling_of_done(tmp_path: Path, mark: str) -> None:
    (row,) = read(sheet(tmp_path, f"{HEADER}\nA市,x,10,10,{mark},{mark}\n")).rows
    assert (row.range_checked, row.accuracy_checked, row.needs_advice) == (True, True, False)


@pytest.mark.parametrize("mark", NOT_DONE)
def test_every_spelling_of_not_done(tmp_path: Path, mark: str) -> None:
    (row,) = read(sheet(tmp_path, f"{HEADER}\nA市,x,10,10,{mark},{mark}\n")).rows
    assert (row.range_checked, row.accuracy_checked, row.reasons) == (False, False, (RANGE, ACCURACY))


def test_a_mark_that_is_neither_names_the_cell_and_the_spellings(tmp_path: Path) -> None:
    report = read(sheet(tmp_path, f"{HEADER}\nA市,x,10,10,△,済\n"))
    (err,) = report.errors
    assert err.message == (
        "登録対象範囲の確認 (range check) '△' is not a check mark; accepted: done: "
        "済/済み/実施済/実施済み/確認済/確認済み/完了/有/あり/○/〇/◯/✓/✔/はい/yes/y/true/1; "
        "not done: 未/未実施/未確認/無/なし/×/✕/-/－/―/いいえ/no/n/false/0/blank"
    )


def test_a_blank_planned_count_stays_an_error(tmp_path: Path) -> None:
    (err,) = read(sheet(tmp_path, f"{HEADER}\nA市,x,,5,済,済\n")).errors
    assert err.message.startswith("登録予定件数 (planned count) is blank; accepted: a whole number")


def test_blank_registered_with_planned_zero_needs_no_advice(tmp_path: Path) -> None:
    (row,) = read(sheet(tmp_path, f"{HEADER}\nA市,x,0,,済,済\n")).rows
    assert (row.registered, row.ratio, row.needs_advice) == (0, None, False)


def test_counts_are_exact_however_large(tmp_path: Path) -> None:
    big = "9" * 18
    text = f"{HEADER}\nA市,x,{big},{int(big) // 2 + 1},済,済\nB町,x,{big},{int(big) // 2},済,済\n"
    a, b = read(sheet(tmp_path, text)).rows
    # 2 * 500,000,000,000,000,000 = 1,000,000,000,000,000,000 >= 999,999,999,999,999,999: not below half
    assert (a.registered, a.needs_advice) == (500_000_000_000_000_000, False)
    # 2 * 499,999,999,999,999,999 = 999,999,999,999,999,998 < 999,999,999,999,999,999: below half
    assert (b.registered, b.needs_advice) == (499_999_999_999_999_999, True)


@pytest.mark.parametrize("count", ["1" + "0" * 18, "7" * 5000, "１" * 19])
def test_a_count_too_large_is_a_clean_row_error(tmp_path: Path, count: str) -> None:
    report = read(sheet(tmp_path, f"{HEADER}\nA市,x,{count},1,済,済\nB町,x,1,1,済,済\n"))
    (err,) = report.errors
    assert err.line == 2
    assert "登録予定件数 (planned count)" in err.message and "is too large" in err.message
    assert "(up to 18 digits)" in err.message
    assert len(err.message) < 500  # the cell is shown cut
    assert [r.line for r in report.rows] == [3]


def test_ratio_column_disagreeing_with_the_counts_is_noted(tmp_path: Path) -> None:
    text = f"{HEADER},割合(f)\nA市,x,1000,400,済,済,60%\nB町,x,3,1,済,済,33.3%\nC村,x,3,1,済,済,34%\n"
    a, b, c = read(sheet(tmp_path, text)).rows
    assert a.notes == (
        Reason(
            "P1",
            "the ratio in column f (60%) disagrees with registered/planned 400/1,000 = 40.0%; the counts decide",
            "(f)欄の割合（60%）が実登録件数／登録予定件数 400／1,000 ＝ 40.0% と合いません（件数で判断しました）",
        ),
    )
    assert a.needs_advice  # the counts decide: 40% is below half
    assert b.notes == ()  # 1/3 = 33.33...%: within the rounding of 33.3%
    assert len(c.notes) == 1  # 34% is 0.67 points from 33.33...%: more than rounding


def test_ratio_column_decides_without_counts(tmp_path: Path) -> None:
    text = f"{HEADER},割合(f)\nA市,x,,,済,済,45.5%\nB町,x,,,済,済,0.5\nC村,x,,,済,済,\n"
    report = read(sheet(tmp_path, text))
    a, b = report.rows
    assert (a.planned, a.registered, a.ratio, a.needs_advice) == (None, None, 0.455, True)
    assert a.reasons[0].en == "the ratio in column f, 45.5%, is below half (the row has no counts)"
    assert (b.ratio, b.needs_advice) == (0.5, False)  # exactly half is not below half
    (err,) = report.errors
    assert err.line == 4 and err.message.startswith("登録予定件数 (planned count) is blank")


def test_a_sheet_with_the_ratio_and_no_count_columns(tmp_path: Path) -> None:
    text = "団体名,特定個人情報,登録対象範囲の確認,登録後の正確性の確認,（f）\nA市,x,済,済,49.9%\nB町,x,済,済,abc\n"
    report = read(sheet(tmp_path, text))
    (row,) = report.rows
    assert (row.ratio, row.needs_advice) == (0.499, True)
    (err,) = report.errors
    assert err.message.startswith("割合 (ratio, column f) 'abc' is not a ratio; accepted: a percentage such as 49.9%")


# ---------------------------------------------------------------- encodings and separators

ROWS = 'A市\t住民票関係情報\t1000\t499\t済\t済\nB町\t"地方税\n関係情報"\t10\t10\t済\t未\n'


def check_two_rows(report: ProgressReport) -> None:
    a, b = report.rows
    assert (a.line, a.organization, a.registered, a.needs_advice) == (2, "A市", 499, True)
    assert (b.line, b.item, b.reasons) == (3, "地方税\n関係情報", (ACCURACY,))


def test_tab_separated_utf8(tmp_path: Path) -> None:
    report = read(sheet(tmp_path, HEADER.replace(",", "\t") + "\n" + ROWS, name="sheet.txt"))
    assert report.encoding == "utf-8"
    check_two_rows(report)


def test_excel_unicode_text_utf16_tab_separated(tmp_path: Path) -> None:
    report = read(sheet(tmp_path, HEADER.replace(",", "\t") + "\r\n" + ROWS, name="sheet.txt", encoding="utf-16"))
    assert report.encoding == "utf-16"
    check_two_rows(report)


def test_cp932_tab_separated(tmp_path: Path) -> None:
    report = read(sheet(tmp_path, HEADER.replace(",", "\t") + "\n" + ROWS, name="sheet.tsv", encoding="cp932"))
    assert report.encoding == "cp932"
    check_two_rows(report)


def test_two_byte_order_marks_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + f"{HEADER}\nA市,x,10,10,済,済\n".encode())
    report = read(path)
    assert report.encoding == "utf-8-sig"
    assert report.header[0] == "団体名"
    assert [r.organization for r in report.rows] == ["A市"]


def test_one_cp932_row_in_a_utf8_sheet_is_that_rows_error(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(
        f"{HEADER}\nA市,住民票関係情報,10,10,済,済\n".encode()
        + "B町,地方税関係情報,10,10,済,済\n".encode("cp932")
        + "C村,介護保険関係情報,10,4,済,済\n".encode()
    )
    report = read(path)
    assert report.encoding == "utf-8"
    assert [(r.line, r.organization, r.item) for r in report.rows] == [
        (2, "A市", "住民票関係情報"),
        (4, "C村", "介護保険関係情報"),  # read as UTF-8, not as mojibake
    ]
    (err,) = report.errors
    assert err.line == 3
    assert err.message.startswith("line 3 is not valid UTF-8 (the rest of the file is; CP932?)")


def test_a_file_name_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = os.fsdecode(b"\x90i\x92\xbb.csv")  # 進捗.csv in CP932, unpacked from a Windows ZIP
    path = tmp_path / name
    try:
        path.write_text(f"{HEADER}\nA市,x,10,4,済,済\n", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system does not take such a name")
    status, out, err = run(capsys, "progress", str(path), "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == f"{tmp_path}/\\x90i\\x92\\xbb.csv (utf-8)"
    status, out, err = run(capsys, "progress", str(path), "--json")
    assert json.loads(out)["source"] == f"{tmp_path}/\\x90i\\x92\\xbb.csv"


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "folder"])
def test_the_input_must_be_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    if kind == "fifo":
        target = str(tmp_path / "pipe.csv")
        os.mkfifo(target)
        expected = f"{target}: is not a regular file (a device, a pipe or a socket)"
    elif kind == "folder":
        target = str(tmp_path)
        expected = f"{target}: is a folder"
    else:
        if not os.path.exists(kind):
            pytest.skip("no /dev/zero here")
        target = kind
        expected = "/dev/zero: is not a regular file (a device, a pipe or a socket)"
    status, out, err = run(capsys, "progress", target)
    assert (status, out) == (2, "")
    assert err.startswith(f"chukan-schedule: error: {expected}; accepted: ")
    assert err.count("\n") == 1


# ---------------------------------------------------------------- output


@pytest.mark.parametrize("cell", [" =1+1", "＝1+1", "\u200b=1+1", "\u3000+1", "＠SUM(A1)", "－1", "\ufeff=x"])
def test_formula_injection_is_neutralised_in_every_disguise(tmp_path: Path, cell: str) -> None:
    path = sheet(tmp_path, f'{HEADER},備考\nA市,x,10,10,済,済,"{cell}"\n')
    out = list(csv.reader(io.StringIO(to_csv(read(path), "en"), newline="")))
    assert out[1][6] == "'" + cell


def test_a_harmless_cell_is_left_alone(tmp_path: Path) -> None:
    path = sheet(tmp_path, f'{HEADER},備考\nA市,x,10,10,済,済," 備考"\n')
    out = list(csv.reader(io.StringIO(to_csv(read(path), "en"), newline="")))
    assert out[1][6] == " 備考"


def test_a_sheet_that_fails_midway_leaves_the_output_file_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Row 3 opens a quote that is never closed: the cell outgrows the longest cell read (1 MiB
    # characters, sheetread.MAX_CELL), far into the file (70,000 rows of about 20 characters).
    rows = "".join(f"A市,x{i},10,10,済,済\n" for i in range(70_000))
    path = sheet(tmp_path, f'{HEADER}\nA市,x,10,10,済,済\nB町,"open,10,10,済,済\n{rows}')
    target = tmp_path / "advice.csv"
    target.write_bytes(b"old")
    status, out, err = run(capsys, "progress", str(path), "--csv", "--output", str(target))
    assert (status, out) == (2, "")
    assert ": not valid CSV (a cell longer than 1,048,576 characters: an unclosed quote?)" in err
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advice.csv", "sheet.csv"]


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"A市,x{i},10,10,済,済\n" for i in range(70_000))  # more than 65,536: a tick would be due
    path = sheet(tmp_path, f"{HEADER}\n{rows}")
    status, out, err = run(capsys, "progress", str(path), "--json", "--output", str(tmp_path / "out.json"))
    assert (status, out, err) == (0, "", "")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["rows_read"] == 70_000


def test_broken_utf16_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "sheet.txt"
    path.write_bytes(b"\xff\xfe\x00\xd8a\x00")  # a BOM, then a lone high surrogate
    with pytest.raises(
        SheetError, match=r"sheet\.txt: UTF-16 text that cannot be decoded \(illegal UTF-16 surrogate\)"
    ):
        read(path)


def test_a_terminal_sees_the_rows_read_so_far(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    rows = "".join(f"A市,x{i},10,10,済,済\n" for i in range(70_000))
    path = sheet(tmp_path, f"{HEADER}\n{rows}")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    argv = ["progress", str(path), "--json", "--output", str(tmp_path / "out.json"), "--lang", "en", "--jobs", "1"]
    assert main(argv) == 0
    # Blocks of 250 rows, cut where line 50,001 starts a segment: lines 2-50,000 are 199 blocks
    # and one of 249 rows (49,999 rows), then blocks of 250.  The first count at or past 65,536
    # is 49,999 + 63 * 250 = 65,749; then the line is cleared.
    assert terminal.getvalue() == "\r65,749 rows read…\r\x1b[K"


def test_a_row_that_stops_before_the_ratio_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The ratio (f) is the last column and not a required one: B町's row ends before it, so (f)
    # is blank there and its counts decide, as on a row with (f) left empty: 4 of 10 is 40%,
    # below half.  (It was an internal error: the row's cells were read past their end.)
    path = tmp_path / "narrow.csv"
    path.write_text(
        "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認,登録率\n"
        "A市,住民票関係情報,10,4,済,済,40%\n"
        "B町,税,10,4,済,済\n"
        "C村,税,10,4,済,済,\n",
        encoding="utf-8",
    )
    status, data = run_json(capsys, "progress", str(path), "--json")
    assert status == 0
    assert data["errors"] == []
    rows = {r["organization"]: r for r in data["rows"]}
    for name in ("B町", "C村"):
        assert (rows[name]["planned"], rows[name]["registered"], rows[name]["ratio"]) == (10, 4, 0.4)
        assert rows[name]["needs_advice"] is True
        assert [r["clause"] for r in rows[name]["reasons"]] == ["P1"]
        assert rows[name]["notes"] == []
