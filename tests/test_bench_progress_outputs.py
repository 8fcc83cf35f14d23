"""bench/progress_outputs.py keeps working: it makes its sheets, saves the outputs of
`chukan-schedule progress` on them, and finds an output that changed (and none when nothing did)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent / "bench" / "progress_outputs.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=300, check=False)


def test_the_outputs_tool_finds_a_changed_output_and_only_that(tmp_path: Path) -> None:
    sheets, first, second = tmp_path / "sheets", tmp_path / "first", tmp_path / "second"
    made = run("sheets", str(sheets), "--scale", "0.02")
    assert made.returncode == 0, made.stderr
    names = {p.name for p in sheets.iterdir()}
    assert {"bench.csv", "blocks.csv", "cp932.csv", "utf16.txt", "ratio.csv", "multiline_mixed.csv"} <= names
    for out in (first, second):
        done = run("outputs", str(sheets), str(out), "--only", "blocks_no_code", "--options", "json,csv_ja,csv_file")
        assert done.returncode == 0, done.stderr
    saved = sorted(p.name for p in first.iterdir())
    assert saved == sorted(
        f"blocks_no_code.csv.{kind}" for kind in ("json", "csv_ja", "csv_file", "csv_file.file", "library")
    )
    assert (first / "blocks_no_code.csv.json").read_text(encoding="utf-8").startswith("exit 0\n--stdout--\n{\n")
    same = run("compare", str(first), str(second))
    assert (same.returncode, same.stdout) == (0, "5 outputs compared, 0 different\n")
    changed = second / "blocks_no_code.csv.csv_ja"
    changed.write_bytes(changed.read_bytes().replace(b"\r\n", b"\n", 1))
    differ = run("compare", str(first), str(second))
    assert (differ.returncode, differ.stdout) == (
        1,
        "different: blocks_no_code.csv.csv_ja\n5 outputs compared, 1 different\n",
    )
