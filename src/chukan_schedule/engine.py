"""The engine: a plan's data compiled once into sorted edges, and the answers read off them.

Nothing here knows July 2017.  :class:`Plan` takes :class:`PlanData` (read by
:mod:`.planfile`), decides each day of the coverage once (its mode, whether it is a rest
day, the first matching rule of each operation), merges the days' spans into maximal
windows, and answers every query with :func:`bisect.bisect_right` over those edges.

Every query reads its instant once (:meth:`Plan._normal`) into one of three forms that
compare field by field with no zone arithmetic: a UTC instant, an instant aware in the plan's
own zone, or a naive wall-clock time in that zone (the plan's offset is constant over its
coverage, so wall-clock order is instant order).  The edges are kept in all three forms.
The reasons of :meth:`Plan.check` are built once per day and operation, on first use.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from .errors import OutsidePlanError, PlanFileError
from .instant import to_instant
from .lang import Text, pick
from .messages import Message, msg
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
from .render import long_day
from .value import Value, _set, evolve

if TYPE_CHECKING:  # pragma: no cover - numpy is the optional extra "bulk"
    import numpy as np
    import numpy.typing as npt

__all__ = ["Plan", "PlanData", "check_periods", "holiday_names"]

_UTC = timezone.utc
_OPERATIONS = tuple(Operation)
# Each Operation keyed by itself and by its value: one dict lookup whichever form a query gives.
_OPERATION_OF: dict[object, Operation] = {**{op: op for op in Operation}, **{op.value: op for op in Operation}}
# tzinfo types whose utcoffset() is never None for an aware datetime: safe to convert directly.
_ALWAYS_OFFSET_TZ = (timezone, ZoneInfo)
_TWO_DIGITS = tuple(f"{n:02d}" for n in range(60))
# The three forms an instant is compared in (see the module's docstring).
_UTC_FORM, _ZONE_FORM, _WALL_FORM = 0, 1, 2

#: A plan's rest days other than Saturdays and Sundays: day -> (English name, Japanese name).
HolidayNames = Mapping[date, tuple[str, str]]


def holiday_names(country: str, first_day: date, last_day: date, source: str = "<plan>") -> dict[date, tuple[str, str]]:
    """The national holidays of ``country`` from ``first_day`` to ``last_day``, from the ``holidays`` package.

    The package is imported here, on demand: a plan that carries its rest days (the embedded
    one) never loads it.
    """
    import holidays as holidays_lib

    years = range(first_day.year, last_day.year + 1)
    try:
        names_ja = holidays_lib.country_holidays(country, years=years, language="ja")
        names_en = holidays_lib.country_holidays(country, years=years, language="en_US")
    except NotImplementedError as exc:
        raise PlanFileError(source, "holidays", msg("plan.holidays", value=repr(country))) from exc
    return {
        d: (str(names_en.get(d)), str(name_ja)) for d, name_ja in sorted(names_ja.items()) if first_day <= d <= last_day
    }


class PlanData(Value):
    """A plan as declared: what a plan file holds, checked but not yet compiled."""

    __slots__ = (
        "en",
        "first_day",
        "holidays",
        "id",
        "ja",
        "last_day",
        "milestones",
        "periods",
        "revised",
        "revision",
        "rules",
        "source",
        "tz",
    )  # fmt: skip

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
    revision: int
    #: When this revision was made (aware), or None: the calendar's DTSTAMP/LAST-MODIFIED.
    revised: datetime | None

    def __init__(
        self,
        source: str,
        id: str,
        en: str,
        ja: str,
        tz: ZoneInfo,
        holidays: str,
        first_day: date,
        last_day: date,
        periods: tuple[Period, ...],
        milestones: tuple[Milestone, ...],
        rules: tuple[Rule, ...],
        revision: int = 0,
        revised: datetime | None = None,
    ) -> None:
        _set(self, "source", source)
        _set(self, "id", id)
        _set(self, "en", en)
        _set(self, "ja", ja)
        _set(self, "tz", tz)
        _set(self, "holidays", holidays)
        _set(self, "first_day", first_day)
        _set(self, "last_day", last_day)
        _set(self, "periods", periods)
        _set(self, "milestones", milestones)
        _set(self, "rules", rules)
        _set(self, "revision", revision)
        _set(self, "revised", revised)


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


class _Track:
    """One operation's (or the server's) compiled windows.

    ``forms[f]`` is ``[coverage_start, s0, e0, s1, e1, ..., coverage_end]`` in form ``f``
    (UTC, the plan's zone, naive wall clock): for an instant ``t`` inside the coverage,
    ``i = bisect_right(forms[f], t)`` is even exactly when ``t`` lies in a window (window
    ``i // 2 - 1``), and ``i // 2`` is the first window opening strictly after ``t``.
    """

    __slots__ = ("bounds", "ends", "forms", "operation", "reasons", "starts", "windows")

    def __init__(
        self, windows: tuple[Window, ...], bounds: tuple[datetime, ...], tz: tzinfo, operation: Operation | None = None
    ) -> None:
        #: The operation (None: the server's own track), and what check() says per day, built on first use.
        self.operation = operation
        self.reasons: list[tuple[tuple[Reason, ...], tuple[str, str, str] | None] | None] = []
        self.windows = windows
        self.starts = tuple(w.start for w in windows)
        self.ends = tuple(w.end for w in windows)
        utc = tuple(b.astimezone(_UTC) for b in bounds)
        zone = tuple(b.astimezone(tz) for b in bounds)
        wall = tuple(b.replace(tzinfo=None) for b in zone)
        self.bounds = utc
        self.forms: tuple[tuple[datetime, ...], ...] = (utc, zone, wall)


#: Where a reason's time goes: filled in by :meth:`Plan.check` (the catalog's ``{time}``).
_TIME_SLOT = "\x00time\x00"


def _reason(clause: str, message: Message) -> Reason:
    """A reason from a catalog message, in both languages."""
    return Reason(clause, message.text("en"), message.text("ja"))


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

    ``rest_days`` gives the plan's national holidays over its coverage (day -> English and
    Japanese names) when the caller already knows them (the embedded plan carries them);
    without it they come from the ``holidays`` package for ``data.holidays``.
    """

    __slots__ = (
        "_days",
        "_midnights",
        "_server",
        "_tracks",
        "coverage_end",
        "coverage_start",
        "data",
        "tz",
    )

    def __init__(self, data: PlanData, rest_days: HolidayNames | None = None) -> None:
        check_periods(data.source, data.periods, data.first_day, data.last_day)
        self.data = data
        self.tz: tzinfo = data.tz
        self.coverage_start = datetime.combine(data.first_day, time(), tzinfo=data.tz)
        self.coverage_end = datetime.combine(data.last_day + timedelta(days=1), time(), tzinfo=data.tz)
        self._check_offset_is_constant()
        if rest_days is None:
            rest_days = holiday_names(data.holidays, data.first_day, data.last_day, data.source)
        self._days = self._compile_days(rest_days)
        midnights = tuple(
            datetime.combine(data.first_day + timedelta(days=n), time(), tzinfo=data.tz)
            for n in range(len(self._days) + 1)
        )
        self._midnights = _Track((), midnights, self.tz).forms
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
        change; rather than answer wrongly there, such a plan is refused.  The offset is read
        at every midnight of the coverage and at its end: a change between two midnights
        shows there (no zone changes its offset and back within one day).
        """
        start_utc = self.coverage_start.astimezone(_UTC)
        days = (self.data.last_day - self.data.first_day).days + 1
        offsets = {(start_utc + timedelta(days=n)).astimezone(self.tz).utcoffset() for n in range(days + 1)}
        if len(offsets) != 1:
            raise PlanFileError(self.data.source, "timezone", msg("plan.offset_changes", zone=self.data.tz.key))

    def _compile_days(self, rest_days: HolidayNames) -> tuple[DayPlan, ...]:
        data = self.data
        days: list[DayPlan] = []
        by_subject: dict[str, list[Rule]] = {}  # each subject's rules, in the plan's order
        for rule in data.rules:
            by_subject.setdefault(rule.subject, []).append(rule)
        periods = iter(data.periods)
        period = next(periods)
        d = data.first_day
        while d <= data.last_day:
            if d > period.last_day:
                period = next(periods)
            names = rest_days.get(d)
            rest = d.weekday() >= 5 or names is not None
            day_type = DayType.REST_DAY if rest else DayType.WEEKDAY
            server = self._decide(d, period.mode, day_type, "server", by_subject.get("server", ()))
            ops = {
                op: self._decide(d, period.mode, day_type, op.value, by_subject.get(op.value, ())) for op in _OPERATIONS
            }
            holiday_en, holiday_ja = names if names is not None else (None, None)
            days.append(DayPlan(d, period.mode, period, day_type, holiday_en, holiday_ja, server, ops))
            d += timedelta(days=1)
        return tuple(days)

    def _decide(self, d: date, mode: Mode, day_type: DayType, subject: str, rules: Iterable[Rule]) -> OpDay:
        """``subject``'s span on day ``d``: the first of its ``rules`` (the plan's, in order) that matches."""
        if mode is Mode.PLANNED_STOP:
            return OpDay(None, None, None)
        for rule in rules:
            if rule.matches(d, mode, day_type):
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
        windows = tuple(Window(s, e, op, c) for s, e, c in merged) if op is not None else ()
        edges = [edge for s, e, _ in merged for edge in (s, e)]
        return _Track(windows, (self.coverage_start, *edges, self.coverage_end), self.tz, op)

    def _day_reasons(self, day: DayPlan, op: Operation) -> tuple[tuple[Reason, ...], tuple[str, str, str] | None]:
        """What :meth:`check` says for ``op`` on ``day``: the reasons, and the outside-hours tail (or None)."""
        reasons = [
            _reason(
                day.period.clause,
                msg(
                    "reason.day_period",
                    day=long_day(day.day),
                    period=Text(day.period.en, day.period.ja),
                ),
            )
        ]
        span = day.operations[op]
        if span.rule is None:
            reasons.append(_reason(day.period.clause, msg("reason.stopped_all_day", op=op)))
            return tuple(reasons), None
        reasons.append(span.rule.reason())
        if span.rule.hours is None:
            return tuple(reasons), None
        start_t, end_t = span.rule.hours
        hours = Text(f"{_clock(start_t)}-{_clock(end_t)}", f"{_clock_ja(start_t)}～{_clock_ja(end_t)}")
        # Rendered once per day and operation, the time left as a slot that check() fills in (hot path).
        tail = msg("reason.outside_hours", time=_TIME_SLOT, op=op, hours=hours)
        outside = (span.rule.clause, tail.text("en"), tail.text("ja"))
        return tuple(reasons), outside

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

    # ---- reading an instant (once per query) ----

    def _normal(self, ts: object, parameter: str = "ts") -> tuple[int, datetime]:
        """``ts`` in the form it compares in without conversion: (form, value); see the module's docstring.

        An instant that UTC cannot hold (beyond year 9999 or before year 1 there) is outside any
        plan: :class:`OutsidePlanError`, showing it as given.
        """
        try:
            return self._normal_form(ts, parameter)
        except OverflowError:
            shown = ts if isinstance(ts, datetime) else self.coverage_start
            raise OutsidePlanError(shown, self.coverage_start, self.coverage_end, parameter) from None

    def _normal_form(self, ts: object, parameter: str) -> tuple[int, datetime]:
        if type(ts) is datetime:
            tz = ts.tzinfo
            if tz is None:
                return _WALL_FORM, ts
            if tz is self.tz:
                return _ZONE_FORM, ts
            if tz is _UTC:
                return _UTC_FORM, ts
            if type(tz) in _ALWAYS_OFFSET_TZ:
                return _UTC_FORM, ts.astimezone(_UTC)
        t = to_instant(ts, self.tz, parameter)
        if t.tzinfo is self.tz:
            return _ZONE_FORM, t
        return _UTC_FORM, t.astimezone(_UTC)

    def _aware(self, form: int, t: datetime) -> datetime:
        """An instant read by :meth:`_normal`, aware in the plan's zone."""
        if form == _WALL_FORM:
            return t.replace(tzinfo=self.tz)
        if form == _ZONE_FORM:
            return t
        return t.astimezone(self.tz)

    def _outside(self, form: int, t: datetime, parameter: str = "ts") -> OutsidePlanError:
        try:
            shown = self._aware(form, t)
        except OverflowError:  # in the plan's zone it would pass year 9999 or 1: shown as it is
            shown = t
        return OutsidePlanError(shown, self.coverage_start, self.coverage_end, parameter)

    def _operation(self, op: object) -> Operation:
        try:
            return _OPERATION_OF[op]
        except (KeyError, TypeError):
            return Operation.coerce(op)  # raises the precise error

    def _track(self, op: object) -> _Track:
        try:
            return self._tracks[op]
        except (KeyError, TypeError):
            return self._tracks[Operation.coerce(op)]  # raises the precise error

    def _day_index(self, form: int, t: datetime) -> int:
        """The index in :attr:`days` of the day holding ``t`` (read by :meth:`_normal`)."""
        i = bisect_right(self._midnights[form], t) - 1
        if i < 0 or i >= len(self._days):
            raise self._outside(form, t)
        return i

    def _locate(self, operation: Operation, ts: object) -> tuple[bool, int]:
        """Whether ``operation`` is allowed at ``ts``, and the index of its day: one reading, two bisects."""
        form, t = self._normal(ts)
        bounds = self._tracks[operation].forms[form]
        i = bisect_right(bounds, t)
        if i == 0 or i == len(bounds):
            raise self._outside(form, t)
        return not i & 1, bisect_right(self._midnights[form], t) - 1

    # ---- answers ----

    def _contains(self, track: _Track, ts: object) -> bool:
        """Whether instant ``ts`` lies in one of ``track``'s windows: one bisect, no loop.

        This is the hot path of :meth:`allows`: :meth:`_normal` written out inline.
        """
        if type(ts) is datetime:
            tz = ts.tzinfo
            if tz is None:
                bounds, t = track.forms[_WALL_FORM], ts
            elif tz is self.tz:
                bounds, t = track.forms[_ZONE_FORM], ts
            elif tz is _UTC:
                bounds, t = track.bounds, ts
            elif type(tz) in _ALWAYS_OFFSET_TZ:
                bounds, t = track.bounds, ts.astimezone(_UTC)
            else:
                form, t = self._normal(ts)
                bounds = track.forms[form]
        else:
            form, t = self._normal(ts)
            bounds = track.forms[form]
        i = bisect_right(bounds, t)
        if i == 0 or i == len(bounds):
            raise self._outside(*self._normal(ts))
        return not i & 1

    def allows(self, op: Operation | str, ts: datetime) -> bool:
        """Whether ``op`` may be done at instant ``ts``."""
        try:
            return self._contains(self._track(op), ts)
        except OverflowError:  # beyond year 9999 or 1 in UTC (datetime.max at -23:59): outside any plan
            self._normal(ts)  # raises OutsidePlanError
            raise

    def allows_many(self, op: Operation | str, instants: Any) -> npt.NDArray[np.bool_]:
        """Whether ``op`` may be done at each of ``instants``: a numpy array of booleans.

        ``instants``: a numpy ``datetime64`` array (naive values are the plan's wall clock),
        a pandas ``Series``/``DatetimeIndex`` (aware ones are converted), a pyarrow timestamp
        array, or any sequence of datetimes.  Needs numpy (``pip install 'chukan-schedule[bulk]'``);
        see :mod:`chukan_schedule.bulk`.
        """
        from .bulk import allows_many

        return allows_many(self, op, instants)

    def is_operating(self, ts: datetime) -> bool:
        """Whether the server is running at ``ts``: not a planned stop, inside the hours of H."""
        try:
            return self._contains(self._server, ts)
        except OverflowError:  # as in allows()
            self._normal(ts)  # raises OutsidePlanError
            raise

    def mode_at(self, ts: datetime) -> Mode:
        """The server's mode at ``ts`` (table T)."""
        form, t = self._normal(ts)
        i = bisect_right(self._midnights[form], t) - 1
        if i < 0 or i >= len(self._days):
            raise self._outside(form, t)
        return self._days[i].mode

    def window_at(self, op: Operation | str, ts: datetime) -> Window | None:
        """The window of ``op`` containing ``ts``, or None."""
        track = self._track(op)
        form, t = self._normal(ts)
        bounds = track.forms[form]
        i = bisect_right(bounds, t)
        if i == 0 or i == len(bounds):
            raise self._outside(form, t)
        return None if i & 1 else track.windows[i // 2 - 1]

    def next_window(self, op: Operation | str, ts: datetime) -> Window | None:
        """The first window of ``op`` that opens strictly after ``ts``, or None."""
        track = self._track(op)
        form, t = self._normal(ts)
        bounds = track.forms[form]
        i = bisect_right(bounds, t)
        if i == 0 or i == len(bounds):
            raise self._outside(form, t)
        i //= 2
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
        if start is None and end is None:
            return list(track.windows)
        lo_form, lo = (_ZONE_FORM, self.coverage_start) if start is None else self._bound(track, start, "start")
        hi_form, hi = (_ZONE_FORM, self.coverage_end) if end is None else self._bound(track, end, "end")
        if (hi <= lo) if lo_form == hi_form else (self._aware(hi_form, hi) <= self._aware(lo_form, lo)):
            lo_at, hi_at = self._aware(lo_form, lo), self._aware(hi_form, hi)
            if hi_at == lo_at:
                return []  # an empty range holds no window, not a window of no length
            raise ValueError(f"end={hi_at.isoformat()} is before start={lo_at.isoformat()}; expected start <= end")
        lo_bounds, hi_bounds = track.forms[lo_form], track.forms[hi_form]
        i = bisect_right(lo_bounds, lo)  # even: lo lies in window i // 2 - 1
        j = bisect_left(hi_bounds, hi)  # even: hi lies in window j // 2 - 1, or is its end
        out = list(track.windows[(i - 1) // 2 : j // 2])
        if out:
            if not i & 1 and lo_bounds[i - 1] != lo:
                out[0] = evolve(out[0], start=self._aware(lo_form, lo))
            if not j & 1 and hi_bounds[j] != hi:
                out[-1] = evolve(out[-1], end=self._aware(hi_form, hi))
        return out

    def _bound(self, track: _Track, ts: object, parameter: str) -> tuple[int, datetime]:
        form, t = self._normal(ts, parameter)
        bounds = track.forms[form]
        if not bounds[0] <= t <= bounds[-1]:
            raise self._outside(form, t, parameter)
        return form, t

    def check(self, op: Operation | str, ts: datetime) -> Decision:
        """The full answer: allowed or not, the window now or next, and the clauses why."""
        track = self._track(op)  # one lookup, keyed by what was given (an Enum member hashes slowly)
        operation = track.operation
        assert operation is not None  # an operation's track, not the server's
        form, t = self._normal(ts)
        bounds = track.forms[form]
        i = bisect_right(bounds, t)
        if i == 0 or i == len(bounds):
            raise self._outside(form, t)
        midnights = self._midnights
        day = bisect_right(midnights[form], t) - 1
        # In the plan's zone: its midnight plus the time since midnight (cheaper than replace/astimezone).
        since_midnight = t - midnights[form][day]
        at = midnights[_ZONE_FORM][day] + since_midnight
        by_day = track.reasons
        if not by_day:
            by_day.extend([None] * len(self._days))
        cached = by_day[day]
        if cached is None:
            cached = by_day[day] = self._day_reasons(self._days[day], operation)
        reasons, outside = cached
        allowed = not i & 1
        if not allowed and outside is not None:
            minutes, second = divmod(since_midnight.seconds, 60)
            hour, minute = divmod(minutes, 60)
            clock = f"{_TWO_DIGITS[hour]}:{_TWO_DIGITS[minute]}:{_TWO_DIGITS[second]}"  # HH:MM:SS, no formatting
            en = outside[1].replace(_TIME_SLOT, clock, 1)
            reasons = (*reasons, Reason(outside[0], en, outside[2].replace(_TIME_SLOT, _clock_ja(at.time()), 1)))
        n = i // 2
        return Decision(
            allowed=allowed,
            operation=operation,
            at=at,
            mode=self._days[day].mode,
            window=track.windows[n - 1] if allowed else None,
            next_window=track.windows[n] if n < len(track.windows) else None,
            reasons=reasons,
        )

    def __repr__(self) -> str:
        return f"<Plan {self.id!r} {self.coverage_start.date()}..{self.data.last_day} from {self.source}>"

    def __iter__(self) -> Iterator[DayPlan]:
        return iter(self._days)
