"""``chukan-schedule next OP TIMESTAMP``: the next window of an operation."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
from ..model import Operation
from ..render import format_instant
from .output import EXIT_OK, print_json, say
from .parsing import OPERATION_HELP, operation, timestamp
from .phrases import window_text
from .shapes import window_json
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("next", help_text("help.next"))
    p.add_argument("operation", metavar="OP", type=operation, help=OPERATION_HELP)
    p.add_argument("timestamp", metavar="TIMESTAMP", help=help_text("help.timestamp"))
    p.add_argument("--json", action="store_true", help=help_text("help.json"))
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
        say(msg("out.next_none", operation=op, instant=when, end=end).text(lang))
        return EXIT_OK
    window = window_text(w, plan, lang)
    say(msg("out.next", operation=op, instant=when, window=window, clauses=", ".join(w.clauses)).text(lang))
    return EXIT_OK
