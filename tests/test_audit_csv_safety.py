"""audit --csv neutralises a formula as progress --csv does: after spaces, zero-width characters, in full-width forms."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from clikit import run


def test_formula_like_cells_get_a_leading_quote(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "f.csv"
    log.write_text(
        'time,op\n" =cmd",registration\n\u200b=HYPERLINK("http://x"),registration\n'
        "\u3000=1+1,registration\n2017-07-18 08:00,\ufe66x\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "audit", "--csv", str(log), "--time", "time", "--operation", "op")
    assert status == 1  # every row is in error
    rows = list(csv.reader(io.StringIO(out)))
    assert [r[1] for r in rows[1:]] == ["' =cmd", '\'\u200b=HYPERLINK("http://x")', "'\u3000=1+1", "2017-07-18 08:00"]
    assert rows[4][3] == "'\ufe66x"  # the operation cell: ﹦ is = after NFKC
