"""Plan files: the TOML format a plan is declared in, read with :mod:`tomllib`.

The format (see ``plans/2017-07.toml``, the embedded July 2017 plan)::

    format = 1
    id, en, ja          the plan's name
    timezone            an IANA zone, e.g. "Asia/Tokyo"
    holidays            a country code for the ``holidays`` package, e.g. "JP"
    revision            optional: an integer >= 0 (default 0), raised with each correction
    revised             optional: when this revision was made (a TOML date-time; a local
                        one is wall-clock time in the plan's zone)
    [coverage]          first_day, last_day (inclusive dates)
    [[period]]          first_day, last_day, mode, clause, en, ja   (must tile the coverage)
    [[milestone]]       id, first_day, last_day, clause, en, ja, and optionally
                        expected (true: the milestone is 想定; "end": only its end is)
    [[rule]]            subject (an operation or "server"), modes, clause, en, ja, and
                        optionally days ("weekday"/"rest_day"), first_day/last_day or
                        during (a milestone id), hours ["HH:MM", "HH:MM"], expected
                        (true, or "end": only its last day; default: a ``during``
                        milestone's "end", else false)

A malformed file raises :class:`~chukan_schedule.errors.PlanFileError` naming the file, the
key and what was expected; ``rule[3]`` is the fourth ``[[rule]]`` table (counted from 0).  An
unknown key is an error too: a misspelt ``hour`` must not silently close a window.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import date, datetime, time
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .engine import Plan, PlanData, check_periods
from .errors import PlanFileError
from .messages import Listing, Message, msg, os_problem
from .model import DayType, Milestone, Mode, Operation, Period, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["EMBEDDED_PLAN", "load_plan", "parse_plan"]

#: The resource name of the embedded July 2017 plan inside the package.
EMBEDDED_PLAN = "2017-07.toml"

_SUBJECTS = ("server", *(op.value for op in Operation))

# The keys each table may hold: anything else is a typo that would silently change answers.
_KEYS = {
    "": (
        "format", "id", "en", "ja", "timezone", "holidays", "revision", "revised", "coverage", "period", "milestone",
        "rule",
    ),
    "coverage": ("first_day", "last_day"),
    "period": ("first_day", "last_day", "mode", "clause", "en", "ja"),
    "milestone": ("id", "first_day", "last_day", "clause", "en", "ja", "expected"),
    "rule": (
        "subject", "modes", "days", "first_day", "last_day", "during", "hours", "expected", "clause", "en", "ja",
    ),
}  # fmt: skip


def load_plan(path: str | PathLike[str]) -> Plan:
    """Read a plan file (the same shape as the embedded July 2017 plan) and compile it."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise PlanFileError(str(p), "", msg("plan.cannot_read", reason=os_problem(exc))) from exc
    except UnicodeDecodeError as exc:
        raise PlanFileError(str(p), "", msg("plan.not_utf8", reason=exc.reason)) from exc
    return parse_plan(text, source=str(p))


def load_embedded_plan(name: str = EMBEDDED_PLAN) -> Plan:
    """Read a plan shipped inside the package."""
    text = resources.files(__package__).joinpath("plans").joinpath(name).read_text(encoding="utf-8")
    return parse_plan(text, source=f"<embedded {name}>")


def parse_plan(text: str, source: str = "<string>") -> Plan:
    """Parse the TOML text of a plan file; ``source`` names it in errors."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanFileError(source, "", msg("plan.not_toml", detail=str(exc))) from exc
    return Plan(_Reader(source).plan_data(raw))


class _Reader:
    """Checks one plan file's values, naming the key of anything wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: Message) -> PlanFileError:
        return PlanFileError(self.source, key, problem)

    def get(self, table: Mapping[str, Any], key: str, where: str, kind: type, default: Any = ...) -> Any:
        full = f"{where}.{key}" if where else key
        if key not in table:
            if default is ...:
                raise self.fail(full, msg("plan.missing", kind=_kind(kind)))
            return default
        value = table[key]
        # tomllib gives datetime for dates with a time part: a datetime is not a date here.
        if not isinstance(value, kind) or (kind is date and hasattr(value, "hour")):
            raise self.fail(full, msg("plan.kind", kind=_kind(kind), value=repr(value)))
        return value

    def text(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value: str = self.get(table, key, where, str)
        if not value.strip():
            raise self.fail(f"{where}.{key}" if where else key, msg("plan.empty_text"))
        return value

    def known_keys(self, table: Mapping[str, Any], kind: str, where: str) -> None:
        for key in table:
            if key not in _KEYS[kind]:
                full = f"{where}.{key}" if where else key
                raise self.fail(full, msg("plan.unknown_key", keys=Listing(_KEYS[kind])))

    def tables(self, raw: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = raw.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
            raise self.fail(key, msg("plan.tables", key=key))
        return value

    def plan_data(self, raw: Mapping[str, Any]) -> PlanData:
        self.known_keys(raw, "", "")
        fmt = self.get(raw, "format", "", int)
        if fmt != 1:
            raise self.fail("format", msg("plan.format", value=repr(fmt)))
        tz_name = self.text(raw, "timezone", "")
        try:
            tz = ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise self.fail("timezone", msg("plan.timezone", value=repr(tz_name))) from exc
        coverage = self.get(raw, "coverage", "", dict)
        self.known_keys(coverage, "coverage", "coverage")
        first = self.get(coverage, "first_day", "coverage", date)
        last = self.get(coverage, "last_day", "coverage", date)
        if last < first:
            raise self.fail("coverage.last_day", msg("plan.last_before_first", first=first, last=last))
        milestones = tuple(self.milestone(t, f"milestone[{i}]") for i, t in enumerate(self.tables(raw, "milestone")))
        ids = [m.id for m in milestones]
        for i, m in enumerate(milestones):
            if ids.index(m.id) != i:
                raise self.fail(f"milestone[{i}].id", msg("plan.duplicate_id", id=repr(m.id)))
        by_id = {m.id: m for m in milestones}
        periods = tuple(self.period(t, f"period[{i}]") for i, t in enumerate(self.tables(raw, "period")))
        check_periods(self.source, periods, first, last)
        rules = tuple(self.rule(t, f"rule[{i}]", by_id) for i, t in enumerate(self.tables(raw, "rule")))
        for i, rule in enumerate(rules):
            if (rule.last_day is not None and rule.last_day < first) or (
                rule.first_day is not None and rule.first_day > last
            ):
                problem = msg("plan.rule_outside", first=rule.first_day, last=rule.last_day, cfirst=first, clast=last)
                raise self.fail(f"rule[{i}]", problem)
        return PlanData(
            source=self.source,
            id=self.text(raw, "id", ""),
            en=self.text(raw, "en", ""),
            ja=self.text(raw, "ja", ""),
            tz=tz,
            holidays=self.text(raw, "holidays", ""),
            first_day=first,
            last_day=last,
            periods=periods,
            milestones=tuple(sorted(milestones, key=lambda m: (m.first_day, m.last_day))),
            rules=rules,
            **self.revision(raw, tz),
        )

    def revision(self, raw: Mapping[str, Any], tz: ZoneInfo) -> dict[str, Any]:
        """The optional ``revision`` (an integer >= 0) and ``revised`` (an instant) of a corrected plan."""
        revision = self.get(raw, "revision", "", int, 0)
        if isinstance(revision, bool) or revision < 0:
            raise self.fail("revision", msg("plan.revision", value=repr(revision)))
        revised = self.get(raw, "revised", "", datetime, None)
        if revised is not None and (revised.tzinfo is None or revised.utcoffset() is None):
            revised = revised.replace(tzinfo=tz)
        return {"revision": revision, "revised": revised}

    def days(self, table: Mapping[str, Any], where: str) -> tuple[date, date]:
        first = self.get(table, "first_day", where, date)
        last = self.get(table, "last_day", where, date)
        if last < first:
            raise self.fail(f"{where}.last_day", msg("plan.last_before_first", first=first, last=last))
        return first, last

    def milestone(self, t: Mapping[str, Any], where: str) -> Milestone:
        self.known_keys(t, "milestone", where)
        first, last = self.days(t, where)
        return Milestone(
            id=self.text(t, "id", where),
            first_day=first,
            last_day=last,
            clause=self.text(t, "clause", where),
            en=self.text(t, "en", where),
            ja=self.text(t, "ja", where),
            **self.milestone_expected(t, where),
        )

    def milestone_expected(self, t: Mapping[str, Any], where: str) -> dict[str, bool]:
        value = t.get("expected", False)
        if value is True or value is False:
            return {"expected": value, "end_expected": False}
        if value == "end":
            return {"expected": False, "end_expected": True}
        raise self.fail(f"{where}.expected", msg("plan.milestone_expected", value=repr(value)))

    def mode(self, value: object, key: str) -> Mode:
        try:
            return Mode(value)
        except ValueError:
            valid = Listing(tuple(repr(m.value) for m in Mode))
            raise self.fail(key, msg("plan.one_of", valid=valid, value=repr(value))) from None

    def period(self, t: Mapping[str, Any], where: str) -> Period:
        self.known_keys(t, "period", where)
        first, last = self.days(t, where)
        return Period(
            first_day=first,
            last_day=last,
            mode=self.mode(self.get(t, "mode", where, str), f"{where}.mode"),
            clause=self.text(t, "clause", where),
            en=self.text(t, "en", where),
            ja=self.text(t, "ja", where),
        )

    def clock(self, value: object, key: str, allow_24: bool) -> time | None:
        if isinstance(value, str) and len(value) == 5 and value[2] == ":" and (value[:2] + value[3:]).isdigit():
            hh, mm = int(value[:2]), int(value[3:])
            if allow_24 and (hh, mm) == (24, 0):
                return None
            if hh < 24 and mm < 60:
                return time(hh, mm)
        raise self.fail(key, msg("plan.clock", latest="24:00" if allow_24 else "23:59", value=repr(value)))

    def rule(self, t: Mapping[str, Any], where: str, milestones: Mapping[str, Milestone]) -> Rule:
        self.known_keys(t, "rule", where)
        subject = self.get(t, "subject", where, str)
        if subject not in _SUBJECTS:
            valid = Listing(tuple(map(repr, _SUBJECTS)))
            raise self.fail(f"{where}.subject", msg("plan.one_of", valid=valid, value=repr(subject)))
        modes_raw = self.get(t, "modes", where, list)
        modes = frozenset(self.mode(m, f"{where}.modes") for m in modes_raw)
        if not modes or Mode.PLANNED_STOP in modes:
            raise self.fail(f"{where}.modes", msg("plan.modes"))
        days_raw = self.get(t, "days", where, str, None)
        day_type = None
        if days_raw is not None:
            try:
                day_type = DayType(days_raw)
            except ValueError:
                raise self.fail(f"{where}.days", msg("plan.days", value=repr(days_raw))) from None
        first = last = None
        end_expected = False
        if "during" in t:
            if "first_day" in t or "last_day" in t:
                raise self.fail(f"{where}.during", msg("plan.during_and_days"))
            ref = self.get(t, "during", where, str)
            if ref not in milestones:
                known = Listing(tuple(sorted(milestones)))
                raise self.fail(f"{where}.during", msg("plan.during", known=known, value=repr(ref)))
            first, last = milestones[ref].first_day, milestones[ref].last_day
            end_expected = milestones[ref].end_expected
        elif "first_day" in t or "last_day" in t:
            first, last = self.days(t, where)
        hours = None
        if "hours" in t:
            raw_hours = self.get(t, "hours", where, list)
            if len(raw_hours) != 2:
                raise self.fail(f"{where}.hours", msg("plan.hours", value=repr(raw_hours)))
            start = self.clock(raw_hours[0], f"{where}.hours[0]", allow_24=False)
            end = self.clock(raw_hours[1], f"{where}.hours[1]", allow_24=True)
            assert start is not None
            if end is not None and end <= start:
                raise self.fail(f"{where}.hours", msg("plan.hours_order", value=repr(raw_hours)))
            hours = (start, end)
        return Rule(
            subject=subject,
            clause=self.text(t, "clause", where),
            en=self.text(t, "en", where),
            ja=self.text(t, "ja", where),
            modes=modes,
            day_type=day_type,
            first_day=first,
            last_day=last,
            hours=hours,
            **self.rule_expected(t, where, last, end_expected),
        )

    def rule_expected(self, t: Mapping[str, Any], where: str, last: date | None, end: bool) -> dict[str, bool]:
        """``expected``: true (the whole rule is 想定), "end" (its last day only) or false; without
        the key, a rule ``during`` a milestone whose end is 想定 has that end (``end``)."""
        if "expected" not in t:
            return {"expected": False, "end_expected": end}
        value = t["expected"]
        if value is True or value is False:
            return {"expected": value, "end_expected": False}
        if value != "end":
            raise self.fail(f"{where}.expected", msg("plan.milestone_expected", value=repr(value)))
        if last is None:
            raise self.fail(f"{where}.expected", msg("plan.expected_end"))
        return {"expected": False, "end_expected": True}


def _kind(kind: type) -> Message:
    """What a value of ``kind`` is called in a message (``kind.int``: an integer, 整数)."""
    return msg(f"kind.{kind.__name__}")
