"""``chukan-schedule next OP TIMESTAMP``: the next window of an operation."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..model import Operation
from ..render import format_instant
from .output import EXIT_OK, print_json, say
from .parsing import OPERATION_HELP, operation, timestamp
from .phrases import window_text
from .shapes import window_json


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("next", "the next window of an operation opening strictly after an instant")
    p.add_argument("operation", metavar="OP", type=operation, help=OPERATION_HELP)
    p.add_argument("timestamp", metavar="TIMESTAMP", help="the instant (no offset means JST)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    op: Operation = args.operation
    at = timestamp(args.timestamp, plan, "TIMESTAMP")
    w = plan.next_window(op, at)
    local = at.astimezone(plan.tz)
    if args.json:
        print_json({"operation": op.value, "after": local.isoformat(), "next_window": window_json(w, plan)})
        return EXIT_OK
    when = format_instant(local, lang)
    if w is None:
        end = format_instant(plan.coverage_end.astimezone(plan.tz), lang)
        if lang == "ja":
            say(f"{when}より後に始まる{op.ja}の時間帯は計画内にありません（計画は{end}まで）")
        else:
            say(f"no {op.en} window opens after {when} within the plan (it ends {end})")
        return EXIT_OK
    clauses = ", ".join(w.clauses)
    if lang == "ja":
        say(f"{when}の次の{op.ja}の時間帯: {window_text(w, plan, lang)} [{clauses}]")
    else:
        say(f"next {op.en} window after {when}: {window_text(w, plan, lang)} [{clauses}]")
    return EXIT_OK
