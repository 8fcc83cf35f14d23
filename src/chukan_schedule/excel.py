r"""What a spreadsheet would read as a formula in a CSV cell (CSV injection), and the cell made safe.

``progress --csv`` and ``audit --csv`` write cells that came from users' files; a cell that
Excel would run as a formula gets a leading ``'``.

>>> safe_cell("=1+1"), safe_cell(" =x"), safe_cell("\u200b=x"), safe_cell("＝x"), safe_cell("-5"), safe_cell("a=b")
("'=1+1", "' =x", "'\u200b=x", "'＝x", "'-5", 'a=b')
"""

from __future__ import annotations

import unicodedata

__all__ = ["SUSPECT", "safe_cell"]

_FORMULA = frozenset("=+-@\t\r\n")
# What Excel may skip before a formula's first character, or read as one after NFKC (＝＋－＠).
#: The first characters of a cell that :func:`safe_cell` looks at twice.
SUSPECT = frozenset(" \u3000\u00a0\u200b\u200c\u200d\u2060\ufeff＝＋－＠﹦﹢﹣\uff20") | _FORMULA


def safe_cell(cell: str) -> str:
    """``cell`` neutralised against formula injection: one that starts (after spaces or
    zero-width characters, full-width forms read as ASCII) with = + - @ tab CR or LF gets a
    leading ``'``.  A negative number such as ``-5`` is neutralised too (``'-5``)."""
    if not cell or cell[0] not in SUSPECT:
        return cell
    for ch in cell:
        if ch in " \u3000\u00a0\u200b\u200c\u200d\u2060\ufeff":
            continue
        if unicodedata.normalize("NFKC", ch) in _FORMULA or ch in "\t\r\n":
            return "'" + cell
        break
    return cell
