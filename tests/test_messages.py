"""The message catalog: every message in both languages, the two kept in step, argparse translated."""

from __future__ import annotations

import argparse
import gettext
import inspect
import re
from pathlib import Path

import pytest

from chukan_schedule.cli import build_parser
from chukan_schedule.cli.translation import HelpText, argparse_language
from chukan_schedule.lang import Lang, Text
from chukan_schedule.messages import (
    ARGPARSE_JA,
    CATALOG,
    Listing,
    Msg,
    fingerprints,
    msg,
    one_sided,
    parameters,
    quoted,
    read_fingerprints,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "chukan_schedule"
FINGERPRINTS = Path(__file__).resolve().parent / "data" / "message-fingerprints.txt"
UPDATE = "python -m chukan_schedule.messages --update tests/data/message-fingerprints.txt"


@pytest.mark.parametrize("entry", list(CATALOG.values()), ids=lambda m: m.id)
def test_every_message_renders_in_both_languages_with_the_same_parameters(entry: Msg) -> None:
    assert parameters(entry.en) == parameters(entry.ja), f"{entry.id}: the two texts take different parameters"
    # A distinct number for each parameter (an int fits every field, {month:02d} too): each must show.
    params = {name: 9001 + i for i, name in enumerate(sorted(parameters(entry.en)))}
    for lang in Lang:
        text = msg(entry.id, **params).text(lang)
        assert "{" not in text and "}" not in text, f"{entry.id} ({lang.value}): a brace left in {text!r}"
        for name, value in params.items():
            assert str(value) in text, f"{entry.id} ({lang.value}) does not show its parameter {name}"
    if entry.id != "list.separator" and not entry.id.startswith(("quote.", "os.other")) and entry.en.strip():
        assert entry.ja != entry.en or not re.search(r"[a-z]{4}", entry.en), f"{entry.id}: Japanese is the English"


def test_the_japanese_is_japanese() -> None:
    # Every Japanese text that is a sentence has Japanese in it (not an English text copied over).
    # ics.mode_line says in Japanese only its parameters: 7月3日（月）～7月7日（金）：テスト（…）。
    only_parameters = {"ics.mode_line"}
    for entry in CATALOG.values():
        if re.search(r"[a-z]{3} [a-z]{3}", entry.en) and entry.en != entry.ja and entry.id not in only_parameters:
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", entry.ja), entry.id


def test_an_english_change_without_its_japanese_twin_fails() -> None:
    recorded = read_fingerprints(FINGERPRINTS.read_text(encoding="utf-8"))
    current = fingerprints()
    changed = one_sided(recorded, current)
    assert not changed, (
        f"messages changed in one language only: {', '.join(changed)}; change the other language too, then {UPDATE}"
    )
    stale = sorted(k for k in current.keys() ^ recorded.keys()) + sorted(
        k for k in current.keys() & recorded.keys() if current[k] != recorded[k]
    )
    assert not stale, f"the message fingerprints are out of date ({', '.join(stale)}): {UPDATE}"


def test_one_sided_change_is_detected() -> None:
    before = {"x": Msg("x", en="cannot read {what}", ja="{what} を読み取れません")}
    english_only = {"x": Msg("x", en="could not read {what}", ja="{what} を読み取れません")}
    japanese_only = {"x": Msg("x", en="cannot read {what}", ja="{what} が読めません")}
    both = {"x": Msg("x", en="could not read {what}", ja="{what} が読めません")}
    assert one_sided(fingerprints(before), fingerprints(english_only)) == ["x"]
    assert one_sided(fingerprints(before), fingerprints(japanese_only)) == ["x"]
    assert one_sided(fingerprints(before), fingerprints(both)) == []
    assert one_sided(fingerprints(before), fingerprints(before)) == []


def test_every_message_id_the_code_names_is_in_the_catalog() -> None:
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"""\b(?:msg|help_text|Message)\(\s*["']([a-z0-9_.]+)["']""", path.read_text("utf-8")))
    assert used, "no message ids found: the pattern is wrong"
    assert sorted(used - CATALOG.keys()) == []


def test_unknown_id_fails_at_once() -> None:
    with pytest.raises(KeyError, match=r"no message 'ts\.nope'"):
        msg("ts.nope")


def test_bilingual_parameters_follow_the_message_language() -> None:
    m = msg("cli.output_is_input", output="a.csv", what=msg("cli.input_sheet"), path="a.csv")
    assert m.text("en") == "--output a.csv is the input sheet a.csv: writing there would replace it; give another file"
    assert (
        m.text("ja")
        == "--output a.csv は入力の進捗シート a.csv です。書き込むと上書きされるため、別のファイルを指定してください"
    )
    assert Listing(("a", Text("b", "ビー"))).text("ja") == "a、ビー"
    assert Listing(("a", Text("b", "ビー"))).text("en") == "a, b"
    long = "x" * 100
    assert quoted(long).text("en") == "'" + "x" * 60 + "'… (100 characters)"
    assert quoted(long).text("ja") == "'" + "x" * 60 + "'…（100文字）"
    assert str(msg("ts.month", month=13)) == "month 13 is not 1-12"


# ---- argparse's own words, through its gettext calls ----


def _percent_fields(text: str) -> list[str]:
    return sorted(re.findall(r"%(?:\((\w+)\))?[sr]", text))


@pytest.mark.parametrize(("msgid", "ja"), sorted(ARGPARSE_JA.items()))
def test_argparse_translations_keep_the_placeholders(msgid: str, ja: str) -> None:
    assert _percent_fields(msgid) == _percent_fields(ja)


@pytest.mark.parametrize(
    "msgid",
    [
        "usage: ",
        "show this help message and exit",
        "the following arguments are required: %s",
        "unrecognized arguments: %s",
        "invalid choice: %(value)r (choose from %(choices)s)",
        "argument %(argument_name)s: %(message)s",
        "ambiguous option: %(option)s could match %(matches)s",
        "not allowed with argument %s",
        "expected one argument",
    ],
)
def test_this_pythons_argparse_says_the_translated_words(msgid: str) -> None:
    # A Python whose argparse rewords one of these would show it in English: this fails first.
    assert msgid in ARGPARSE_JA
    source = inspect.getsource(argparse)
    assert repr(msgid)[1:-1] in source or msgid in source


def test_argparse_is_left_as_it_was() -> None:
    before = (getattr(argparse, "_"), getattr(argparse, "ngettext"))  # noqa: B009
    with argparse_language("ja"):
        assert getattr(argparse, "_")("usage: ") == "使い方："  # noqa: B009
    assert (getattr(argparse, "_"), getattr(argparse, "ngettext")) == before  # noqa: B009
    assert getattr(argparse, "_") is gettext.gettext  # noqa: B009
    build_parser("ja").format_help()
    assert getattr(argparse, "_") is gettext.gettext  # noqa: B009


def _parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    out = {"": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            out.update(action.choices)
    return out


JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("command", ["", "check", "windows", "next", "table", "ics", "chart", "progress"])
def test_help_of_every_command_in_japanese(command: str) -> None:
    parser = _parsers(build_parser("ja"))[command]
    text = parser.format_help()
    assert text.startswith("使い方：chukan-schedule")
    assert "オプション" in text and "このヘルプを表示して終了します" in text
    assert "usage:" not in text and "show this help" not in text
    flat = " ".join(text.split())
    for action in parser._actions:
        if isinstance(action.help, HelpText):  # every help text of ours, in Japanese
            assert action.help.message.text("ja")[:8] in flat, action.dest
            assert str(action.help)[:20] not in flat, action.dest
    # Each help text: the catalog's Japanese, not its English.
    assert "print one JSON object" not in text and "language of human output" not in text


@pytest.mark.parametrize("command", ["", "check", "windows", "next", "table", "ics", "chart", "progress"])
def test_help_of_every_command_in_english(command: str) -> None:
    text = _parsers(build_parser("en"))[command].format_help()
    assert text.startswith("usage: chukan-schedule")
    assert "show this help message and exit" in text
    assert "使い方" not in text and "このヘルプ" not in text and "出力の言語" not in text


def test_japanese_help_is_wrapped_by_terminal_columns() -> None:
    from chukan_schedule.cli.translation import wrap_display
    from chukan_schedule.render import display_width

    text = "自治体中間サーバーの2017年7月の計画：この時刻に X をしてよいか、だめなら理由と次の時間帯は？"
    lines = wrap_display(text, 40)
    # counted by hand: a wide character is 2 columns, so the first line stops at 39 (one more would be 41)
    assert lines == [
        "自治体中間サーバーの2017年7月の計画：こ",
        "の時刻に X をしてよいか、だめなら理由と",
        "次の時間帯は？",
    ]
    assert all(display_width(line) <= 40 for line in lines)
    # closing punctuation never starts a line: the character before it goes down with it (追い出し),
    # so the line still fits; an opening bracket goes down with what it opens
    assert wrap_display("あいうえお、かきくけ", 10) == ["あいうえ", "お、かきく", "け"]
    assert wrap_display("あいう（えお）", 8) == ["あいう", "（えお）"]
    assert wrap_display("2017-07-15T10:00:00.123456 です", 10) == ["2017-07-15T10:00:00.123456", "です"]
