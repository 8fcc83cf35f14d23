"""docs/notice.md quotes the notice as it is (issue 13): every quoted piece is in the notice's text.

The notices' text is in the repository (``docs/notices/2017-06-notices.txt``); spacing is ignored
(the text has "平成 29 年"), nothing else is: 「本番号副本初期登録」 stays as the notice writes it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTICE = ROOT / "docs" / "notices" / "2017-06-notices.txt"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def quoted_pieces() -> list[str]:
    pieces = []
    for line in (ROOT / "docs" / "notice.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("> ") or line.startswith("> | ---"):
            continue
        quote = line[2:]
        if quote.startswith("|"):  # a row of table T: each cell
            pieces += [cell.strip() for cell in quote.strip("|").split("|")]
        else:  # "…" marks a cut
            pieces += quote.split("…")
    return [p for p in pieces if _flat(p)]


def test_every_quotation_is_the_notices_text() -> None:
    notice = _flat(NOTICE.read_text(encoding="utf-8"))
    missing = [p for p in quoted_pieces() if _flat(p) not in notice]
    assert missing == []


def test_n1_is_quoted_with_the_notices_own_word() -> None:
    pieces = quoted_pieces()
    assert any(p.startswith("本番号副本初期登録は、") for p in pieces)
    assert not any("本番用副本初期登録" in p for p in pieces)
