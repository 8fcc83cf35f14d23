"""Reading one cell: counts, check marks, the ratio (f); and writing one safely for Excel.

>>> parse_count("1,234件"), parse_check("確認済み"), parse_check("－")
(1234, True, False)
>>> parse_ratio("49.9%")
(Fraction(499, 1000), Fraction(1, 2000))
>>> safe_cell("=1+1"), safe_cell(" =1+1"), safe_cell("＝1+1"), safe_cell("\\u200b=1+1"), safe_cell("A市")
("'=1+1", "' =1+1", "'＝1+1", "'\\u200b=1+1", 'A市')
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from ..excel import SUSPECT, safe_cell

__all__ = [
    "CHECK_MARKS",
    "DONE",
    "MAX_COUNT_DIGITS",
    "NOT_DONE",
    "SUSPECT",
    "parse_check",
    "parse_count",
    "parse_ratio",
    "safe_cell",
]

#: Check cells read as done, and as not done (a blank cell is not done too).
DONE = ("済", "済み", "実施済", "実施済み", "確認済", "確認済み", "完了", "有", "あり", "○", "〇", "◯", "✓", "✔",
        "はい", "yes", "y", "true", "1")  # fmt: skip
NOT_DONE = ("未", "未実施", "未確認", "無", "なし", "×", "✕", "-", "－", "―", "いいえ", "no", "n", "false", "0")
#: A count has at most this many digits (below 10**18): beyond it the cell is refused, not guessed.
MAX_COUNT_DIGITS = 18


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


_CHECKS: dict[str, bool] = {**{_norm(v): True for v in DONE}, **{_norm(v): False for v in NOT_DONE}, "": False}
#: Check cells as written -> done: the usual spellings found without normalising them.
CHECK_MARKS: dict[str, bool] = {**{v: True for v in DONE}, **{v: False for v in NOT_DONE}, **_CHECKS}
_COUNT_RE = re.compile(r"\d+|\d{1,3}(?:,\d{3})+", re.ASCII)
_NEGATIVE_RE = re.compile(r"[-−]\s*(?:\d+|\d{1,3}(?:,\d{3})+)", re.ASCII)
_RATIO_RE = re.compile(r"(\d{1,12})(?:\.(\d{1,17}))?\s*(%?)", re.ASCII)


def parse_check(raw: str) -> bool | None:
    """True (done), False (not done, blank included) or None (not a check mark).  A mark that
    :func:`safe_cell` neutralised (``'-``, as ``progress --csv`` writes ``-``) is read as the mark.

    >>> parse_check("'-"), parse_check("' －"), parse_check("'済")
    (False, False, None)
    """
    found = CHECK_MARKS.get(raw)
    if found is not None:
        return found
    if raw[:1] == "'" and safe_cell(raw[1:]) == raw:
        return parse_check(raw[1:])
    return _CHECKS.get(_norm(raw))


def parse_count(raw: str) -> int | str:
    """The count, or what is wrong with it: ``"blank"``, ``"negative"``, ``"too large"`` or ``"not a count"``."""
    if raw.isdigit() and raw.isascii():  # the usual cell, at once
        return int(raw) if len(raw) <= MAX_COUNT_DIGITS else "too large"
    text = unicodedata.normalize("NFKC", raw).strip()
    if text.endswith("件"):
        text = text[:-1].rstrip()
    if not text:
        return "blank"
    if _COUNT_RE.fullmatch(text):
        digits = text.replace(",", "").lstrip("0") or "0"
        return int(digits) if len(digits) <= MAX_COUNT_DIGITS else "too large"
    if _NEGATIVE_RE.fullmatch(text):
        return "negative"
    return "not a count"


def parse_ratio(raw: str) -> tuple[Fraction, Fraction] | str | None:
    """The ratio (f) as an exact fraction and the rounding its written digits allow (half a
    unit of the last digit); ``None`` for a blank cell; ``"ambiguous"`` for a number above 1
    without ``%``; ``"not a ratio"`` otherwise.

    ``49.9%`` is 499/1000 (± 0.05%); a number from 0 to 1 without ``%`` is the fraction itself,
    as Excel stores a percentage cell (``0.499``); ``45`` could be 45% or 4500%, so it is
    refused rather than guessed.

    >>> parse_ratio("0.45"), parse_ratio("1"), parse_ratio("45"), parse_ratio("-0.1")
    ((Fraction(9, 20), Fraction(1, 200)), (Fraction(1, 1), Fraction(1, 2)), 'ambiguous', 'not a ratio')
    """
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return None
    m = _RATIO_RE.fullmatch(text)
    if not m:
        return "not a ratio"
    whole, decimals, percent = m[1], m[2] or "", m[3]
    value = Fraction(int(whole + decimals), 10 ** len(decimals))
    tolerance = Fraction(1, 2 * 10 ** len(decimals))
    if percent:
        value, tolerance = value / 100, tolerance / 100
    elif value > 1:
        return "ambiguous"
    return value, max(tolerance, Fraction(1, 10**9))  # a float stored by Excel has noise in its last digits


# ---------------------------------------------------------------- writing for Excel (excel.py)

# Marks as ``progress --csv`` writes them (``'-``), so that its output reads back the same.
CHECK_MARKS.update({safe_cell(v): done for v, done in list(CHECK_MARKS.items()) if safe_cell(v) != v})
