"""``chukan-schedule chart``: the month as an SVG chart."""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
from .output import EXIT_OK, CliError, missing, to_stdout, write_or_print
from .translation import help_text

#: Paths that name a stream, whatever their name: the file they lead to is not a picture file.
_STREAM_PREFIXES = ("/dev/", "/proc/self/fd/")


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("chart", help_text("help.chart"))
    p.add_argument("--output", metavar="FILE.svg", help=help_text("help.chart.output"))
    p.set_defaults(handler=run)


def check_svg_name(output: str | None) -> None:
    """Refuse ``--output`` naming a regular file whose extension is not ``.svg`` (``c.png`` would
    hold SVG under a PNG name); standard output (``-``), ``/dev/stdout`` and other streams pass."""
    if to_stdout(output):
        return
    assert output is not None
    if os.path.abspath(output).startswith(_STREAM_PREFIXES):
        return
    try:
        if not stat.S_ISREG(os.stat(output).st_mode):
            return  # a pipe, a terminal, a device (or a folder: writing says why not)
    except OSError:
        pass  # no such file yet: it will be a regular file
    if os.path.splitext(output)[1].lower() != ".svg":
        raise CliError(msg("cli.chart_not_svg", output=output))


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    check_svg_name(args.output)
    try:
        from .. import chart
    except ImportError as exc:
        raise missing("chart", exc) from None
    write_or_print(chart.render_svg(plan, lang=lang).encode("utf-8"), args.output)
    return EXIT_OK
