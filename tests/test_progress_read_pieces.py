"""Text is decoded a piece at a time (``sheetread._PIECE`` bytes, cut after a line's end): with
pieces far smaller than a line, the rows, their line numbers and the lines in another
encoding are the same as in one piece.  The expected values are worked out by hand from the
bytes below."""

from __future__ import annotations

from pathlib import Path

import pytest

from chukan_schedule.progress import sheetread
from chukan_schedule.progress.sheetread import open_sheet

LONG = "長" * 40  # 120 bytes in UTF-8: a line longer than several pieces

SHEET = (
    "団体名,件数\n".encode()  # line 1
    + "A市,1\n".encode()  # line 2
    + "B市,2\n".encode("cp932")  # line 3: CP932 in a UTF-8 sheet
    + f'C市,"3\n{LONG}\n4"\n'.encode()  # lines 4-6: a quoted cell over three lines, one of them long
    + f"{LONG},5\n".encode()  # line 7: long
    + 'D市,"x\n'.encode()
    + "ｙ\n".encode("cp932")
    + b'z"\n'  # lines 8-10: the middle line of a quoted cell in CP932
    + "E市,6".encode()  # line 11, without a line end
)


def _rows(path: Path) -> list[tuple[int, list[str], str | None]]:
    _, rows = open_sheet(path)
    return [(line, cells, None if problem is None else problem.text("en")) for line, cells, problem in rows]


def _bad(line: int) -> str:
    return (
        f"line {line} is not valid UTF-8 (the rest of the file is; CP932?), so its text cannot be trusted; "
        "accepted: one encoding for the whole file"
    )


@pytest.mark.parametrize("piece", [1, 2, 7, 16, 64, 1 << 16])
def test_rows_and_lines_whatever_the_piece(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int) -> None:
    monkeypatch.setattr(sheetread, "_PIECE", piece)
    path = tmp_path / "sheet.csv"
    path.write_bytes(SHEET)
    rows = _rows(path)
    assert [(line, problem) for line, _, problem in rows] == [
        (1, None),
        (2, None),
        (3, _bad(3)),
        (4, None),
        (7, None),
        (8, _bad(9)),
        (11, None),
    ]
    cells = [c for _, c, _ in rows]
    assert cells[0] == ["団体名", "件数"]
    assert cells[1] == ["A市", "1"]
    assert cells[2][1] == "2"  # the name is unreadable (replacement characters), the count is not
    assert cells[3] == ["C市", f"3\n{LONG}\n4"]
    assert cells[4] == [LONG, "5"]
    assert cells[5][0] == "D市"
    assert cells[5][1].startswith("x\n") and cells[5][1].endswith("\nz")
    assert cells[6] == ["E市", "6"]


def test_a_line_much_longer_than_a_piece(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheetread, "_PIECE", 10)
    path = tmp_path / "sheet.csv"
    cell = "x" * 10_000  # a thousand pieces, read on to the line's end
    path.write_bytes(f"a,b\n{cell},1\nc,2\n".encode())
    assert _rows(path) == [(1, ["a", "b"], None), (2, [cell, "1"], None), (3, ["c", "2"], None)]


def test_pieces_of_a_cp932_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheetread, "_PIECE", 3)  # cuts through the two bytes of a character
    path = tmp_path / "sheet.csv"
    path.write_bytes("団体名,件数\r\nＡ市,1\r\n伊達市,2\r\n".encode("cp932") + "Ｂ市,3\r\n".encode())
    encoding, _ = open_sheet(path)
    assert encoding == "cp932"
    rows = _rows(path)
    assert rows[:3] == [(1, ["団体名", "件数"], None), (2, ["Ａ市", "1"], None), (3, ["伊達市", "2"], None)]
    assert rows[3][0] == 4
    assert rows[3][2] == (
        "line 4 is not valid CP932 (the rest of the file is; UTF-8?), so its text cannot be trusted; "
        "accepted: one encoding for the whole file"
    )
