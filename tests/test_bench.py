"""The benchmark programs keep running (their figures are never asserted: speed is measured, not tested)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench(name: str, *args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, str(BENCH / name), *args], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    return out.splitlines()


def test_the_query_benchmark_prints_every_query_for_every_kind_of_input() -> None:
    lines = bench("bench_queries.py", "--rounds", "2", "--instants", "50")
    assert lines[0].startswith("50 instants per kind of input, 2 interleaved rounds")
    rows = [line.split() for line in lines[2:]]
    kinds = ("aware, Asia/Tokyo", "aware, UTC", "naive (JST wall clock)")
    queries = ("next_window", "window_at", "mode_at", "windows (month)", "check")
    expected = [(k, q) for k in kinds for q in queries]
    assert [(line[:24].strip(), line[25:41].strip()) for line in lines[2:]] == expected
    assert all(row[-3].endswith("x") and row[-2].endswith("x") for row in rows)


def test_the_start_benchmark_prints_the_bare_start_and_check() -> None:
    lines = bench("bench_start.py", "--runs", "1")
    assert lines[2].startswith("python -c pass")
    assert lines[3].startswith("python -m chukan_schedule check 2017-07-15T10:00")
    assert all(line.split()[-2].endswith("x") or line.split()[-3].endswith("x") for line in lines[2:])


def test_the_bulk_benchmark_compares_allows_many_with_a_loop() -> None:
    lines = bench("bench_bulk.py", "--values", "2000", "--rounds", "1")
    assert lines[0].startswith("2000 datetime64[us] values")
    assert lines[2].startswith("Python loop over allows()") and lines[3].startswith("allows_many()")
    assert "identical answers: True" in lines[4]


def test_the_audit_benchmark_compares_audit_with_reading_the_log() -> None:
    lines = bench("bench_audit.py", "--rows", "300", "--rounds", "1")
    assert lines[0].startswith("300 rows (")
    assert lines[2].startswith("python: csv.reader reads the log")
    assert lines[3].startswith("chukan-schedule audit (text report)")
    assert lines[4].startswith("peak RSS of the audit: ")
