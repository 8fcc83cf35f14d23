"""``chukan-schedule ics``: the plan as an iCalendar file (RFC 5545)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
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
        help=help_text("help.ics.previous"),
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
            raise CliError(msg("cli.previous_revision", previous=args.previous, old=old, new=new))
    write_or_print(ics.to_ical(plan, operations=operations, lang=lang, previous=previous), args.output)
    return EXIT_OK
