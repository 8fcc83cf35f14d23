"""A sheet read in parts by several processes (``--jobs``) is written byte for byte as one
process writes it, for every output and every kind of row; segments start the text table's
alignment afresh.  The segments are made small here (a few lines) so that small sheets have
several; the cut points and the text table are worked out by hand."""

from __future__ import annotations

import io
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from chukan_schedule import JULY_2017
from chukan_schedule.cli import main
from chukan_schedule.progress import parts, read_sheet, render_text, report
from chukan_schedule.progress.parts import cut_points
from clikit import PROGRESS_CSV, assert_one_line_error, run

HEADER = "都道府県名,団体コード,団体名,特定個人情報名,登録予定件数(a),（b）実登録件数,登録対象範囲（件数）の確認,登録後の正確性の確認\n"
OUTPUTS = (
    (),
    ("--json",),
    ("--csv",),
    ("--csv", "--lang", "ja"),
    ("--lang", "ja"),
    ("--by", "organization"),
    ("--by", "organization", "--csv"),
)


#: How many later parts each run started (the sheet was read in parts, not in one piece).
STARTED: list[int] = []


@pytest.fixture
def segments(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(report, "SEGMENT_LINES", 10)
    start = parts.start

    def counted(*args: Any) -> parts.Parts | None:
        found = start(*args)
        STARTED.append(0 if found is None else len(found.running))
        return found

    monkeypatch.setattr(parts, "start", counted)
    STARTED.clear()
    return 10


def _outputs(
    capsys: pytest.CaptureFixture[str], path: Path, *extra: str
) -> dict[tuple[str, ...], list[tuple[int, str, str]]]:
    """Each output of ``path`` read with --jobs 1, 2, 3 and 5."""
    found: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
    for output in OUTPUTS:
        found[output] = [run(capsys, "progress", str(path), *output, *extra, "--jobs", str(n)) for n in (1, 2, 3, 5)]
    return found


def _assert_same(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> None:
    for output, answers in _outputs(capsys, path, *extra).items():
        for n, answer in zip((2, 3, 5), answers[1:], strict=True):
            assert answer == answers[0], (output, n)
    # --jobs 2, 3 and 5 started 1, 2 and 4 other processes (fewer when the sheet has fewer segments)
    assert STARTED and all(n >= 1 for n in STARTED), STARTED


def _row(rnd: random.Random, org: int) -> str:
    planned = rnd.randrange(0, 3000)
    registered = rnd.randrange(0, planned + 2)
    checks = ["済", "未", "", "○", "×", "確認済み"]
    return (
        f"{'北海道' if org % 3 else '福島県'},{org:05d}0,{'伊達市' if org % 2 else '第' + str(org) * (org % 4) + '町'},"
        f"住民票関係情報{rnd.randrange(5)},{planned},{registered},{rnd.choice(checks)},{rnd.choice(checks)}\n"
    )


def _sheet(
    path: Path, rows: list[str], *, title: str = "本番用副本登録進捗状況集計シート\n", encoding: str = "utf-8"
) -> Path:
    path.write_bytes((title + HEADER + "".join(rows)).encode(encoding))
    return path


def test_cut_points_by_hand(tmp_path: Path) -> None:
    # Lines "l1\n" .. "l29\n": lines 1-9 are 3 bytes, 10-29 are 4.  Segments of 5 lines start on
    # lines 6, 11, 16, 21, 26; line 11 starts after 9 * 3 + 4 = 31 bytes, line 21 after 31 + 40 = 71.
    path = tmp_path / "lines.csv"
    path.write_bytes(b"".join(b"l%d\n" % i for i in range(1, 30)))
    assert path.stat().st_size == 107
    cuts, _ = cut_points(str(path), 3, 5, 3)  # thirds: near byte 35 and byte 71
    assert cuts == [(11, 31), (21, 71)]
    cuts, _ = cut_points(str(path), 3, 5, 2)  # halves: near byte 53 (line 16 starts at 51)
    assert cuts == [(16, 51)]
    cuts, _ = cut_points(str(path), 17, 5, 2)  # the header search read up to line 16: line 21 on
    assert cuts == [(21, 71)]


def test_every_output_the_same_in_parts(capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int) -> None:
    rnd = random.Random(9)
    rows = [_row(rnd, 1 + k // 4) for k in range(70)]
    rows[5] = ",,,,,,,\n"  # a blank row
    rows[23] = "北海道,000070,伊達市,住民票関係情報,12,abc,済,済\n"  # a row in error
    rows[31] = "北海道,000080,=1+1,住民票関係情報,10,10,済,済\n"  # a formula
    rows[40] = '北海道,000090,"伊達\n市",住民票関係情報,"1,000",999,済,済\n'  # a cell over two lines
    _assert_same(capsys, _sheet(tmp_path / "s.csv", rows))
    _assert_same(capsys, tmp_path / "s.csv", "--prefecture", "北海道")


def test_the_same_with_bom_crlf_and_cp932(capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int) -> None:
    rnd = random.Random(10)
    rows = [_row(rnd, 1 + k // 3).replace("\n", "\r\n") for k in range(45)]
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER.replace("\n", "\r\n") + "".join(rows)).encode("utf-8"))
    _assert_same(capsys, path)
    path = _sheet(tmp_path / "cp932.csv", rows, encoding="cp932")
    data = path.read_bytes().split(b"\r\n")
    data[30] = "北海道,000300,伊達市,住民票関係情報,5,5,済,済".encode()  # a line in UTF-8 in a CP932 sheet
    path.write_bytes(b"\r\n".join(data))
    _assert_same(capsys, path)


def test_a_quoted_cell_over_a_cut_keeps_the_rows_after_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int
) -> None:
    # Line 1 title, line 2 header, data from line 3.  A cell from line 20 to line 22 spans the
    # segment start on line 21: the part before it reads on, and the rows are still right.
    rnd = random.Random(11)
    rows = [_row(rnd, 1 + k // 5) for k in range(50)]
    rows[17] = '北海道,000500,"伊達\n\n市",住民票関係情報,10,10,済,済\n'  # lines 20-22
    path = _sheet(tmp_path / "s.csv", rows)
    _assert_same(capsys, path)
    status, out, _ = run(capsys, "progress", str(path), "--json", "--jobs", "3")
    assert status == 0
    assert '"line": 20, "prefecture": "北海道", "organization_code": "000500", "organization": "伊達\\n\\n市"' in out
    assert '"line": 23,' in out and '"line": 22,' not in out


def test_an_error_in_a_later_part_is_the_same_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int
) -> None:
    rnd = random.Random(12)
    rows = [_row(rnd, 1 + k // 5) for k in range(50)]
    rows[40] = (
        "北海道,000500,伊達市,住民票関係情報,10,10,済," + "済" * ((1 << 20) + 1) + "\n"
    )  # line 43: a cell too long
    path = _sheet(tmp_path / "s.csv", rows)
    one = run(capsys, "progress", str(path), "--output", str(tmp_path / "one.txt"), "--jobs", "1")
    parts = run(capsys, "progress", str(path), "--output", str(tmp_path / "parts.txt"), "--jobs", "3")
    assert one[0] == parts[0] == 2
    assert one == parts
    assert "line 43" in one[2]
    assert not (tmp_path / "parts.txt").exists()


def test_text_aligned_afresh_in_each_segment(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Segments of 8 lines: 1-8 (the header, rows on lines 2-8), 9-16, 17-24 (rows on 17 and 18).
    # The long name on line 10 widens the name column of the second segment only; the third
    # starts again from the header's width.  With --jobs 2 the sheet is cut on line 17 (the
    # header search read up to line 12), and the text is the same.
    before, report.SEGMENT_LINES = report.SEGMENT_LINES, 8
    try:
        path = tmp_path / "s.csv"
        path.write_text(
            "団体名,特定個人情報名,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認\n"
            "A,tax,10,10,済,済\n"
            "B,tax,10,10,済,済\n"
            "C,tax,10,10,済,済\n"
            "D,tax,10,10,済,済\n"
            "E,tax,10,10,済,済\n"
            "F,tax,10,10,済,済\n"
            "G,tax,10,10,済,済\n"
            "H,tax,10,10,済,済\n"
            "LongerTownName,tax,10,10,済,済\n"
            "J,tax,10,10,済,済\n"
            "K,tax,10,10,済,済\n"
            "L,tax,10,10,済,済\n"
            "M,tax,10,10,済,済\n"
            "N,tax,10,10,済,済\n"
            "O,tax,10,10,済,済\n"
            "P,tax,1000,1000,済,済\n"
            "Q,tax,1000,1000,済,済\n",
            encoding="utf-8",
        )
        answers = [run(capsys, "progress", str(path), "--jobs", n) for n in ("1", "2")]
        assert cut_points(str(path), 13, 8, 2)[0] == [(17, path.read_bytes().index(b"P,tax"))]
    finally:
        report.SEGMENT_LINES = before
    assert answers[0] == answers[1]
    assert answers[0][1].splitlines()[1:-1] == [
        "line  organization  item  planned  registered   ratio  range  accuracy  advice",
        "   2  A             tax        10          10  100.0%  yes    yes       -",
        "   3  B             tax        10          10  100.0%  yes    yes       -",
        "   4  C             tax        10          10  100.0%  yes    yes       -",
        "   5  D             tax        10          10  100.0%  yes    yes       -",
        "   6  E             tax        10          10  100.0%  yes    yes       -",
        "   7  F             tax        10          10  100.0%  yes    yes       -",
        "   8  G             tax        10          10  100.0%  yes    yes       -",
        "   9  H               tax        10          10  100.0%  yes    yes       -",
        "  10  LongerTownName  tax        10          10  100.0%  yes    yes       -",
        "  11  J               tax        10          10  100.0%  yes    yes       -",
        "  12  K               tax        10          10  100.0%  yes    yes       -",
        "  13  L               tax        10          10  100.0%  yes    yes       -",
        "  14  M               tax        10          10  100.0%  yes    yes       -",
        "  15  N               tax        10          10  100.0%  yes    yes       -",
        "  16  O               tax        10          10  100.0%  yes    yes       -",
        "  17  P             tax     1,000       1,000  100.0%  yes    yes       -",
        "  18  Q             tax     1,000       1,000  100.0%  yes    yes       -",
    ]


def test_a_held_report_is_aligned_by_segments_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int
) -> None:
    rnd = random.Random(13)
    rows = [_row(rnd, 1 + k // 4) for k in range(45)]
    path = _sheet(tmp_path / "s.csv", rows)
    held = render_text(read_sheet(path, JULY_2017), "ja")
    status, out, _ = run(capsys, "progress", str(path), "--lang", "ja", "--jobs", "3")
    assert status == 0
    assert held == out


def test_standard_output_in_another_encoding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, segments: int) -> None:
    # A later part's output is UTF-8: written as text when standard output is CP932.
    rnd = random.Random(14)
    path = _sheet(tmp_path / "s.csv", [_row(rnd, 1 + k // 4) for k in range(45)])
    found = []
    for jobs in ("1", "2"):
        stream = io.TextIOWrapper(io.BytesIO(), encoding="cp932", newline="")
        monkeypatch.setattr(sys, "stdout", stream)
        assert main(["progress", str(path), "--lang", "ja", "--jobs", jobs]) == 0
        stream.flush()
        found.append(stream.buffer.getvalue())
    assert found[0] == found[1]
    assert "伊達市".encode("cp932") in found[0]
    assert STARTED[-1] == 1


def test_started_by_spawning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where fork is not safe (macOS, Windows, a process with threads), the later parts are new
    # interpreters: they get everything from what is sent to them (the segment size too).
    monkeypatch.setattr(parts, "_context", lambda: multiprocessing.get_context("spawn"))
    rnd = random.Random(15)
    rows = [_row(rnd, 1 + k // 4) for k in range(45)]
    rows[20] = "北海道,000070,伊達市,住民票関係情報,12,abc,済,済\n"  # a row in error, in a later part
    path = _sheet(tmp_path / "s.csv", rows)
    for output in ((), ("--json",), ("--by", "organization")):
        one = run(capsys, "progress", str(path), *output, "--jobs", "1")
        three = run(capsys, "progress", str(path), *output, "--jobs", "3")
        assert one == three, output
    assert STARTED[-1] == 2


# The program with small segments, sending itself a signal when it starts waiting for the later
# parts (they run, or have just ended): the first process ends by the signal.
SIGNALLED = textwrap.dedent(
    """
    import os, signal, sys
    from chukan_schedule.progress import parts, report
    report.SEGMENT_LINES = 10
    wait = parts.Parts.wait
    def signalled(self, tick):
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
        return wait(self, tick)
    parts.Parts.wait = signalled
    from chukan_schedule.cli import main
    sys.exit(main(["progress", sys.argv[2], "--output", sys.argv[3], "--jobs", "3"]))
    """
)


@pytest.mark.parametrize(
    "name,status",
    [("SIGTERM", -signal.SIGTERM), ("SIGHUP", -signal.SIGHUP), ("SIGINT", 128 + signal.SIGINT)],
)
def test_a_signal_leaves_no_part_running_nor_its_files(tmp_path: Path, name: str, status: int) -> None:
    rnd = random.Random(16)
    sheet = _sheet(tmp_path / "s.csv", [_row(rnd, 1 + k // 4) for k in range(60)])
    target = tmp_path / "kept.txt"
    target.write_text("old\n", encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    r = subprocess.run(
        [sys.executable, "-c", SIGNALLED, name, str(sheet), str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert r.returncode == status, r.stderr
    assert "Traceback" not in r.stderr
    assert target.read_text(encoding="utf-8") == "old\n"
    # The later parts see the first one end, remove what they wrote and end.
    for _ in range(100):
        if not os.listdir(temporary):
            break
        time.sleep(0.05)
    assert os.listdir(temporary) == []
    assert sorted(os.listdir(tmp_path)) == ["kept.txt", "s.csv", "tmp"]


@pytest.mark.parametrize("value", ["0", "65", "x", "-1", "２", "1.5", ""])
def test_jobs_is_a_number_of_processes(capsys: pytest.CaptureFixture[str], value: str) -> None:
    status, out, err = run(capsys, "progress", str(PROGRESS_CSV), "--jobs", value, "--lang", "en")
    assert_one_line_error(status, out, err, f"argument --jobs: '{value}' is not a number of processes")
    assert "give a whole number from 1 to 64" in err
    status, out, err = run(capsys, "progress", str(PROGRESS_CSV), "--jobs", value, "--lang", "ja")
    assert (status, out, err.count("\n")) == (2, "", 1)
    assert err.startswith("chukan-schedule: エラー: 引数 --jobs：")
    assert f"「{value}」はプロセスの数ではありません。1 から 64 までの整数を指定してください" in err


def test_jobs_one_and_sixty_four(capsys: pytest.CaptureFixture[str]) -> None:
    # The small sheet has one segment: read in one process whatever --jobs says.
    answers = [run(capsys, "progress", str(PROGRESS_CSV), "--jobs", n) for n in ("1", "64", " 2 ")]
    assert answers[0][0] == 0 and answers[0][2] == ""
    assert answers[1] == answers[0] == answers[2]


def test_no_temporary_folder_reads_in_one_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rnd = random.Random(17)
    path = _sheet(tmp_path / "s.csv", [_row(rnd, 1 + k // 4) for k in range(45)])
    one = run(capsys, "progress", str(path), "--jobs", "1")

    def refused(prefix: str) -> str:
        raise PermissionError(13, "Permission denied", "/tmp")

    monkeypatch.setattr(tempfile, "mkdtemp", refused)  # (no temporary folder can be made)
    assert run(capsys, "progress", str(path), "--jobs", "3") == one
    assert STARTED[-1] == 0


def test_a_part_that_cannot_write_its_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rnd = random.Random(18)
    path = _sheet(tmp_path / "s.csv", [_row(rnd, 1 + k // 4) for k in range(45)])
    gone = tmp_path / "gone"  # the folder is no longer there when the other processes write
    monkeypatch.setattr(tempfile, "mkdtemp", lambda prefix: str(gone))
    status, out, err = run(capsys, "progress", str(path), "--output", str(tmp_path / "out.txt"), "--jobs", "2")
    assert_one_line_error(status, out, err, "a part of the sheet read by another process could not be written")
    assert f"the temporary folder {tmp_path} (No such file or directory); set TMPDIR" in err
    assert "give --jobs 1" in err
    assert not (tmp_path / "out.txt").exists()


def test_a_file_changed_while_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The other processes open the very file the first one reads (/proc/PID/fd/N on Linux, else
    # its name) and check that it is the file the first one opened: one that is not (another
    # size, say) is refused, not read half old, half new.
    rnd = random.Random(19)
    path = _sheet(tmp_path / "s.csv", [_row(rnd, 1 + k // 4) for k in range(45)])
    part_of = report.Sheet.part_of

    def appended(self: report.Sheet, *args: Any) -> report.PartOfSheet:
        spec = part_of(self, *args)
        dev, ino, size, mtime = spec.identity
        return spec._replace(identity=(dev, ino, size - 10, mtime))

    monkeypatch.setattr(report.Sheet, "part_of", appended)
    status, _, err = run(capsys, "progress", str(path), "--jobs", "2")
    assert status == 2
    assert err.endswith(
        "s.csv: the file changed while it was being read; run the command again when nothing writes to it\n"
    )


def test_a_file_replaced_after_it_was_opened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, segments: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Saved by an editor (a new file renamed over the old one) once the first process has opened
    # it: every part reads the file that was opened, as one process would.
    rnd = random.Random(20)
    rows = [_row(rnd, 1 + k // 4) for k in range(45)]
    path = _sheet(tmp_path / "s.csv", rows)
    one = run(capsys, "progress", str(path), "--jobs", "1")
    start = parts.start

    def replaced(sheet: report.Sheet, *args: Any) -> parts.Parts | None:
        _sheet(tmp_path / "new.csv", [row.replace("済", "未") for row in rows])
        os.replace(tmp_path / "new.csv", path)
        return start(sheet, *args)

    monkeypatch.setattr(parts, "start", replaced)
    assert run(capsys, "progress", str(path), "--jobs", "3") == one
    assert STARTED[-1] == 2
