"""One language type: every ``lang`` parameter reads the same spellings and refuses the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from chukan_schedule import JULY_2017, Mode, Operation
from chukan_schedule.chart import render_svg
from chukan_schedule.cli.parsing import default_lang, scan_lang
from chukan_schedule.errors import LangError
from chukan_schedule.ics import to_ical
from chukan_schedule.lang import Lang, Text
from chukan_schedule.render import format_day, format_duration, text

JA_SPELLINGS = ["ja", "JA", "Ja", "ja-JP", "ja_JP", " ja ", Lang.JA]
EN_SPELLINGS = ["en", "EN", "en-US", "en_GB", Lang.EN]
BAD = ["fr", "", "jp", "japanese", "ja_JP.UTF-8", "ja-", None, 1, b"ja"]


@pytest.mark.parametrize("value", JA_SPELLINGS)
def test_japanese_spellings(value: object) -> None:
    assert Lang.coerce(value) is Lang.JA


@pytest.mark.parametrize("value", EN_SPELLINGS)
def test_english_spellings(value: object) -> None:
    assert Lang.coerce(value) is Lang.EN


# Every function that takes a language, each asked in Japanese (its answer written out by hand).
SAYERS: list[tuple[str, Callable[[object], str], str]] = [
    ("Mode.text", lambda lang: Mode.PLANNED_STOP.text(lang), "計画停止"),  # type: ignore[arg-type]
    ("Operation.text", lambda lang: Operation.LINKAGE.text(lang), "情報連携"),  # type: ignore[arg-type]
    ("Plan.title", lambda lang: JULY_2017.title(lang)[:4], "自治体中"),  # type: ignore[arg-type]
    ("Text.text", lambda lang: Text("stop", "停止").text(lang), "停止"),  # type: ignore[arg-type]
    ("render.text", lambda lang: text("yes", lang), "可"),  # type: ignore[arg-type]
    ("format_day", lambda lang: format_day(date(2017, 7, 15), lang), "2017-07-15（土）"),  # type: ignore[arg-type]
    ("format_duration", lambda lang: format_duration(5400, lang), "1時間30分"),  # type: ignore[arg-type]
    (
        "DayPlan.holiday",
        lambda lang: JULY_2017.day(date(2017, 7, 17)).holiday(lang) or "",  # type: ignore[arg-type]
        "海の日",
    ),
    ("chart", lambda lang: "ja" if ' lang="ja"' in render_svg(JULY_2017, lang) else "?", "ja"),  # type: ignore[arg-type]
    ("ics", lambda lang: "JA" if b"chukan-schedule//JA" in to_ical(JULY_2017, operations=[], lang=lang) else "?", "JA"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "say", "japanese"), SAYERS, ids=[s[0] for s in SAYERS])
@pytest.mark.parametrize("spelling", ["ja", "JA", "ja-JP"])
def test_every_sayer_reads_every_spelling(
    name: str, say: Callable[[object], str], japanese: str, spelling: str
) -> None:
    assert say(spelling) == japanese


@pytest.mark.parametrize(("name", "say", "japanese"), SAYERS, ids=[s[0] for s in SAYERS])
@pytest.mark.parametrize("bad", BAD)
def test_every_sayer_refuses_the_same_way(name: str, say: Callable[[object], str], japanese: str, bad: object) -> None:
    with pytest.raises(LangError) as info:
        say(bad)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == (
        f"lang must be 'en' or 'ja' (also 'EN', 'JA', or with a region: 'ja-JP', 'ja_JP'), got {bad!r}"
    )


def test_lang_is_its_text() -> None:
    # A Lang is its str: equal to it and the same dict key.  The text and the dict are typed as
    # plain str, as a caller's would be (mypy rejects comparing Literal['ja'] with Lang.JA).
    ja: str = "ja"
    by_lang: dict[str, int] = {Lang.JA: 1}
    assert ja == Lang.JA and str(Lang.JA) == "ja" and f"{Lang.JA}" == "ja"
    assert {"ja": 1}[Lang.JA] == 1 and by_lang["ja"] == 1


def test_the_command_line_reads_the_same_spellings() -> None:
    assert scan_lang(["--lang", "JA", "check"]) is Lang.JA
    assert scan_lang(["--lang=ja_JP", "check"]) is Lang.JA
    assert scan_lang(["--lang", "fr"]) is None
    assert default_lang({"LANG": "ja_JP.UTF-8"}) is Lang.JA
    assert default_lang({"LANG": "C.UTF-8"}) is Lang.EN
