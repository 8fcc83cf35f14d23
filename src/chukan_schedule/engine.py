"""The engine: a plan's data compiled once into sorted edges, and the answers read off them.

Nothing here knows July 2017.  :class:`Plan` takes :class:`PlanData` (read by
:mod:`.planfile`), decides each day of the coverage once (its mode, whether it is a rest
day, the first matching rule of each operation), merges the days' spans into maximal
windows, and answers every query with :func:`bisect.bisect_right` over those edges.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import attrs
import holidays as holidays_lib

from .errors import OutsidePlanError, PlanFileError
from .lang import pick
from .messages import msg
from .model import (
    DayPlan,
    DayType,
    Decision,
    Milestone,
    Mode,
    OpDay,
    Operation,
    Period,
    Reason,
    Rule,
    Window,
)
from .timeinput import to_instant

__all__ = ["Plan", "PlanData", "check_periods"]

_UTC = timezone.utc
_OPERATIONS = tuple(Operation)
# tzinfo types whose utcoffset() is never None for an aware datetime: safe to convert directly.
_ALWAYS_OFFSET_TZ = (timezone, ZoneInfo)


@attrs.frozen
class PlanData:
    """A plan as declared: what a plan file holds, checked but not yet compiled."""

    source: str
    id: str
    en: str
    ja: str
    tz: ZoneInfo
    holidays: str
    first_day: date
    last_day: date
    periods: tuple[Period, ...]
    milestones: tuple[Milestone, ...]
    rules: tuple[Rule, ...]
    #: The plan's revision: 0 as first published, raised with each correction (iCalendar SEQUENCE).
    revision: int = 0
    #: When this revision was made (aware), or None: the calendar's DTSTAMP/LAST-MODIFIED.
    revised: datetime | None = None


def check_periods(source: str, periods: tuple[Period, ...], first_day: date, last_day: date) -> None:
    """Refuse periods that do not tile ``first_day..last_day`` in order (a gap, an overlap, a missing tail)."""
    if not periods:
        raise PlanFileError(source, "period", msg("plan.periods_none"))
    expected = first_day
    for i, p in enumerate(periods):
        if p.first_day != expected:
            raise PlanFileError(
                source, f"period[{i}].first_day", msg("plan.period_start", expected=expected, got=p.first_day)
            )
        if p.last_day < p.first_day:
            problem = msg("plan.last_before_first", first=p.first_day, last=p.last_day)
            raise PlanFileError(source, f"period[{i}].last_day", problem)
        expected = p.last_day + timedelta(days=1)
    if expected != last_day + timedelta(days=1):
        problem = msg("plan.period_end", last=last_day, got=periods[-1].last_day)
        raise PlanFileError(source, f"period[{len(periods) - 1}].last_day", problem)


@attrs.frozen
class _Track:
    """One operation's (or the server's) compiled windows.

    ``bounds`` is ``[coverage_start, s0, e0, s1, e1, ..., coverage_end]`` in UTC: for an
    instant ``t`` inside the coverage, ``bisect_right(bounds, t)`` is even exactly when
    ``t`` lies in a window.
    """

    windows: tuple[Window, ...]
    starts: tuple[datetime, ...]
    ends: tuple[datetime, ...]
    bounds: tuple[datetime, ...]
    #: The same bounds as naive wall-clock times (the zone's offset is constant over the
    #: coverage, so wall-clock order is instant order): a naive instant is compared as it is.
    local_bounds: tuple[datetime, ...]
    #: The same bounds, aware in the plan's zone: an instant in that very zone compares
    #: against them field by field, with no conversion.
    zone_bounds: tuple[datetime, ...]


def _day_text_ja(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _clock(t: time | None) -> str:
    return "24:00" if t is None else f"{t.hour:02d}:{t.minute:02d}"


def _clock_ja(t: time | None) -> str:
    """A time as Japanese text writes it: ``9:00``, ``24:00``, ``21:30:15`` (seconds only when set)."""
    if t is None:
        return "24:00"
    seconds = f":{t.second:02d}" if t.second or t.microsecond else ""
    fraction = f".{t.microsecond:06d}" if t.microsecond else ""
    return f"{t.hour}:{t.minute:02d}{seconds}{fraction}"


class Plan:
    """A compiled plan: ask it what may be done when.

    Every method that takes an instant accepts a :class:`datetime.datetime`: a naive one is
    wall-clock time in the plan's zone (JST for the July 2017 plan), an aware one is
    converted.  Operations are :class:`Operation` members or their string values.
    """

    __slots__ = (
        "_days",
        "_server",
        "_tracks",
        "coverage_end",
        "coverage_start",
        "data",
        "tz",
    )

    def __init__(self, data: PlanData) -> None:
        check_periods(data.source, data.periods, data.first_day, data.last_day)
        self.data = data
        self.tz: tzinfo = data.tz
        self.coverage_start = datetime.combine(data.first_day, time(), tzinfo=data.tz)
        self.coverage_end = datetime.combine(data.last_day + timedelta(days=1), time(), tzinfo=data.tz)
        self._check_offset_is_constant()
        self._days = self._compile_days()
        self._server = self._compile_track([d.server for d in self._days], None)
        # Keyed by each Operation and by its value, so that a query finds its track in one
        # dict lookup whichever form it is given.
        self._tracks: dict[object, _Track] = {}
        for op in _OPERATIONS:
            track = self._compile_track([d.operations[op] for d in self._days], op)
            self._tracks[op] = self._tracks[op.value] = track

    # ---- compilation (once per plan) ----

    def _check_offset_is_constant(self) -> None:
        """Refuse a zone whose UTC offset changes within the coverage (daylight saving).

        Wall-clock hours such as 08:00 would then be ambiguous or missing on the day of a
        change; rather than answer wrongly there, such a plan is refused (checked hour by hour).
        """
        start_utc = self.coverage_start.astimezone(_UTC)
        hours = int((self.coverage_end - self.coverage_start) / timedelta(hours=1))
        offsets = {(start_utc + timedelta(hours=h)).astimezone(self.tz).utcoffset() for h in range(hours + 1)}
        if len(offsets) != 1:
            raise PlanFileError(self.data.source, "timezone", msg("plan.offset_changes", zone=self.data.tz.key))

    def _compile_days(self) -> tuple[DayPlan, ...]:
        data = self.data
        years = range(data.first_day.year, data.last_day.year + 1)
        try:
            names_ja = holidays_lib.country_holidays(data.holidays, years=years, language="ja")
            names_en = holidays_lib.country_holidays(data.holidays, years=years, language="en_US")
        except NotImplementedError as exc:
            raise PlanFileError(data.source, "holidays", msg("plan.holidays", value=repr(data.holidays))) from exc
        days: list[DayPlan] = []
        periods = iter(data.periods)
        period = next(periods)
        d = data.first_day
        while d <= data.last_day:
            if d > period.last_day:
                period = next(periods)
            holiday_ja = names_ja.get(d)
            rest = d.weekday() >= 5 or holiday_ja is not None
            day_type = DayType.REST_DAY if rest else DayType.WEEKDAY
            server = self._decide(d, period.mode, day_type, "server")
            ops = {op: self._decide(d, period.mode, day_type, op.value) for op in _OPERATIONS}
            days.append(DayPlan(d, period.mode, period, day_type, names_en.get(d), holiday_ja, server, ops))
            d += timedelta(days=1)
        return tuple(days)

    def _decide(self, d: date, mode: Mode, day_type: DayType, subject: str) -> OpDay:
        if mode is Mode.PLANNED_STOP:
            return OpDay(None, None, None)
        for rule in self.data.rules:
            if rule.subject == subject and rule.matches(d, mode, day_type):
                if rule.hours is None:
                    return OpDay(rule, None, None)
                start_t, end_t = rule.hours
                start = datetime.combine(d, start_t, tzinfo=self.tz)
                end_day, end_clock = (d, end_t) if end_t is not None else (d + timedelta(days=1), time())
                return OpDay(rule, start, datetime.combine(end_day, end_clock, tzinfo=self.tz))
        problem = msg("plan.no_rule", subject=repr(subject), day=d, mode=mode.value, day_type=day_type.value)
        raise PlanFileError(self.data.source, "rule", problem)

    def _compile_track(self, spans: list[OpDay], op: Operation | None) -> _Track:
        """Merge the days' spans into maximal windows (``op`` None: the server's own, H)."""
        merged: list[tuple[datetime, datetime, tuple[str, ...]]] = []
        for span in spans:
            if span.start is None or span.end is None or span.rule is None:
                continue
            clause = span.rule.clause
            if merged and merged[-1][1] == span.start:
                start, _, clauses = merged[-1]
                merged[-1] = (start, span.end, clauses if clause in clauses else (*clauses, clause))
            else:
                merged.append((span.start, span.end, (clause,)))
        windows = () if op is None else tuple(Window(s, e, op, c) for s, e, c in merged)
        starts = tuple(s.astimezone(_UTC) for s, _, _ in merged)
        ends = tuple(e.astimezone(_UTC) for _, e, _ in merged)
        edges = [e for pair in zip(starts, ends, strict=True) for e in pair]
        bounds = (self.coverage_start.astimezone(_UTC), *edges, self.coverage_end.astimezone(_UTC))
        zone_bounds = tuple(b.astimezone(self.tz) for b in bounds)
        local_bounds = tuple(b.replace(tzinfo=None) for b in zone_bounds)
        return _Track(windows, starts, ends, bounds, local_bounds, zone_bounds)

    # ---- what the plan holds ----

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def source(self) -> str:
        return self.data.source

    def title(self, lang: str = "en") -> str:
        return pick(lang, self.data.en, self.data.ja)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The rows of table T, in order."""
        return self.data.periods

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """The dated events of the notices, in date order."""
        return self.data.milestones

    def milestone(self, milestone_id: str) -> Milestone:
        """The milestone with this id; :class:`KeyError` names the known ids."""
        for m in self.data.milestones:
            if m.id == milestone_id:
                return m
        known = ", ".join(m.id for m in self.data.milestones)
        raise KeyError(f"no milestone {milestone_id!r} in plan {self.id}; known: {known}")

    @property
    def days(self) -> tuple[DayPlan, ...]:
        """Each day of the coverage, decided."""
        return self._days

    def day(self, d: date) -> DayPlan:
        """The decided plan of one day; :class:`OutsidePlanError` outside the coverage."""
        if isinstance(d, datetime) or not isinstance(d, date):
            raise TypeError(f"day() accepts a datetime.date, got {type(d).__name__}")
        index = (d - self.data.first_day).days
        if not 0 <= index < len(self._days):
            instant = datetime.combine(d, time(), tzinfo=self.tz)
            raise OutsidePlanError(instant, self.coverage_start, self.coverage_end, "d")
        return self._days[index]

    # ---- answers ----

    def _covered(self, ts: object, parameter: str = "ts") -> datetime:
        t = to_instant(ts, self.tz, parameter)
        if not self.coverage_start <= t < self.coverage_end:
            raise OutsidePlanError(self._shown(t), self.coverage_start, self.coverage_end, parameter)
        return t

    def _shown(self, t: datetime) -> datetime:
        """``t`` in the plan's zone for a message, or as given when that would pass year 9999 or 1."""
        try:
            return t.astimezone(self.tz)
        except OverflowError:
            return t

    def _day_of(self, t: datetime) -> DayPlan:
        return self._days[(t.astimezone(self.tz).date() - self.data.first_day).days]

    def _track(self, op: object) -> _Track:
        try:
            return self._tracks[op]
        except (KeyError, TypeError):
            return self._tracks[Operation.coerce(op)]  # raises the precise error

    def _contains(self, track: _Track, ts: object) -> bool:
        """Whether instant ``ts`` lies in one of ``track``'s windows: one bisect, no loop.

        This is the hot path of :meth:`allows`: the common inputs (naive, UTC, or aware in
        a zone whose offset is always known) are compared against the edges as they are or
        after one conversion; anything else goes through :func:`to_instant`.
        """
        if type(ts) is datetime:
            tz = ts.tzinfo
            if tz is None:
                bounds, t = track.local_bounds, ts
            elif tz is self.tz:
                bounds, t = track.zone_bounds, ts
            elif tz is _UTC:
                bounds, t = track.bounds, ts
            elif type(tz) in _ALWAYS_OFFSET_TZ:
                bounds, t = track.bounds, ts.astimezone(_UTC)
            else:
                bounds, t = track.bounds, to_instant(ts, self.tz, "ts").astimezone(_UTC)
        else:
            bounds, t = track.bounds, to_instant(ts, self.tz, "ts").astimezone(_UTC)
        i = bisect_right(bounds, t)
        if i == 0 or i == len(bounds):
            self._covered(ts)  # raises OutsidePlanError with the instant and the coverage
        return not i & 1

    def allows(self, op: Operation | str, ts: datetime) -> bool:
        """Whether ``op`` may be done at instant ``ts``."""
        try:
            return self._contains(self._track(op), ts)
        except OverflowError:  # beyond year 9999 or 1 in UTC (datetime.max at -23:59): outside any plan
            self._covered(ts)
            raise

    def is_operating(self, ts: datetime) -> bool:
        """Whether the server is running at ``ts``: not a planned stop, inside the hours of H."""
        try:
            return self._contains(self._server, ts)
        except OverflowError:  # as in allows()
            self._covered(ts)
            raise

    def mode_at(self, ts: datetime) -> Mode:
        """The server's mode at ``ts`` (table T)."""
        return self._day_of(self._covered(ts)).mode

    def window_at(self, op: Operation | str, ts: datetime) -> Window | None:
        """The window of ``op`` containing ``ts``, or None."""
        track = self._track(op)
        t = self._covered(ts)
        i = bisect_right(track.starts, t) - 1
        if i >= 0 and t < track.ends[i]:
            return track.windows[i]
        return None

    def next_window(self, op: Operation | str, ts: datetime) -> Window | None:
        """The first window of ``op`` that opens strictly after ``ts``, or None."""
        track = self._track(op)
        i = bisect_right(track.starts, self._covered(ts))
        return track.windows[i] if i < len(track.windows) else None

    def windows(
        self,
        op: Operation | str,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Window]:
        """The maximal windows of ``op`` in time order, clipped to ``[start, end)``.

        ``start`` and ``end`` default to the coverage's bounds and must lie within it
        (``end`` may equal the coverage's end).
        """
        track = self._track(op)
        lo = self.coverage_start if start is None else self._bound(start, "start")
        hi = self.coverage_end if end is None else self._bound(end, "end")
        if hi <= lo:
            if hi == lo:
                return []  # an empty range holds no window, not a window of no length
            raise ValueError(
                f"end={hi.astimezone(self.tz).isoformat()} is before start={lo.astimezone(self.tz).isoformat()}; "
                "expected start <= end"
            )
        out: list[Window] = []
        for i in range(bisect_right(track.ends, lo), len(track.windows)):
            w = track.windows[i]
            if w.start >= hi:
                break
            if w.start < lo or w.end > hi:
                w = attrs.evolve(w, start=max(w.start, lo).astimezone(self.tz), end=min(w.end, hi).astimezone(self.tz))
            out.append(w)
        return out

    def _bound(self, ts: object, parameter: str) -> datetime:
        t = to_instant(ts, self.tz, parameter)
        if not self.coverage_start <= t <= self.coverage_end:
            raise OutsidePlanError(self._shown(t), self.coverage_start, self.coverage_end, parameter)
        return t

    def check(self, op: Operation | str, ts: datetime) -> Decision:
        """The full answer: allowed or not, the window now or next, and the clauses why."""
        operation = Operation.coerce(op)
        t = self._covered(ts)
        at = t.astimezone(self.tz)
        day = self._day_of(t)
        window = self.window_at(operation, t)
        reasons = [
            Reason(
                day.period.clause,
                f"{day.day.isoformat()}: {day.period.en}",
                f"{_day_text_ja(day.day)}：{day.period.ja}",
            )
        ]
        span = day.operations[operation]
        if span.rule is None:
            reasons.append(
                Reason(
                    day.period.clause,
                    f"The server is stopped all day (planned stop): no {operation.en} is possible",
                    f"計画停止のため終日{operation.ja}はできません",
                )
            )
        else:
            reasons.append(span.rule.reason())
            if window is None and span.rule.hours is not None:
                start_t, end_t = span.rule.hours
                hours = f"{_clock(start_t)}-{_clock(end_t)}"
                hours_ja = f"{_clock_ja(start_t)}～{_clock_ja(end_t)}"
                reasons.append(
                    Reason(
                        span.rule.clause,
                        f"{at:%H:%M:%S} is outside the day's hours for {operation.en} ({hours})",
                        f"{_clock_ja(at.time())}は{operation.ja}の時間外です（この日は{hours_ja}）",
                    )
                )
        return Decision(
            allowed=window is not None,
            operation=operation,
            at=at,
            mode=day.mode,
            window=window,
            next_window=self.next_window(operation, t),
            reasons=tuple(reasons),
        )

    def __repr__(self) -> str:
        return f"<Plan {self.id!r} {self.coverage_start.date()}..{self.data.last_day} from {self.source}>"

    def __iter__(self) -> Iterator[DayPlan]:
        return iter(self._days)
