"""``chukan-schedule diff OLD.toml NEW.toml``: what changed between two plan files (either may be ``-``: stdin)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from .output import EXIT_NOT_ALLOWED, EXIT_OK, print_json, say
from .parsing import load_plan
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("diff", help_text("help.diff"))
    p.add_argument("old", metavar="OLD.toml", help=help_text("help.diff.old"))
    p.add_argument("new", metavar="NEW.toml", help=help_text("help.diff.new"))
    p.add_argument("--json", action="store_true", help=help_text("help.json"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    from ..diff import compare  # here: diff reads ics (icalendar), which the other commands start without

    # Either plan may come from standard input (-), as --plan's does (not both: output.check_output).
    changes = compare(load_plan(args.old), load_plan(args.new))
    if args.json:
        print_json(changes.to_json())
    else:
        say("\n".join(changes.lines(lang)))
    return EXIT_NOT_ALLOWED if changes else EXIT_OK
