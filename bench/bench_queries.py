"""Benchmark: what each query costs beside ``allows()`` on the same instants, in one process.

Run: python bench/bench_queries.py [--rounds N] [--instants N]

For each kind of input (aware in Asia/Tokyo, aware in UTC, naive = JST wall clock) the same
instants, spread over July 2017, are asked of every query.  The queries take turns within each
round (allows, next_window, window_at, mode_at, windows, check, then again), so that a machine
busy for a moment slows them all alike; each figure is the minimum over the rounds.  As in
:mod:`timeit`, the garbage collector is off inside each timing (and run between timings).  The ratio
is a query's cost per call over ``allows()``'s, and the target beside it is issue 12's.
``windows()`` asks for the whole month (07-01 to 08-01) from instants of that kind.
It prints figures and ratios; it never fails because a machine is slow.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from chukan_schedule import JULY_2017

JST = ZoneInfo("Asia/Tokyo")
OP = "registration"
#: The query, and issue 12's bound on its cost over allows() on the same instants.
TARGETS = {"next_window": 3.0, "window_at": 3.0, "mode_at": 3.0, "windows (month)": 10.0, "check": 15.0}


def instants(count: int) -> list[datetime]:
    """``count`` instants spread over July 2017 (JST), at odd minutes and seconds, in and out of windows."""
    start = datetime(2017, 7, 1, tzinfo=JST)
    step = timedelta(days=31) / count
    return [start + step * k + timedelta(seconds=k % 60, microseconds=k) for k in range(count)]


def kinds(base: list[datetime]) -> dict[str, list[datetime]]:
    return {
        "aware, Asia/Tokyo": base,
        "aware, UTC": [t.astimezone(timezone.utc) for t in base],
        "naive (JST wall clock)": [t.replace(tzinfo=None) for t in base],
    }


def queries(ts: list[datetime], month: tuple[datetime, datetime]) -> dict[str, Callable[[], object]]:
    plan = JULY_2017

    def allows() -> object:
        for t in ts:
            plan.allows(OP, t)
        return None

    def next_window() -> object:
        for t in ts:
            plan.next_window(OP, t)
        return None

    def window_at() -> object:
        for t in ts:
            plan.window_at(OP, t)
        return None

    def mode_at() -> object:
        for t in ts:
            plan.mode_at(t)
        return None

    def windows() -> object:
        lo, hi = month
        for _t in ts:
            plan.windows(OP, lo, hi)
        return None

    def check() -> object:
        for t in ts:
            plan.check(OP, t)
        return None

    return {
        "allows": allows,
        "next_window": next_window,
        "window_at": window_at,
        "mode_at": mode_at,
        "windows (month)": windows,
        "check": check,
    }


def month_bounds(kind: str) -> tuple[datetime, datetime]:
    lo = datetime(2017, 7, 1, tzinfo=JST)
    hi = datetime(2017, 8, 1, tzinfo=JST)
    if kind.startswith("aware, UTC"):
        return lo.astimezone(timezone.utc), hi.astimezone(timezone.utc)
    if kind.startswith("naive"):
        return lo.replace(tzinfo=None), hi.replace(tzinfo=None)
    return lo, hi


def measure(rounds: int, count: int) -> dict[str, dict[str, float]]:
    """Per kind of input, per query: the minimum over ``rounds`` of the cost per call, in ns."""
    base = instants(count)
    best: dict[str, dict[str, float]] = {}
    suites = {}
    for kind, ts in kinds(base).items():
        qs = queries(ts, month_bounds(kind))
        suites[kind] = qs
        best[kind] = dict.fromkeys(qs, float("inf"))
    for r in range(rounds):
        for kind, qs in suites.items():
            names = list(qs)
            names = names[r % len(names) :] + names[: r % len(names)]  # each query takes each turn
            for name in names:
                fn = qs[name]
                gc.collect()  # as timeit does: no collection (of another query's garbage) inside a timing
                gc.disable()
                t0 = time.perf_counter_ns()
                fn()
                elapsed = (time.perf_counter_ns() - t0) / count
                gc.enable()
                best[kind][name] = min(best[kind][name], elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description="Each query's cost beside allows() on the same instants.")
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds; the minimum is kept (default 15)")
    parser.add_argument("--instants", type=int, default=5000, help="instants per kind of input (default 5000)")
    args = parser.parse_args()
    best = measure(args.rounds, args.instants)
    print(f"{args.instants} instants per kind of input, {args.rounds} interleaved rounds, minimum per call")
    print(f"{'input':<24} {'query':<16} {'ns/call':>8} {'allows() ns':>11} {'ratio':>7} {'target':>7}")
    for kind, figures in best.items():
        floor = figures["allows"]
        for name, cost in figures.items():
            if name == "allows":
                continue
            target = TARGETS[name]
            verdict = "ok" if cost / floor <= target else "OVER"
            print(f"{kind:<24} {name:<16} {cost:>8.0f} {floor:>11.0f} {cost / floor:>6.2f}x {target:>6.0f}x {verdict}")


if __name__ == "__main__":
    main()
