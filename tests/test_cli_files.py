"""The chukan-schedule command line. --plan, and the commands that write files: ics, chart, progress, through the command line.

Expected output is worked out by hand from the notice (docs/spec.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chukan_schedule.cli import main
from clikit import PLAN_TOML, PROGRESS_CSV, assert_one_line_error, run, run_json

pytestmark = pytest.mark.usefixtures("english_locale")


def test_plan_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The embedded plan, read from a file, with 07-15..17 code acquisition removed (its N6 exception).
    text = PLAN_TOML.read_text(encoding="utf-8")
    text = text.replace(
        "first_day = 2017-07-15\nlast_day = 2017-07-17\n", "first_day = 2017-07-30\nlast_day = 2017-07-30\n"
    )
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert run(capsys, "--plan", str(plan), "check", "2017-07-15T10:00", "-o", "code_acquisition", "-q")[0] == 1
    assert run(capsys, "--plan", str(plan), "check", "2017-07-30T10:00", "-o", "code_acquisition", "-q")[0] == 0
    assert run(capsys, "check", "2017-07-15T10:00", "-o", "code_acquisition", "-q")[0] == 0


def test_bad_plan_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "bad.toml"
    plan.write_text("format = 2\n", encoding="utf-8")
    status, out, err = run(capsys, "--plan", str(plan), "table")
    assert_one_line_error(status, out, err, "bad.toml", "format")


def test_ics(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    pytest.importorskip("chukan_schedule.ics")
    assert main(["ics", "--operation", "linkage"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR")
    target = tmp_path / "july.ics"
    assert main(["ics", "--lang", "ja", "--output", str(target)]) == 0
    assert capsysbinary.readouterr().out == b""
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["july.ics"]  # no temporary file left


def test_chart(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("chukan_schedule.chart")
    target = tmp_path / "july.svg"
    status, out, err = run(capsys, "chart", "--output", str(target))
    assert (status, out, err) == (0, "", "")
    assert "<svg" in target.read_text(encoding="utf-8")
    status, out, _ = run(capsys, "chart", "--lang", "ja")
    assert status == 0
    assert "<svg" in out


def test_progress(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("chukan_schedule.progress")
    if not PROGRESS_CSV.exists():
        pytest.skip("no progress sample")
    status, got = run_json(capsys, "progress", str(PROGRESS_CSV), "--json")
    assert status == 0
    assert isinstance(got, dict)
    target = tmp_path / "report.csv"
    status, out, err = run(capsys, "progress", str(PROGRESS_CSV), "--csv", "--output", str(target))
    assert (status, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8").strip() != ""
    status, out, err = run(capsys, "progress", str(tmp_path / "missing.csv"))
    assert_one_line_error(status, out, err, "missing.csv")


def test_ics_still_takes_operation_several_times(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    pytest.importorskip("chukan_schedule.ics")
    assert main(["ics", "-o", "linkage", "-o", "registration"]) == 0
    text_ = capsysbinary.readouterr().out.decode("utf-8")
    # linkage: 14 days 07-18..31; registration: one window on each of the 19 days 07-13..31.
    assert text_.count("CATEGORIES:linkage\r\n") == 14
    assert text_.count("CATEGORIES:registration\r\n") == 19
    assert "CATEGORIES:code_acquisition" not in text_


def test_progress_csv_file_has_a_bom_for_excel_but_stdout_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "result.csv"
    status, _, _ = run(capsys, "progress", str(PROGRESS_CSV), "--csv", "--output", str(target))
    assert status == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").startswith("団体名")
