"""``chukan-schedule progress FILE``: read a registration progress sheet and advise (P1)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from ..engine import Plan
from ..messages import msg
from .output import EXIT_OK, CliError, missing, to_stdout, write_or_print
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("progress", help_text("help.progress"))
    p.epilog = help_text("help.progress.epilog")
    p.add_argument("file", metavar="FILE", help=help_text("help.progress.file"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=help_text("help.json"))
    fmt.add_argument("--csv", action="store_true", help=help_text("help.progress.csv"))
    p.add_argument("--output", metavar="FILE", help=help_text("help.output_not_input"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from .. import progress
    except ImportError as exc:
        raise missing("progress", exc) from None
    try:
        # The plan gives only P1's deadline; the embedded plan is read_sheet's own default.
        report = progress.read_sheet(args.file) if args.plan is None else progress.read_sheet(args.file, plan=plan)
    except progress.SheetError as exc:
        # The sheet's own words are English until progress says them through the catalog too.
        raise CliError(msg("cli.sheet", detail=str(exc))) from None
    except KeyError as exc:  # a --plan file without P1's milestone
        detail = exc.args[0] if exc.args else exc
        raise CliError(msg("cli.plan_without_p1", plan=args.plan, detail=detail)) from None
    if args.json:
        out = json.dumps(progress.to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif args.csv:
        out = progress.to_csv(report)
    else:
        out = progress.render_text(report, lang)
        if not out.endswith("\n"):
            out += "\n"
    # A CSV file gets a BOM, as Excel needs to read Japanese text as UTF-8; standard output stays plain.
    to_file = args.csv and not to_stdout(args.output)
    write_or_print(out.encode("utf-8-sig" if to_file else "utf-8"), args.output)
    return EXIT_OK
