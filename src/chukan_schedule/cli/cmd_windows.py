"""``chukan-schedule windows OP``: the windows (時間帯) in which an operation is allowed."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..errors import OutsidePlanError
from ..messages import msg
from ..model import Operation
from ..render import format_duration, format_instant, format_table, text
from .output import EXIT_OK, CliError, print_json, say
from .parsing import OPERATION_HELP, operation, timestamp
from .phrases import window_text
from .shapes import iso, window_json
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("windows", help_text("help.windows"))
    p.add_argument("operation", metavar="OP", type=operation, help=OPERATION_HELP)
    p.add_argument("--from", dest="start", metavar="TS", help=help_text("help.windows.from"))
    p.add_argument("--to", dest="end", metavar="TS", help=help_text("help.windows.to"))
    p.add_argument("--json", action="store_true", help=help_text("help.json"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    op: Operation = args.operation
    start = timestamp(args.start, plan, "--from") if args.start is not None else plan.coverage_start
    end = timestamp(args.end, plan, "--to") if args.end is not None else plan.coverage_end
    try:
        windows = plan.windows(op, start, end)
    except OutsidePlanError:
        raise
    except ValueError:  # end before start
        raise CliError(msg("cli.to_before_from", end=iso(end, plan), start=iso(start, plan))) from None
    if args.json:
        print_json(
            {
                "operation": op.value,
                "from": iso(start, plan),
                "to": iso(end, plan),
                "windows": [window_json(w, plan) for w in windows],
            }
        )
        return EXIT_OK
    first, last = format_instant(start.astimezone(plan.tz), lang), format_instant(end.astimezone(plan.tz), lang)
    span = msg("out.span", start=first, end=last).text(lang)
    head = msg("out.windows_head", operation=op, count=len(windows), span=span).text(lang)
    rows = [
        [str(i), window_text(w, plan, lang), format_duration(w.duration_seconds, lang), ", ".join(w.clauses)]
        for i, w in enumerate(windows, 1)
    ]
    headers = [text("number", lang), text("windows_window", lang)]
    headers += [text("duration", lang), text("clauses", lang)]
    say(head)
    if rows:
        say("")
        say(format_table(headers, rows))
    return EXIT_OK
