"""`chukan-schedule audit LOG`: an operations log checked row by row against the plan.

Expected answers come from tests/answers/july_2017.csv (worked by hand from the notice) and
from the instants worked out below; never from the code under test.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017, Operation
from chukan_schedule.cli import main

ANSWERS = Path(__file__).with_name("answers") / "july_2017.csv"
with ANSWERS.open(encoding="utf-8") as _f:
    ROWS = list(csv.DictReader(line for line in _f if not line.startswith("#")))
OPS = [op.value for op in Operation]

# Worked by hand (docs/spec.md; July 2017: 07-13 Thursday normal mode, 07-15 Saturday, 07-17 Marine Day):
# registration runs 08:00-24:00 on weekdays and 09:00-17:00 on rest days in normal mode;
# code acquisition 08:00-21:00 on weekdays, 09:00-17:00 on 07-15..17 only (N6).
BY_HAND = [
    ("2017-07-13 07:59:59", "registration", False),
    ("2017-07-13 08:00", "registration", True),
    ("2017-07-13T23:59:59", "副本登録", True),
    ("2017-07-14 00:00:00", "registration", False),
    ("2017-07-15 16:59:59", "registration", True),
    ("2017-07-15 17:00", "registration", False),
    ("2017-07-15 09:00:00", "符号取得", True),
    ("2017-07-22 10:00:00", "code-acquisition", False),  # a Saturday after 07-17: no codes (N6)
    ("2017-07-17 12:00", "code acquisition", True),  # Marine Day, inside 07-15..17
    ("2017-07-05 10:00", "linkage_test", True),
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def write_log(
    path: Path, rows: list[tuple[str, str]], header: tuple[str, str] = ("time", "op"), sep: str = ","
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=sep)
        w.writerow([*header, "note"])
        for t, op in rows:
            w.writerow([t, op, "x"])
    return path


def test_hand_worked_rows_of_the_answer_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [(r["at"], op) for r in ROWS for op in OPS]
    log = write_log(tmp_path / "log.csv", rows)
    status, out, err = run(capsys, "audit", str(log), "--time", "time", "--operation", "op", "--json")
    assert err == ""
    doc = json.loads(out)
    verdicts = [(row["time"], row["operation"], row["allowed"]) for row in doc["rows"]]
    assert verdicts == [(r["at"], op, r[op] == "Y") for r in ROWS for op in OPS]
    assert [row["line"] for row in doc["rows"]] == list(range(2, 2 + len(rows)))
    assert status == 1  # some rows are outside their windows


def test_hand_worked_rows_in_the_forms_logs_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "log.csv", [(t, op) for t, op, _ in BY_HAND])
    status, out, _ = run(capsys, "audit", str(log), "--time", "time", "--operation", "op", "--json")
    doc = json.loads(out)
    assert [row["allowed"] for row in doc["rows"]] == [allowed for _, _, allowed in BY_HAND]
    assert doc["rows"][0]["at"] == "2017-07-13T07:59:59+09:00"
    assert doc["rows"][1]["at"] == "2017-07-13T08:00:00+09:00"
    assert doc["rows"][1]["clause"] == "H"
    assert doc["rows"][7]["clause"] == "N6"
    assert doc["summary"]["rows"] == 10 and doc["summary"]["outside"] == 4 and doc["summary"]["errors"] == 0
    assert doc["summary"]["by_operation"]["registration"] == {"rows": 6, "outside": 3}
    assert doc["summary"]["by_day"]["2017-07-15"] == {"rows": 3, "outside": 1}
    assert status == 1


def test_the_fast_path_agrees_with_allows_on_every_second_around_every_edge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instants: list[tuple[datetime, str]] = []
    for op in Operation:
        for w in JULY_2017.windows(op):
            for edge in (w.start, w.end):
                for delta in (-61, -1, 0, 1, 59):
                    t = (edge + timedelta(seconds=delta)).replace(tzinfo=None)
                    if datetime(2017, 7, 1) <= t < datetime(2017, 8, 1):
                        instants.append((t, op.value))
    rows = [(f"{t:%Y-%m-%d %H:%M:%S}", op) for t, op in instants]
    log = write_log(tmp_path / "log.csv", rows)
    _, out, _ = run(capsys, "audit", str(log), "--time", "time", "--operation", "op", "--json")
    answers = [row["allowed"] for row in json.loads(out)["rows"]]
    assert answers == [JULY_2017.allows(op, t) for t, op in instants]
    assert 0 < sum(answers) < len(answers)


def test_text_report_and_summary_in_english_and_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "log.csv", [("2017-07-16 18:00", "registration"), ("2017-07-15 10:00", "符号取得")])
    status, out, _ = run(capsys, "audit", str(log), "--time", "time", "--operation", "op")
    lines = out.splitlines()
    assert lines[0] == (
        "line 2: 2017-07-16T18:00:00+09:00 registration: not allowed [H] "
        "outside the day's hours for registration (09:00-17:00)"
    )
    assert lines[1].startswith("line 3: 2017-07-15T10:00:00+09:00 code acquisition: allowed [N6] ")
    assert "Summary: rows read 2, outside their windows 1, rows with errors 0" in lines
    assert "  2017-07-16: rows 1, outside their windows 1" in lines
    assert status == 1
    status, out, _ = run(capsys, "audit", str(log), "--time", "time", "--operation", "op", "--lang", "ja")
    lines = out.splitlines()
    assert lines[0] == "2行目：2017-07-16T18:00:00+09:00 副本登録：不可 [H] 副本登録の時間外です（この日は9:00～17:00）"
    assert "集計：読み取った行 2、時間外 1、エラーの行 0" in lines
    assert "  符号取得：行数 1、時間外 0" in lines


def test_row_errors_are_line_numbered_and_not_fatal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "time,op\n"
        "2017-07-13 10:00,registration\n"
        "2017-07-13T25:00,registration\n"
        "2017-07-13 10:00,fly\n"
        "2017-08-01 10:00,registration\n"
        "short\n"
        "\n"
        "2017-07-13 10:00,linkage_test\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "audit", str(log), "--time", "time", "--operation", "op")
    lines = out.splitlines()
    assert lines[0].startswith("line 2: ") and "allowed" in lines[0]
    assert lines[1].startswith("line 3: error: cannot read '2017-07-13T25:00' as a timestamp: hour 25")
    assert lines[2].startswith("line 4: error: unknown operation 'fly'")
    assert lines[3].startswith("line 5: error: 2017-08-01T10:00:00+09:00 is outside the plan")
    assert lines[4] == "line 6: error: expected at least 2 columns, got 1"
    assert lines[5].startswith("line 8: 2017-07-13T10:00:00+09:00 linkage test: not allowed [N2]")
    assert "Summary: rows read 6, outside their windows 1, rows with errors 4" in lines
    assert status == 1


def test_all_allowed_exits_0_and_one_operation_for_every_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.tsv"
    log.write_text("when\tuser\n2017-07-13 08:00\ta\n2017-07-15 09:30\tb\n", encoding="utf-8")
    status, out, _ = run(capsys, "audit", str(log), "--time", "when", "-o", "副本登録", "--json")
    doc = json.loads(out)
    assert [r["allowed"] for r in doc["rows"]] == [True, True]
    assert status == 0


def test_timestamps_in_other_forms_are_read_as_the_command_line_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ("平成29年7月13日 7時59分", "registration"),  # 07:59 JST: closed
        ("2017-07-12T23:00:00Z", "registration"),  # 08:00 JST: open
        ("2017/07/15 17:00", "registration"),  # Saturday 17:00: closed
        ("２０１７年７月１５日１６時", "registration"),  # Saturday 16:00: open
        ("2017-07-13T24:00", "registration"),  # = 07-14 00:00: closed
    ]
    log = write_log(tmp_path / "log.csv", rows)
    _, out, _ = run(capsys, "audit", str(log), "--time", "1", "--operation", "2", "--json")
    doc = json.loads(out)
    assert [r["allowed"] for r in doc["rows"]] == [False, True, False, True, False]
    assert doc["rows"][4]["at"] == "2017-07-14T00:00:00+09:00"


def test_csv_for_excel_bom_in_a_file_and_formulas_neutralised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        'time,op\n2017-07-13 10:00,registration\n=HYPERLINK("x"),registration\n+1,@SUM(A1)\n', encoding="utf-8"
    )
    report = tmp_path / "report.csv"
    status, out, err = run(
        capsys, "audit", str(log), "--time", "time", "--operation", "op", "--csv", "--output", str(report)
    )
    assert out == ""
    assert "rows read 3" in err  # the summary goes to standard error with --csv
    data = report.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    table = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert table[0] == ["line", "time", "at (JST)", "operation", "verdict", "clause", "reason"]
    assert table[1][:6] == ["2", "2017-07-13 10:00", "2017-07-13T10:00:00+09:00", "registration", "allowed", "H"]
    assert table[2][1] == '\'=HYPERLINK("x")' and table[2][4] == "error"
    assert table[3][1] == "'+1" and table[3][3] == "'@SUM(A1)"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)
    assert status == 1
    # On standard output: no BOM; Japanese headers with --lang ja.
    status, out, _ = run(capsys, "audit", str(log), "--time", "time", "--operation", "op", "--csv", "--lang", "ja")
    assert out.startswith("行,時刻,日時（JST）,操作,判定,根拠,理由\r\n")
    assert "2,2017-07-13 10:00,2017-07-13T10:00:00+09:00,副本登録,可,H," in out


def test_outside_only_lists_only_the_rows_not_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "log.csv", [("2017-07-13 10:00", "registration"), ("2017-07-13 07:00", "registration")])
    _, out, _ = run(capsys, "audit", str(log), "--time", "time", "--operation", "op", "--outside-only")
    assert out.splitlines()[0].startswith("line 3: 2017-07-13T07:00:00+09:00 registration: not allowed")
    assert not any(line.startswith("line 2:") for line in out.splitlines())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--time", "nope", "--operation", "op"], "--time 'nope': no such column; the header has 'time', 'op', 'note'"),
        (["--time", "time", "--operation", "op", "--delimiter", "ab"], "--delimiter 'ab': expected one character"),
        (["--time", "time", "--operation", "op", "--encoding", "nope"], "--encoding 'nope': unknown encoding"),
    ],
)
def test_a_log_that_cannot_be_audited_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    log = write_log(tmp_path / "log.csv", [("2017-07-13 10:00", "registration")])
    status, out, err = run(capsys, "audit", str(log), *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_a_missing_column_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "log.csv", [("2017-07-13 10:00", "registration")])
    status, _, err = run(capsys, "audit", str(log), "--time", "nope", "--operation", "op", "--lang", "ja")
    assert status == 2
    assert "--time 'nope'：その列はありません" in err


def test_output_to_a_file_is_atomic_and_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "log.csv", [("2017-07-13 10:00", "registration")] * 5000)
    report = tmp_path / "report.json"
    status, out, _ = run(
        capsys, "audit", str(log), "--time", "time", "--operation", "op", "--json", "--output", str(report)
    )
    assert status == 0 and out == ""
    doc = json.loads(report.read_text(encoding="utf-8"))
    assert len(doc["rows"]) == 5000 and doc["summary"]["rows"] == 5000
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
