"""What changed between two plans (計画の比較): windows, modes and milestones, day by day.

:func:`compare` takes the plan as it was and the corrected one and lists:

* each window that moved (its hours changed), opened (new) or was removed, keyed as its
  calendar event is (:mod:`.ics`): the operation and the local day it starts on;
* each run of days whose mode changed (table T), or that one plan covers and the other not;
* each milestone (by id) added, removed, moved (its days changed) or changed (its words,
  clause or whether it is expected).

Nothing is compared by its wording alone except the milestones' own words.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import attrs

from .engine import Plan
from .errors import PlanTypeError
from .messages import Message, msg
from .model import Milestone, Mode, Operation
from .render import format_days, format_short_day, format_window_hours

__all__ = ["MilestoneChange", "ModeChange", "PlanDiff", "WindowChange", "compare"]


@attrs.frozen
class WindowChange:
    """One operation's window starting on ``day``: ``moved``, ``opened`` or ``removed``."""

    day: date
    operation: Operation
    change: str
    old: tuple[datetime, datetime] | None
    new: tuple[datetime, datetime] | None


@attrs.frozen
class ModeChange:
    """Days ``first_day..last_day`` (inclusive) whose mode went from ``old`` to ``new`` (None: not covered)."""

    first_day: date
    last_day: date
    old: Mode | None
    new: Mode | None


@attrs.frozen
class MilestoneChange:
    """A milestone ``added``, ``removed``, ``moved`` (its days) or ``changed`` (its words, clause, 想定)."""

    id: str
    change: str
    old: Milestone | None
    new: Milestone | None


@attrs.frozen
class PlanDiff:
    """The changes from ``old`` to ``new``, each list in day order."""

    old: Plan
    new: Plan
    windows: tuple[WindowChange, ...]
    modes: tuple[ModeChange, ...]
    milestones: tuple[MilestoneChange, ...]

    def __bool__(self) -> bool:
        """True when anything changed."""
        return bool(self.windows or self.modes or self.milestones)

    def __len__(self) -> int:
        return len(self.windows) + len(self.modes) + len(self.milestones)

    def lines(self, lang: str = "en") -> list[str]:
        """The changes in words (``"en"`` or ``"ja"``), a heading first."""
        old, new = self.old, self.new
        heading = msg(
            "diff.heading", old=old.id, old_rev=old.data.revision, new=new.id, new_rev=new.data.revision, n=len(self)
        )
        if not self:
            return [heading.text(lang), msg("diff.none").text(lang)]
        out = [heading]
        zoned = old.tz != new.tz  # the same wall clock is another instant: say the zone, and name it on the hours
        if zoned:
            out.append(msg("diff.zone", old=str(old.tz), new=str(new.tz)))
        for mc in self.modes:
            days = format_days(mc.first_day, mc.last_day, lang)
            out.append(msg("diff.mode", days=days, old=_mode(mc.old), new=_mode(mc.new)))
        for w in self.windows:
            # The hours as the command line writes a window's (08:00-21:00, 8:00～21:00).
            old_hours = _hours(w.old, lang, zoned)
            new_hours = _hours(w.new, lang, zoned)
            day = format_short_day(w.day, lang)
            out.append(msg(_WINDOW_CHANGE[w.change], day=day, op=w.operation, old=old_hours, new=new_hours))
        for c in self.milestones:
            out.append(_milestone_line(c, lang))
        return [line.text(lang) for line in out]

    def to_json(self) -> dict[str, Any]:
        """The changes as JSON-ready values (ISO 8601 times in the plans' zone)."""

        def span(s: tuple[datetime, datetime] | None, plan: Plan) -> dict[str, str] | None:
            if s is None:
                return None
            return {"start": s[0].astimezone(plan.tz).isoformat(), "end": s[1].astimezone(plan.tz).isoformat()}

        def milestone(m: Milestone | None) -> dict[str, Any] | None:
            if m is None:
                return None
            return {
                "first_day": m.first_day.isoformat(),
                "last_day": m.last_day.isoformat(),
                "clause": m.clause,
                "en": m.en,
                "ja": m.ja,
                "expected": "end" if m.end_expected else m.expected,
            }

        def plan(p: Plan) -> dict[str, Any]:
            return {"id": p.id, "revision": p.data.revision, "source": p.source}

        return {
            "old": plan(self.old),
            "new": plan(self.new),
            "changes": len(self),
            "modes": [
                {
                    "first_day": m.first_day.isoformat(),
                    "last_day": m.last_day.isoformat(),
                    "old": None if m.old is None else m.old.value,
                    "new": None if m.new is None else m.new.value,
                }
                for m in self.modes
            ],
            "windows": [
                {
                    "day": w.day.isoformat(),
                    "operation": w.operation.value,
                    "change": w.change,
                    "old": span(w.old, self.old),
                    "new": span(w.new, self.new),
                }
                for w in self.windows
            ],
            "milestones": [
                {"id": c.id, "change": c.change, "old": milestone(c.old), "new": milestone(c.new)}
                for c in self.milestones
            ],
        }


def compare(old: Plan, new: Plan) -> PlanDiff:
    """What changed from plan ``old`` to plan ``new``."""
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Plan):
            raise PlanTypeError(msg("plan.type", parameter=name, type=type(value).__name__))
    return PlanDiff(old, new, _windows(old, new), _modes(old, new), _milestones(old, new))


def _starts(plan: Plan, op: Operation) -> dict[date, tuple[datetime, datetime]]:
    return {w.start.astimezone(plan.tz).date(): (w.start, w.end) for w in plan.windows(op)}


def _windows(old: Plan, new: Plan) -> tuple[WindowChange, ...]:
    out: list[WindowChange] = []
    for op in Operation:
        before, after = _starts(old, op), _starts(new, op)
        for day in sorted(before.keys() | after.keys()):
            a, b = before.get(day), after.get(day)
            if a == b:
                continue
            change = "opened" if a is None else "removed" if b is None else "moved"
            out.append(WindowChange(day, op, change, a, b))
    order = list(Operation)
    return tuple(sorted(out, key=lambda c: (c.day, order.index(c.operation))))


def _mode_of(plan: Plan) -> dict[date, Mode]:
    return {d.day: d.mode for d in plan.days}


def _modes(old: Plan, new: Plan) -> tuple[ModeChange, ...]:
    before, after = _mode_of(old), _mode_of(new)
    out: list[ModeChange] = []
    for day in sorted(before.keys() | after.keys()):
        a, b = before.get(day), after.get(day)
        if a == b:
            continue
        last = out[-1] if out else None
        if last is not None and (last.old, last.new) == (a, b) and last.last_day + timedelta(days=1) == day:
            out[-1] = attrs.evolve(last, last_day=day)
        else:
            out.append(ModeChange(day, day, a, b))
    return tuple(out)


def _milestones(old: Plan, new: Plan) -> tuple[MilestoneChange, ...]:
    before = {m.id: m for m in old.milestones}
    after = {m.id: m for m in new.milestones}
    out: list[MilestoneChange] = []
    for mid in before.keys() | after.keys():
        a, b = before.get(mid), after.get(mid)
        if a == b:
            continue
        if a is None or b is None:
            out.append(MilestoneChange(mid, "added" if a is None else "removed", a, b))
        elif (a.first_day, a.last_day) != (b.first_day, b.last_day):
            out.append(MilestoneChange(mid, "moved", a, b))
        else:
            out.append(MilestoneChange(mid, "changed", a, b))

    def when(c: MilestoneChange) -> tuple[date, str]:
        m = c.new if c.new is not None else c.old
        assert m is not None
        return m.first_day, c.id

    return tuple(sorted(out, key=when))


#: The line of each kind of window change.
_WINDOW_CHANGE = {"moved": "diff.moved", "opened": "diff.opened", "removed": "diff.removed"}


def _hours(span: tuple[datetime, datetime] | None, lang: str, zoned: bool) -> str:
    """A window's hours (none: empty), with its zone's abbreviation when the plans' zones differ."""
    if span is None:
        return ""
    hours = format_window_hours(*span, lang)
    return f"{hours} {span[0].tzname()}" if zoned else hours


def _mode(mode: Mode | None) -> Mode | Message:
    return msg("diff.not_covered") if mode is None else mode


def _milestone_line(c: MilestoneChange, lang: str) -> Message:
    old, new = c.old, c.new
    if c.change == "added" and new is not None:
        return msg("diff.milestone_added", title=new.title(lang), new=_days(new, lang))
    if c.change == "removed" and old is not None:
        return msg("diff.milestone_removed", title=old.title(lang), old=_days(old, lang))
    assert old is not None and new is not None
    if c.change == "moved":
        return msg("diff.milestone_moved", title=new.title(lang), old=_days(old, lang), new=_days(new, lang))
    return msg(
        "diff.milestone_changed", title=old.title(lang), days=_days(new, lang), what=_what_changed(old, new, lang)
    )


def _what_changed(old: Milestone, new: Milestone, lang: str) -> str:
    """What changed in a milestone whose days did not: its words, its clause, whether it is 想定."""
    parts: list[Message] = []
    if (old.en, old.ja) != (new.en, new.ja):
        parts.append(msg("diff.now_titled", title=new.title(lang)))
    if old.clause != new.clause:
        parts.append(msg("diff.clause", old=old.clause, new=new.clause))
    if (old.expected, old.end_expected) != (new.expected, new.end_expected):
        key = (
            "diff.expected_true" if new.expected else "diff.expected_end" if new.end_expected else "diff.expected_false"
        )
        parts.append(msg(key))
    return msg("diff.and").text(lang).join(part.text(lang) for part in parts)


def _days(m: Milestone, lang: str) -> str:
    return format_days(m.first_day, m.last_day, lang)
