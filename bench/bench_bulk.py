"""Benchmark: Plan.allows_many on a million datetime64[us] values beside a Python loop over allows().

Run: python bench/bench_bulk.py [--values N] [--rounds N]

The values are spread over July 2017 (naive: JST wall clock) at microsecond resolution.  The
baseline is the loop a user would write without allows_many, over the same values already
turned into datetime objects (``values.tolist()``, not timed: the baseline gets that for free);
both take turns in each round and each figure is the minimum over the rounds.  It checks that
the answers are identical and prints the ratio (issue 12's target: at least 20x).  It never
fails because a machine is slow.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from chukan_schedule import JULY_2017

OP = "registration"
TARGET = 20.0


def main() -> None:
    parser = argparse.ArgumentParser(description="allows_many beside a Python loop over allows().")
    parser.add_argument("--values", type=int, default=1_000_000, help="how many instants (default 1000000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the minimum is kept (default 3)")
    args = parser.parse_args()
    rng = np.random.default_rng(2017)
    start = np.datetime64("2017-07-01T00:00:00", "us").astype(np.int64)
    span = 31 * 24 * 3600 * 10**6
    values = (start + rng.integers(0, span, size=args.values)).astype("datetime64[us]")
    datetimes = values.tolist()

    loop_best = bulk_best = float("inf")
    loop_answers: list[bool] = []
    bulk_answers = np.zeros(0, dtype=bool)
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        loop_answers = [JULY_2017.allows(OP, t) for t in datetimes]
        loop_best = min(loop_best, time.perf_counter() - t0)
        t0 = time.perf_counter()
        bulk_answers = JULY_2017.allows_many(OP, values)
        bulk_best = min(bulk_best, time.perf_counter() - t0)
    identical = bulk_answers.tolist() == loop_answers
    ratio = loop_best / bulk_best
    print(f"{args.values} datetime64[us] values, {OP}, {args.rounds} interleaved rounds, minimum")
    print(f"{'method':<34} {'ms':>9} {'ns/value':>9}")
    print(f"{'Python loop over allows()':<34} {loop_best * 1000:>9.1f} {loop_best / args.values * 1e9:>9.1f}")
    print(f"{'allows_many()':<34} {bulk_best * 1000:>9.1f} {bulk_best / args.values * 1e9:>9.1f}")
    verdict = "ok" if ratio >= TARGET else "UNDER"
    print(f"speed-up: {ratio:.1f}x (target >= {TARGET:.0f}x) {verdict}; identical answers: {identical}")
    print(f"allowed: {int(bulk_answers.sum())} of {args.values}")


if __name__ == "__main__":
    main()
