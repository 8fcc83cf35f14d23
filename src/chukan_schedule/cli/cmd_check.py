"""``chukan-schedule check TIMESTAMP``: the verdict at an instant (可否), per operation, and why."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
from ..model import DayPlan, DayType, Mode, Operation
from ..render import format_instant, format_table, text
from .output import EXIT_NOT_ALLOWED, EXIT_OK, CliError, print_json, say
from .parsing import Once, operation, timestamp
from .phrases import brackets, window_text
from .shapes import day_json, decision_json
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
    # Every operation allowed at the instant, whatever --operation asks about: the server's
    # hours (``operating``) do not say it (registration runs on until 24:00 on weekdays).
    allowed = [op for op in Operation if plan.allows(op, at)]
    day = plan.day(local.date())
    if args.json:
        print_json(
            {
                "at": local.isoformat(),
                "mode": mode.value,
                "day": day_json(day),
                "operating": operating,
                "allowed_operations": [op.value for op in allowed],
                "operations": {d.operation.value: decision_json(d, plan) for d in decisions},
            }
        )
        return status
    lines = [
        heading(format_instant(local, lang), mode, operating, allowed, lang),
        msg("out.day", day=day_text(day, lang)).text(lang),
        "",
    ]
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
    lines += ["", msg("out.reasons").text(lang)]
    for d in decisions:
        lines.append(f"  {d.operation.text(lang)}{brackets(text('yes' if d.allowed else 'no', lang), lang)}")
        lines += [f"    [{r.clause}] {r.text(lang)}" for r in d.reasons]
    say("\n".join(lines))
    return status


def heading(instant: str, mode: Mode, operating: bool, allowed: list[Operation], lang: str) -> str:
    """What is open: ``normal mode, the server is operating``; outside the server's hours, what
    still runs (``outside regular hours: registration only``); ``planned stop (…down all day)``."""
    if mode is Mode.PLANNED_STOP:
        return msg("out.state_stopped", instant=instant, mode=mode, state=msg("label.planned_stop")).text(lang)
    if operating:
        state = msg("label.operating")
    elif allowed:
        names = text("ops_and", lang).join(op.text(lang) for op in allowed)
        state = msg("out.outside_hours_only", operations=names)
    else:
        state = msg("label.outside_hours")
    return msg("out.state", instant=instant, mode=mode, state=state).text(lang)


def day_text(day: DayPlan, lang: str) -> str:
    """``weekday``, ``rest day (Saturday)``, ``rest day (Marine Day)``; 平日, 土日祝日（海の日）."""
    if day.day_type is DayType.WEEKDAY:
        return text("weekday_day", lang)
    why = day.holiday(lang) or text("saturday" if day.day.weekday() == 5 else "sunday", lang)
    return msg("out.rest_day", why=why).text(lang)
