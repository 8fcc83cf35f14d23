"""--help laid out by terminal columns: a wide character (Japanese) takes two, in both languages."""

from __future__ import annotations

import pytest

from clikit import run, width

COMMANDS = ["", "check", "next", "windows", "table", "ics", "chart", "progress", "audit", "diff"]


@pytest.fixture
def columns_80(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize("columns", [40, 55, 80])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_line_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int, lang: str, command: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    status, out, _ = run(capsys, "--lang", lang, *([command] if command else []), "--help")
    assert status == 0
    too_wide = [line for line in out.splitlines() if width(line) > columns]
    assert too_wide == []


@pytest.mark.usefixtures("columns_80")
def test_japanese_closing_marks_never_start_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    for command in COMMANDS:
        _, out, _ = run(capsys, "--lang", "ja", *([command] if command else []), "--help")
        starts = [line.strip()[:1] for line in out.splitlines() if line.strip()]
        assert [c for c in starts if c in "、。）」："] == []


@pytest.mark.usefixtures("columns_80")
def test_japanese_usage_continues_under_its_first_argument(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "ja", "next", "--help")
    first, second = out.splitlines()[:2]
    assert first.startswith("使い方：chukan-schedule next [-h]")
    # 使い方： takes 8 columns and "chukan-schedule next " 21: the continuation starts at column 29.
    assert second == " " * 29 + "OP TIMESTAMP"


@pytest.mark.usefixtures("columns_80")
def test_japanese_section_headings_end_in_a_full_width_colon(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "ja", "check", "--help")
    lines = out.splitlines()
    assert "位置引数：" in lines and "オプション：" in lines
    assert "位置引数:" not in lines and "オプション:" not in lines
    _, out, _ = run(capsys, "--lang", "en", "check", "--help")
    assert "positional arguments:" in out.splitlines() and "options:" in out.splitlines()


@pytest.mark.usefixtures("columns_80")
def test_an_english_help_quoting_japanese_keeps_each_term_whole(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "en", "progress", "--help")
    text = out.replace("\n", " ")
    # The sheet's Japanese name and headers are quoted whole, never cut across lines.
    for term in ("本番用副本登録進捗状況集計シート", "登録対象範囲（件数）の確認", "登録後の正確性の確認"):
        assert term in text


def test_argparse_lists_in_japanese_take_the_japanese_comma(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--lang", "ja", "next")
    assert status == 2 and out == ""
    assert err == "chukan-schedule: エラー: 次の引数が必要です：OP、TIMESTAMP（'chukan-schedule next --help' を参照）\n"
    status, _, err = run(capsys, "--lang", "ja", "bogus")
    assert "選べる値：'check'、'windows'、'next'、" in err
    status, _, err = run(capsys, "--lang", "en", "next")
    assert "the following arguments are required: OP, TIMESTAMP;" in err
