"""Benchmark: the per-call cost of plan queries beside a bare bisect over the same edges (the floor).

Run: python bench/bench_queries.py [--number N]

Two floors are printed for each query: a bare ``bisect_right`` of the *same input* over the
same compiled edges ("same-input floor"), and the cheapest lookup there is, a bisect of a UTC
instant over the UTC edges ("UTC floor").  The target is ``allows()`` within 3x of the floor on
an aware datetime.  It prints figures and ratios; it never fails because a machine is slow.
"""

from __future__ import annotations

import argparse
import timeit
from bisect import bisect_right
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from chukan_schedule import JULY_2017


def per_call(stmt: Callable[[], object], number: int, repeat: int = 7) -> float:
    """The best of ``repeat`` runs, in nanoseconds per call."""
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description="Per-call cost of chukan_schedule queries beside a bare bisect.")
    parser.add_argument("--number", type=int, default=200_000, help="calls per timing run (default 200000)")
    number = parser.parse_args().number

    plan = JULY_2017
    track = plan._tracks["registration"]  # the floor bisects the very same edges
    utc_bounds = track.bounds
    local_bounds, zone_bounds = track.local_bounds or utc_bounds, track.zone_bounds or utc_bounds
    jst = datetime(2017, 7, 13, 20, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    utc = jst.astimezone(timezone.utc)
    utc_floor = per_call(lambda: bisect_right(utc_bounds, utc) & 1, number)

    inputs: list[tuple[str, datetime, tuple[datetime, ...]]] = [
        ("aware, UTC", utc, utc_bounds),
        ("aware, Asia/Tokyo (zoneinfo)", jst, zone_bounds),
        ("aware, fixed +09:00", jst.astimezone(timezone(timedelta(hours=9))), utc_bounds),
        ("naive (JST wall clock)", jst.replace(tzinfo=None), local_bounds),
    ]
    rows: list[tuple[str, float, float]] = []
    for label, ts, bounds in inputs:
        same_input_floor = per_call(lambda ts=ts, b=bounds: bisect_right(b, ts) & 1, number)  # type: ignore[misc]
        cost = per_call(lambda ts=ts: plan.allows("registration", ts), number)  # type: ignore[misc]
        rows.append((f"allows() {label}", cost, same_input_floor))
    week = (datetime(2017, 7, 13), datetime(2017, 7, 20))
    two_bisects = per_call(lambda: (bisect_right(utc_bounds, utc), bisect_right(utc_bounds, utc)), number // 10)
    rows.append(("windows() one week (7 windows)", per_call(lambda: plan.windows("registration", *week), number // 10),
                 two_bisects))
    rows.append(("check() aware, UTC", per_call(lambda: plan.check("registration", utc), number // 10), utc_floor))

    print(f"{len(utc_bounds) - 2} window edges per operation; {number} calls per run, best of 7 runs")
    print(f"{'query':<38} {'ns/call':>8} {'same-input floor':>17} {'ratio':>6} {'UTC floor':>10} {'ratio':>6}")
    for label, cost, floor in rows:
        figures = f"{cost:>8.0f} {floor:>17.0f} {cost / floor:>5.2f}x {utc_floor:>10.0f} {cost / utc_floor:>5.2f}x"
        print(f"{label:<38} {figures}")
    print("same-input floor: bisect_right of the same input over the same edges (windows(): two bisects);")
    print("UTC floor: bisect_right of a UTC instant over the UTC edges. Target: allows() <= 3x the floor.")


if __name__ == "__main__":
    main()
