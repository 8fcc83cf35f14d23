"""audit --encoding: what is not a text encoding, and a log that does not decode, are one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from clikit import assert_one_line_error, run

HEADER = b"time,operation\n"


@pytest.fixture
def utf8_log(tmp_path: Path) -> Path:
    log = tmp_path / "log.csv"
    log.write_bytes(HEADER + "2017-07-13 10:00,副本登録\n".encode())
    return log


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "undefined"])
def test_an_encoding_that_is_not_text_is_refused(
    capsys: pytest.CaptureFixture[str], utf8_log: Path, encoding: str
) -> None:
    status, out, err = run(capsys, "audit", str(utf8_log), "--time", "1", "--operation", "2", "--encoding", encoding)
    assert_one_line_error(status, out, err, f"--encoding '{encoding}': not a text encoding")
    assert "internal error" not in err and "Bad file descriptor" not in err


def test_utf16_without_its_byte_order_mark_is_not_utf16_text(
    capsys: pytest.CaptureFixture[str], utf8_log: Path
) -> None:
    status, out, err = run(capsys, "audit", str(utf8_log), "--time", "1", "--operation", "2", "--encoding", "utf-16")
    assert_one_line_error(status, out, err, "not utf-16 text (UTF-16 stream does not start with BOM)")


def test_a_shift_jis_reading_that_fails_suggests_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes(HEADER + b"2017-07-13 10:00,\x81 x\n")  # 0x81 then a space: no CP932 character
    status, out, err = run(capsys, "audit", str(log), "--time", "1", "--operation", "2", "--encoding", "cp932")
    assert_one_line_error(status, out, err, "not cp932 text", "try --encoding utf-8 for UTF-8")
    status, out, err = run(capsys, "--lang", "ja", "audit", str(log), "--time", "1", "-o", "registration",
                           "--encoding", "cp932")  # fmt: skip
    assert status == 2 and "UTF-8 なら --encoding utf-8 を指定してください" in err


def test_a_utf8_reading_that_fails_suggests_shift_jis(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes(HEADER + "2017-07-13 10:00,副本登録\n".encode("cp932"))
    status, out, err = run(capsys, "audit", str(log), "--time", "1", "--operation", "2")
    assert_one_line_error(status, out, err, "try --encoding cp932 for Shift_JIS")


def test_a_short_row_keeps_its_time_in_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes(HEADER + b"2017-07-13 10:00,registration\n2017-07-13 10:00\n")
    status, out, _ = run(capsys, "audit", str(log), "--time", "1", "--operation", "2", "--json")
    assert status in (0, 1)
    assert '{"line": 3, "time": "2017-07-13 10:00", "operation": null, "allowed": null, ' in out


def test_the_library_says_a_cell_over_the_csv_limit_is_bad_input() -> None:
    import csv
    import io

    from chukan_schedule import JULY_2017
    from chukan_schedule.audit import AuditError, audit

    big = "x" * (csv.field_size_limit() + 1)
    with pytest.raises(AuditError, match="not readable as CSV") as caught:
        list(audit(JULY_2017, io.StringIO(f'time,operation\n"{big}",registration\n'), "time", "operation"))
    assert isinstance(caught.value, ValueError)
    assert "ログを CSV として読めません" in caught.value.message.text("ja")


def test_excels_unicode_text_is_read_without_being_told(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # 「Unicode テキスト」: UTF-16 with its byte-order mark, tab-separated. 07-18 08:00 registration is open (H).
    log = tmp_path / "j.tsv"
    log.write_bytes("時刻\t操作\n2017-07-18 08:00\t副本登録\n".encode("utf-16"))
    status, out, err = run(capsys, "audit", str(log), "--time", "時刻", "--operation", "操作", "--json")
    assert (status, err) == (0, "")
    assert (
        '"line": 2, "time": "2017-07-18 08:00", "at": "2017-07-18T08:00:00+09:00", "operation": "registration"' in out
    )
    assert '"allowed": true' in out
