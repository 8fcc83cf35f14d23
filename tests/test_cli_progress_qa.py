"""QA pass on ``progress`` (issue 9): the ratio (f) read without guessing, --column naming a
missing header, a title above a two-row header, our own --csv output read back.

Expected lines are typed out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clikit import assert_one_line_error, run

pytestmark = pytest.mark.usefixtures("english_locale")

RATIO_HEAD = "団体名,特定個人情報,割合,登録対象範囲の確認,登録後の正確性の確認\n"


def sheet(tmp_path: Path, text: str, name: str = "r.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------- 1. a bare number above 1 in (f)


def test_bare_number_above_one_in_the_ratio_is_an_error_in_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = sheet(tmp_path, RATIO_HEAD + "G,i7,45,済,済\n")
    status, out, err = run(capsys, "progress", path, "--lang", "en")
    assert (status, err) == (0, "")
    assert "4500" not in out
    assert out.splitlines()[1:] == [
        "line  organization  item  planned  registered  ratio  range  accuracy  advice",
        "Errors:",
        "  line 2: 割合 (ratio, column f) '45' is ambiguous: a number above 1 without % could be a percentage"
        " or a fraction; accepted: 45% or 0.45 (a percentage such as 49.9% or a fraction from 0 to 1 such as 0.499)",
        "1 row read: 0 need advice, 1 in error. Registration and its accuracy due by 2017-06-30 (P1)",
    ]


def test_bare_number_above_one_in_the_ratio_is_an_error_in_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = sheet(tmp_path, RATIO_HEAD + "G,i7,１５０.5,済,済\n")
    status, out, err = run(capsys, "progress", path, "--lang", "ja")
    assert (status, err) == (0, "")
    assert out.splitlines()[3] == (
        "  2行目：割合（(f)欄）「１５０.5」は % のない1を超える数のため、百分率か小数か判断できません"
        "（受け付ける値：150.5%。49.9% のような百分率、または 0.499 のような0～1の小数）"
    )


def test_percent_and_fraction_from_zero_to_one_are_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # 45% and 0.45 are both below half: P1 advice; 1 is 100% and 0.5 exactly half: no advice.
    text = RATIO_HEAD + "A,i,45%,済,済\nB,i,0.45,済,済\nC,i,1,済,済\nD,i,0.5,済,済\n"
    status, out, err = run(capsys, "progress", sheet(tmp_path, text), "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[2:] == [
        "   2  A             i           -           -   45.0%  yes    yes       NEEDED",
        "    P1: the ratio in column f, 45.0%, is below half (the row has no counts)",
        "   3  B             i           -           -   45.0%  yes    yes       NEEDED",
        "    P1: the ratio in column f, 45.0%, is below half (the row has no counts)",
        "   4  C             i           -           -  100.0%  yes    yes       -",
        "   5  D             i           -           -   50.0%  yes    yes       -",
        "4 rows read: 2 need advice, 0 in error. Registration and its accuracy due by 2017-06-30 (P1)",
    ]


# ---------------------------------------------------------------- 5. a bad ratio is reported alone


def test_negative_ratio_is_reported_only_as_not_a_ratio(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = sheet(tmp_path, RATIO_HEAD + "H,i,-0.1,済,済\n")
    status, out, err = run(capsys, "progress", path, "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[3] == (
        "  line 2: 割合 (ratio, column f) '-0.1' is not a ratio; accepted: a percentage such as 49.9% or a"
        " fraction from 0 to 1 such as 0.499"
    )
    status, out, err = run(capsys, "progress", path, "--lang", "ja")
    assert (status, err) == (0, "")
    assert out.splitlines()[3] == (
        "  2行目：割合（(f)欄）「-0.1」は割合として読めません（49.9% のような百分率、または 0.499 のような0～1の小数）"
    )


def test_blank_ratio_without_counts_still_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = sheet(tmp_path, RATIO_HEAD + "H,i,,済,済\n")
    status, out, err = run(capsys, "progress", path, "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[3] == (
        "  line 2: 割合 (ratio, column f) is blank and the sheet has no counts; accepted: a percentage such as"
        " 49.9% or a fraction from 0 to 1 such as 0.499"
    )


# ---------------------------------------------------------------- 2. --column naming a header not in the sheet

PLAIN = "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認\nA市,i,10,4,済,済\n"
PLAIN_FOUND = "団体名, 特定個人情報, 登録予定件数, 実登録件数, 登録対象範囲の確認, 登録後の正確性の確認"
PLAIN_FOUND_JA = "団体名、特定個人情報、登録予定件数、実登録件数、登録対象範囲の確認、登録後の正確性の確認"


def test_column_naming_a_missing_header_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = sheet(tmp_path, PLAIN, "c.csv")
    status, out, err = run(capsys, "progress", path, "--column", "planned=予定", "--lang", "en")
    assert_one_line_error(status, out, err)
    assert err == (
        f"chukan-schedule: error: {path}: --column planned=予定: the sheet has no header '予定'; accepted: a header"
        f" as written in the sheet; headers found: {PLAIN_FOUND}\n"
    )
    status, out, err = run(capsys, "progress", path, "--column", "planned=予定", "--lang", "ja")
    assert_one_line_error(status, out, err.replace("エラー", "error"))
    assert err == (
        f"chukan-schedule: エラー: 進捗シート {path}：--column planned=予定 の見出し「予定」がシートにありません"
        f"（シートに書かれている見出しを指定してください）。見つかった見出し：{PLAIN_FOUND_JA}\n"
    )


def test_column_naming_a_missing_header_on_a_sheet_without_the_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # " Count" matches the header "count" (spaces and case do not count); "nope" is nowhere.
    path = sheet(tmp_path, "name,count\nA,1\n", "w.csv")
    status, out, err = run(
        capsys, "progress", path, "--column", "planned= Count", "--column", "registered=nope", "--lang", "en"
    )
    assert_one_line_error(status, out, err)
    assert err == (
        f"chukan-schedule: error: {path}: --column registered=nope: the sheet has no header 'nope'; accepted: a"
        " header as written in the sheet; headers found: name, count\n"
    )


def test_column_naming_a_present_header_is_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = sheet(tmp_path, PLAIN.replace("登録予定件数", "予定"), "c.csv")
    status, out, err = run(capsys, "progress", path, "--column", "planned=予定", "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == (
        "1 row read: 1 needs advice, 0 in error. Registration and its accuracy due by 2017-06-30 (P1)"
    )


# ---------------------------------------------------------------- 3. a title above a two-row header

TITLED = (
    "タイトル\n"
    "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認,割合\n"
    ",,(a),(b),(c),(d),(f)\n"
    "A市,住民票関係情報,1000,400,済,済,40.0%\n"
)


def test_title_above_a_two_row_header(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = sheet(tmp_path, TITLED, "t.csv")
    status, out, err = run(capsys, "progress", path, "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [
        "line  organization  item            planned  registered  ratio  range  accuracy  advice",
        "   4  A市           住民票関係情報    1,000         400  40.0%  yes    yes       NEEDED",
        "    P1: registered count 400 is below half of the planned count 1,000 (40.0%, column f)",
        "1 row read: 1 needs advice, 0 in error. Registration and its accuracy due by 2017-06-30 (P1)",
    ]


def test_title_is_not_glued_to_a_header_cell(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (
        "タイトル,,\n"
        "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認,備考\n"
        "A市,i,10,4,済,済,x\n"
    )
    status, out, err = run(capsys, "progress", sheet(tmp_path, text), "--csv", "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == (
        "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認,備考,"
        "ratio,needs_advice,reasons,error"
    )


# ---------------------------------------------------------------- 4. our own --csv output read back

OWN = (
    "団体名,特定個人情報,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認,割合\n"
    "A市,i,1000,400,済,済,40.0%\n"  # below half: advice
    "B市,i,1000,600,済,-,60%\n"  # no accuracy check ('-' is written back as '-): advice
    "C市,i,1000,600,済,済,50%\n"  # (f) disagrees: a note, the counts decide: no advice
    "D市,i,x,600,済,済,50%\n"  # not a count: error
)


def verdicts(capsys: pytest.CaptureFixture[str], path: str) -> tuple[list[tuple[int, bool]], list[int]]:
    status, out, err = run(capsys, "progress", path, "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    return [(r["line"], r["needs_advice"]) for r in data["rows"]], [e["line"] for e in data["errors"]]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_csv_output_reads_back_with_the_same_verdicts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str
) -> None:
    source = sheet(tmp_path, OWN, "s.csv")
    expected = ([(2, True), (3, True), (4, False)], [5])
    assert verdicts(capsys, source) == expected
    once, twice = str(tmp_path / "once.csv"), str(tmp_path / "twice.csv")
    assert run(capsys, "progress", source, "--csv", "--lang", lang, "--output", once) == (0, "", "")
    assert verdicts(capsys, once) == expected
    # Written back a second time: two sets of result columns, still the same answers.
    assert run(capsys, "progress", once, "--csv", "--lang", lang, "--output", twice) == (0, "", "")
    assert verdicts(capsys, twice) == expected
