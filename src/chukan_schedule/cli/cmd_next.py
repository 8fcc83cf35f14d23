"""``chukan-schedule next OP TIMESTAMP``: an operation's window open at an instant (until when), and the next one."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
from ..model import Operation
from ..render import format_instant
from .output import EXIT_NOT_ALLOWED, EXIT_OK, print_json, say
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
    now = plan.window_at(op, at)
    w = plan.next_window(op, at)
    local = at.astimezone(plan.tz)
    # 1: nothing left to do in the plan (no window open now, none later), like check's "not allowed".
    status = EXIT_OK if now is not None or w is not None else EXIT_NOT_ALLOWED
    if args.json:
        print_json(
            {
                "operation": op.value,
                "after": local.isoformat(),
                "window": window_json(now, plan),
                "next_window": window_json(w, plan),
            }
        )
        return status
    when = format_instant(local, lang)
    lines = []
    if now is not None:
        until = format_instant(now.end.astimezone(plan.tz), lang)
        window = window_text(now, plan, lang)
        clauses = ", ".join(now.clauses)
        lines.append(
            msg("out.open_now", operation=op, instant=when, end=until, window=window, clauses=clauses).text(lang)
        )
    if w is None:
        end = format_instant(plan.coverage_end.astimezone(plan.tz), lang)
        lines.append(msg("out.next_none", operation=op, instant=when, end=end).text(lang))
    else:
        window = window_text(w, plan, lang)
        clauses = ", ".join(w.clauses)
        lines.append(msg("out.next", operation=op, instant=when, window=window, clauses=clauses).text(lang))
    say("\n".join(lines))
    return status
