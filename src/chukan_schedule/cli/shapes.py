"""The JSON shapes of the command line's answers (``--json``), each defined once.

A window and a decision are shaped by :meth:`Window.to_json` and :meth:`Decision.to_json`,
so that a service using the library returns the very objects the command line prints.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..engine import Plan
from ..model import DayPlan, Decision, OpDay, Window
from ..value import evolve


def iso(t: datetime | None, plan: Plan) -> str | None:
    """``t`` in the plan's zone, ISO 8601 with its offset; ``None`` stays ``None``."""
    return None if t is None else t.astimezone(plan.tz).isoformat()


def window_json(w: Window | None, plan: Plan) -> dict[str, Any] | None:
    """:meth:`Window.to_json` with both ends in the plan's zone; ``None`` stays ``None``."""
    if w is None:
        return None
    if w.start.tzinfo is not plan.tz or w.end.tzinfo is not plan.tz:
        w = evolve(w, start=w.start.astimezone(plan.tz), end=w.end.astimezone(plan.tz))
    return w.to_json()


def decision_json(d: Decision, plan: Plan) -> dict[str, Any]:
    """:meth:`Decision.to_json`, its windows in the plan's zone."""
    shape = d.to_json()
    shape["window"] = window_json(d.window, plan)
    shape["next_window"] = window_json(d.next_window, plan)
    return shape


def day_json(day: DayPlan) -> dict[str, Any]:
    """The kind of day: ``{"date", "type": "weekday" | "rest_day", "holiday": {"en", "ja"} | None}``."""
    holiday = None if day.holiday_en is None else {"en": day.holiday_en, "ja": day.holiday_ja}
    return {"date": day.day.isoformat(), "type": day.day_type.value, "holiday": holiday}


def span_json(span: OpDay, day: DayPlan, plan: Plan) -> dict[str, Any]:
    return {
        "start": iso(span.start, plan),
        "end": iso(span.end, plan),
        "clause": span.rule.clause if span.rule is not None else day.period.clause,
        "expected": span.rule.expected_on(day.day) if span.rule is not None else False,
    }
