"""The benchmark program keeps running (its figures are never asserted: speed is measured, not tested)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_queries.py"


def test_the_benchmark_runs_and_prints_every_row() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH), "--number", "20"], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    lines = out.splitlines()
    assert lines[0].startswith("38 window edges per operation")  # registration: 19 windows, 2 edges each
    assert "same-input floor" in lines[1] and "UTC floor" in lines[1]
    rows = [line for line in lines if line.startswith(("allows()", "windows()", "check()"))]
    assert [row.split("  ")[0] for row in rows] == [
        "allows() aware, UTC",
        "allows() aware, Asia/Tokyo (zoneinfo)",
        "allows() aware, fixed +09:00",
        "allows() naive (JST wall clock)",
        "windows() one week (7 windows)",
        "check() aware, UTC",
    ]
    assert all(row.count("x") >= 2 for row in rows)
