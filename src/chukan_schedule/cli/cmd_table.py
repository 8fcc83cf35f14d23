"""``chukan-schedule table``: the plan day by day (稼働状況表), the notice's table T made exact."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
from ..model import DayPlan, OpDay, Operation
from ..render import format_table, format_window, text, weekday_name
from .output import EXIT_OK, print_json, say
from .phrases import brackets
from .shapes import span_json
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("table", help_text("help.table"))
    p.add_argument("--json", action="store_true", help=help_text("help.json"))
    p.set_defaults(handler=run)


def _hours(span: OpDay, plan: Plan, lang: str) -> str | None:
    if span.start is None or span.end is None:
        return None
    text_ = format_window(span.start.astimezone(plan.tz), span.end.astimezone(plan.tz), lang)
    return text_.split(" ", 2)[-1]  # drop the day: "09:00-17:00", "9:00～17:00"


def _cell(span: OpDay, day: DayPlan, plan: Plan, lang: str) -> str:
    hours = _hours(span, plan, lang)
    if hours is not None:
        return hours
    clause = span.rule.clause if span.rule is not None else day.period.clause
    if span.rule is not None and span.rule.expected_on(day.day):
        clause = msg("out.clause_expected", clause=clause, expected=msg("label.expected")).text(lang)
    return text("no", lang) + brackets(clause, lang)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    days = plan.days
    if args.json:
        print_json(
            {
                "plan": plan.id,
                "title": {"en": plan.title("en"), "ja": plan.title("ja")},
                "days": [
                    {
                        "date": d.day.isoformat(),
                        "weekday": weekday_name(d.day, "en"),
                        "mode": d.mode.value,
                        "day_type": d.day_type.value,
                        "holiday": None if d.holiday_en is None else {"en": d.holiday_en, "ja": d.holiday_ja},
                        "period": {"clause": d.period.clause, "en": d.period.en, "ja": d.period.ja},
                        "server": span_json(d.server, d, plan),
                        "operations": {op.value: span_json(d.operations[op], d, plan) for op in Operation},
                    }
                    for d in days
                ],
            }
        )
        return EXIT_OK
    headers = [text("date", lang), text("weekday", lang), text("mode", lang), text("server", lang)]
    headers += [op.text(lang) for op in Operation] + [text("holiday", lang)]
    rows = []
    for d in days:
        row = [d.day.isoformat(), weekday_name(d.day, lang), d.mode.text(lang), _cell(d.server, d, plan, lang)]
        row += [_cell(d.operations[op], d, plan, lang) for op in Operation]
        row.append(d.holiday(lang) or "")
        rows.append(row)
    say(plan.title(lang))
    say("")
    say(format_table(headers, rows))
    return EXIT_OK
