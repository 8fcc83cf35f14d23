"""`chukan-schedule audit`: the QA pass of issue 12 (names, streams, sizes, inputs, BOM, messages).

Expected answers are worked by hand from the notice (docs/spec.md): 2017-07-05 is a Wednesday of
the test period, when linkage tests and the operation check run 08:00-21:00 (N2), so 10:00 is allowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clikit import run

pytestmark = pytest.mark.usefixtures("english_locale")


@pytest.mark.parametrize("name", ["運用確認", "情報連携のテスト", "情報連携テスト", "情報連携のテスト・運用確認"])
def test_short_japanese_operation_names(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    log = tmp_path / "l.csv"
    log.write_text(f"t,op\n2017-07-05 10:00,{name}\n", encoding="utf-8")
    status, out, err = run(capsys, "audit", str(log), "--time", "t", "--operation", "op")
    assert (status, err) == (0, "")
    assert out.startswith("line 2: 2017-07-05T10:00:00+09:00 linkage test: allowed [N2] ")
    assert "rows read 1, outside their windows 0, rows with errors 0" in out


def test_short_japanese_name_with_o(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "l.csv"
    log.write_text("t\n2017-07-05 10:00\n", encoding="utf-8")
    status, out, err = run(capsys, "audit", str(log), "--time", "t", "-o", "運用確認", "--json")
    assert (status, err) == (0, "")
    assert '"operation": "linkage_test", "allowed": true' in out
