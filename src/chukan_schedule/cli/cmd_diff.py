"""``chukan-schedule diff OLD.toml NEW.toml``: what changed between two plan files."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from ..planfile import load_plan
from .output import EXIT_NOT_ALLOWED, EXIT_OK, print_json, say


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add(
        "diff",
        "what changed between two plan files, day by day and operation by operation: windows moved, "
        "opened or removed, modes, milestones (exit status 0: no change, 1: changes)",
    )
    p.add_argument("old", metavar="OLD.toml", help="the plan as it was")
    p.add_argument("new", metavar="NEW.toml", help="the corrected plan")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    from ..diff import compare  # here: diff reads ics (icalendar), which the other commands start without

    changes = compare(load_plan(args.old), load_plan(args.new))
    if args.json:
        print_json(changes.to_json())
    else:
        say("\n".join(changes.lines(lang)))
    return EXIT_NOT_ALLOWED if changes else EXIT_OK
