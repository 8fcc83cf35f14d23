"""``chukan-schedule audit LOG``: check an operations log (CSV/TSV) against the plan, row by row (監査)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import IO

from ..engine import Plan
from ..lang import Text
from ..messages import msg, os_problem
from .output import EXIT_NOT_ALLOWED, EXIT_OK, CliError, to_stdout
from .parsing import operation
from .translation import help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("audit", help_text("help.audit"))
    p.epilog = help_text("help.audit.epilog")
    p.add_argument("file", metavar="LOG", help=help_text("help.audit.file"))
    p.add_argument("--time", required=True, metavar="COLUMN", help=help_text("help.audit.time"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--operation", dest="operation_column", metavar="COLUMN", help=help_text("help.audit.operation"))
    which.add_argument("-o", dest="op", type=operation, metavar="OP", help=help_text("help.audit.op"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=help_text("help.audit.json"))
    fmt.add_argument("--csv", action="store_true", help=help_text("help.audit.csv"))
    p.add_argument("--outside-only", action="store_true", help=help_text("help.audit.outside_only"))
    p.add_argument("--delimiter", metavar="CHAR", help=help_text("help.audit.delimiter"))
    p.add_argument("--encoding", default="utf-8-sig", metavar="NAME", help=help_text("help.audit.encoding"))
    p.add_argument("--output", metavar="FILE", help=help_text("help.output"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    from .. import audit as a
    from ..atomic import write_atomic

    if args.delimiter is not None and len(args.delimiter.replace("\\t", "\t")) != 1:
        raise CliError(msg("cli.audit.delimiter", value=repr(args.delimiter)))
    delimiter = None if args.delimiter is None else args.delimiter.replace("\\t", "\t")
    try:
        source: IO[str] = (
            sys.stdin if args.file == "-" else open(args.file, encoding=args.encoding, newline="")  # noqa: SIM115
        )
    except LookupError:
        raise CliError(msg("cli.audit.encoding", value=repr(args.encoding))) from None
    report_kind = a.JsonReport if args.json else a.CsvReport if args.csv else a.TextReport
    summary = a.Summary(plan)
    try:
        options = {
            "time_column": args.time,
            "operation_column": args.operation_column,
            "operation": args.op,
            "delimiter": delimiter,
            "name": args.file,
        }
        if to_stdout(args.output):
            report_kind(sys.stdout, lang, args.outside_only).write(source, plan, summary, **options)
        else:
            try:

                def produce(write: Callable[[bytes], object]) -> None:  # streamed into the temporary file
                    out = a.Utf8Writer(write, bom=args.csv)
                    report_kind(out, lang, args.outside_only).write(source, plan, summary, **options)

                write_atomic(args.output, produce)
            except OSError as exc:
                if exc.filename is None or exc.filename == args.file:
                    raise  # reading the log failed: main() says so
                raise CliError(msg("cli.output_failed", output=args.output, reason=os_problem(exc))) from None
    except a.AuditError as exc:
        raise CliError(msg("cli.audit.log", file=args.file, problem=Text(str(exc), exc.ja))) from None
    except UnicodeDecodeError as exc:
        raise CliError(msg("cli.audit.not_text", file=args.file, encoding=args.encoding, reason=exc.reason)) from None
    finally:
        if source is not sys.stdin:
            source.close()
    if args.csv:
        a.TextReport(sys.stderr, lang).summary(summary)
    return EXIT_OK if summary.outside == 0 and summary.errors == 0 else EXIT_NOT_ALLOWED
