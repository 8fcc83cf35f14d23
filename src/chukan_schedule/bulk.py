"""Answers in bulk: :meth:`Plan.allows_many <chukan_schedule.Plan.allows_many>` over arrays of instants.

Every instant is turned into one integer, its wall-clock time in the plan's zone in
microseconds since 1970-01-01 00:00 (the plan's offset is constant over its coverage, so
wall-clock order is instant order), and all of them are looked up at once over the
operation's edges in the same unit: :func:`numpy.searchsorted` gives an index that is even
inside a window, exactly as :meth:`Plan.allows` reads one instant.  When every edge falls on
a whole hour, minute, second or millisecond (July 2017's are on whole hours), the answer of
each such step of the coverage is tabulated once, and an instant's answer is the entry of its
step: one division and one lookup, several times faster than the search, and the same answer.

Accepted: numpy ``datetime64`` arrays (any unit; naive values are wall-clock time in the
plan's zone, as naive datetimes are), pandas ``Series``/``DatetimeIndex`` (naive as numpy;
aware ones converted), pyarrow timestamp arrays (with a zone: converted; without: wall
clock), and any sequence of :class:`~datetime.datetime` (read by
:func:`~chukan_schedule.instant.to_instant`).  A value finer than a microsecond is compared
by the microsecond that holds it (edges are whole microseconds, so the answer is exact).

numpy is the optional extra ``bulk``: ``pip install 'chukan-schedule[bulk]'``.

>>> import numpy as np
>>> from chukan_schedule import JULY_2017
>>> t = np.array(["2017-07-13T07:59:59.999999", "2017-07-13T08:00", "2017-07-13T23:59"], dtype="datetime64[us]")
>>> JULY_2017.allows_many("registration", t).tolist()
[False, True, True]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import InvalidTimestampError, OutsidePlanError
from .instant import to_instant
from .messages import msg

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

    from .engine import Plan

__all__ = ["BulkExtraMissingError", "allows_many"]

_EPOCH = datetime(1970, 1, 1)
_US = timedelta(microseconds=1)
_NAT = -(2**63)  # numpy's and pandas' NaT as an int64


class BulkExtraMissingError(ImportError):
    """numpy, which :meth:`Plan.allows_many` needs, is not installed."""


def _numpy() -> Any:
    try:
        import numpy
    except ImportError as exc:
        raise BulkExtraMissingError(str(msg("bulk.needs_numpy"))) from exc
    return numpy


def _wall_us(plan: Plan, t: datetime) -> int:
    """An aware instant as wall-clock microseconds in the plan's zone."""
    return (t.astimezone(plan.tz).replace(tzinfo=None) - _EPOCH) // _US


#: The steps a table may use, coarsest first (microseconds), and the most entries it may have.
_STEPS = (3_600_000_000, 60_000_000, 1_000_000, 1_000)
_MAX_TABLE = 1 << 22


@lru_cache(maxsize=64)
def _lookup(plan: Plan, op: object) -> tuple[Any, int, Any]:
    """The operation's edges (wall-clock µs), and the step and table of answers when the edges allow one."""
    np = _numpy()
    wall = plan._track(op).forms[2]  # the edges as naive wall-clock datetimes
    edges = np.array([(b - _EPOCH) // _US for b in wall], dtype=np.int64)
    offsets = edges - edges[0]
    for step in _STEPS:
        if not (offsets % step).any() and offsets[-1] // step <= _MAX_TABLE:
            starts = edges[0] + np.arange(offsets[-1] // step, dtype=np.int64) * step
            return edges, step, (np.searchsorted(edges, starts, side="right") & 1) == 0
    return edges, 0, None


def _offset_us(plan: Plan) -> int:
    offset = plan.coverage_start.utcoffset()
    assert offset is not None  # the coverage's bounds are aware in the plan's zone
    return offset // _US


def _as_wall_us(plan: Plan, instants: Any) -> npt.NDArray[np.int64]:
    """``instants`` as wall-clock microseconds in the plan's zone (int64; NaT/null stays NaT)."""
    np = _numpy()
    dtype = getattr(instants, "dtype", None)
    module = type(instants).__module__.split(".")[0]
    if module == "pyarrow":
        return _from_arrow(plan, instants)
    if getattr(dtype, "pyarrow_dtype", None) is not None:  # pandas backed by pyarrow: read it as arrow
        values = instants.array if hasattr(instants, "array") else instants
        return _from_arrow(plan, values.__arrow_array__())
    if dtype is not None and getattr(dtype, "tz", None) is not None:  # pandas, aware
        values = instants.array if hasattr(instants, "array") else instants  # a DatetimeArray
        utc = np.asarray(values.tz_convert("UTC").tz_localize(None))  # datetime64 in its own unit
        return _utc_to_wall(plan, _datetime64_to_us(utc))
    if dtype is not None and getattr(dtype, "kind", None) == "M":  # numpy or pandas, naive: wall clock
        return _datetime64_to_us(np.asarray(instants))
    if isinstance(instants, (str, bytes)) or not isinstance(instants, Iterable):
        raise InvalidTimestampError(msg("bulk.instants_type", type=type(instants).__name__))
    values = list(instants)
    if values and all(isinstance(v, np.datetime64) for v in values):
        return _datetime64_to_us(np.array(values))
    out = np.empty(len(values), dtype=np.int64)
    tz = plan.tz
    for i, v in enumerate(values):
        if type(v) is datetime and v.tzinfo is None:
            out[i] = (v - _EPOCH) // _US
        else:
            out[i] = _wall_us(plan, to_instant(v, tz, f"instants[{i}]"))
    return out  # type: ignore[no-any-return]


def _datetime64_to_us(values: Any) -> npt.NDArray[np.int64]:
    np = _numpy()
    if values.dtype.kind != "M":
        raise InvalidTimestampError(msg("bulk.not_datetime64", dtype=str(values.dtype)))
    unit = np.datetime_data(values.dtype)[0]
    raw = values.view(np.int64)
    if unit in ("ns", "ps", "fs", "as"):
        per_us = {"ns": 10**3, "ps": 10**6, "fs": 10**9, "as": 10**12}[unit]
        out = np.floor_divide(raw, per_us)  # floor: the microsecond that holds the value
        out[raw == _NAT] = _NAT
        return out  # type: ignore[no-any-return]
    if unit == "us":
        return raw  # type: ignore[no-any-return]
    coarse = values.astype("datetime64[us]").view(np.int64)  # exact for s, ms, m, h, D, ...
    return coarse  # type: ignore[no-any-return]


def _utc_to_wall(plan: Plan, utc_us: Any) -> npt.NDArray[np.int64]:
    """UTC microseconds as wall-clock microseconds in the plan's zone (its offset is constant); NaT stays."""
    out = utc_us + _offset_us(plan)
    out[utc_us == _NAT] = _NAT
    return out  # type: ignore[no-any-return]


def _from_arrow(plan: Plan, arr: Any) -> npt.NDArray[np.int64]:
    np = _numpy()
    arrow_type = getattr(arr, "type", None)
    unit, tz = getattr(arrow_type, "unit", None), getattr(arrow_type, "tz", "")
    if unit is None:
        raise InvalidTimestampError(msg("bulk.not_arrow_timestamps", type=str(arrow_type)))
    values = np.asarray(arr.to_numpy(zero_copy_only=False))  # datetime64[unit], nulls as NaT
    if values.dtype.kind != "M":
        values = values.astype(f"datetime64[{unit}]")
    wall = _datetime64_to_us(values)
    return _utc_to_wall(plan, wall) if tz else wall  # with a zone, the values are UTC instants


def allows_many(plan: Plan, op: object, instants: Any) -> npt.NDArray[np.bool_]:
    """Whether ``op`` may be done at each of ``instants`` (see the module's docstring)."""
    np = _numpy()
    edges, step, table = _lookup(plan, plan._operation(op))
    wall = _as_wall_us(plan, instants)
    if not len(wall):
        return np.zeros(0, dtype=bool)  # type: ignore[no-any-return]
    if wall.min() < edges[0] or wall.max() >= edges[-1]:  # NaT is the least int64: caught here
        outside = (wall < edges[0]) | (wall >= edges[-1])
        position = int(np.argmax(outside))
        value = int(wall[position])
        if value == _NAT:
            raise InvalidTimestampError(msg("bulk.missing", position=position))
        at = (_EPOCH + value * _US).replace(tzinfo=plan.tz)
        raise OutsidePlanError(at, plan.coverage_start, plan.coverage_end, f"instants[{position}]")
    if table is not None:
        return table.take((wall - edges[0]) // step)  # type: ignore[no-any-return]
    return (np.searchsorted(edges, wall, side="right") & 1) == 0  # type: ignore[no-any-return]
