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
from .ics import day_text, hours_text
from .model import Milestone, Mode, Operation

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
        words = _WORDS_JA if lang == "ja" else _WORDS_EN
        old, new = self.old, self.new
        heading = words["heading"].format(
            old=old.id, old_rev=old.data.revision, new=new.id, new_rev=new.data.revision, n=len(self)
        )
        if not self:
            return [heading, words["none"]]
        out = [heading]
        for mc in self.modes:
            days = day_text(mc.first_day, lang)
            if mc.last_day != mc.first_day:
                days += ("～" if lang == "ja" else "–") + day_text(mc.last_day, lang)
            out.append(words["mode"].format(days=days, old=_mode(mc.old, lang), new=_mode(mc.new, lang)))
        for w in self.windows:
            op = w.operation.text(lang)
            old_hours = hours_text(*w.old, lang) if w.old is not None else ""
            new_hours = hours_text(*w.new, lang) if w.new is not None else ""
            out.append(words[w.change].format(day=day_text(w.day, lang), op=op, old=old_hours, new=new_hours))
        for c in self.milestones:
            m = c.new if c.new is not None else c.old
            assert m is not None
            old_days = _days(c.old, lang) if c.old is not None else ""
            new_days = _days(c.new, lang) if c.new is not None else ""
            what = _what_changed(c.old, c.new, lang) if c.change == "changed" else ""
            out.append(
                words[f"milestone_{c.change}"].format(
                    title=m.title(lang),
                    old=old_days,
                    new=new_days,
                    old_title=c.old.title(lang) if c.old else "",
                    what=what,
                )
            )
        return out

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
            raise TypeError(f"{name} must be a chukan_schedule.Plan, got {type(value).__name__}")
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


def _mode(mode: Mode | None, lang: str) -> str:
    if mode is None:
        return "範囲外" if lang == "ja" else "not covered"
    return mode.text(lang)


def _what_changed(old: Milestone | None, new: Milestone | None, lang: str) -> str:
    """What changed in a milestone whose days did not: its words, its clause, whether it is 想定."""
    assert old is not None and new is not None
    words = _WORDS_JA if lang == "ja" else _WORDS_EN
    parts = []
    if (old.en, old.ja) != (new.en, new.ja):
        parts.append(words["now_titled"].format(title=new.title(lang)))
    if old.clause != new.clause:
        parts.append(words["clause"].format(old=old.clause, new=new.clause))
    if (old.expected, old.end_expected) != (new.expected, new.end_expected):
        key = "expected_true" if new.expected else "expected_end" if new.end_expected else "expected_false"
        parts.append(words[key])
    return words["and"].join(parts)


def _days(m: Milestone, lang: str) -> str:
    text = day_text(m.first_day, lang)
    if m.last_day != m.first_day:
        text += ("～" if lang == "ja" else "–") + day_text(m.last_day, lang)
    return text


# The words, English and Japanese side by side.
_WORDS_EN = {
    "heading": "Plan {old} (revision {old_rev}) → {new} (revision {new_rev}): {n} change(s)",
    "none": "No changes.",
    "mode": "{days}: mode {old} → {new}",
    "moved": "{day}, {op}: moved from {old} to {new}",
    "opened": "{day}, {op}: opened {new}",
    "removed": "{day}, {op}: removed {old} (no longer possible)",
    "milestone_added": "Milestone added: {title} ({new})",
    "milestone_removed": "Milestone removed: {title} ({old})",
    "milestone_moved": "Milestone {title}: moved from {old} to {new}",
    "milestone_changed": "Milestone {old_title} ({new}): {what}",
    "now_titled": "now “{title}”",
    "clause": "clause {old} → {new}",
    "expected_true": "now expected (想定)",
    "expected_end": "now only its end expected (想定)",
    "expected_false": "no longer expected",
    "and": "; ",
}
_WORDS_JA = {
    "heading": "計画 {old}（改訂 {old_rev}）→ {new}（改訂 {new_rev}）：変更 {n} 件",
    "none": "変更はありません。",
    "mode": "{days}：稼働モード {old} → {new}",
    "moved": "{day}　{op}：{old} から {new} に変更",
    "opened": "{day}　{op}：{new} が新たに可能",
    "removed": "{day}　{op}：{old} は不可に（取りやめ）",
    "milestone_added": "日程の追加：{title}（{new}）",
    "milestone_removed": "日程の削除：{title}（{old}）",
    "milestone_moved": "日程「{title}」：{old} から {new} に変更",
    "milestone_changed": "日程「{old_title}」（{new}）：{what}",
    "now_titled": "「{title}」に変更",
    "clause": "条項 {old} → {new}",
    "expected_true": "想定に変更",
    "expected_end": "終了のみ想定に変更",
    "expected_false": "想定ではなくなりました",
    "and": "、",
}
