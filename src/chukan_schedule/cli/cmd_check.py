"""``chukan-schedule check TIMESTAMP``: the verdict at an instant (可否), per operation, and why."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
from ..model import Mode, Operation
from ..render import format_instant, format_table, text
from .output import EXIT_NOT_ALLOWED, EXIT_OK, CliError, print_json, say
from .parsing import Once, operation, timestamp
from .phrases import brackets, window_text
from .shapes import decision_json
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("check", help_text("help.check"))
    p.add_argument("timestamp", metavar="TIMESTAMP", help=help_text("help.timestamp"))
    p.add_argument(
        "--operation",
        "-o",
        type=operation,
        action=Once,
        metavar="OP",
        help=help_text("help.check.operation"),
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=help_text("help.json"))
    out.add_argument("--quiet", "-q", action="store_true", help=help_text("help.check.quiet"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    at = timestamp(args.timestamp, plan, "TIMESTAMP")
    if args.quiet and args.operation is None:
        raise CliError(msg("cli.quiet_needs_operation"))
    ops: list[Operation] = [args.operation] if args.operation is not None else list(Operation)
    decisions = [plan.check(op, at) for op in ops]
    local = at.astimezone(plan.tz)
    mode = plan.mode_at(at)
    operating = plan.is_operating(at)
    status = EXIT_OK
    if args.operation is not None and not decisions[0].allowed:
        status = EXIT_NOT_ALLOWED
    if args.quiet:
        return status
    if args.json:
        print_json(
            {
                "at": local.isoformat(),
                "mode": mode.value,
                "operating": operating,
                "operations": {d.operation.value: decision_json(d, plan) for d in decisions},
            }
        )
        return status
    state = text("operating" if operating else "planned_stop" if mode is Mode.PLANNED_STOP else "outside_hours", lang)
    lines = [msg("out.state", instant=format_instant(local, lang), mode=mode, state=state).text(lang), ""]
    rows = []
    for d in decisions:
        rows.append(
            [
                d.operation.text(lang),
                text("yes" if d.allowed else "no", lang),
                window_text(d.window, plan, lang),
                window_text(d.next_window, plan, lang),
            ]
        )
    headers = [text(k, lang) for k in ("operation", "allowed", "window", "next_window")]
    lines.append(format_table(headers, rows))
    lines += ["", f"{text('reasons', lang)}:"]
    for d in decisions:
        lines.append(f"  {d.operation.text(lang)}{brackets(text('yes' if d.allowed else 'no', lang), lang)}")
        lines += [f"    [{r.clause}] {r.text(lang)}" for r in d.reasons]
    say("\n".join(lines))
    return status
