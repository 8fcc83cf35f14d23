"""Benchmark: ``chukan-schedule audit`` on a 1,000,000-row log beside Python's csv module merely reading it.

Run: python bench/bench_audit.py [--rows N] [--rounds N]

A log of ``--rows`` rows (timestamp, operation in English or Japanese, a user column) is
written to a temporary folder.  Each round runs, as fresh processes taking turns, (1) a
Python that reads the log with the csv module and does nothing with the rows (the
baseline), and (2) ``chukan-schedule audit LOG --time time --operation operation`` writing
its per-row report to a file.  Each figure is the minimum over the rounds, in wall time and in
CPU time (user + system: what the program itself costs, whatever else the machine is doing);
the target is judged on wall time.  The peak RSS of the audit process is read with
``resource.getrusage`` (as the only child of a small Python started for it).
Issue 12's targets: within 5x the baseline, peak RSS under 250 MB.  It never fails because
a machine is slow.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

TIME_TARGET = 5.0
RSS_TARGET_MB = 250.0
OPERATIONS = ("registration", "code_acquisition", "linkage", "linkage_test", "副本登録", "符号取得", "情報連携")
READ_ONLY = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
    "    for row in csv.reader(f):\n"
    "        pass\n"
)
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t0 = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL)\n"
    "elapsed = time.perf_counter() - t0\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
)


def write_log(path: Path, rows: int) -> None:
    rng = random.Random(2017)
    start = datetime(2017, 7, 1)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("time,operation,user\n")
        for k in range(rows):
            t = start + timedelta(seconds=rng.randrange(31 * 24 * 3600))
            f.write(f"{t:%Y-%m-%d %H:%M:%S},{rng.choice(OPERATIONS)},user{k % 977}\n")


def measured(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of ``argv``, run by a small Python of its own (its only child)."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True, check=True).stdout
    seconds, cpu, kb = out.split()
    return float(seconds), float(cpu), int(kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description="audit beside the csv module merely reading the log.")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the log (default 1000000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the minimum is kept (default 3)")
    args = parser.parse_args()
    env_script = Path(sys.executable).with_name("chukan-schedule")
    program = [str(env_script)] if env_script.exists() else [sys.executable, "-m", "chukan_schedule"]
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "log.csv"
        write_log(log, args.rows)
        report = Path(folder) / "report.txt"
        audit = [*program, "audit", str(log), "--time", "time", "--operation", "operation", "--output", str(report)]
        read = [sys.executable, "-c", READ_ONLY, str(log)]
        best = {"read": [float("inf")] * 2, "audit": [float("inf")] * 2}  # wall, CPU
        peak = 0.0
        for _ in range(args.rounds):
            for name, argv in (("read", read), ("audit", audit)):
                wall, cpu, rss = measured(argv)
                best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
                if name == "audit":
                    peak = max(peak, rss)
        size_mb = os.path.getsize(log) / 2**20
        report_mb = os.path.getsize(report) / 2**20
    print(f"{args.rows} rows ({size_mb:.0f} MB log, {report_mb:.0f} MB report), {args.rounds} rounds, minimum")
    print(f"{'program':<38} {'wall s':>7} {'ratio':>7} {'CPU s':>7} {'ratio':>7} {'target':>7}")
    (read_wall, read_cpu), (audit_wall, audit_cpu) = best["read"], best["audit"]
    print(f"{'python: csv.reader reads the log':<38} {read_wall:>7.2f} {1:>6.2f}x {read_cpu:>7.2f} {1:>6.2f}x")
    ratio = audit_wall / read_wall
    verdict = "ok" if ratio <= TIME_TARGET else "OVER"
    print(
        f"{'chukan-schedule audit (text report)':<38} {audit_wall:>7.2f} {ratio:>6.2f}x {audit_cpu:>7.2f} "
        f"{audit_cpu / read_cpu:>6.2f}x {TIME_TARGET:>6.0f}x {verdict}"
    )
    rss_verdict = "ok" if peak < RSS_TARGET_MB else "OVER"
    print(f"peak RSS of the audit: {peak:.0f} MB (target < {RSS_TARGET_MB:.0f} MB) {rss_verdict}")


if __name__ == "__main__":
    main()
