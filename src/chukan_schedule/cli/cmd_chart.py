"""``chukan-schedule chart``: the month as an SVG chart."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..engine import Plan
from .output import EXIT_OK, missing, write_or_print
from .parsing import OUTPUT_HELP
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("chart", help_text("help.chart"))
    p.add_argument("--output", metavar="FILE.svg", help=OUTPUT_HELP)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from .. import chart
    except ImportError as exc:
        raise missing("chart", exc) from None
    write_or_print(chart.render_svg(plan, lang=lang).encode("utf-8"), args.output)
    return EXIT_OK
