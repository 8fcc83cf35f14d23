"""The plan as an iCalendar file (RFC 5545): windows as timed events, periods and milestones as all-day events.

What a calendar client gets (カレンダー出力):

* each operation's windows (操作ごとの可能時間帯, :meth:`Plan.windows`) as timed events carrying
  ``X-CHUKAN-OPERATION`` (the operation's value: ``registration``, ``code_acquisition``,
  ``linkage``, ``linkage_test``) and, in ``CATEGORIES``, the operation's name in the calendar's
  language; ``operations`` narrows these, and only these;
* each row of table T (モード期間, :attr:`Plan.periods`) as an all-day event (``X-CHUKAN-KIND:period``,
  ``X-CHUKAN-MODE``);
* each milestone (日程, :attr:`Plan.milestones`) as an all-day event (``X-CHUKAN-KIND:milestone``),
  except a milestone with the same days and clause as a period: it says the same thing, so it is
  told inside that period's event instead of as a second banner.

Every DATE-TIME carries ``TZID`` of the plan's zone (a ``VTIMEZONE`` is included), all-day
``DTEND`` is exclusive.  A window's UID names what it is, not when it starts: the plan, the
operation and the local day it starts on, so a corrected plan that moves or shortens a window
keeps its UID.  ``SEQUENCE`` is the plan's ``revision`` and ``DTSTAMP``/``LAST-MODIFIED`` its
``revised`` instant (without one, ``DTSTAMP`` is the plan's start and there is no
``LAST-MODIFIED``): the same plan file gives byte-identical output on every run, and importing a
corrected file (a higher revision) updates the events instead of duplicating them.  With
``previous`` (the plan as it was), each of its events whose UID is gone is sent once more with
``STATUS:CANCELLED``, so that clients remove it.

What the notice marks 想定 (expected) is ``STATUS:TENTATIVE`` with "(expected)"/"（想定）" in the
title; the rest is ``STATUS:CONFIRMED``.  All events are ``TRANSP:TRANSPARENT``: they say when
something is possible, they do not make the user busy.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event, Timezone

from .atomic import write_atomic
from .engine import Plan
from .errors import OperationTypeError, PlanTypeError, RevisionOrderError
from .lang import Lang, pick
from .messages import msg
from .model import Milestone, Operation, Period, Rule, Window
from .render import format_days, format_hours, format_short_day, short_day
from .timeinput import coerce_operation

__all__ = ["UID_DOMAIN", "to_ical", "write_ics"]

#: The right-hand side of every UID.
UID_DOMAIN = "chukan-schedule"

_PRODID = "-//chukan-schedule//chukan-schedule//{lang}"


def to_ical(
    plan: Plan,
    operations: Sequence[Operation | str] | None = None,
    lang: str = "en",
    previous: Plan | None = None,
) -> bytes:
    """The plan as iCalendar bytes (UTF-8, no BOM, CRLF, folded at 75 octets).

    ``operations`` (None: all four) picks the operations whose windows become timed
    events; the periods and milestones are always included.  ``lang`` (``"en"`` or
    ``"ja"``) is the language of the whole calendar.  ``previous``: the plan this one
    corrects (its revision must be lower); its events whose UIDs are gone come back
    cancelled.
    """
    if not isinstance(plan, Plan):
        raise PlanTypeError(msg("plan.type", parameter="plan", type=type(plan).__name__))
    if previous is not None:
        if not isinstance(previous, Plan):
            raise PlanTypeError(msg("plan.type_or_none", parameter="previous", type=type(previous).__name__))
        if previous.data.revision >= plan.data.revision:
            raise RevisionOrderError(msg("plan.revision_order", old=previous.data.revision, new=plan.data.revision))
    lang = _check_lang(lang)
    ops = _coerce_operations(operations)
    zone = plan.data.tz
    events = _events(plan, ops, lang)
    cancelled: list[Event] = []
    if previous is not None:
        kept = {str(e["UID"]) for e in events}
        stamp, sequence = _stamp(plan), plan.data.revision
        cancelled = [
            _cancel(e, lang, stamp, sequence) for e in _events(previous, ops, lang) if str(e["UID"]) not in kept
        ]

    cal = Calendar()
    cal.add("prodid", _PRODID.format(lang=lang.upper()))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", plan.title(lang))
    cal.add(
        "x-wr-caldesc", msg("ics.caldesc", title=plan.title(lang), id=plan.id, revision=plan.data.revision).text(lang)
    )
    cal.add("x-wr-timezone", zone.key)
    first, last = _date_span(plan)
    if previous is not None:
        first_before, last_before = _date_span(previous)
        first, last = min(first, first_before), max(last, last_before)
    cal.add_component(Timezone.from_tzinfo(zone, tzid=zone.key, first_date=first, last_date=last))
    for event in [*events, *cancelled]:
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_ics(
    plan: Plan,
    path: str | os.PathLike[str],
    operations: Sequence[Operation | str] | None = None,
    lang: str = "en",
    previous: Plan | None = None,
) -> None:
    """Write :func:`to_ical` to ``path`` atomically: on any failure an existing file is untouched."""
    write_atomic(path, to_ical(plan, operations, lang, previous))


# ---- arguments ----


def _check_lang(lang: object) -> str:
    """The language of summaries (件名の言語): ``"en"`` or ``"ja"`` (:meth:`Lang.coerce`)."""
    return Lang.coerce(lang).value


def _coerce_operations(operations: object) -> list[Operation]:
    """The chosen operations, deduplicated, in :class:`Operation` order (so output is stable)."""
    if operations is None:
        return list(Operation)
    if isinstance(operations, (str, bytes)) or not isinstance(operations, Iterable):
        raise OperationTypeError(msg("operation.sequence", type=type(operations).__name__, value=repr(operations)))
    chosen = {Operation(coerce_operation(op)) for op in operations}
    return [op for op in Operation if op in chosen]


def _date_span(plan: Plan) -> tuple[date, date]:
    """The days the VTIMEZONE must cover: every event of the file lies inside."""
    firsts = [plan.coverage_start.date(), *(p.first_day for p in plan.periods), *(m.first_day for m in plan.milestones)]
    lasts = [plan.coverage_end.date(), *(p.last_day for p in plan.periods), *(m.last_day for m in plan.milestones)]
    return min(firsts), max(lasts) + timedelta(days=1)


def _stamp(plan: Plan) -> datetime:
    """DTSTAMP: when the plan was revised, else its start; never the wall clock."""
    revised = plan.data.revised
    return (revised if revised is not None else plan.coverage_start).astimezone(timezone.utc)


# ---- words ----


def _when(start: datetime, end: datetime, lang: str) -> str:
    """A window's span: ``7月13日（木）8:00～24:00``, ``on Thu 13 Jul, 8:00–24:00``."""
    return msg("ics.when", day=short_day(start.date()), hours=format_hours(start, end, lang)).text(lang)


def _titled(title: str, expected: bool, lang: str) -> str:
    """A title with "(expected)" once, if the plan marks it expected and its text does not say so yet."""
    if expected and msg("label.expected").text(lang) not in title:  # "expected", 想定
        return msg("ics.titled_expected", title=title).text(lang)
    return title


def _clause_line(clause: str, text: str) -> str:
    return f"[{clause}] {text}"


# ---- events ----


def _events(plan: Plan, ops: list[Operation], lang: str) -> list[Event]:
    stamp, sequence = _stamp(plan), plan.data.revision
    events = [_window_event(plan, w, lang) for op in ops for w in plan.windows(op)]
    told = _milestones_told_by_periods(plan)
    for period in plan.periods:
        events.append(_period_event(plan, period, told.get(period), lang))
    events += [_milestone_event(m, lang) for m in plan.milestones if m not in told.values()]
    for event in events:
        uid = event.pop("uid")
        event.add("uid", f"{plan.id}-{uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        if plan.data.revised is not None:
            event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("transp", "TRANSPARENT")
    return events


def _milestones_told_by_periods(plan: Plan) -> dict[Period, Milestone]:
    """A milestone with the same days and clause as a period means the same: one banner, not two."""
    told: dict[Period, Milestone] = {}
    for period in plan.periods:
        for m in plan.milestones:
            key = (m.first_day, m.last_day, m.clause)
            if key == (period.first_day, period.last_day, period.clause) and period not in told:
                told[period] = m
    return told


def _event(uid: str, summary: str, lines: list[str], categories: list[str], tentative: bool) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("categories", categories)
    event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    return event


def _window_event(plan: Plan, window: Window, lang: str) -> Event:
    op = window.operation
    name = op.text(lang)
    start = window.start.astimezone(plan.tz)
    end = window.end.astimezone(plan.tz)
    rules = _window_rules(plan, window, lang)
    expected = any(expected for _, _, expected in rules)
    capital = f"{name[:1].upper()}{name[1:]}"  # a sentence starts with a capital (Japanese has none)
    summary = _titled(msg("ics.possible", op=capital).text(lang), expected, lang)
    first = msg("ics.is_possible_expected" if expected else "ics.is_possible", op=capital, when=_when(start, end, lang))
    lines = [first.text(lang)]
    lines += [_clause_line(clause, text) for clause, text, _ in rules]
    event = _event(f"{op.value}-{start:%Y%m%d}", summary, lines, [name], expected)
    event.add("x-chukan-operation", op.value)
    event.add("dtstart", start)
    event.add("dtend", end)
    return event


def _window_rules(plan: Plan, window: Window, lang: str) -> list[tuple[str, str, bool]]:
    """The rules (clause, text in ``lang``, expected) that decide the days a window touches, once each."""
    rules: list[Rule] = []
    last_instant = window.end - timedelta(microseconds=1)
    day = window.start.astimezone(plan.tz).date()
    while day <= last_instant.astimezone(plan.tz).date():
        rule = plan.day(day).operations[window.operation].rule
        if rule is not None and rule not in rules:
            rules.append(rule)
        day += timedelta(days=1)
    return [(r.clause, pick(lang, r.en, r.ja), r.expected) for r in rules]


def _allday_text(event: Event, first_day: date, last_day: date) -> Event:
    event.add("dtstart", first_day)
    event.add("dtend", last_day + timedelta(days=1))  # all-day DTEND is exclusive (RFC 5545 3.6.1)
    return event


def _milestone_lines(m: Milestone, lang: str, dated: bool = True) -> list[str]:
    title = m.title(lang)
    if dated:
        title = msg("ics.dated", days=format_days(m.first_day, m.last_day, lang), title=title).text(lang)
    lines = [_clause_line(m.clause, title)]
    if m.expected:
        lines.append(msg("ics.expected_note").text(lang))
    if m.end_expected:
        lines.append(msg("ics.end_expected", day=format_short_day(m.last_day, lang)).text(lang))
    return lines


def _period_event(plan: Plan, period: Period, milestone: Milestone | None, lang: str) -> Event:
    title = pick(lang, period.en, period.ja)
    mode = period.mode.text(lang)
    days = format_days(period.first_day, period.last_day, lang)
    lines = [_clause_line(period.clause, msg("ics.mode_line", days=days, mode=mode).text(lang))]
    categories = [msg("ics.period").text(lang), mode]
    expected = False
    if milestone is not None:
        lines += _milestone_lines(milestone, lang, dated=False)  # the same days as the period's
        categories.append(msg("ics.milestone").text(lang))
        expected = milestone.expected
    event = _event(f"period-{period.first_day:%Y%m%d}", _titled(title, expected, lang), lines, categories, expected)
    event.add("x-chukan-kind", "period")
    event.add("x-chukan-mode", period.mode.value)
    if milestone is not None:
        event.add("x-chukan-milestone", milestone.id)
    return _allday_text(event, period.first_day, period.last_day)


def _milestone_event(m: Milestone, lang: str) -> Event:
    summary = _titled(m.title(lang), m.expected, lang)
    event = _event(
        f"milestone-{m.id}", summary, _milestone_lines(m, lang), [msg("ics.milestone").text(lang)], m.expected
    )
    event.add("x-chukan-kind", "milestone")
    event.add("x-chukan-milestone", m.id)
    return _allday_text(event, m.first_day, m.last_day)


def _cancel(old: Event, lang: str, stamp: datetime, sequence: int) -> Event:
    """An event of the previous plan that the new one no longer has, cancelled (RFC 5545 3.8.1.11)."""
    event = Event()
    event.add("uid", str(old["UID"]))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED")
    event.add("summary", msg("ics.cancelled", summary=str(old["SUMMARY"])).text(lang))
    for key in ("DTSTART", "DTEND"):
        event.add(key.lower(), old.decoded(key))
    for key in ("X-CHUKAN-OPERATION", "X-CHUKAN-KIND", "X-CHUKAN-MODE", "X-CHUKAN-MILESTONE"):
        if key in old:
            event.add(key.lower(), str(old[key]))
    event.add("transp", "TRANSPARENT")
    return event
