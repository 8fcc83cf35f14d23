"""Benchmark: the wall time of one ``chukan-schedule check TS`` beside a bare ``python -c pass``.

Run: python bench/bench_start.py [--runs N]

Both commands run as fresh processes, taking turns (bare, check, bare, check, ...) so that a
busy moment slows both alike; each figure is the median of ``--runs`` runs.  Issue 12's target
is ``check`` within 6x the bare start.  The ``chukan-schedule`` script installed beside this
Python is timed too when it exists.  It prints figures and ratios; it never fails because a
machine is slow.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TS = "2017-07-15T10:00"
TARGET = 6.0


#: As an installed program runs: with its modules' bytecode cached (pip writes it at install time),
#: so PYTHONDONTWRITEBYTECODE is dropped for the runs and the unmeasured first run writes it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(argv: list[str]) -> float:
    """Seconds from starting ``argv`` to its end (its output discarded; it must succeed)."""
    t0 = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description="chukan-schedule check's start time beside a bare python.")
    parser.add_argument("--runs", type=int, default=21, help="runs of each command (default 21); the median is kept")
    runs = parser.parse_args().runs
    commands: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        f"python -m chukan_schedule check {TS}": [sys.executable, "-m", "chukan_schedule", "check", TS],
    }
    script = Path(sys.executable).with_name("chukan-schedule")
    if script.exists():
        commands[f"chukan-schedule check {TS}"] = [str(script), "check", TS]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # once each, unmeasured: the files are in the page cache after it
        wall(argv)
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(wall(argv))
    base = statistics.median(times["python -c pass"])
    print(f"{runs} runs of each command, taking turns; median wall time")
    print(f"{'command':<48} {'ms':>7} {'ratio':>7} {'target':>7}")
    for name, samples in times.items():
        median = statistics.median(samples)
        ratio = median / base
        verdict = "" if name == "python -c pass" else ("ok" if ratio <= TARGET else "OVER")
        print(f"{name:<48} {median * 1000:>7.1f} {ratio:>6.2f}x {TARGET:>6.0f}x {verdict}")


if __name__ == "__main__":
    main()
