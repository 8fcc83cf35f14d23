"""``chukan-schedule ics``: the plan as an iCalendar file (RFC 5545)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..model import Operation
from .output import EXIT_OK, CliError, missing, write_or_print
from .parsing import OUTPUT_HELP, operation
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("ics", help_text("help.ics"))
    p.add_argument(
        "--operation",
        "-o",
        dest="operations",
        action="append",
        type=operation,
        metavar="OP",
        help=help_text("help.ics.operation"),
    )
    p.add_argument(
        "--previous",
        metavar="OLD.toml",
        help="the plan file this one corrects (a lower revision): its events that are gone come back "
        "with STATUS:CANCELLED, so that calendars that imported it remove them",
    )
    p.add_argument("--output", metavar="FILE", help=OUTPUT_HELP)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from .. import ics
    except ImportError as exc:
        raise missing("ics", exc) from None
    operations: list[Operation] | None = args.operations
    previous = None
    if args.previous is not None:
        from ..planfile import load_plan

        previous = load_plan(args.previous)
        old, new = previous.data.revision, plan.data.revision
        if old >= new:
            raise CliError(
                f"--previous {args.previous} has revision {old} and the plan revision {new}; "
                "expected a plan whose revision is higher than the previous one's, so that calendars apply the changes",
                f"--previous {args.previous} の改訂番号は {old}、計画の改訂番号は {new} です。"
                "カレンダーに変更を反映させるため、前の計画より大きい改訂番号（revision）の計画を指定してください",
            )
    write_or_print(ics.to_ical(plan, operations=operations, lang=lang, previous=previous), args.output)
    return EXIT_OK
