"""Properties that hold for every instant of the plan (hypothesis)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from chukan_schedule import JULY_2017, Operation, Window

# Never fail because a machine is slow.
settings.register_profile("chukan", deadline=None, max_examples=300)
settings.load_profile("chukan")

JST = timezone(timedelta(hours=9))
START = datetime(2017, 7, 1, tzinfo=JST)
END = datetime(2017, 8, 1, tzinfo=JST)
PLANNED_STOP_DAYS = {1, 2, 8, 9, 10, 11, 12}  # T / N3 / N4, by hand

instants = st.integers(0, int((END - START) / timedelta(microseconds=1)) - 1).map(
    lambda us: START + timedelta(microseconds=us)
)
# Instants near the edges of windows, where off-by-one errors live.
edges = st.sampled_from(
    [w.start for op in Operation for w in JULY_2017.windows(op)]
    + [w.end for op in Operation for w in JULY_2017.windows(op) if w.end < END]
).flatmap(lambda e: st.sampled_from([e - timedelta(microseconds=1), e, e + timedelta(microseconds=1)]))
any_instant = st.one_of(instants, edges)
operations = st.sampled_from(list(Operation))
zones = st.sampled_from(
    [timezone.utc, ZoneInfo("America/New_York"), ZoneInfo("Europe/London"), ZoneInfo("Asia/Tokyo"), JST]
)


def _in(windows: list[Window], ts: datetime) -> bool:
    return any(w.start <= ts < w.end for w in windows)  # a linear scan: an independent oracle


@given(operations, any_instant)
def test_allows_agrees_with_membership_in_windows(op: Operation, ts: datetime) -> None:
    assert JULY_2017.allows(op, ts) is _in(JULY_2017.windows(op), ts)
    d = JULY_2017.check(op, ts)
    assert d.allowed is JULY_2017.allows(op, ts)
    assert d.window == JULY_2017.window_at(op, ts)


@given(operations)
def test_windows_sorted_disjoint_maximal_inside_coverage(op: Operation) -> None:
    ws = JULY_2017.windows(op)
    for w in ws:
        assert START <= w.start < w.end <= END
        assert w.operation is op
    for a, b in pairwise(ws):
        assert a.end < b.start  # sorted, disjoint and maximal: no two touch


@given(operations, any_instant)
def test_nothing_is_allowed_in_a_planned_stop(op: Operation, ts: datetime) -> None:
    if ts.astimezone(JST).day in PLANNED_STOP_DAYS:
        assert not JULY_2017.allows(op, ts)
        assert not JULY_2017.is_operating(ts)
        assert JULY_2017.mode_at(ts).value == "planned_stop"


@given(operations, any_instant, zones)
def test_the_same_instant_in_any_zone_answers_the_same(op: Operation, ts: datetime, zone: timezone) -> None:
    other = ts.astimezone(zone)
    naive_jst = ts.astimezone(JST).replace(tzinfo=None)
    assert JULY_2017.allows(op, other) is JULY_2017.allows(op, ts) is JULY_2017.allows(op, naive_jst)
    assert JULY_2017.check(op, other) == JULY_2017.check(op, ts) == JULY_2017.check(op, naive_jst)
    assert JULY_2017.mode_at(other) is JULY_2017.mode_at(ts)


@given(operations, any_instant)
def test_next_window_is_the_first_window_opening_strictly_after(op: Operation, ts: datetime) -> None:
    later = [w for w in JULY_2017.windows(op) if w.start > ts]
    assert JULY_2017.next_window(op, ts) == (later[0] if later else None)
    assert JULY_2017.check(op, ts).next_window == JULY_2017.next_window(op, ts)


@given(operations, any_instant, any_instant)
def test_clipped_windows_are_the_intersection(op: Operation, a: datetime, b: datetime) -> None:
    lo, hi = min(a, b), max(a, b)
    clipped = [(max(w.start, lo), min(w.end, hi)) for w in JULY_2017.windows(op)]
    expected = [(s, e) for s, e in clipped if s < e]  # nothing of no length
    assert [(w.start, w.end) for w in JULY_2017.windows(op, lo, hi)] == expected


@given(any_instant)
def test_operations_only_while_operating_except_late_registration(ts: datetime) -> None:
    # H: every operation runs within the server's hours, except registration's weekday 21:00-24:00.
    if JULY_2017.is_operating(ts):
        return
    local = ts.astimezone(JST)
    assert not JULY_2017.allows("code_acquisition", ts)
    assert not JULY_2017.allows("linkage", ts)
    assert not JULY_2017.allows("linkage_test", ts)
    if JULY_2017.allows("registration", ts):
        assert local.hour >= 21 and local.weekday() < 5 and local.day != 17
