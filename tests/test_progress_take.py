"""Reading a sheet a block at a time (``Rows.take``) gives the same rows, lines and decoding
problems as reading it row by row, also when quoted cells span lines and when both ways are
mixed.  The line numbers are worked out by hand from the files below."""

from __future__ import annotations

from pathlib import Path

from chukan_schedule.progress.sheetread import Rows, open_sheet

# Lines split at \n only (UTF-8): a lone \r inside quotes does not end a line.
UTF8 = 'a,b\n"x\r\ny",z\n"p\rq",r\n"1\n\n2"\n\nlast,"open\n'
UTF8_ROWS = [
    (1, ["a", "b"]),
    (2, ["x\r\ny", "z"]),  # lines 2-3
    (4, ["p\rq", "r"]),  # line 4 only
    (5, ["1\n\n2"]),  # lines 5-7
    (8, []),  # a blank line
    (9, ["last", "open\n"]),  # a quote left open at the end of the file
]

# UTF-16 (Excel's Unicode text): \r, \n and \r\n each end a line.
UTF16 = 'a\tb\r\n"x\r\ny"\tz\r"p\rq"\tr\n"1\n\n2"\n\n"u\r"\t"v\n"\r\nlast\t"open\n'
UTF16_ROWS = [
    (1, ["a", "b"]),
    (2, ["x\r\ny", "z"]),  # lines 2-3 (\r\n is one line end)
    (4, ["p\rq", "r"]),  # lines 4-5
    (6, ["1\n\n2"]),  # lines 6-8
    (9, []),
    (10, ["u\r", "v\n"]),  # lines 10-12
    (13, ["last", "open\n"]),
]


def _read(rows: Rows, plan: list[int]) -> list[tuple[int, list[str]]]:
    """Rows read by ``take(n)`` for each n of ``plan`` (0: one ``next``), then row by row."""
    out: list[tuple[int, list[str]]] = []
    for n in plan:
        if n == 0:
            line, cells, problem = next(rows)
            assert problem is None
            out.append((line, cells))
            continue
        lines, cellss, problems = rows.take(n)
        assert problems is None
        assert len(lines) == len(cellss) <= n
        out += zip(lines, cellss, strict=True)
    out += [(line, cells) for line, cells, _ in rows]
    return out


def test_lines_of_multiline_cells_utf8(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(UTF8.encode("utf-8"))
    for plan in ([100], [1, 1, 1, 1, 1, 1, 1], [2, 0, 3], [0, 0, 4], []):
        _, rows = open_sheet(path)
        assert _read(rows, plan) == UTF8_ROWS, plan


def test_lines_of_multiline_cells_utf16(tmp_path: Path) -> None:
    path = tmp_path / "sheet.txt"
    path.write_bytes(UTF16.encode("utf-16"))
    for plan in ([100], [3, 3, 3], [0, 2, 0, 5], []):
        encoding, rows = open_sheet(path)
        assert encoding == "utf-16"
        assert _read(rows, plan) == UTF16_ROWS, plan


def test_a_line_in_another_encoding_is_its_rows_problem(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(
        "団体名,件数\n".encode()
        + "A市,1\n".encode()
        + "B市,2\n".encode("cp932")
        + 'C市,"3\n4"\n'.encode()
        + "D市,5\n".encode()
    )
    _, rows = open_sheet(path)
    assert next(rows)[0] == 1
    lines, cellss, problems = rows.take(10)
    assert lines == [2, 3, 4, 6]  # C市's quoted cell spans lines 4-5
    assert (cellss[0], cellss[2], cellss[3]) == (["A市", "1"], ["C市", "3\n4"], ["D市", "5"])
    assert problems is not None
    assert [p is None for p in problems] == [True, False, True, True]
    assert problems[1] is not None
    assert problems[1].text("en").startswith("line 3 is not valid UTF-8 (the rest of the file is; CP932?)")
