# ruff: noqa: E501 - the catalog keeps each text on its lines, English and Japanese side by side
"""Every user-facing message, in English and Japanese side by side (メッセージ一覧).

A message is an entry of :data:`CATALOG`, ``Msg(id, en=..., ja=...)``: one id, both languages
in the same entry, named parameters in ``{braces}`` (``str.format`` syntax, so ``{month:02d}``
works).  Code never writes user-facing words itself: it makes a :class:`Message` (the id and
its parameters) with :func:`msg`, and whoever shows it picks the language at the edge with
``.text(lang)``.  An error carries its :class:`Message` (:mod:`.errors`); its ``str()`` is the
English text.

A parameter may itself say something in a language (a :class:`Message`, a
:class:`~.lang.Text`, an :class:`~.model.Operation`, a :class:`Listing`, a :func:`quoted`
text): it is rendered in the same language as the message around it.

>>> m = msg("ts.month", month=13)
>>> m.text("en"), m.text("ja")
('month 13 is not 1-12', '13月は1～12月の範囲外です')

**Adding a message** (or changing one):

1. add ``Msg("area.what", en="...", ja="...")`` to :data:`CATALOG` below, in its section, with
   the same ``{parameters}`` in both texts (Japanese with full-width punctuation （）、：～);
2. use it: ``msg(<the id>, name=value)``;
3. record its fingerprint: ``python -m chukan_schedule.messages --update tests/data/message-fingerprints.txt``.

``tests/test_messages.py`` renders every message in both languages and fails when a parameter is
missing from one of them, or when one language's text changed and the other's did not (the
fingerprint file keeps a hash of each).  ``--update`` refuses such a one-sided change; when only
one side really needs to change (a typo), say so: ``--update FILE --one-sided area.what``.

argparse's own words (``usage:``, "the following arguments are required", ...) are translated
through its ``gettext`` calls with :data:`ARGPARSE_JA` (see :mod:`.cli.translation`).
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Mapping, Sequence

from .lang import Lang, LangLike
from .value import Value, _set

__all__ = [
    "ARGPARSE_JA",
    "CATALOG",
    "Listing",
    "Message",
    "Msg",
    "fingerprints",
    "msg",
    "os_problem",
    "parameters",
    "quoted",
]


class Msg(Value):
    """One entry of the catalog: an id and the same message in English and Japanese."""

    __slots__ = ("en", "id", "ja")

    id: str
    en: str
    ja: str

    def __init__(self, id: str, en: str, ja: str) -> None:
        _set(self, "id", id)
        _set(self, "en", en)
        _set(self, "ja", ja)

    def template(self, lang: LangLike) -> str:
        return self.ja if Lang.coerce(lang) is Lang.JA else self.en


def parameters(template: str) -> frozenset[str]:
    """The names of the ``{parameters}`` of a template."""
    import string  # here: only the catalog's checks need it, not the command line's start

    return frozenset(name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name)


def _say(value: object, lang: Lang) -> object:
    """A parameter as the message in ``lang`` shows it: a bilingual value in that language."""
    text = getattr(value, "text", None)
    if callable(text):  # a Message, a Text, an Operation, a Mode...
        return text(lang)
    return value


class Message(Value):
    """A message to show: its catalog id and its parameters.  ``str()`` is the English text.

    Two messages are equal only when they are the same object (as an exception is)."""

    __slots__ = ("id", "params")

    id: str
    params: Mapping[str, object]

    def __init__(self, id: str, params: Mapping[str, object] | None = None) -> None:
        _set(self, "id", id)
        _set(self, "params", {} if params is None else params)

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def text(self, lang: LangLike) -> str:
        """The message in ``lang``."""
        lang = Lang.coerce(lang)
        template = CATALOG[self.id].template(lang)
        return template.format_map({k: _say(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.text(Lang.EN)


def msg(message_id: str, /, **params: object) -> Message:
    """The message ``message_id`` with its parameters; an unknown id is a :class:`KeyError` at once."""
    if message_id not in CATALOG:
        raise KeyError(f"no message {message_id!r} in the catalog (chukan_schedule.messages.CATALOG)")
    return Message(message_id, params)


class Listing(Value):
    """Items shown as a list: ``a, b, c`` in English, ``a、b、c`` in Japanese (each item may be bilingual)."""

    __slots__ = ("items",)

    items: tuple[object, ...]

    def __init__(self, items: tuple[object, ...]) -> None:
        _set(self, "items", items)

    def text(self, lang: LangLike) -> str:
        lang = Lang.coerce(lang)
        sep = msg("list.separator").text(lang)
        return sep.join(str(_say(item, lang)) for item in self.items)


#: How many characters of a user's text a message quotes (a pasted log line is cut short).
QUOTE_LIMIT = 60


def quoted(text: str) -> Message:
    """``text`` quoted for a message: whole when short, else its first characters and its length."""
    if len(text) <= QUOTE_LIMIT:
        return msg("quote.whole", text=repr(text))
    return msg("quote.cut", text=repr(text[:QUOTE_LIMIT]), length=len(text))


def os_problem(exc: OSError) -> Message:
    """What went wrong with a file, in words for any language (``os.ENOENT``...), else the system's text."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if f"os.{name}" in CATALOG:
        return msg(f"os.{name}")
    return msg("os.other", detail=exc.strerror or str(exc))


_ACCEPTED_FORMS_EN = (
    "ISO 8601 such as 2017-07-15T10:00, 2017-07-15T10:00:00.123456, 2017-07-15T01:00Z or "
    "2017-07-15T10:00+09:00 (no offset means JST wall clock), also basic 20170715T1000 or 20170715T100000+0900; "
    "2017-07-15 10:00 or 2017/7/15 20:30, a space before the offset allowed (2017-07-15 10:00:00 +0900); "
    "a bare date 2017-07-15 (= 00:00); 2017年7月15日 10時30分, 2017年7月15日10時, 2017年7月15日(土) 10:30:15, "
    "午前/午後 (2017年7月15日 午後8時30分); "
    "the era: 平成29年7月15日 10:00, H29年7月15日, H29.7.15 10:00 (令和 R, 平成 H, 昭和 S, 大正 T, 明治 M; 元年 = 1); "
    "full-width digits (２０１７年７月１５日１０時); 24:00 / 24時 = the next midnight"
)
_ACCEPTED_FORMS_JA = (
    "ISO 8601 形式（2017-07-15T10:00、2017-07-15T10:00:00.123456、2017-07-15T01:00Z、"
    "2017-07-15T10:00+09:00。時差の指定がなければ日本時間）、その基本形式（20170715T1000、20170715T100000+0900）、"
    "2017-07-15 10:00 や 2017/7/15 20:30（時差の前に空白も可：2017-07-15 10:00:00 +0900）、"
    "日付のみ（2017-07-15 は0時）、"
    "和文の日時（2017年7月15日 10時30分、2017年7月15日10時、2017年7月15日(土) 10:30:15、"
    "午前・午後：2017年7月15日 午後8時30分）、"
    "元号（平成29年7月15日 10:00、H29年7月15日、H29.7.15 10:00。令和 R、平成 H、昭和 S、大正 T、明治 M、元年は1年）、"
    "全角数字（２０１７年７月１５日１０時）。24:00・24時は翌日の0時"
)

#: The catalog: every message, English and Japanese side by side.
CATALOG: dict[str, Msg] = {
    m.id: m
    for m in (
        # ---- small pieces ----
        Msg("list.separator", en=", ", ja="、"),
        Msg("quote.whole", en="{text}", ja="{text}"),
        Msg("quote.cut", en="{text}… ({length} characters)", ja="{text}…（{length}文字）"),
        Msg(
            "lang.invalid",
            en="lang must be 'en' or 'ja' (also 'EN', 'JA', or with a region: 'ja-JP', 'ja_JP'), got {value}",
            ja="lang には 'en' か 'ja' を指定してください（'EN'、'JA'、地域付きの 'ja-JP'、'ja_JP' も可。{value} は使えません）",
        ),
        # ---- the plan's coverage ----
        Msg(
            "plan.outside",
            en="{parameter}={value} is outside the plan's coverage [{start}, {end}); the plan cannot answer for it",
            ja="{parameter}={value} は計画の対象期間 [{start}, {end}) の外です。計画はこの時刻について答えられません",
        ),
        # ---- plans given to the library (ics, diff) ----
        Msg(
            "plan.type",
            en="{parameter} must be a chukan_schedule.Plan, got {type}",
            ja="{parameter} には chukan_schedule.Plan を指定してください（{type} は使えません）",
        ),
        Msg(
            "plan.type_or_none",
            en="{parameter} must be a chukan_schedule.Plan or None, got {type}",
            ja="{parameter} には chukan_schedule.Plan か None を指定してください（{type} は使えません）",
        ),
        Msg(
            "plan.revision_order",
            en="the previous plan has revision {old} and this one {new}; "
            "expected a higher revision in the corrected plan, so that clients apply its changes",
            ja="前の計画の改訂番号は {old}、この計画の改訂番号は {new} です。"
            "クライアントが変更を反映できるよう、訂正後の計画には前の計画より大きい改訂番号が必要です",
        ),
        # ---- datetimes and operations given to the library ----
        Msg(
            "instant.type",
            en="{parameter} must be a datetime.datetime (naive = JST wall clock, or aware in any zone), "
            "got {type} {value}",
            ja="{parameter} には datetime.datetime（時差なしは日本時間、または時差付き）を指定してください"
            "（{type} {value} は使えません）",
        ),
        Msg(
            "instant.type_str",
            en="{parameter} must be a datetime.datetime (naive = JST wall clock, or aware in any zone), "
            "got {type} {value}; parse text first, e.g. datetime.fromisoformat('2017-07-15T10:00') "
            "or chukan_schedule.parse_timestamp('2017年7月15日 10時')",
            ja="{parameter} には datetime.datetime（時差なしは日本時間、または時差付き）を指定してください"
            "（{type} {value} は使えません）。文字列は先に読み取ってください"
            "（例：datetime.fromisoformat('2017-07-15T10:00')、chukan_schedule.parse_timestamp('2017年7月15日 10時')）",
        ),
        Msg(
            "instant.type_date",
            en="{parameter} must be a datetime.datetime (naive = JST wall clock, or aware in any zone), "
            "got {type} {value}; a date is a whole day, not an instant: use datetime.combine(d, time(...))",
            ja="{parameter} には datetime.datetime（時差なしは日本時間、または時差付き）を指定してください"
            "（{type} {value} は使えません）。日付は時刻ではなく1日全体です：datetime.combine(d, time(...)) を使ってください",
        ),
        Msg(
            "operation.unknown",
            en="unknown operation {value}; expected one of {values} (or in Japanese: {names})",
            ja="操作 {value} はありません。受け付ける操作：{values}（日本語名：{names}）",
        ),
        Msg(
            "operation.sequence",
            en="operations must be None (all) or a sequence of Operation members or their values, "
            "e.g. ['registration'], got {type} {value}",
            ja="operations には None（すべて）か、Operation のメンバーまたはその値の並び（例：['registration']）を"
            "指定してください（{type} {value} は使えません）",
        ),
        Msg(
            "operation.type",
            en="operation must be an Operation or one of {values}, got {type} {value}",
            ja="操作には Operation か {values} のいずれかを指定してください（{type} {value} は使えません）",
        ),
        # ---- text timestamps (parse_timestamp) ----
        Msg(
            "ts.error",
            en="cannot read {text} as a timestamp: {problem} (accepted forms: chukan-schedule --help)",
            ja="{text} を時刻として読み取れません：{problem}（受け付ける形式：chukan-schedule --help）",
        ),
        Msg(
            "ts.not_str",
            en="parse_timestamp() reads a str, got {type} {value}",
            ja="parse_timestamp() が読むのは str です（{type} {value} は読めません）",
        ),
        Msg("ts.empty", en="it is empty", ja="空です"),
        Msg(
            "ts.no_date",
            en="it does not start with a date such as 2017-07-15, 2017/7/15, 20170715, 2017年7月15日 or H29.7.15",
            ja="先頭が 2017-07-15、2017/7/15、20170715、2017年7月15日、H29.7.15 のような日付ではありません",
        ),
        Msg(
            "ts.basic_needs_t",
            en="expected 'T' and a time after the basic date {date}, got {rest}; e.g. 20170715T1000",
            ja="基本形式の日付 {date} の後には 'T' と時刻が必要ですが、{rest} があります（例：20170715T1000）",
        ),
        Msg(
            "ts.era_year",
            en="era year {year} does not exist (the first year is 1, 元年)",
            ja="元号の{year}年はありません（元号の最初の年は1年、すなわち元年です）",
        ),
        Msg(
            "ts.era_range",
            en="{date} is not in the {era} era ({first}..{last})",
            ja="{date} は{era}（{first}～{last}）の期間外です",
        ),
        Msg("ts.year", en="year {year} is not 1-9999", ja="西暦{year}年は1～9999年の範囲外です"),
        Msg("ts.month", en="month {month} is not 1-12", ja="{month}月は1～12月の範囲外です"),
        Msg(
            "ts.day",
            en="day {day} does not exist in {year}-{month:02d}, which has {days} days",
            ja="{year}年{month}月{day}日はありません（{year}年{month}月は{days}日まで）",
        ),
        Msg(
            "ts.weekday",
            en="the weekday ({given}) does not match {date} ({actual})",
            ja="曜日（{given}）が {date}（{actual}曜日）と合いません",
        ),
        Msg(
            "ts.separator",
            en="expected 'T' or a space between the date and the time, got {rest}",
            ja="日付と時刻の間には 'T' か空白が必要ですが、{rest} があります",
        ),
        Msg(
            "ts.basic_time",
            en="cannot read the time {rest} after a basic date; expected hhmm or hhmmss, e.g. 20170715T1030",
            ja="基本形式の日付の後の時刻 {rest} を読み取れません（hhmm か hhmmss の形式。例：20170715T1030）",
        ),
        Msg(
            "ts.time",
            en="cannot read the time {rest}; expected 10:30, 10:30:15, 10時30分15秒 or 午後8時30分",
            ja="時刻 {rest} を読み取れません（10:30、10:30:15、10時30分15秒 または 午後8時30分 の形式）",
        ),
        Msg(
            "ts.fraction",
            en="the fraction {fraction} is finer than a microsecond (at most 6 digits)",
            ja="秒の小数部 {fraction} がマイクロ秒より細かい値です（小数部は6桁まで）",
        ),
        Msg("ts.minute", en="minute {minute} is not 0-59", ja="{minute}分は0～59分の範囲外です"),
        Msg("ts.second", en="second {second} is not 0-59", ja="{second}秒は0～59秒の範囲外です"),
        Msg(
            "ts.hour",
            en="hour {hour} is not 0-23 (24:00 exactly is read as the next midnight)",
            ja="{hour}時は0～23時の範囲外です（ちょうど 24:00 は翌日の0時と読みます）",
        ),
        Msg(
            "ts.hour_12",
            en="hour {hour} after {half} is not 0-11 (午前0時 is midnight, 午後0時 noon)",
            ja="{half}の{hour}時は読めません（{half}の後は0～11時。午前0時は真夜中、午後0時は正午）",
        ),
        Msg(
            "ts.after_time",
            en="cannot read {rest} after the time; expected an offset Z, +09:00, +0900 or JST",
            ja="時刻の後の {rest} を読み取れません（時刻の後に書けるのは UTC との時差 Z、+09:00、+0900 または JST です）",
        ),
        Msg(
            "ts.offset",
            en="the offset {offset} is not -23:59..+23:59",
            ja="時差 {offset} は -23:59～+23:59 の範囲外です",
        ),
        Msg("ts.beyond", en="it lies beyond the years 1-9999", ja="西暦1～9999年の範囲を超えます"),
        Msg("ts.forms", en=_ACCEPTED_FORMS_EN, ja=_ACCEPTED_FORMS_JA),
        # ---- plan files (PlanFileError: the file, the key, the problem) ----
        Msg("plan.error", en="{source}: {problem}", ja="計画ファイル {source}：{problem}"),
        Msg("plan.error_key", en="{source}: {key}: {problem}", ja="計画ファイル {source} の {key}：{problem}"),
        Msg("plan.cannot_read", en="cannot read the file: {reason}", ja="ファイルを読み取れません（{reason}）"),
        Msg("plan.stdin_closed", en="standard input is closed", ja="標準入力が閉じています"),
        Msg("plan.not_utf8", en="not UTF-8 text ({reason})", ja="UTF-8 のテキストではありません（{reason}）"),
        Msg("plan.not_toml", en="not valid TOML: {detail}", ja="TOML として正しくありません（{detail}）"),
        Msg("plan.missing", en="missing; expected {kind}", ja="ありません（{kind}が必要です）"),
        Msg("plan.kind", en="expected {kind}, got {value}", ja="{kind}が必要ですが、{value} です"),
        # ---- reasons (理由): what check() says, per day and operation ----
        Msg("reason.day_period", en="{day}: {period}", ja="{day}：{period}"),
        Msg(
            "reason.stopped_all_day",
            en="The server is stopped all day (planned stop): no {op} is possible",
            ja="計画停止のため終日{op}はできません",
        ),
        Msg(
            "reason.outside_hours",
            en="{time} is outside the day's hours for {op} ({hours})",
            ja="{time}は{op}の時間外です（この日は{hours}）",
        ),
        Msg("plan.empty_text", en="expected a non-empty string", ja="空でない文字列が必要です"),
        Msg("plan.revision", en="expected an integer >= 0, got {value}", ja="0以上の整数が必要ですが、{value} です"),
        Msg(
            "plan.milestone_expected",
            en='expected true, false or "end" (only its end is expected), got {value}',
            ja='true、false または "end"（終わりだけが想定）が必要ですが、{value} です',
        ),
        Msg(
            "plan.unknown_key",
            en="unknown key; expected one of {keys}",
            ja="使用できないキーです（使えるキー：{keys}）",
        ),
        Msg("plan.tables", en="expected one or more [[{key}]] tables", ja="[[{key}]] の表が1つ以上必要です"),
        Msg(
            "plan.format",
            en="expected 1 (the only format this version reads), got {value}",
            ja="1 が必要ですが、{value} です（このバージョンが読める形式は 1 だけです）",
        ),
        Msg(
            "plan.timezone",
            en="expected an IANA time zone such as 'Asia/Tokyo', got {value}",
            ja="'Asia/Tokyo' のような IANA のタイムゾーンが必要ですが、{value} です",
        ),
        Msg(
            "plan.last_before_first",
            en="expected a day on or after first_day {first}, got {last}",
            ja="first_day {first} 以降の日付が必要ですが、{last} です",
        ),
        Msg(
            "plan.duplicate_id",
            en="expected a unique id, {id} is used twice",
            ja="id は重複できませんが、{id} が2回使われています",
        ),
        Msg(
            "plan.rule_outside",
            en="its days {first}..{last} lie outside the coverage {cfirst}..{clast}; "
            "expected a rule that can match a day of the plan",
            ja="日付 {first}..{last} が対象期間 {cfirst}..{clast} の外です。計画のいずれかの日に当てはまるルールが必要です",
        ),
        Msg(
            "plan.one_of", en="expected one of {valid}, got {value}", ja="{valid} のいずれかが必要ですが、{value} です"
        ),
        Msg(
            "plan.period_start",
            en="expected {expected} (periods must cover the coverage in order, without gaps or overlaps), got {got}",
            ja="{expected} が必要ですが、{got} です（期間は対象期間を順に、隙間も重なりもなく覆う必要があります）",
        ),
        Msg(
            "plan.period_end",
            en="expected the coverage's last day {last}, got {got}",
            ja="対象期間の最終日 {last} が必要ですが、{got} です",
        ),
        Msg("plan.periods_none", en="expected at least one period", ja="期間が1つ以上必要です"),
        Msg(
            "plan.clock",
            en="expected 'HH:MM' from '00:00' to '{latest}', got {value}",
            ja="'00:00'～'{latest}' の 'HH:MM' が必要ですが、{value} です",
        ),
        Msg(
            "plan.modes",
            en="expected a non-empty list of 'test' and/or 'normal' (a planned stop opens nothing)",
            ja="'test'・'normal' の空でないリストが必要です（計画停止では何もできません）",
        ),
        Msg(
            "plan.expected_end",
            en='expected "end" only on a rule with a last day (last_day or during)',
            ja='"end" は最終日のある規則（last_day または during）にだけ指定できます',
        ),
        Msg(
            "plan.days",
            en="expected 'weekday' or 'rest_day', got {value}",
            ja="'weekday' か 'rest_day' が必要ですが、{value} です",
        ),
        Msg(
            "plan.during_and_days",
            en="expected either during or first_day/last_day, not both",
            ja="during と first_day/last_day のどちらか一方だけを指定してください",
        ),
        Msg(
            "plan.during",
            en="expected a milestone id ({known}), got {value}",
            ja="マイルストーンの id（{known}）が必要ですが、{value} です",
        ),
        Msg(
            "plan.hours",
            en="expected [start, end] such as ['08:00', '21:00'], got {value}",
            ja="['08:00', '21:00'] のような [開始, 終了] が必要ですが、{value} です",
        ),
        Msg(
            "plan.hours_order",
            en="expected the end after the start, got {value}",
            ja="終了は開始より後である必要がありますが、{value} です",
        ),
        Msg(
            "plan.offset_changes",
            en="expected a zone with one UTC offset over the coverage (such as Asia/Tokyo); "
            "{zone} changes its offset (daylight saving) within it",
            ja="対象期間中に UTC との時差が変わらないタイムゾーン（Asia/Tokyo など）が必要ですが、"
            "{zone} は期間中に時差が変わります（夏時間）",
        ),
        Msg(
            "plan.holidays",
            en="expected a country code the holidays package knows, got {value}",
            ja="holidays パッケージが知っている国コードが必要ですが、{value} です",
        ),
        Msg(
            "plan.no_rule",
            en="no rule decides {subject} on {day} ({mode}, {day_type}); "
            "expected every day outside a planned stop to be matched by a rule of each subject",
            ja="{day}（{mode}、{day_type}）の {subject} を決めるルールがありません。"
            "計画停止以外の日には、各対象に当てはまるルールが必要です",
        ),
        # plan files from elsewhere: the limits (see planfile.MAX_*)
        Msg(
            "plan.not_regular",
            en="it is {kind}, not a regular file; give a plan file",
            ja="{kind}で、通常のファイルではありません。計画ファイルを指定してください",
        ),
        Msg("plan.a_folder", en="a folder", ja="フォルダー"),
        Msg("plan.a_device", en="a pipe or a device", ja="パイプかデバイス"),
        Msg(
            "plan.too_large",
            en="too large ({size} bytes); a plan file may have at most {limit} bytes (1 MiB)",
            ja="大きすぎます（{size}バイト）。計画ファイルは{limit}バイト（1 MiB）までです",
        ),
        Msg(
            "plan.nesting",
            en="arrays or inline tables nested more than {limit} levels deep; a plan needs 2",
            ja="配列やインラインテーブルの入れ子が{limit}段を超えています（計画に必要なのは2段まで）",
        ),
        Msg(
            "plan.key_parts",
            en="a dotted key or table name of more than {limit} parts; a plan needs at most 2",
            ja="ドットで区切られたキーまたは表名が{limit}個の部分を超えています（計画に必要なのは2個まで）",
        ),
        Msg(
            "plan.headers",
            en="more than {limit} table headers ([...] or [[...]]); a plan needs at most {limit}",
            ja="表の見出し（[...] や [[...]]）が{limit}個を超えています（計画に必要なのは{limit}個まで）",
        ),
        Msg(
            "plan.too_many",
            en="expected at most {limit} [[{key}]] tables, got {count}",
            ja="[[{key}]] の表は{limit}個までですが、{count}個あります",
        ),
        Msg(
            "plan.coverage_days",
            en="expected a coverage of at most {limit} days (ten years), got {days} days",
            ja="対象期間は{limit}日（10年）までですが、{days}日あります",
        ),
        Msg(
            "plan.year_from",
            en="expected a day in {year} or later, got {day}",
            ja="{year}年以降の日付が必要ですが、{day} です",
        ),
        Msg(
            "plan.year_until",
            en="expected a day in {year} or earlier, got {day}",
            ja="{year}年以前の日付が必要ですが、{day} です",
        ),
        Msg(
            "plan.control",
            en="expected text on one line without control characters, got {char} in it",
            ja="制御文字のない1行の文字列が必要ですが、{char} が含まれています",
        ),
        Msg("kind.int", en="an integer", ja="整数"),
        Msg("kind.str", en="a string", ja="文字列"),
        Msg("kind.list", en="an array", ja="配列"),
        Msg("kind.dict", en="a table", ja="表"),
        Msg("kind.bool", en="true or false", ja="true または false"),
        Msg("kind.date", en="a date such as 2017-07-01", ja="2017-07-01 のような日付"),
        Msg(
            "kind.datetime",
            en="a date-time such as 2017-07-14T18:00:00+09:00",
            ja="2017-07-14T18:00:00+09:00 のような日時",
        ),
        # ---- operating-system errors (errno) ----
        Msg("os.ENOENT", en="No such file or directory", ja="そのようなファイルやフォルダーはありません"),
        Msg("os.EISDIR", en="Is a directory", ja="フォルダーです"),
        Msg("os.ENOTDIR", en="Not a directory", ja="パスの途中がフォルダーではありません"),
        Msg("os.EACCES", en="Permission denied", ja="アクセスが許可されていません"),
        Msg("os.EPERM", en="Operation not permitted", ja="操作が許可されていません"),
        Msg("os.ENOSPC", en="No space left on device", ja="ディスクの空き容量がありません"),
        Msg("os.EROFS", en="Read-only file system", ja="読み取り専用のファイルシステムです"),
        Msg("os.ENAMETOOLONG", en="File name too long", ja="ファイル名が長すぎます"),
        Msg("os.other", en="{detail}", ja="{detail}"),
        # ---- the command line: the error line ----
        Msg("cli.error_line", en="{prog}: error: {message}", ja="{prog}: エラー: {message}"),
        Msg("cli.see_help", en="{message}; see '{prog} --help'", ja="{message}（'{prog} --help' を参照）"),
        Msg("cli.argument", en="{argument}: {message}", ja="{argument}：{message}"),
        Msg(
            "cli.outside",
            en="{argument} {value} is outside the plan, which covers {start} to {end} (end excluded); "
            "give an instant inside it",
            ja="{argument} の時刻 {value} は計画の対象期間外です。対象期間は {start} から {end} まで"
            "（終端を含まない）です。期間内の時刻を指定してください",
        ),
        Msg(
            "cli.outside_at_most",
            en="{argument} {value} is outside the plan, which covers {start} to {end}; {argument} may be at most {end}",
            ja="{argument} の時刻 {value} は計画の対象期間外です。対象期間は {start} から {end} までです。"
            "{argument} には {end} 以前を指定してください",
        ),
        Msg(
            "cli.outside_at_least",
            en="{argument} {value} is outside the plan, which covers {start} to {end}; "
            "{argument} may be at least {start}",
            ja="{argument} の時刻 {value} は計画の対象期間外です。対象期間は {start} から {end} までです。"
            "{argument} には {start} 以降を指定してください",
        ),
        Msg(
            "cli.to_before_from",
            en="--to must not be before --from: --to {end} is before --from {start}",
            ja="--to（{end}）は --from（{start}）より前にできません。--to には --from 以降の時刻を指定してください",
        ),
        Msg(
            "cli.quiet_needs_operation",
            en="--quiet needs --operation OP (the exit status answers for one operation)",
            ja="--quiet には --operation OP が必要です（終了ステータスは1つの操作について答えます）",
        ),
        Msg(
            "cli.operation_once",
            en="give --operation once (check answers for one operation; without it, for all)",
            ja="--operation は一度だけ指定してください"
            "（check は1つの操作について答えます。指定しなければすべての操作について答えます）",
        ),
        Msg(
            "cli.stdout_closed",
            en="cannot write to standard output: standard output is closed",
            ja="標準出力に書き込めません：標準出力が閉じられています",
        ),
        Msg(
            "cli.stdout_failed", en="cannot write to standard output: {reason}", ja="標準出力に書き込めません：{reason}"
        ),
        Msg(
            "cli.stdout_encoding",
            en="cannot write to standard output: its encoding {encoding} cannot write {char} "
            "(an encoding problem, not a closed output); set PYTHONIOENCODING=utf-8 "
            "(or use a UTF-8 locale such as LANG=C.UTF-8)",
            ja="標準出力に書き込めません：標準出力の文字コード {encoding} では {char} を書けません"
            "（文字コードの問題です。出力が閉じられているのではありません）。"
            "PYTHONIOENCODING=utf-8 を設定してください（または LANG=C.UTF-8 などの UTF-8 のロケールを使ってください）",
        ),
        # --output: files not to be replaced (atomic.WriteRefusedError)
        Msg(
            "output.write_protected",
            en="it is write-protected (no one may write it); make it writable (chmod u+w) if it is to be replaced",
            ja="書き込み禁止のファイルです（だれにも書き込み権限がありません）。"
            "置き換えてよいなら先に書き込みを許可してください（chmod u+w）",
        ),
        Msg(
            "output.not_writable",
            en="Permission denied (the file is not writable for you)",
            ja="アクセスが許可されていません（このファイルへの書き込み権限がありません）",
        ),
        Msg(
            "output.other_owner",
            en="it belongs to another user (uid {uid}) and replacing it would make it yours; "
            "write to another file, or remove it first",
            ja="ほかのユーザー（uid {uid}）のファイルで、置き換えるとあなたのファイルになってしまいます。"
            "別のファイルに書き出すか、先に削除してください",
        ),
        Msg(
            "output.other_group",
            en="its group (gid {gid}) is not one of yours and replacing it would change its group; "
            "write to another file, or remove it first",
            ja="あなたが属していないグループ（gid {gid}）のファイルで、置き換えるとグループが変わってしまいます。"
            "別のファイルに書き出すか、先に削除してください",
        ),
        Msg("cli.plan_empty", en="--plan: give a plan file name", ja="--plan：計画ファイル名を指定してください"),
        Msg(
            "cli.output_empty",
            en="--output: give a file name (or - for standard output)",
            ja="--output：ファイル名を指定してください（標準出力は -）",
        ),
        Msg(
            "cli.chart_not_svg",
            en="--output {output}: chart writes SVG; give a file name ending in .svg (or - for standard output)",
            ja="--output {output}：chart は SVG を書き出します。名前が .svg で終わるファイルを指定してください（標準出力は -）",
        ),
        Msg(
            "cli.output_is_input",
            en="--output {output} is {what} {path}: writing there would replace it; give another file",
            ja="--output {output} は{what} {path} です。書き込むと上書きされるため、別のファイルを指定してください",
        ),
        Msg("cli.input_sheet", en="the input sheet", ja="入力の進捗シート"),
        Msg("cli.input_plan", en="the plan file (--plan)", ja="計画ファイル（--plan）"),
        Msg("cli.input_log", en="the input log", ja="入力の操作ログ"),
        Msg("cli.input_previous", en="the previous plan file (--previous)", ja="変更前の計画ファイル（--previous）"),
        Msg(
            "cli.output_failed",
            en="--output {output}: cannot write it: {reason}",
            ja="--output {output} に書き込めません：{reason}",
        ),
        Msg(
            "cli.module_missing",
            en="{command} is not available: {name} is not installed",
            ja="{command} は使えません：{name} がインストールされていません",
        ),
        Msg(
            "cli.package_missing",
            en="{command} needs the Python package {name}, which is not installed",
            ja="{command} には Python パッケージ {name} が必要ですが、インストールされていません",
        ),
        Msg("cli.file_failed", en="cannot write or read {name}: {reason}", ja="{name} を読み書きできません：{reason}"),
        Msg("cli.a_file", en="a file", ja="ファイル"),
        Msg(
            "cli.previous_revision",
            en="--previous {previous} has revision {old} and the plan revision {new}; "
            "expected a plan whose revision is higher than the previous one's, so that calendars apply the changes",
            ja="--previous {previous} の改訂番号は {old}、計画の改訂番号は {new} です。"
            "カレンダーに変更を反映させるため、前の計画より大きい改訂番号（revision）の計画を指定してください",
        ),
        Msg(
            "cli.internal",
            en="internal error ({type}: {detail}); please report it",
            ja="内部エラー（{type}: {detail}）。報告してください",
        ),
        Msg(
            "cli.plan_without_p1",
            en="--plan {plan}: {detail}",
            ja="--plan {plan}：P1 の期限のマイルストーンがありません（{detail}）",
        ),
        # ---- progress sheets (progress/): a sheet that cannot be read as a whole ----
        Msg(
            "progress.files",
            en="a CSV (UTF-8 or CP932) or .xlsx file",
            ja="CSV（UTF-8 または CP932）または .xlsx のファイル",
        ),
        Msg(
            "progress.no_file",
            en="{name}: no such file; accepted: {files}",
            ja="進捗シート {name} がありません。受け付けるもの：{files}",
        ),
        Msg(
            "progress.folder",
            en="{name}: is a folder; accepted: {files}",
            ja="進捗シート {name} はフォルダーです。受け付けるもの：{files}",
        ),
        Msg(
            "progress.not_regular",
            en="{name}: is not a regular file (a device, a pipe or a socket); accepted: {files}",
            ja="進捗シート {name} は通常のファイルではありません（デバイス、パイプまたはソケット）。受け付けるもの：{files}",
        ),
        Msg(
            "progress.jobs",
            en="'{value}' is not a number of processes; give a whole number from 1 to {limit}",
            ja="「{value}」はプロセスの数ではありません。1 から {limit} までの整数を指定してください",
        ),
        Msg(
            "progress.part_failed",
            en="{name}: a part of the sheet read by another process could not be written to the temporary folder "
            "{folder} ({reason}); set TMPDIR to a folder with room, or give --jobs 1 to read it in one process",
            ja="進捗シート {name}：別のプロセスで読んだ部分を一時フォルダー {folder} に書けませんでした（{reason}）。"
            "空きのあるフォルダーを TMPDIR に指定するか、--jobs 1 で 1 つのプロセスで読んでください",
        ),
        Msg(
            "progress.part_died",
            en="{name}: a process reading part of the sheet ended before it was done ({how}); "
            "give --jobs 1 to read it in one process",
            ja="進捗シート {name}：シートの一部を読むプロセスが途中で終了しました（{how}）。"
            "--jobs 1 で 1 つのプロセスで読んでください",
        ),
        Msg(
            "progress.changed",
            en="{name}: the file changed while it was being read; run the command again when nothing writes to it",
            ja="進捗シート {name} は読み取り中に変更されました。書き込みが終わってから、もう一度実行してください",
        ),
        Msg(
            "progress.column_option",
            en="--column {value}: give KEY=HEADER, KEY one of {keys} (or its Japanese name), HEADER the header as written in the sheet",
            ja="--column {value}：KEY=見出し の形で指定してください（KEY は {keys} またはその日本語名、見出しはシートに書かれているもの）",
        ),
        Msg(
            "progress.unreadable",
            en="{name}: cannot be read ({reason}); accepted: a readable CSV or .xlsx file",
            ja="進捗シート {name} を読み取れません（{reason}）",
        ),
        # A system error the catalog words (os.EACCES...): the system's English, the catalog's Japanese.
        Msg(
            "progress.unreadable_os",
            en="{name}: cannot be read ({reason}); accepted: a readable CSV or .xlsx file",
            ja="進捗シート {name} を読み取れません：{reason}",
        ),
        Msg(
            "progress.suffix",
            en="{name}: {suffix} files are not read; accepted: CSV (UTF-8 or CP932) or .xlsx",
            ja="進捗シート {name}：{suffix} ファイルは読めません。受け付けるもの：CSV（UTF-8 または CP932）または .xlsx",
        ),
        Msg(
            "progress.zip",
            en="{name}: looks like an .xlsx workbook; accepted: name it *.xlsx, or save it as CSV",
            ja="進捗シート {name} は .xlsx のブックのようです。名前を *.xlsx にするか、CSV で保存してください",
        ),
        Msg(
            "progress.nul",
            en="{name}: contains NUL bytes (UTF-16 without a byte-order mark?); accepted: CSV in UTF-8 or CP932, or UTF-16 with a byte-order mark",
            ja="進捗シート {name} に NUL バイトがあります（BOM のない UTF-16？）。受け付けるもの：UTF-8 または CP932 の CSV、BOM 付きの UTF-16",
        ),
        Msg(
            "progress.encoding",
            en="{name}: bytes are neither UTF-8 nor CP932 (Shift_JIS); accepted: CSV in UTF-8 or CP932",
            ja="進捗シート {name} の文字コードが UTF-8 でも CP932（Shift_JIS）でもありません。受け付けるもの：UTF-8 または CP932 の CSV",
        ),
        Msg(
            "progress.utf16",
            en="{name}: UTF-16 text that cannot be decoded ({reason}); accepted: UTF-16 with a byte-order mark",
            ja="進捗シート {name} は UTF-16 として読めません（{reason}）",
        ),
        Msg(
            "progress.cell_too_long",
            en="a cell longer than {limit} characters: an unclosed quote?",
            ja="{limit}文字を超えるセルがあります。引用符が閉じていないのでは",
        ),
        Msg(
            "progress.csv",
            en="{name}: line {line}: not valid CSV ({detail}); accepted: comma- or tab-separated values",
            ja="進捗シート {name} の{line}行目が CSV として読めません（{detail}）。受け付けるもの：カンマ区切りまたはタブ区切り",
        ),
        Msg(
            "progress.merges",
            en="{name}: more than {limit} merged ranges; accepted: a sheet with fewer merged cells",
            ja="進捗シート {name} の結合セルが{limit}個を超えています。結合セルを減らしてください",
        ),
        Msg(
            "progress.xlsx_part",
            en="{name}: the workbook part {part} would unpack to {size} bytes, more than {limit}; accepted: an .xlsx whose parts are below these limits (save a large sheet as CSV)",
            ja="進捗シート {name} の {part} は展開すると {size} バイトで、上限 {limit} バイトを超えています（大きなシートは CSV で保存してください）",
        ),
        Msg(
            "progress.openpyxl",
            en="{name}: reading .xlsx needs openpyxl, which is not installed; accepted: pip install chukan-schedule[xlsx], or save the sheet as CSV",
            ja="進捗シート {name}：.xlsx を読むには openpyxl が必要ですが、インストールされていません。pip install chukan-schedule[xlsx] とするか、シートを CSV で保存してください",
        ),
        Msg(
            "progress.xlsx_bad",
            en="{name}: not a readable .xlsx workbook ({detail}); accepted: .xlsx",
            ja="進捗シート {name} は読める .xlsx のブックではありません（{detail}）",
        ),
        Msg(
            "progress.xlsx_wide",
            en="{name}: cell {cell} is beyond column {last} ({limit}); accepted: a sheet within {limit} columns",
            ja="進捗シート {name} のセル {cell} が {last} 列（{limit}列目）より右にあります。{limit}列以内のシートにしてください",
        ),
        # ---- progress sheets: the header ----
        # A field as errors name it: 団体名 (organization) / 団体名（organization）.
        Msg("progress.field", en="{name} ({field})", ja="{name}（{field}）"),
        Msg(
            "progress.no_header",
            en="{name}: no header row (the file is empty or blank); accepted: a header with {expected}",
            ja="進捗シート {name} に見出し行がありません（空のファイルか、空行だけのファイルです）。必要な列：{expected}",
        ),
        Msg(
            "progress.twice",
            en="{name}: header: columns {a} and {b} both name {field}; accepted: each column once",
            ja="進捗シート {name} の見出しで、{a}列目と{b}列目がどちらも{field}です（各列は一度だけ）",
        ),
        Msg(
            "progress.override_missing",
            en="{name}: {given}: the sheet has no header {headers}; accepted: a header as written in the sheet; headers found: {found}",
            ja="進捗シート {name}：{given} の見出し{headers}がシートにありません（シートに書かれている見出しを指定してください）。見つかった見出し：{found}",
        ),
        Msg(
            "progress.header_lacks",
            en="{name}: header lacks {lacks}; accepted: a header with {expected} (or the ratio 割合 (f) instead of both counts); headers found: {found}; to use another header, give --column KEY=HEADER (KEY one of {keys})",
            ja="進捗シート {name} の見出し行に次の列がありません：{lacks}。必要な列：{expected}（二つの件数の代わりに割合（(f)欄）も可）。見つかった見出し：{found}。別の見出しを使うには --column KEY=見出し を指定してください（KEY は {keys}）",
        ),
        Msg(
            "progress.no_prefecture",
            en="{name}: --prefecture {prefecture}: the sheet has no 都道府県名 (prefecture) column; accepted: a sheet with that column, or no --prefecture",
            ja="進捗シート {name} に都道府県名の列がないため、--prefecture {prefecture} で絞り込めません",
        ),
        # ---- progress sheets: a row that cannot be read (its problems, joined by progress.problem_separator) ----
        Msg("progress.problem_separator", en="; ", ja="。"),
        Msg(
            "progress.accepted_check",
            en="done: {done}; not done: {not_done}/blank",
            ja="実施済みは {done}、未実施は {not_done}・空欄",
        ),
        Msg(
            "progress.accepted_count",
            en="a whole number of 0 or more (up to {digits} digits), e.g. 1234, 1,234 or １，２３４, optionally followed by 件",
            ja="0以上の整数（{digits}桁まで）。例：1234、1,234、１，２３４。末尾の「件」は可",
        ),
        Msg(
            "progress.accepted_ratio",
            en="a percentage such as 49.9% or a fraction from 0 to 1 such as 0.499",
            ja="49.9% のような百分率、または 0.499 のような0～1の小数",
        ),
        Msg(
            "progress.row.mixed_encoding",
            en="line {line} is not valid {encoding} (the rest of the file is; {other}?), so its text cannot be trusted; accepted: one encoding for the whole file",
            ja="{line}行目が {encoding} として読めません（ファイルの他の部分は {encoding} です。{other}？）。ファイル全体を一つの文字コードで保存してください",
        ),
        Msg(
            "progress.row.too_wide",
            en="has {n} cells but the header has {width}; accepted: no values beyond the header",
            ja="セルが{n}個あり、見出しの{width}列を超えています（見出しを超える値は受け付けません）",
        ),
        # The row lacks cells: four English wordings (cell/cells, is/are), one Japanese.
        Msg(
            "progress.row.short.cell_is",
            en="the row has {n} cell; {names} is missing; accepted: a cell (empty for a check not done) for each of the header's {width} columns",
            ja="この行のセルは{n}個で、{names}の欄がありません（見出しの{width}列それぞれにセルが必要です。未実施の確認は空欄）",
        ),
        Msg(
            "progress.row.short.cell_are",
            en="the row has {n} cell; {names} are missing; accepted: a cell (empty for a check not done) for each of the header's {width} columns",
            ja="この行のセルは{n}個で、{names}の欄がありません（見出しの{width}列それぞれにセルが必要です。未実施の確認は空欄）",
        ),
        Msg(
            "progress.row.short.cells_is",
            en="the row has {n} cells; {names} is missing; accepted: a cell (empty for a check not done) for each of the header's {width} columns",
            ja="この行のセルは{n}個で、{names}の欄がありません（見出しの{width}列それぞれにセルが必要です。未実施の確認は空欄）",
        ),
        Msg(
            "progress.row.short.cells_are",
            en="the row has {n} cells; {names} are missing; accepted: a cell (empty for a check not done) for each of the header's {width} columns",
            ja="この行のセルは{n}個で、{names}の欄がありません（見出しの{width}列それぞれにセルが必要です。未実施の確認は空欄）",
        ),
        Msg(
            "progress.row.no_organization",
            en="団体名 (organization) is blank; accepted: the organisation's name",
            ja="団体名が空欄です（団体名を記入してください）",
        ),
        Msg(
            "progress.row.no_item",
            en="特定個人情報 (item) is blank; accepted: the specific personal information's name",
            ja="特定個人情報が空欄です（特定個人情報の名称を記入してください）",
        ),
        Msg(
            "progress.row.no_ratio",
            en="割合 (ratio, column f) is blank and the sheet has no counts; accepted: {accepted}",
            ja="割合（(f)欄）が空欄で、件数の欄もありません（{accepted}）",
        ),
        Msg(
            "progress.row.not_check",
            en="{name} {cell!r} is not a check mark; accepted: {accepted}",
            ja="{name}「{cell}」は確認欄の値として読めません（{accepted}）",
        ),
        Msg(
            "progress.row.multiline",
            en='a cell runs over several lines: an unclosed quote (") may have swallowed the lines after it; accepted: a quoted cell closed on its own row',
            ja='複数行にわたるセルがあります。閉じていない引用符（"）が後の行を取り込んでいる可能性があります（引用符はその行の中で閉じてください）',
        ),
        Msg(
            "progress.row.count_blank",
            en="{name} is blank; accepted: {accepted}",
            ja="{name}が空欄です（受け付ける値：{accepted}）",
        ),
        Msg(
            "progress.row.count_negative",
            en="{name} {cell!r} is negative; accepted: {accepted}",
            ja="{name}「{cell}」が負の数です（受け付ける値：{accepted}）",
        ),
        Msg(
            "progress.row.count_large",
            en="{name} {cell!r} is too large; accepted: {accepted}",
            ja="{name}「{cell}」は大きすぎます（受け付ける値：{accepted}）",
        ),
        Msg(
            "progress.row.not_count",
            en="{name} {cell!r} is not a count; accepted: {accepted}",
            ja="{name}「{cell}」は件数として読めません（受け付ける値：{accepted}）",
        ),
        Msg(
            "progress.row.ratio_ambiguous",
            en="割合 (ratio, column f) {cell!r} is ambiguous: a number above 1 without % could be a percentage or a fraction; accepted: {examples} ({accepted})",
            ja="割合（(f)欄）「{cell}」は % のない1を超える数のため、百分率か小数か判断できません（受け付ける値：{examples}。{accepted}）",
        ),
        Msg("progress.row.ratio_or", en="{percent} or {fraction}", ja="{percent} または {fraction}"),
        Msg(
            "progress.row.not_ratio",
            en="割合 (ratio, column f) {cell!r} is not a ratio; accepted: {accepted}",
            ja="割合（(f)欄）「{cell}」は割合として読めません（{accepted}）",
        ),
        # A field as a row's problem names it: 登録予定件数 (planned count) / 登録予定件数.
        Msg("progress.what.planned", en="登録予定件数 (planned count)", ja="登録予定件数"),
        Msg("progress.what.registered", en="実登録件数 (registered count)", ja="実登録件数"),
        Msg("progress.what.range_checked", en="登録対象範囲の確認 (range check)", ja="登録対象範囲の確認"),
        Msg("progress.what.accuracy_checked", en="登録後の正確性の確認 (accuracy check)", ja="登録後の正確性の確認"),
        # ---- progress: the reports' words ----
        Msg("progress.head.line", en="line", ja="行"),
        Msg("progress.head.code", en="code", ja="団体コード"),
        Msg("progress.head.prefecture", en="prefecture", ja="都道府県名"),
        Msg("progress.head.organization", en="organization", ja="団体名"),
        Msg("progress.head.item", en="item", ja="特定個人情報"),
        Msg("progress.head.planned", en="planned", ja="登録予定件数"),
        Msg("progress.head.registered", en="registered", ja="実登録件数"),
        Msg("progress.head.ratio", en="ratio", ja="割合"),
        Msg("progress.head.range", en="range", ja="範囲確認"),
        Msg("progress.head.accuracy", en="accuracy", ja="正確性確認"),
        Msg("progress.head.advice", en="advice", ja="助言等"),
        Msg("progress.head.items", en="items", ja="項目数"),
        Msg("progress.head.advised_items", en="advised items", ja="助言等が必要な特定個人情報"),
        # The summary line: "1,000 rows read: 9 need advice, 0 in error. Registration … due by 2017-06-30 (P1)".
        Msg(
            "progress.out.summary",
            en="{read} read: {need} advice, {errors} in error{blank}. Registration and its accuracy due by {due} ({clause})",
            ja="読込 {read}：助言等が必要 {need}、エラー {errors}行{blank}。副本登録及び正確性の担保の期限 {due}（{clause}）",
        ),
        Msg("progress.out.n_row", en="{n} row", ja="{n}行"),
        Msg("progress.out.n_rows", en="{n} rows", ja="{n}行"),
        Msg("progress.out.n_needs", en="{n} needs", ja="{n}行"),
        Msg("progress.out.n_need", en="{n} need", ja="{n}行"),
        Msg("progress.out.blank_skipped", en=", {n} blank skipped", ja="、空行 {n}行（読み飛ばし）"),
        Msg("progress.out.month_end", en=" (end of month {month})", ja="（{month}月末）"),
        # --by organization's count line, before the summary: "3 organizations: 1 needs advice. ".
        Msg("progress.out.organizations", en="{orgs}: {advised} advice. ", ja="{orgs}：助言等が必要 {advised}。"),
        Msg("progress.out.n_org", en="{n} organization", ja="{n}団体"),
        Msg("progress.out.n_orgs", en="{n} organizations", ja="{n}団体"),
        Msg("progress.out.n_org_needs", en="{n} needs", ja="{n}団体"),
        Msg("progress.out.n_orgs_need", en="{n} need", ja="{n}団体"),
        # The result columns a CSV gains, and their yes/no (要/不要: advice needed or not).
        Msg("progress.csv.ratio", en="ratio", ja="割合"),
        Msg("progress.csv.needs_advice", en="needs_advice", ja="助言等の要否"),
        Msg("progress.csv.reasons", en="reasons", ja="理由"),
        Msg("progress.csv.error", en="error", ja="エラー"),
        Msg("progress.csv.yes", en="yes", ja="要"),
        Msg("progress.csv.no", en="no", ja="不要"),
        Msg("progress.out.done", en="yes", ja="済"),
        Msg("progress.out.not_done", en="no", ja="未"),
        Msg("progress.out.needed", en="NEEDED", ja="要"),
        Msg("progress.out.note", en="note", ja="注記"),
        Msg("progress.out.source", en="{source} ({encoding})\n", ja="{source}（{encoding}）\n"),
        # While a large sheet is read, on a terminal's standard error.
        Msg("progress.out.rows_read", en="{rows} rows read…", ja="{rows} 行を読み込みました…"),
        Msg("progress.out.errors", en="Errors:\n", ja="エラー：\n"),
        Msg("progress.out.error_line", en="  line {line}: {problems}\n", ja="  {line}行目：{problems}\n"),
        # ---- labels of the human output ----
        Msg("label.operation", en="operation", ja="操作"),
        Msg("label.allowed", en="allowed", ja="可否"),
        Msg("label.yes", en="yes", ja="可"),
        Msg("label.no", en="no", ja="不可"),
        Msg("label.window", en="window now", ja="現在の時間帯"),
        Msg("label.windows_window", en="window", ja="時間帯"),
        Msg("label.next_window", en="next window", ja="次の時間帯"),
        Msg("label.operating", en="the server is operating", ja="サーバー稼働中"),
        # Not operating: outside the day's hours (稼働時間外), or a planned-stop day (計画停止).
        Msg("label.outside_hours", en="the server is outside its operating hours", ja="稼働時間外"),
        # After the mode's own name (planned stop / 計画停止), which says the rest.
        Msg("label.planned_stop", en="the server is down all day", ja="終日停止"),
        # Joins the operations still open outside the server's hours.
        Msg("label.ops_and", en=" and ", ja="・"),
        Msg("label.weekday_day", en="weekday", ja="平日"),
        Msg("label.saturday", en="Saturday", ja="土曜日"),
        Msg("label.sunday", en="Sunday", ja="日曜日"),
        Msg("label.date", en="date", ja="日付"),
        Msg("label.weekday", en="day", ja="曜日"),
        Msg("label.mode", en="mode", ja="モード"),
        Msg("label.server", en="server", ja="サーバー稼働"),
        Msg("label.holiday", en="holiday", ja="祝日"),
        Msg("label.expected", en="expected", ja="想定"),
        Msg("label.number", en="#", ja="#"),
        Msg("label.duration", en="hours", ja="時間"),
        Msg("label.clauses", en="clauses", ja="根拠"),
        Msg("label.none", en="-", ja="-"),
        Msg("out.brackets", en=" ({inner})", ja="（{inner}）"),
        Msg("out.state", en="{instant}: {mode}, {state}", ja="{instant}：{mode}、{state}"),
        Msg("out.state_stopped", en="{instant}: {mode} ({state})", ja="{instant}：{mode}（{state}）"),
        # Outside the server's hours, what still runs (H: 副本登録は24時まで可能).
        Msg(
            "out.outside_hours_only",
            en="outside regular hours: {operations} only",
            ja="稼働時間外（{operations}のみ可能）",
        ),
        Msg("out.day", en="day type: {day}", ja="日の区分：{day}"),
        Msg("out.rest_day", en="rest day ({why})", ja="土日祝日（{why}）"),
        Msg("out.reasons", en="Reasons:", ja="理由："),
        Msg(
            "out.open_now",
            en="{operation} window open at {instant}, until {end}: {window} [{clauses}]",
            ja="{instant}に{operation}が可能です（{end}まで）：{window} [{clauses}]",
        ),
        Msg(
            "out.next",
            en="next {operation} window after {instant}: {window} [{clauses}]",
            ja="{instant}の次の{operation}の時間帯：{window} [{clauses}]",
        ),
        Msg(
            "out.next_none",
            en="no {operation} window opens after {instant} within the plan (it ends {end})",
            ja="{instant}より後に始まる{operation}の時間帯は計画内にありません（計画は{end}まで）",
        ),
        Msg(
            "out.windows_head",
            en="{operation} windows: {count} ({span})",
            ja="{operation}の時間帯：{count}件（{span}）",
        ),
        Msg("out.span", en="{start} .. {end}", ja="{start}～{end}"),
        Msg("out.clause_expected", en="{clause}, {expected}", ja="{clause}、{expected}"),
        # ---- days and spans, as people write them (render.py; the calendar, the chart, diff) ----
        # A range of days or of times: 7月13日（木）～7月17日（月）, Thu 13 Jul–Mon 17 Jul; 8:00～24:00.
        Msg("fmt.range", en="{first}–{last}", ja="{first}～{last}"),
        # {month} and {weekday}: render.MONTHS, render.WEEKDAYS (Jul / 7月, Thu / 木).
        Msg("fmt.day", en="{weekday} {day} {month}", ja="{month}{day}日（{weekday}）"),
        # Hours ending on another day: 8:00～7月15日（土）10:30, 8:00–Sat 15 Jul, 10:30.
        Msg("fmt.hours_to_day", en="{start}–{day}, {end}", ja="{start}～{day}{end}"),
        # What an echoed word cut short at the command line says of its length (cli.parsing.printable).
        Msg("fmt.cut_word", en="{word}… ({length} characters)", ja="{word}…（{length}文字）"),
        # ---- the calendar (ics.py): what a person sees after importing it ----
        Msg("ics.possible", en="{op} possible", ja="{op}可能"),
        Msg("ics.when", en="on {day}, {hours}", ja="{day}{hours}"),
        Msg("ics.is_possible", en="{op} is possible {when} (JST).", ja="{when}に{op}が可能（日本時間）。"),
        Msg(
            "ics.is_possible_expected",
            en="{op} is possible {when} (JST; expected, 想定 in the notice: it may still move).",
            ja="{when}に{op}が可能（日本時間、通知では想定のため変更の可能性があります）。",
        ),
        # A title the plan marks expected, when it does not say so itself (label.expected: the word it looks for).
        Msg("ics.titled_expected", en="{title} (expected)", ja="{title}（想定）"),
        Msg(
            "ics.expected_note",
            en="Expected (想定 in the notice): it may still move.",
            ja="通知では想定。変更の可能性があります。",
        ),
        Msg(
            "ics.end_expected",
            en="Its end, {day}, is expected (想定 in the notice): it may still move.",
            ja="終了日{day}は通知では想定。変更の可能性があります。",
        ),
        Msg("ics.period", en="period", ja="稼働モード"),
        Msg("ics.milestone", en="milestone", ja="日程"),
        Msg("ics.mode_line", en="{days}: the server is in {mode}.", ja="{days}：{mode}。"),
        Msg("ics.dated", en="{days}: {title}", ja="{days}：{title}"),
        Msg("ics.cancelled", en="Cancelled: {summary}", ja="取消：{summary}"),
        Msg("ics.caldesc", en="{title} (plan {id}, revision {revision})", ja="{title}（計画 {id}、改訂 {revision}）"),
        # ---- the chart (chart.py) ----
        Msg("chart.title", en="{plan}: when each operation is possible", ja="{plan}：各操作が可能な時間帯"),
        Msg(
            "chart.subtitle",
            en="All times JST (UTC+9). Background: the server's mode that day. Bars: the hours each "
            "operation is possible, half-open [start, end).",
            ja="時刻はすべて日本標準時（JST）。背景：その日の稼働モード。棒：各操作が可能な時間帯（開始時刻を含み、終了時刻を含まない）。",
        ),
        Msg("chart.modes", en="Mode (background)", ja="稼働モード（背景）"),
        Msg("chart.ops", en="Possible (bars, left to right)", ja="可能な操作（棒、左から）"),
        Msg("chart.milestones", en="Milestones", ja="主な日程"),
        Msg("chart.rest", en="rest day 土日祝日", ja="土日祝日"),
        Msg("chart.expected_heading", en="Expected (想定)", ja="想定"),
        Msg(
            "chart.expected",
            en="lighter, dashed outline: the notice says 想定 (expected), it may still move",
            ja="淡い色・破線の枠：通知で「想定」とされているもの（変更の可能性あり）",
        ),
        Msg(
            "chart.footer",
            en="Drawn from the plan's own answers (chukan-schedule, plan {plan_id}). [H], [N1]… name the "
            "clauses of the notices the plan cites.",
            ja="chukan-schedule の回答（計画 {plan_id}）から作図。[H]、[N1] などは計画が引用する通知の条項。",
        ),
        # The mode row above the days: the modes' short names.
        Msg("chart.mode.planned_stop", en="planned stop", ja="計画停止"),
        Msg("chart.mode.test", en="test mode", ja="テスト"),
        Msg("chart.mode.normal", en="normal mode", ja="通常"),
        # A day's tooltip: {day} is render.format_day, {holiday} its holiday after a space, or nothing.
        Msg("chart.band_title", en="{day}{holiday}: {mode} — {period}", ja="{day}{holiday}：{mode} — {period}"),
        # A window's tooltip: registration (副本登録): 2017-07-13 08:00–24:00 JST [H].
        Msg("chart.window_tip", en="{name}: {day} {hours} JST [{clauses}]", ja="{name}：{day} {hours} JST [{clauses}]"),
        # ---- what changed between two plans (diff.py) ----
        Msg(
            "diff.heading",
            en="Plan {old} (revision {old_rev}) → {new} (revision {new_rev}): {n} change(s)",
            ja="計画 {old}（改訂 {old_rev}）→ {new}（改訂 {new_rev}）：変更 {n} 件",
        ),
        Msg("diff.none", en="No changes.", ja="変更はありません。"),
        Msg(
            "diff.zone",
            en="Time zone {old} → {new}: every window is another instant",
            ja="タイムゾーン {old} → {new}：すべての時間帯が別の時刻になります",
        ),
        Msg("diff.mode", en="{days}: mode {old} → {new}", ja="{days}：稼働モード {old} → {new}"),
        Msg("diff.not_covered", en="not covered", ja="範囲外"),
        Msg("diff.moved", en="{day}, {op}: moved from {old} to {new}", ja="{day}の{op}：{old} から {new} に変更"),
        Msg("diff.opened", en="{day}, {op}: opened {new}", ja="{day}の{op}：{new} が新たに可能"),
        Msg(
            "diff.removed",
            en="{day}, {op}: removed {old} (no longer possible)",
            ja="{day}の{op}：{old} は不可に（取りやめ）",
        ),
        Msg("diff.milestone_added", en="Milestone added: {title} ({new})", ja="日程の追加：{title}（{new}）"),
        Msg("diff.milestone_removed", en="Milestone removed: {title} ({old})", ja="日程の削除：{title}（{old}）"),
        Msg(
            "diff.milestone_moved",
            en="Milestone {title}: moved from {old} to {new}",
            ja="日程「{title}」：{old} から {new} に変更",
        ),
        Msg("diff.milestone_changed", en="Milestone {title} ({days}): {what}", ja="日程「{title}」（{days}）：{what}"),
        Msg("diff.now_titled", en="now “{title}”", ja="「{title}」に変更"),
        Msg("diff.clause", en="clause {old} → {new}", ja="条項 {old} → {new}"),
        Msg("diff.expected_true", en="now expected (想定)", ja="想定に変更"),
        Msg("diff.expected_end", en="now only its end expected (想定)", ja="終了のみ想定に変更"),
        Msg("diff.expected_false", en="no longer expected", ja="想定ではなくなりました"),
        # Joins what changed in one milestone.
        Msg("diff.and", en="; ", ja="、"),
        # ---- the command line: --help ----
        Msg(
            "help.description",
            en="The municipal middle server's (自治体中間サーバー) July 2017 plan: "
            "may I do X at this instant, and if not, why and when next?",
            ja="自治体中間サーバーの2017年7月の計画：この時刻に X をしてよいか、だめなら理由と次の時間帯は？",
        ),
        Msg(
            "help.epilog",
            en="Timestamps: {forms}. Operations: {values}; also with hyphens ({hyphens}) or in Japanese "
            "({names}, or short: {short}). Exit status: 0 ok (check --operation: allowed), 1 not allowed "
            "(next: no window remains), 2 error. With no command, this help (status 0).",
            ja="時刻：{forms}。操作：{values}。ハイフン区切り（{hyphens}）や日本語（{names}。短く {short}）も可。"
            "終了ステータス：0 成功（check --operation では可）、1 不可（next では残る時間帯なし）、2 エラー。"
            "コマンドを指定しなければこのヘルプを表示します（終了ステータス 0）。",
        ),
        Msg("help.version", en="show the version and exit", ja="バージョンを表示して終了します"),
        Msg(
            "help.lang",
            en="language of human output (default: from the locale)",
            ja="出力の言語（省略時はロケールから）",
        ),
        Msg(
            "help.plan",
            en="a plan file (TOML; - for standard input) instead of the embedded July 2017 plan",
            ja="組み込みの2017年7月の計画の代わりに使う計画ファイル（TOML。標準入力は -）",
        ),
        Msg(
            "help.output",
            en="write to FILE (atomically) instead of standard output; - is standard output",
            ja="標準出力の代わりに FILE へ書き込みます（原子的に）。- は標準出力",
        ),
        Msg(
            "help.output_not_input",
            en="write to FILE (atomically) instead of standard output; - is standard output; not the input sheet",
            ja="標準出力の代わりに FILE へ書き込みます（原子的に）。- は標準出力。入力の進捗シートは指定できません",
        ),
        Msg("help.json", en="print one JSON object", ja="JSON オブジェクトを1つ出力します"),
        Msg("help.timestamp", en="the instant (no offset means JST)", ja="時刻（時差の指定がなければ日本時間）"),
        Msg("help.op", en="the operation: {values}", ja="操作：{values}"),
        Msg(
            "help.check",
            en="the verdict at an instant: mode, what is open, the kind of day, and per operation allowed or not and why",
            ja="ある時刻の判定：モード、何ができるか、日の区分、操作ごとの可否とその理由",
        ),
        Msg(
            "help.check.operation",
            en="only this operation (give it once); exit 0 if allowed, 1 if not",
            ja="この操作だけ（1回だけ指定）。可なら終了ステータス 0、不可なら 1",
        ),
        Msg(
            "help.check.quiet",
            en="print nothing (with --operation): use the exit status",
            ja="何も出力しません（--operation と共に）：終了ステータスで答えます",
        ),
        Msg(
            "help.windows",
            en="the windows (half-open, JST) in which an operation is allowed",
            ja="操作ができる時間帯（半開区間、日本時間）",
        ),
        Msg(
            "help.windows.from",
            en="from this instant (default: the plan's start)",
            ja="この時刻から（省略時は計画の始まり）",
        ),
        Msg(
            "help.windows.to",
            en="up to this instant (default: the plan's end)",
            ja="この時刻まで（省略時は計画の終わり）",
        ),
        Msg(
            "help.next",
            en="the window of an operation open at an instant (if any, until when) and the next one opening strictly "
            "after it; exit 1 when neither remains in the plan",
            ja="ある時刻に開いている操作の時間帯（あればいつまでか）と、その時刻より後に始まる次の時間帯。"
            "どちらも計画内になければ終了ステータス 1",
        ),
        Msg(
            "help.table",
            en="the plan day by day: mode and each operation's hours (the notice's table T, made exact)",
            ja="計画を1日ずつ：モードと各操作の時間（通知の表 T を厳密にしたもの）",
        ),
        Msg(
            "help.ics",
            en="an iCalendar file (RFC 5545): each operation's windows as timed events, "
            "the mode periods (table T) and the milestones as all-day events",
            ja="iCalendar ファイル（RFC 5545）：各操作の時間帯を時刻付きの予定、"
            "モードの期間（表 T）とマイルストーンを終日の予定として",
        ),
        Msg(
            "help.ics.operation",
            en="only this operation's windows (repeatable; default: all); periods and milestones are always included",
            ja="この操作の時間帯だけ（複数指定可。省略時はすべて）。期間とマイルストーンは常に含みます",
        ),
        Msg(
            "help.ics.previous",
            en="the plan file this one corrects (a lower revision): its events that are gone come back "
            "with STATUS:CANCELLED, so that calendars that imported it remove them",
            ja="この計画が訂正する前の計画ファイル（改訂番号が小さいもの）。なくなった予定を STATUS:CANCELLED "
            "で出力し、取り込んだカレンダーから削除されるようにします",
        ),
        Msg("help.chart", en="the month as an SVG chart", ja="1か月を SVG の図で"),
        Msg(
            "help.chart.output",
            en="write to FILE (atomically) instead of standard output; - is standard output; "
            "a file's name must end in .svg",
            ja="標準出力の代わりに FILE へ書き込みます（原子的に）。- は標準出力。ファイル名は .svg で終わること",
        ),
        Msg(
            "bulk.needs_numpy",
            en="Plan.allows_many needs numpy, the optional extra 'bulk': pip install 'chukan-schedule[bulk]'",
            ja="Plan.allows_many には numpy（追加機能 bulk）が必要です：pip install 'chukan-schedule[bulk]'",
        ),
        Msg(
            "bulk.instants_type",
            en="instants must be a numpy datetime64 array, a pandas Series or DatetimeIndex, a pyarrow timestamp "
            "array or a sequence of datetime.datetime, got {type}",
            ja="instants には numpy の datetime64 配列、pandas の Series・DatetimeIndex、pyarrow の timestamp 配列、"
            "または datetime.datetime の並びを指定してください（{type} は使えません）",
        ),
        Msg(
            "bulk.not_datetime64",
            en="expected datetime64 values, got {dtype}",
            ja="datetime64 の値が必要です（{dtype} は使えません）",
        ),
        Msg(
            "bulk.not_arrow_timestamps",
            en="expected a pyarrow timestamp array, got one of {type}",
            ja="pyarrow の timestamp 配列が必要です（{type} の配列は使えません）",
        ),
        Msg(
            "bulk.missing",
            en="instants[{position}] is missing (NaT or null), not an instant; drop or fill missing values first",
            ja="instants[{position}] は欠損値（NaT・null）で、時刻ではありません。先に欠損値を除くか埋めてください",
        ),
        Msg(
            "help.audit",
            en="check an operations log (CSV/TSV) against the plan: per row allowed or not and why, and a summary",
            ja="操作ログ（CSV・TSV）を計画と照合：行ごとの可否と理由、および集計",
        ),
        Msg(
            "help.audit.file",
            en="the log file (CSV or TSV with a header row); - is standard input",
            ja="ログファイル（見出し行のある CSV または TSV）。- は標準入力",
        ),
        Msg(
            "help.audit.time",
            en="the column of the timestamps (its name, or its number from 1)",
            ja="時刻の列（列名、または 1 から数えた列番号）",
        ),
        Msg("help.audit.operation", en="the column of the operations", ja="操作の列"),
        Msg("help.audit.op", en="one operation for every row", ja="すべての行に同じ操作を当てはめます"),
        Msg(
            "help.audit.json",
            en="print one JSON object (rows and summary)",
            ja="JSON オブジェクトを1つ出力します（行と集計）",
        ),
        Msg(
            "help.audit.csv",
            en="print CSV for Excel (formulas neutralised; the summary goes to standard error)",
            ja="Excel 向けの CSV を出力します（数式は無効化。集計は標準エラー出力へ）",
        ),
        Msg(
            "help.audit.outside_only",
            en="list only the rows not allowed (and the unreadable ones)",
            ja="不可の行（と読めない行）だけを表示します",
        ),
        Msg(
            "help.audit.delimiter",
            en="the field separator (default: from the extension or the header; \\t for a tab)",
            ja="区切り文字（省略時は拡張子または見出し行から判断。タブは \\t）",
        ),
        Msg(
            "help.audit.encoding",
            en="the log's encoding (default UTF-8; UTF-16 when the file starts with its byte-order mark)",
            ja="ログの文字コード（省略時は UTF-8。ファイルが UTF-16 のバイト順マークで始まれば UTF-16）",
        ),
        Msg(
            "help.audit.epilog",
            en="The log is CSV or TSV with a header row, UTF-8 with or without a BOM (or --encoding cp932). "
            "Timestamps: any form the other commands read (no offset means JST). Operations: their names as "
            "elsewhere, Japanese too. A row that cannot be read is reported with its line number and the audit goes "
            "on. --csv writes a BOM when it writes a file. Exit status: 0 every row allowed, 1 some row not allowed "
            "or unreadable, 2 error.",
            ja="ログは見出し行のある CSV または TSV で、UTF-8（BOM の有無を問わない。または --encoding cp932）。"
            "時刻：ほかのコマンドと同じ形式（時差の指定がなければ日本時間）。操作：ほかと同じ名前（日本語も可）。"
            "読めない行は行番号とともに報告し、監査を続けます。--csv はファイルに書くとき BOM を付けます。"
            "終了ステータス：0 すべての行が可、1 不可または読めない行あり、2 エラー。",
        ),
        Msg(
            "cli.audit.delimiter",
            en="--delimiter {value}: expected one character (\\t for a tab)",
            ja="--delimiter {value}：1文字を指定してください（タブは \\t）",
        ),
        Msg(
            "cli.audit.encoding",
            en="--encoding {value}: unknown encoding",
            ja="--encoding {value}：不明な文字コードです",
        ),
        Msg(
            "cli.two_stdins",
            en="only one file can come from standard input (-); give the others as files",
            ja="標準入力（-）から読めるファイルは1つだけです。ほかはファイルで指定してください",
        ),
        Msg(
            "cli.audit.encoding_not_text",
            en="--encoding {value}: not a text encoding; a log is read as utf-8, utf-8-sig, cp932, utf-16 ...",
            ja="--encoding {value}：テキストの文字コードではありません。ログは utf-8、utf-8-sig、cp932、utf-16 などで読みます",
        ),
        Msg(
            "cli.audit.not_text_try_utf8",
            en="{file}: not {encoding} text ({reason}); try --encoding utf-8 for UTF-8",
            ja="{file}：{encoding} として読めません（{reason}）。UTF-8 なら --encoding utf-8 を指定してください",
        ),
        Msg(
            "cli.audit.not_text",
            en="{file}: not {encoding} text ({reason}); try --encoding cp932 for Shift_JIS",
            ja="{file}：{encoding} として読めません（{reason}）。Shift_JIS なら --encoding cp932 を指定してください",
        ),
        # ---- audit (操作ログの照合): labels, reasons and errors of the log ----
        Msg("audit.label.line", en="line", ja="行"),
        Msg("audit.label.time", en="time", ja="時刻"),
        Msg("audit.label.at", en="at (JST)", ja="日時（JST）"),
        Msg("audit.label.operation", en="operation", ja="操作"),
        Msg("audit.label.verdict", en="verdict", ja="判定"),
        Msg("audit.label.allowed", en="allowed", ja="可"),
        Msg("audit.label.not_allowed", en="not allowed", ja="不可"),
        Msg("audit.label.error", en="error", ja="エラー"),
        Msg("audit.label.clause", en="clause", ja="根拠"),
        Msg("audit.label.reason", en="reason", ja="理由"),
        Msg("audit.label.summary", en="Summary", ja="集計"),
        Msg("audit.label.rows", en="rows", ja="行数"),
        Msg("audit.label.read", en="rows read", ja="読み取った行"),
        Msg("audit.label.errors", en="rows with errors", ja="エラーの行"),
        Msg("audit.label.outside", en="outside their windows", ja="時間外"),
        Msg("audit.label.by_operation", en="By operation", ja="操作別"),
        Msg("audit.label.by_day", en="By day", ja="日別"),
        Msg("audit.label.day", en="day", ja="日付"),
        Msg("audit.label.line_prefix", en="line {line}: ", ja="{line}行目："),
        Msg(
            "audit.no_column",
            en="{option} {name}: no such column; the header has {columns} (or give a column number from 1)",
            ja="{option} {name}：その列はありません。見出しの列は {columns} です（列番号 1～ でも指定できます）",
        ),
        Msg("audit.unknown_operation", en="unknown operation {name}", ja="操作名 {name} が正しくありません"),
        Msg(
            "audit.unknown_operation_row",
            en="unknown operation {name}; expected one of {names} (or their Japanese names)",
            ja="操作名 {name} が正しくありません（{names} のいずれか）",
        ),
        # ---- P1's reasons for advice (助言等の理由), one progress-sheet row ----
        Msg(
            "progress.reason.range",
            en="count range not checked (登録対象範囲（件数）の確認)",
            ja="登録対象範囲（件数）の確認が行われていません",
        ),
        Msg(
            "progress.reason.accuracy",
            en="accuracy after registration not checked (sample check, column d)",
            ja="登録後の正確性の確認（サンプルチェック）が行われていません（(d)欄）",
        ),
        Msg(
            "progress.reason.inconsistent",
            en="registered count {registered} but planned count 0: the sheet is inconsistent",
            ja="登録予定件数が0件なのに実登録件数が{registered}件です（シートの不整合）",
        ),
        Msg(
            "progress.reason.blank_below_half",
            en="registered count is blank, read as 0 (nothing registered): below half of the planned count "
            "{planned} ({pct}, column f)",
            ja="実登録件数が空欄のため0件（未登録）と読みました。登録予定件数{planned}件の5割を下回っています"
            "（{pct}、(f)欄）",
        ),
        Msg(
            "progress.reason.below_half",
            en="registered count {registered} is below half of the planned count {planned} ({pct}, column f)",
            ja="実登録件数{registered}件が登録予定件数{planned}件の5割を下回っています（{pct}、(f)欄）",
        ),
        Msg(
            "progress.reason.ratio_below_half",
            en="the ratio in column f, {pct}, is below half (the row has no counts)",
            ja="(f)欄の割合{pct}が5割を下回っています（この行には件数がありません）",
        ),
        Msg(
            "progress.reason.ratio_disagrees",
            en="the ratio in column f ({cell}) disagrees with registered/planned {registered}/{planned} = {pct}; "
            "the counts decide",
            ja="(f)欄の割合（{cell}）が実登録件数／登録予定件数 {registered}／{planned} ＝ {pct} と合いません"
            "（件数で判断しました）",
        ),
        Msg(
            "audit.outside_plan",
            en="{at} is outside the plan, which covers {start} to {end} (end excluded)",
            ja="{at} は計画の範囲（{start} から {end} まで、終わりを含まない）の外です",
        ),
        Msg(
            "audit.empty",
            en="the log is empty; expected a header row and rows",
            ja="ログが空です（見出し行と行が必要です）",
        ),
        Msg(
            "audit.not_csv",
            en="the log is not readable as CSV ({reason})",
            ja="ログを CSV として読めません（{reason}）",
        ),
        Msg(
            "audit.short_row",
            en="expected at least {need} columns, got {got}",
            ja="列が足りません（{need} 列以上必要、{got} 列）",
        ),
        Msg(
            "audit.stopped_all_day",
            en="{day}: the server is stopped all day (planned stop: {period})",
            ja="{day}：計画停止のため終日停止（{period}）",
        ),
        Msg(
            "audit.outside_hours",
            en="outside the day's hours for {op} ({hours})",
            ja="{op}の時間外です（この日は{hours}）",
        ),
        Msg("cli.audit.log", en="{file}: {problem}", ja="{file}：{problem}"),
        Msg(
            "cli.audit.cannot_read",
            en="cannot read the log {file}: {reason}",
            ja="操作ログ {file} を読み取れません：{reason}",
        ),
        Msg("cli.audit.stdin_closed", en="standard input is closed", ja="標準入力が閉じられています"),
        Msg(
            "cli.audit.not_regular",
            en="it is {kind}, not a regular file; give a CSV or TSV file, or - for standard input",
            ja="{kind}で、通常のファイルではありません。CSV か TSV のファイル、または標準入力の - を指定してください",
        ),
        Msg(
            "cli.audit.line_too_long",
            en="{file}: line {line} is longer than {limit} characters; is it a text log?",
            ja="{file}：{line}行目が {limit} 文字を超えています。テキストの操作ログですか？",
        ),
        Msg(
            "cli.audit.not_csv",
            en="{file}: not valid CSV ({reason}); a cell may hold at most {limit} characters (an unclosed quote?)",
            ja="{file}：CSV として読めません（{reason}）。1つのセルは {limit} 文字までです（引用符の閉じ忘れ？）",
        ),
        Msg(
            "help.diff",
            en="what changed between two plan files, day by day and operation by operation: windows moved, "
            "opened or removed, modes, milestones (exit status 0: no change, 1: changes)",
            ja="2つの計画ファイルの違いを1日ずつ、操作ごとに：時間帯の変更・追加・取りやめ、稼働モード、日程"
            "（終了ステータス 0：変更なし、1：変更あり）",
        ),
        Msg("help.diff.old", en="the plan as it was (- for standard input)", ja="変更前の計画（標準入力は -）"),
        Msg("help.diff.new", en="the corrected plan (- for standard input)", ja="訂正後の計画（標準入力は -）"),
        Msg(
            "help.progress",
            en="read a registration progress sheet (本番用副本登録進捗状況集計シート) and advise (P1)",
            ja="本番用副本登録進捗状況集計シートを読み、助言します（P1）",
        ),
        Msg(
            "help.progress.file",
            en="the progress sheet: CSV or tab-separated text (UTF-8, CP932 or UTF-16), or .xlsx",
            ja="進捗シート：CSV またはタブ区切りのテキスト（UTF-8、CP932 または UTF-16）、または .xlsx",
        ),
        Msg(
            "help.progress.csv",
            en="print CSV (the sheet with the results appended)",
            ja="CSV を出力します（シートに結果の列を加えたもの）",
        ),
        Msg(
            "help.progress.by",
            en="organization: one line per organization (its items, how many need advice and which)",
            ja="organization：団体ごとに1行（項目数、助言等が必要な数とその特定個人情報）",
        ),
        Msg(
            "help.progress.prefecture",
            en="only the rows of this prefecture (都道府県名), e.g. 北海道",
            ja="この都道府県（都道府県名）の行だけ。例：北海道",
        ),
        Msg(
            "help.progress.jobs",
            en="read a large CSV or text sheet (over 50,000 lines) in up to N processes at once "
            "(default: one per processor); 1 reads it in this process alone. The output is the same either way",
            ja="大きな CSV・テキストのシート（50,000 行を超えるもの）を最大 N 個のプロセスで同時に読みます"
            "（既定：プロセッサ 1 つにつき 1 個）。1 ならこのプロセスだけで読みます。出力はどちらでも同じです",
        ),
        Msg(
            "help.progress.column",
            en="read the column headed HEADER as KEY (organization, item, planned, registered, range_checked, "
            "accuracy_checked, ratio, prefecture, organization_code); repeatable",
            ja="見出しが HEADER の列を KEY（organization、item、planned、registered、range_checked、"
            "accuracy_checked、ratio、prefecture、organization_code）として読みます（複数指定可）",
        ),
        Msg(
            "help.progress.epilog",
            en="Accepted sheets: CSV in UTF-8 (with or without a BOM) or CP932 (Shift_JIS, as Japanese Excel saves it), "
            "also tab-separated, and UTF-16 with a BOM (Excel's Unicode text); "
            ".xlsx (the first worksheet) with the xlsx extra: pip install chukan-schedule[xlsx]. "
            "The header, the first of the first 10 non-blank rows (or two rows read together) that names every column "
            "(title rows above it are skipped), needs: "
            "団体名 (organization), 特定個人情報 (item), 登録予定件数 (planned), 実登録件数 (registered), "
            "登録対象範囲の確認 or 登録対象範囲（件数）の確認 (range_checked), 登録後の正確性の確認 (accuracy_checked); "
            "the ratio 割合 (f) may stand for both counts; 都道府県名 (prefecture) and 団体コード (organization_code) "
            "are kept; other columns are passed through. Headers are matched after NFKC, spaces and brackets: a column "
            "letter such as (a) or （ａ） before or after the name, a 名/名称 suffix and （件数） are accepted; "
            "--column KEY=HEADER maps any other. Counts: 1234, 1,234, １，２３４, 1,234件; a blank 実登録件数 is 0. "
            "Checks: done 済/済み/実施済/実施済み/確認済/確認済み/完了/有/あり/○/〇/◯/✓/✔/はい/yes/y/true/1, "
            "not done 未/未実施/未確認/無/なし/×/✕/-/－/―/いいえ/no/n/false/0/blank.",
            ja="読めるシート：UTF-8（BOM の有無を問わない）または CP932（Shift_JIS。日本語版 Excel の保存形式）の CSV、"
            "タブ区切りのテキスト、BOM 付きの UTF-16（Excel の「Unicode テキスト」）、"
            "xlsx の追加機能（pip install chukan-schedule[xlsx]）があれば .xlsx（最初のワークシート）。"
            "見出し行（空行以外の最初の10行のうち、すべての列名がそろう最初の行、または2行を合わせたもの。"
            "その上の表題行は読み飛ばします）に必要な列："
            "団体名、特定個人情報、登録予定件数、実登録件数、登録対象範囲の確認（または 登録対象範囲（件数）の確認）、"
            "登録後の正確性の確認。二つの件数の代わりに割合（(f)欄）も可。都道府県名と団体コードは出力に残し、"
            "ほかの列はそのまま残します。見出しは NFKC・空白・括弧をそろえて照合し、前後の列記号（(a)、（ａ）など）、"
            "末尾の「名」「名称」、「（件数）」を受け付けます。それ以外は --column KEY=見出し で指定します。"
            "件数：1234、1,234、１，２３４、1,234件。空欄の実登録件数は0件。"
            "確認欄：済み 済/済み/実施済/実施済み/確認済/確認済み/完了/有/あり/○/〇/◯/✓/✔/はい/yes/y/true/1、"
            "未了 未/未実施/未確認/無/なし/×/✕/-/－/―/いいえ/no/n/false/0/空欄。",
        ),
    )
}


#: argparse's own words (its gettext msgids, ``%``-formatted) in Japanese; see :mod:`.cli.translation`.
ARGPARSE_JA: dict[str, str] = {
    "usage: ": "使い方：",
    "positional arguments": "位置引数",
    "options": "オプション",
    "optional arguments": "オプション",
    "show this help message and exit": "このヘルプを表示して終了します",
    "show program's version number and exit": "バージョンを表示して終了します",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "次の引数が必要です：%s",
    "unrecognized arguments: %s": "認識できない引数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r は選べません。選べる値：%(choices)s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "オプション %(option)s が %(matches)s のどれを指すか決まりません。省略せずに指定してください"
    ),
    "not allowed with argument %s": "引数 %s と同時には指定できません",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "ignored explicit argument %r": "値 %r は受け付けません",
    "one of the arguments %s is required": "引数 %s のどれか1つが必要です",
    "invalid %(type)s value: %(value)r": "%(type)s の値 %(value)r は正しくありません",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "%(parser_name)r は選べません。選べる値：%(choices)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "unexpected option string: %s": "予期しないオプション：%s",
    "subcommands": "サブコマンド",
}
#: argparse's plural msgids (ngettext): (singular, plural) -> Japanese (one form).
ARGPARSE_NGETTEXT_JA: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "値を %s 個指定してください",
}


# ---- fingerprints: a change to one language without the other fails tests/test_messages.py ----


def _digest(text: str) -> str:
    import hashlib  # here: only the fingerprint check needs it, not the command line's start

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fingerprints(catalog: Mapping[str, Msg] | None = None) -> dict[str, tuple[str, str]]:
    """Each message id -> (hash of its English, hash of its Japanese)."""
    return {m.id: (_digest(m.en), _digest(m.ja)) for m in (CATALOG if catalog is None else catalog).values()}


def format_fingerprints(prints: Mapping[str, tuple[str, str]]) -> str:
    lines = [
        "# message id, sha256 of the English, sha256 of the Japanese (12 hex digits each).",
        "# Regenerate: python -m chukan_schedule.messages --update tests/data/message-fingerprints.txt",
    ]
    lines += [f"{mid} {en} {ja}" for mid, (en, ja) in sorted(prints.items())]
    return "\n".join(lines) + "\n"


def read_fingerprints(text: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            mid, en, ja = line.split()
            out[mid] = (en, ja)
    return out


def one_sided(recorded: Mapping[str, tuple[str, str]], current: Mapping[str, tuple[str, str]]) -> list[str]:
    """The ids whose English changed while their Japanese did not, or the other way round."""
    return sorted(
        mid
        for mid, (en, ja) in current.items()
        if mid in recorded and (recorded[mid][0] == en) != (recorded[mid][1] == ja)
    )


def _main(argv: Sequence[str]) -> int:
    """``--update FILE [--one-sided ID]...``: rewrite the fingerprint file, refusing one-sided changes."""
    args = list(argv)
    if len(args) < 2 or args[0] != "--update":
        print("usage: python -m chukan_schedule.messages --update FILE [--one-sided ID]...", file=sys.stderr)
        return 2
    path, rest = args[1], args[2:]
    allowed = {rest[i + 1] for i, a in enumerate(rest[:-1]) if a == "--one-sided"}
    try:
        with open(path, encoding="utf-8") as f:
            recorded = read_fingerprints(f.read())
    except FileNotFoundError:
        recorded = {}
    current = fingerprints()
    refused = [mid for mid in one_sided(recorded, current) if mid not in allowed]
    if refused:
        print(
            "these messages changed in one language only; change the other too "
            f"(or pass --one-sided ID if only one needed it): {', '.join(refused)}",
            file=sys.stderr,
        )
        return 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(format_fingerprints(current))
    return 0


if __name__ == "__main__":  # pragma: no cover - a tool for editors of the catalog
    raise SystemExit(_main(sys.argv[1:]))
