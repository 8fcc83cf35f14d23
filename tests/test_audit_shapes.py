"""audit: timestamps shaped almost like the fast path's (16 or 19 characters) get the full path's answer.

Worked by hand from the notices: 2017-07-13 (Thursday, normal mode) registration runs 08:00-24:00
(H); 2017-07-15 (Saturday, normal mode) 09:00-17:00.  Rows that are not a plain wall-clock time
to the second are read as parse_timestamp reads them, or are an error with their line number.
"""

from __future__ import annotations

import io

from chukan_schedule import JULY_2017
from chukan_schedule.audit import audit

LOG = (
    "time,op\n"
    "2017-07-13 07:59:59,registration\n"  # 2: before 08:00: not allowed
    "2017-07-13T08:00,registration\n"  # 3: 16 characters with a T: allowed
    "2017-07-15 17:00:00,registration\n"  # 4: the end of 09:00-17:00 is excluded
    "2017-07-15 16:59:59,registration\n"  # 5: allowed
    "2017-07-15 10:00:60,registration\n"  # 6: no 60th second: an error
    "2017-07-15 10:00x00,registration\n"  # 7: not a time: an error
    "2017-07-15 10:00:0,registration\n"  # 8: one digit of seconds: not a time parse_timestamp reads: an error
    "2017-07-15 10:00Z,registration\n"  # 9: UTC: 19:00 JST, after 17:00: not allowed
    "2017-07-15 08:59:59.5,registration\n"  # 10: a fraction: 08:59:59.5, before 09:00: not allowed
    "2017-07-15 25:00,registration\n"  # 11: no 25th hour: an error
    "\n"  # 12: a blank line: skipped
    "2017-07-15 10:00\n"  # 13: a short row: an error
)


def test_near_fast_path_shapes() -> None:
    got = [(r.line, r.allowed, r.at, r.error is not None) for r in audit(JULY_2017, io.StringIO(LOG), "time", "op")]
    assert got == [
        (2, False, "2017-07-13T07:59:59+09:00", False),
        (3, True, "2017-07-13T08:00:00+09:00", False),
        (4, False, "2017-07-15T17:00:00+09:00", False),
        (5, True, "2017-07-15T16:59:59+09:00", False),
        (6, None, "", True),
        (7, None, "", True),
        (8, None, "", True),
        (9, False, "2017-07-15T19:00:00+09:00", False),
        (10, False, "2017-07-15T08:59:59.500000+09:00", False),
        (11, None, "", True),
        (13, None, "", True),
    ]


def test_line_numbers_past_quoted_fields_blank_lines_and_crlf() -> None:
    # Lines counted by hand: a quoted field spanning lines 4-5, a blank line 6, CRLF endings.
    log = (
        "time,op\r\n"  # 1
        "2017-07-13 10:00,registration\r\n"  # 2: allowed (08:00-24:00)
        '"2017-07-13 07:00",registration\r\n'  # 3: quoted, read by the csv module: not allowed
        '"a\r\n'  # 4
        'b",registration\r\n'  # 5: one record on lines 4-5: not a timestamp
        "\r\n"  # 6: blank
        "2017-07-13 11:00,情報連携,\r\n"  # 7: a trailing empty column; linkage is suppressed 07-08..07-17 (N5): not allowed
    )
    got = [(r.line, r.raw_time, r.allowed) for r in audit(JULY_2017, io.StringIO(log, newline=""), "time", "op")]
    assert got == [
        (2, "2017-07-13 10:00", True),
        (3, "2017-07-13 07:00", False),
        (5, "a\r\nb", None),
        (7, "2017-07-13 11:00", False),
    ]
