"""The calendar's, the chart's and diff's words come from the catalog: each language says them its own way.

Expected values are written out by hand (July 2017: Monday the 10th .. Sunday the 16th).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from importlib import resources

import pytest

from chukan_schedule import JULY_2017, parse_plan
from chukan_schedule.chart import render_svg
from chukan_schedule.cli import main
from chukan_schedule.cli.main import COMMANDS
from chukan_schedule.cli.parsing import printable
from chukan_schedule.diff import compare
from chukan_schedule.errors import LocalizedError
from chukan_schedule.ics import to_ical
from chukan_schedule.lang import Lang
from chukan_schedule.render import format_days, format_short_day, weekday_name

JULY_TEXT = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")
#: A clause of the notices ([H], N5, T, P1): the one kind of Latin word a Japanese reader is shown.
CLAUSE = re.compile(r"\b[A-Z]\d*\b")

WEEK_EN = ["Mon 10 Jul", "Tue 11 Jul", "Wed 12 Jul", "Thu 13 Jul", "Fri 14 Jul", "Sat 15 Jul", "Sun 16 Jul"]
WEEK_JA = [
    "7月10日（月）",
    "7月11日（火）",
    "7月12日（水）",
    "7月13日（木）",
    "7月14日（金）",
    "7月15日（土）",
    "7月16日（日）",
]


def test_days_as_people_write_them() -> None:
    days = [date(2017, 7, d) for d in range(10, 17)]
    assert [format_short_day(d, "en") for d in days] == WEEK_EN
    assert [format_short_day(d, Lang.JA) for d in days] == WEEK_JA
    assert [weekday_name(d, "ja") for d in days] == list("月火水木金土日")
    assert format_short_day(date(2017, 12, 1), "ja") == "12月1日（金）"
    assert format_short_day(date(2017, 1, 31), "en") == "Tue 31 Jan"
    assert format_days(date(2017, 7, 10), date(2017, 7, 16), "en") == "Mon 10 Jul–Sun 16 Jul"
    assert format_days(date(2017, 7, 10), date(2017, 7, 16), "ja") == "7月10日（月）～7月16日（日）"
    assert format_days(date(2017, 7, 13), date(2017, 7, 13), "ja") == "7月13日（木）"


def test_the_japanese_chart_shows_no_english_word() -> None:
    svg = ET.fromstring(render_svg(JULY_2017, "ja").encode("utf-8"))
    shown = [el.text for el in svg.iter() if el.text and el.text.strip() and not el.tag.endswith("style")]
    # At least 31 days x (number, weekday, tooltip) and 25 hours x 2 labels, besides bars and legend.
    assert len(shown) > 31 * 3 + 25 * 2
    # Besides clauses, only the zone (JST) and the program's name, which has no Japanese.
    latin = {word for t in shown for word in re.findall(r"[A-Za-z][\w-]*", CLAUSE.sub("", t))}
    assert latin == {"JST", "chukan-schedule"}


def _edit(*pairs: tuple[str, str]) -> str:
    text = JULY_TEXT.replace("format = 1\n", "format = 1\nrevision = 1\n", 1)
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# The test week (07-03..07) in normal mode; linkage_start a day later, with N9 as its clause, no longer 想定.
CHANGED = _edit(
    ('first_day = 2017-07-03\nlast_day = 2017-07-07\nmode = "test"', 'first_day = 2017-07-03\nlast_day = 2017-07-07\nmode = "normal"'),
    ("expected = true                      # T: 18日から", "# T: 18日から"),
    ('clause = "T"                         # 平成29年7月18日から', 'clause = "N9"  # 平成29年7月18日から'),
)  # fmt: skip


def test_the_japanese_diff_shows_no_english_word() -> None:
    changes = compare(JULY_2017, parse_plan(CHANGED))
    ja = changes.lines("ja")
    assert len(ja) > 20  # the mode, the test week's windows, the milestone
    assert [line for line in ja if re.search(r"[A-Za-z]", CLAUSE.sub("", line))] == []
    assert ja[1] == "7月3日（月）～7月7日（金）：稼働モード テスト（総合運用テスト実行モード） → 通常（通常実行モード）"
    assert (
        ja[-1]
        == f"日程「{JULY_2017.milestone('linkage_start').ja}」（7月18日（火））：条項 T → N9、想定ではなくなりました"
    )
    en = changes.lines("en")
    assert (
        en[-1] == f"Milestone {JULY_2017.milestone('linkage_start').en} (Tue 18 Jul): clause T → N9; no longer expected"
    )


def test_a_cut_word_says_its_length_in_the_line_language() -> None:
    word = "x" * 1001  # longer than 1,000 characters: its first 200 are kept
    assert printable(f"bad {word}") == "bad " + "x" * 200 + "… (1001 characters)"
    assert printable(f"bad {word}", Lang.JA) == "bad " + "x" * 200 + "…（1001文字）"


def test_a_cut_word_keeps_its_quotes_and_punctuation_and_counts_only_itself() -> None:
    word = "d" * 1001  # as argparse echoes a choice: 'dddd…', and a file name followed by a colon
    assert (
        printable(f"invalid choice: '{word}' (choose")
        == "invalid choice: '" + "d" * 200 + "'… (1001 characters) (choose"
    )
    assert printable(f"error: {word}: cannot read") == "error: " + "d" * 200 + "… (1001 characters): cannot read"
    assert printable(f"「{word}」、", Lang.JA) == "「" + "d" * 200 + "…（1001文字）」、"
    assert printable(f"引数 COMMAND：'{word}' は", Lang.JA) == "引数 COMMAND：'" + "d" * 200 + "'…（1001文字） は"
    # A file name glued to its reason, as Japanese writes it: the reason stays, the count is the name's.
    said = printable(f"計画ファイル {word}（ファイル名が長すぎます）", Lang.JA)
    assert said == "計画ファイル " + "d" * 200 + "…（1001文字）（ファイル名が長すぎます）"


@pytest.mark.parametrize(("lang", "marker"), [("ja", r"…（1500文字）"), ("en", r"… \(1500 characters\)")])
def test_the_command_line_cuts_in_its_language(lang: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", lang, "y" * 1500]) == 2  # an unknown command, echoed by argparse
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert len(re.findall(marker, err)) == 1
    assert ("characters" in err) is (lang == "en")


def test_misuse_of_ics_and_diff_is_said_in_both_languages() -> None:
    with pytest.raises(TypeError) as info:
        compare(JULY_2017, "2017-07")  # type: ignore[arg-type]
    assert isinstance(info.value, LocalizedError)
    assert str(info.value) == "new must be a chukan_schedule.Plan, got str"
    assert info.value.message.text("ja") == "new には chukan_schedule.Plan を指定してください（str は使えません）"
    with pytest.raises(ValueError) as revision:
        to_ical(JULY_2017, previous=parse_plan(CHANGED))  # revision 0 after revision 1
    assert isinstance(revision.value, LocalizedError)
    assert revision.value.message.text("ja").startswith("前の計画の改訂番号は 1、この計画の改訂番号は 0 です。")


COMMAND_NAMES = [module.__name__.rpartition(".cmd_")[2] for module in COMMANDS]


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_every_subcommand_help_is_japanese_under_lang_ja(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ja", command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方：chukan-schedule ")
    # No English phrase (two English words running), besides the program's name and a command to type.
    phrases = re.findall(r"[a-z]{3,} [a-z]{3,}", out.replace(f"chukan-schedule {command}", ""))
    assert [p for p in phrases if p != "pip install"] == []


def test_the_commands_covered() -> None:
    assert set(COMMAND_NAMES) >= {"check", "windows", "next", "table", "ics", "diff", "chart", "progress"}
