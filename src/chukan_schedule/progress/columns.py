"""The sheet's columns: which header names which field, after normalising what people type.

A header cell is normalised (:func:`header_key`) before it is looked up: NFKC (full-width
letters, digits and brackets become ASCII), case folded, every space removed (a header
typed over two lines in one cell too), a column letter in brackets before or after the
name removed (``(a)``, ``（ａ）``, ``a.``), ``（件数）`` removed and a ``名``/``名称`` suffix
removed.  So ``登録予定件数(a)``, ``（b）実登録件数``, ``特定個人情報名`` and
``登録対象範囲（件数）の確認`` all name their field.

>>> header_key("登録予定件数(a)"), header_key("（ｂ）実登録件数"), header_key("特定個人情報名")
('登録予定件数', '実登録件数', '特定個人情報')
>>> field_of("登録対象範囲（件数）の確認"), field_of("d. 登録後の正確性の確認"), field_of("Organization Code")
('range_checked', 'accuracy_checked', 'organization_code')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from ..messages import Listing, msg
from .sheeterror import SheetError

__all__ = [
    "COLUMNS",
    "FIELDS",
    "OPTIONAL",
    "REQUIRED",
    "RESULT_HEADERS",
    "ColumnOptions",
    "field_of",
    "header_key",
    "label",
    "parse_column_option",
    "sheet_part",
    "written_key",
]

#: field -> (Japanese name, English name, accepted header spellings).  The spellings are
#: compared after :func:`header_key`, so each stands for its bracketed, lettered and
#: suffixed forms too.
COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "organization": (
        "団体名",
        "organization",
        (
            "団体名",
            "団体名称",
            "地方公共団体名",
            "自治体名",
            "市区町村名",
            "市町村名",
            "organization",
            "organisation",
            "municipality",
        ),
    ),
    "item": (
        "特定個人情報",
        "item",
        ("特定個人情報", "特定個人情報の名称", "特定個人情報名", "item", "specific personal information"),
    ),
    "planned": (
        "登録予定件数",
        "planned count",
        ("登録予定件数", "予定件数", "登録予定数", "planned", "planned count"),
    ),
    "registered": (
        "実登録件数",
        "registered count",
        ("実登録件数", "登録済件数", "登録済み件数", "実登録数", "registered", "registered count"),
    ),
    "range_checked": (
        "登録対象範囲の確認",
        "range check",
        (
            "登録対象範囲の確認",
            "登録対象範囲（件数）の確認",
            "登録対象範囲確認",
            "登録件数確認",
            "登録件数の確認",
            "range_checked",
            "range check",
            "count range check",
        ),
    ),
    "accuracy_checked": (
        "登録後の正確性の確認",
        "accuracy check",
        (
            "登録後の正確性の確認",
            "正確性の確認",
            "正確性確認",
            "サンプルチェック",
            "accuracy_checked",
            "accuracy check",
            "sample check",
        ),
    ),
    "ratio": (
        "割合",
        "ratio, column f",
        (
            "割合",
            "登録予定件数に対する実登録件数の割合",
            "実登録件数の割合",
            "登録率",
            "進捗率",
            "ratio",
            "registered ratio",
        ),
    ),
    "prefecture": ("都道府県名", "prefecture", ("都道府県名", "都道府県", "prefecture")),
    "organization_code": (
        "団体コード",
        "organization code",
        (
            "団体コード",
            "地方公共団体コード",
            "全国地方公共団体コード",
            "団体番号",
            "organization_code",
            "organization code",
            "organisation code",
            "lg code",
        ),
    ),
}

#: The result columns ``progress --csv`` adds after the sheet's own (lang -> names).  A header
#: row that ends with them is our own output read back: they are not the sheet's columns (the
#: Japanese 割合 would otherwise collide with the sheet's 割合 (f), the English ratio too).
RESULT_HEADERS: dict[str | None, tuple[str, str, str, str]] = {
    lang: tuple(msg(f"progress.csv.{k}").text(lang or "en") for k in ("ratio", "needs_advice", "reasons", "error"))  # type: ignore[misc]
    for lang in (None, "en", "ja")
}

FIELDS = tuple(COLUMNS)
#: Always needed; ``planned`` and ``registered`` may be left out when the ratio (f) is there.
REQUIRED = ("organization", "item", "planned", "registered", "range_checked", "accuracy_checked")
OPTIONAL = ("ratio", "prefecture", "organization_code")

# A header that is a column letter alone names the column the notice names by it:
# 「（d）欄参照」 is the accuracy check, 「（f）欄参照」 the ratio.
_LETTER_ONLY = {"d": "accuracy_checked", "f": "ratio"}

_SPACE = re.compile(r"[\s_\-]+")
_LETTER_BEFORE = re.compile(r"^(?:\(([a-z])\)|\[([a-z])\]|【([a-z])】|([a-z])[.):])(?=.)")
_LETTER_AFTER = re.compile(r"(?<=.)(?:\(([a-z])\)|\[([a-z])\]|【([a-z])】)$")
_LETTER_ALONE = re.compile(r"^(?:\(([a-z])\)|\[([a-z])\]|【([a-z])】|([a-z])[.):]?)$")
_COUNT_NOTE = re.compile(r"\((?:件数|件)\)")


def _letters(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g)


def _base(text: str) -> tuple[str, str]:
    """The normalised name and the column letter found ('' when none)."""
    key = _SPACE.sub("", unicodedata.normalize("NFKC", text).casefold())
    key = key.replace("\u200b", "").replace("\ufeff", "")
    m = _LETTER_ALONE.match(key)
    if m:
        return "", _letters(m)
    letter = ""
    m = _LETTER_BEFORE.match(key)
    if m:
        letter, key = _letters(m), key[m.end() :]
    else:
        m = _LETTER_AFTER.search(key)
        if m:
            letter, key = _letters(m), key[: m.start()]
    key = _COUNT_NOTE.sub("", key)
    for suffix in ("名称", "名"):
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
            break
    return key, letter


def written_key(text: str) -> str:
    """A header as ``--column`` compares it: NFKC, case folded, spaces removed (nothing else)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).casefold())


def header_key(text: str) -> str:
    """A header cell as it is compared (see the module's description)."""
    return _base(text)[0]


_LOOKUP: dict[str, str] = {header_key(name): field for field, (_, _, names) in COLUMNS.items() for name in names}


def field_of(text: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """The field a header cell names, or ``None``.  ``overrides`` (normalised header -> field,
    from ``--column``) are looked up first."""
    key, letter = _base(text)
    if overrides:
        for k in (written_key(text), key):
            if k in overrides:
                return overrides[k]
    if not key:
        return _LETTER_ONLY.get(letter)
    return _LOOKUP.get(key)


_RESULT_TAILS = frozenset(RESULT_HEADERS.values())


def sheet_part(cells: Sequence[str]) -> Sequence[str]:
    """A header row with our own result columns (``progress --csv``, written once or more) blanked.

    >>> sheet_part(["団体名", "割合", "割合", "助言等の要否", "理由", "エラー"])
    ['団体名', '割合', '', '', '', '']
    """
    end = len(cells)
    while end >= 4 and tuple(c.strip() for c in cells[end - 4 : end]) in _RESULT_TAILS:
        end -= 4
    return cells if end == len(cells) else [*cells[:end], *([""] * (len(cells) - end))]


def label(field: str) -> tuple[str, str]:
    """How errors name a field: (English ``団体名 (organization)``, Japanese ``団体名``)."""
    ja = COLUMNS[field][0]
    return f"{ja} ({field})", ja


class ColumnOptions(dict[str, str]):
    """``--column`` options: normalised header -> field, and (``written``) normalised header ->
    the option as it was given, for an error that names it."""

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[str, str] = {}


def parse_column_option(values: Sequence[str]) -> ColumnOptions:
    """``--column KEY=HEADER`` options as normalised header -> field.  KEY is a field name
    (``planned``) or its Japanese name (``登録予定件数``); anything else is a
    :class:`~.sheeterror.SheetError` (a :class:`ValueError`) saying what is accepted."""
    by_name = {f: f for f in COLUMNS} | {header_key(ja): f for f, (ja, _, _) in COLUMNS.items()}
    out = ColumnOptions()
    keys = Listing(tuple(COLUMNS))  # 、 between them in Japanese
    for value in values:
        key, sep, header = value.partition("=")
        field = by_name.get(key.strip()) or by_name.get(header_key(key))
        if not sep or field is None or not header.strip():
            raise SheetError(msg("progress.column_option", value=repr(value), keys=keys))
        out[written_key(header)] = field
        out.written[written_key(header)] = value
    return out
