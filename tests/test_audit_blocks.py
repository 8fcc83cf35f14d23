"""audit: a text file's plain lines are answered in blocks, with the same answers and the same bytes.

Worked by hand from the notices: 2017-07-13 (Thursday, normal mode) registration runs 08:00-24:00
and code acquisition 08:00-21:00 (H); 2017-07-15 (Saturday) registration 09:00-17:00 (H); the end
of a window is excluded.  Blocks end at every ten-thousandth line, and a block with a row that is
not plain goes again in parts of 256 lines (the parts of lines 10000-19999 start at 10000 + 256k).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import pytest

from chukan_schedule import JULY_2017
from chukan_schedule.audit import CsvReport, JsonReport, Summary, TextReport, _Report

PLAIN = "2017-07-13 10:00,registration,x\n"  # allowed (H)


def log_lines(special: dict[int, str], last: int) -> list[str]:
    """Physical lines 1..last: the header, PLAIN everywhere except the lines in ``special``."""
    return ["time,op,note\n"] + [special.get(n, PLAIN) for n in range(2, last + 1)]


def report(
    kind: type[_Report], lines: Iterable[str] | io.StringIO, lang: str = "en", outside_only: bool = False, **opts: str
) -> tuple[str, Summary]:
    out = io.StringIO()
    summary = Summary(JULY_2017)
    options = {"time_column": "time", "operation_column": "op", **opts}
    if "operation" in opts:
        del options["operation_column"]
    kind(out, lang, outside_only).write(lines, JULY_2017, summary, **options)
    return out.getvalue(), summary


SPECIAL = {
    9999: "2017-07-13 07:59:59,registration,x\n",  # before 08:00: not allowed
    10000: "2017-07-13 23:59,符号取得,x\n",  # after 21:00: not allowed
    10001: "2017-07-13T21:00:00,code_acquisition,x\n",  # 21:00 itself: not allowed
    15000: "2017-07-13 10:00,fly,x\n",  # an unknown operation: an error, line 15000
    15001: '"2017-07-13 07:00",registration,x\n',  # quoted: the csv module; not allowed
    16143: '2017-07-13 06:00,registration,"a\n',  # one record on lines 16143-16144, across two parts
    16144: 'b"\n',
    16145: "\n",  # a blank line: skipped
    20000: "2017-07-15 17:00,registration,x\n",  # Saturday 17:00: not allowed
}


def test_line_numbers_and_answers_across_blocks_and_parts() -> None:
    lines = log_lines(SPECIAL, 20011)
    text, summary = report(TextReport, io.StringIO("".join(lines), newline=""), outside_only=True)
    got = [line.split(" [")[0] for line in text.splitlines()[:7]]
    assert text.splitlines()[7] == ""  # then the summary
    assert got == [
        "line 9999: 2017-07-13T07:59:59+09:00 registration: not allowed",
        "line 10000: 2017-07-13T23:59:00+09:00 code acquisition: not allowed",
        "line 10001: 2017-07-13T21:00:00+09:00 code acquisition: not allowed",
        "line 15000: error: unknown operation 'fly'; expected one of registration, code_acquisition, linkage, "
        "linkage_test (or their Japanese names)",
        "line 15001: 2017-07-13T07:00:00+09:00 registration: not allowed",
        "line 16144: 2017-07-13T06:00:00+09:00 registration: not allowed",
        "line 20000: 2017-07-15T17:00:00+09:00 registration: not allowed",
    ]
    # Lines 2-20011 (20010), less one for the record on two lines and one blank: 20008 rows, one an error.
    assert (summary.read, summary.outside, summary.errors) == (20008, 6, 1)
    assert summary.by_day["2017-07-15"] == (1, 1)


def test_every_row_written_with_its_number() -> None:
    lines = log_lines({}, 30002)
    text, summary = report(TextReport, io.StringIO("".join(lines), newline=""))
    rows = text.splitlines()[:30001]
    assert [r.split(":")[0] for r in rows] == [f"line {n}" for n in range(2, 30003)]
    assert {r.split(": ", 1)[1] for r in rows} == {rows[0].split(": ", 1)[1]}
    assert rows[0].startswith("line 2: 2017-07-13T10:00:00+09:00 registration: allowed [H] ")
    assert (summary.read, summary.outside, summary.errors) == (30001, 0, 0)


@pytest.mark.parametrize("kind", [TextReport, JsonReport, CsvReport])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("outside_only", [False, True])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_blocks_write_what_rows_one_by_one_write(
    kind: type[_Report], lang: str, outside_only: bool, newline: str
) -> None:
    # Rows of every plain shape and operation name, with the odd ones of SPECIAL; a list of lines
    # is read by the csv module row by row, the same text as a file in blocks.
    shapes = [
        "2017-07-13 10:00,registration,x\n",
        "2017-07-13 07:59:59,副本登録,x\n",
        "2017-07-13T20:59,code-acquisition,x\n",
        "2017-07-15T16:59:59,code acquisition,\n",
        "2017-07-05 10:00:00,運用確認,x\n",
        "2017-07-31 23:59:59,linkage,x\n",
        "2017-07-10 12:00,linkage_test,x,y,z\n",
        "2017-07-13 10:00,registration\n",  # no third cell: the operation's cell ends the line
    ]
    special = {n: shapes[n % len(shapes)] for n in range(2, 20011) if n % 3}
    special.update(SPECIAL)
    lines = [line.replace("\n", newline) for line in log_lines(special, 20011)]
    by_rows, rows_summary = report(kind, list(lines), lang, outside_only)
    by_blocks, blocks_summary = report(kind, io.StringIO("".join(lines), newline=""), lang, outside_only)
    assert by_blocks == by_rows
    assert blocks_summary.counts == rows_summary.counts and blocks_summary.errors == rows_summary.errors == 1
    assert by_rows.count("\n") > (2000 if outside_only else 20000)


def test_one_operation_for_every_row_in_blocks() -> None:
    lines = ["when\n"] + ["2017-07-13 08:00\n", "2017-07-13 07:00\n"] * 300
    by_rows, _ = report(JsonReport, list(lines), time_column="when", operation="registration")
    by_blocks, summary = report(JsonReport, io.StringIO("".join(lines)), time_column="when", operation="registration")
    assert by_blocks == by_rows
    assert (summary.read, summary.outside) == (600, 300)


def test_a_plain_time_is_written_as_encode_writes_it() -> None:
    out = io.StringIO()
    for kind in (JsonReport, CsvReport):
        rep = kind(out, "en")
        encode = rep.layout()[3]
        quotes = rep.plain_time()
        assert encode is not None and quotes is not None
        for t in ("2017-07-13 10:00", "2017-07-13T10:00:59", "2017-07-01 00:00:00"):
            assert encode(t) == quotes[0] + t + quotes[1]
    assert TextReport(out, "en").plain_time() is None
