"""The plan as an iCalendar file (RFC 5545): windows as timed events, periods and milestones as all-day events.

What a calendar client gets (カレンダー出力):

* each operation's windows (操作ごとの可能時間帯, :meth:`Plan.windows`) as timed events whose
  ``CATEGORIES`` is the operation's value (``registration``, ``code_acquisition``, ``linkage``,
  ``linkage_test``); ``operations`` narrows these, and only these;
* each row of table T (モード期間, :attr:`Plan.periods`) as an all-day event, ``CATEGORIES:period,<mode>``;
* each milestone (日程, :attr:`Plan.milestones`) as an all-day event, ``CATEGORIES:milestone``.

Every DATE-TIME carries ``TZID`` of the plan's zone (a ``VTIMEZONE`` is included), all-day
``DTEND`` is exclusive, UIDs and ``DTSTAMP`` come from the plan alone, so the same plan gives
byte-identical output on every run and re-importing updates events instead of duplicating them.
All events are ``TRANSP:TRANSPARENT``: they say when something is possible, they do not make
the user busy.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event, Timezone

from .atomic import write_atomic
from .engine import Plan
from .lang import Lang
from .model import Milestone, Operation, Period, Window
from .timeinput import coerce_operation

__all__ = ["UID_DOMAIN", "to_ical", "write_ics"]

#: The right-hand side of every UID.
UID_DOMAIN = "chukan-schedule"

_PRODID = "-//chukan-schedule//chukan-schedule//{lang}"


def to_ical(plan: Plan, operations: Sequence[Operation | str] | None = None, lang: str = "en") -> bytes:
    """The plan as iCalendar bytes (UTF-8, no BOM, CRLF, folded at 75 octets).

    ``operations`` (None: all four) picks the operations whose windows become timed
    events; the periods and milestones are always included.  ``lang`` (``"en"`` or
    ``"ja"``) is the language of the summaries; descriptions give both.
    """
    if not isinstance(plan, Plan):
        raise TypeError(f"plan must be a chukan_schedule.Plan, got {type(plan).__name__}")
    lang = _check_lang(lang)
    ops = _coerce_operations(operations)
    zone = plan.data.tz
    stamp = plan.coverage_start.astimezone(timezone.utc)  # DTSTAMP from the plan, never the wall clock

    cal = Calendar()
    cal.add("prodid", _PRODID.format(lang=lang.upper()))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", plan.title(lang))
    cal.add("x-wr-caldesc", f"{plan.title(lang)} / {plan.title(_other(lang))} ({plan.id})")
    cal.add("x-wr-timezone", zone.key)

    first, last = _date_span(plan)
    cal.add_component(Timezone.from_tzinfo(zone, tzid=zone.key, first_date=first, last_date=last))
    for op in ops:
        for window in plan.windows(op):
            cal.add_component(_window_event(plan, window, lang, stamp))
    for period in plan.periods:
        cal.add_component(_period_event(plan, period, lang, stamp))
    for milestone in plan.milestones:
        cal.add_component(_milestone_event(plan, milestone, lang, stamp))
    data: bytes = cal.to_ical()
    return data


def write_ics(
    plan: Plan,
    path: str | os.PathLike[str],
    operations: Sequence[Operation | str] | None = None,
    lang: str = "en",
) -> None:
    """Write :func:`to_ical` to ``path`` atomically: on any failure an existing file is untouched."""
    write_atomic(path, to_ical(plan, operations, lang))


# ---- arguments ----


def _check_lang(lang: object) -> str:
    """The language of summaries (件名の言語): ``"en"`` or ``"ja"`` (:meth:`Lang.coerce`)."""
    return Lang.coerce(lang).value


def _other(lang: str) -> str:
    return "en" if lang == "ja" else "ja"


def _coerce_operations(operations: object) -> list[Operation]:
    """The chosen operations, deduplicated, in :class:`Operation` order (so output is stable)."""
    if operations is None:
        return list(Operation)
    if isinstance(operations, (str, bytes)) or not isinstance(operations, Iterable):
        raise TypeError(
            "operations must be None (all) or a sequence of Operation members or their values, "
            f"e.g. ['registration'], got {type(operations).__name__} {operations!r}"
        )
    chosen = {Operation(coerce_operation(op)) for op in operations}
    return [op for op in Operation if op in chosen]


def _date_span(plan: Plan) -> tuple[date, date]:
    """The days the VTIMEZONE must cover: every event of the file lies inside."""
    firsts = [plan.coverage_start.date(), *(p.first_day for p in plan.periods), *(m.first_day for m in plan.milestones)]
    lasts = [plan.coverage_end.date(), *(p.last_day for p in plan.periods), *(m.last_day for m in plan.milestones)]
    return min(firsts), max(lasts) + timedelta(days=1)


# ---- events ----


def _uid(plan: Plan, *parts: str) -> str:
    return "-".join((plan.id, *parts)) + f"@{UID_DOMAIN}"


def _clause_line(clause: str, primary: str, secondary: str) -> str:
    return f"[{clause}] {primary} / {secondary}"


def _base_event(uid: str, summary: str, description: str, stamp: datetime, categories: list[str]) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("description", description)
    event.add("categories", categories)
    event.add("transp", "TRANSPARENT")
    return event


def _window_event(plan: Plan, window: Window, lang: str, stamp: datetime) -> Event:
    op = window.operation
    start = window.start.astimezone(plan.tz)
    end = window.end.astimezone(plan.tz)
    summary = f"{op.ja}可能" if lang == "ja" else f"{op.en[:1].upper()}{op.en[1:]} possible"
    zone = plan.data.tz.key
    if lang == "ja":
        span = f"{start:%Y-%m-%d %H:%M}～{end:%Y-%m-%d %H:%M}（日本時間 {zone}、終了時刻を含まない）"
        head = f"{op.ja}（{op.en}）が可能：{span}"
    else:
        span = f"{start:%Y-%m-%d %H:%M} - {end:%Y-%m-%d %H:%M} JST ({zone}), end exclusive"
        head = f"{op.en[:1].upper()}{op.en[1:]} ({op.ja}) is possible: {span}"
    lines = [head]
    for rule_clause, rule_en, rule_ja in _window_rules(plan, window):
        primary, secondary = (rule_ja, rule_en) if lang == "ja" else (rule_en, rule_ja)
        lines.append(_clause_line(rule_clause, primary, secondary))
    lines.append(f"Plan {plan.id}: {plan.title(lang)} / {plan.title(_other(lang))}")
    event = _base_event(_uid(plan, op.value, f"{start:%Y%m%dT%H%M%S}"), summary, "\n".join(lines), stamp, [op.value])
    event.add("dtstart", start)
    event.add("dtend", end)
    return event


def _window_rules(plan: Plan, window: Window) -> list[tuple[str, str, str]]:
    """The rules (clause, en, ja) that decide the days a window touches, in order, once each."""
    out: list[tuple[str, str, str]] = []
    last_instant = window.end - timedelta(microseconds=1)
    day = window.start.astimezone(plan.tz).date()
    while day <= last_instant.astimezone(plan.tz).date():
        rule = plan.day(day).operations[window.operation].rule
        if rule is not None and (rule.clause, rule.en, rule.ja) not in out:
            out.append((rule.clause, rule.en, rule.ja))
        day += timedelta(days=1)
    return out


def _all_day(event: Event, first_day: date, last_day: date) -> Event:
    event.add("dtstart", first_day)
    event.add("dtend", last_day + timedelta(days=1))  # all-day DTEND is exclusive (RFC 5545 3.6.1)
    return event


def _day_range(first_day: date, last_day: date) -> str:
    if first_day == last_day:
        return f"{first_day.isoformat()}"
    return f"{first_day.isoformat()} .. {last_day.isoformat()} (inclusive)"


def _period_event(plan: Plan, period: Period, lang: str, stamp: datetime) -> Event:
    primary, secondary = (period.ja, period.en) if lang == "ja" else (period.en, period.ja)
    mode = f"{period.mode.text(lang)} / {period.mode.text(_other(lang))}"
    description = "\n".join(
        [
            f"{_day_range(period.first_day, period.last_day)}: {mode}",
            _clause_line(period.clause, primary, secondary),
            f"Plan {plan.id}: {plan.title(lang)} / {plan.title(_other(lang))}",
        ]
    )
    uid = _uid(plan, "period", f"{period.first_day:%Y%m%d}")
    event = _base_event(uid, primary, description, stamp, ["period", period.mode.value])
    return _all_day(event, period.first_day, period.last_day)


def _milestone_event(plan: Plan, milestone: Milestone, lang: str, stamp: datetime) -> Event:
    primary, secondary = milestone.title(lang), milestone.title(_other(lang))
    description = "\n".join(
        [
            _day_range(milestone.first_day, milestone.last_day),
            _clause_line(milestone.clause, primary, secondary),
        ]
    )
    uid = _uid(plan, "milestone", milestone.id)
    event = _base_event(uid, primary, description, stamp, ["milestone"])
    return _all_day(event, milestone.first_day, milestone.last_day)
