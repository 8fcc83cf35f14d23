"""The JSON shapes of the command line's answers (``--json``), each defined once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..engine import Plan
from ..model import DayPlan, Decision, OpDay, Reason, Window


def iso(t: datetime | None, plan: Plan) -> str | None:
    """``t`` in the plan's zone, ISO 8601 with its offset; ``None`` stays ``None``."""
    return None if t is None else t.astimezone(plan.tz).isoformat()


def window_json(w: Window | None, plan: Plan) -> dict[str, Any] | None:
    if w is None:
        return None
    return {"start": iso(w.start, plan), "end": iso(w.end, plan), "clauses": list(w.clauses)}


def reason_json(r: Reason) -> dict[str, str]:
    return {"clause": r.clause, "en": r.en, "ja": r.ja}


def decision_json(d: Decision, plan: Plan) -> dict[str, Any]:
    return {
        "allowed": d.allowed,
        "window": window_json(d.window, plan),
        "next_window": window_json(d.next_window, plan),
        "reasons": [reason_json(r) for r in d.reasons],
    }


def span_json(span: OpDay, day: DayPlan, plan: Plan) -> dict[str, Any]:
    return {
        "start": iso(span.start, plan),
        "end": iso(span.end, plan),
        "clause": span.rule.clause if span.rule is not None else day.period.clause,
        "expected": span.rule.expected if span.rule is not None else False,
    }
