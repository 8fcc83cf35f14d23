"""``chukan-schedule audit LOG``: check an operations log (CSV/TSV) against the plan, row by row (監査)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import IO

from ..engine import Plan
from .output import EXIT_NOT_ALLOWED, EXIT_OK, CliError, to_stdout
from .parsing import OUTPUT_HELP, operation

_EPILOG = (
    "The log is CSV or TSV (from the extension .tsv/.tab or the header; or --delimiter) with a header row, "
    "UTF-8 with or without a BOM (or --encoding cp932). Timestamps: any form the other commands read "
    "(no offset means JST). Operations: their names as elsewhere, Japanese too (副本登録, 符号取得, ...). "
    "A row that cannot be read is reported with its line number and the audit goes on. "
    "--csv writes a BOM when it writes a file (for Excel), and its summary goes to standard error. "
    "Exit status: 0 every row allowed, 1 some row not allowed or unreadable, 2 error."
)


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add(
        "audit", "check an operations log (CSV/TSV) against the plan: per row allowed or not and why, and a summary"
    )
    p.epilog = _EPILOG
    p.add_argument("file", metavar="LOG", help="the log file (CSV or TSV with a header row); - is standard input")
    p.add_argument(
        "--time", required=True, metavar="COLUMN", help="the column of the timestamps (name, or number from 1)"
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--operation", dest="operation_column", metavar="COLUMN", help="the column of the operations")
    which.add_argument("-o", dest="op", type=operation, metavar="OP", help="one operation for every row")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON object (rows and summary)")
    fmt.add_argument("--csv", action="store_true", help="print CSV for Excel (formulas neutralised)")
    p.add_argument("--outside-only", action="store_true", help="list only the rows not allowed (and unreadable ones)")
    p.add_argument("--delimiter", metavar="CHAR", help="the field separator (default: from the extension or header)")
    p.add_argument("--encoding", default="utf-8-sig", metavar="NAME", help="the log's encoding (default UTF-8)")
    p.add_argument("--output", metavar="FILE", help=OUTPUT_HELP)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    from .. import audit as a
    from ..atomic import write_atomic

    if args.delimiter is not None and len(args.delimiter.replace("\\t", "\t")) != 1:
        raise CliError(
            f"--delimiter {args.delimiter!r}: expected one character (\\t for a tab)",
            f"--delimiter {args.delimiter!r}：1文字を指定してください（タブは \\t）",
        )
    delimiter = None if args.delimiter is None else args.delimiter.replace("\\t", "\t")
    try:
        source: IO[str] = (
            sys.stdin if args.file == "-" else open(args.file, encoding=args.encoding, newline="")  # noqa: SIM115
        )
    except LookupError:
        raise CliError(
            f"--encoding {args.encoding!r}: unknown encoding", f"--encoding {args.encoding!r}：不明な文字コードです"
        ) from None
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
                    raise
                raise CliError(
                    f"--output {args.output}: cannot write it: {exc.strerror or exc}",
                    f"--output {args.output} に書き込めません（{exc.strerror or exc}）",
                ) from None
    except a.AuditError as exc:
        raise CliError(f"{args.file}: {exc}", f"{args.file}：{exc.ja}") from None
    except UnicodeDecodeError as exc:
        raise CliError(
            f"{args.file}: not {args.encoding} text ({exc.reason}); try --encoding cp932 for Shift_JIS",
            f"{args.file}：{args.encoding} として読めません（{exc.reason}）。Shift_JIS なら --encoding cp932",
        ) from None
    finally:
        if source is not sys.stdin:
            source.close()
    if args.csv:
        a.TextReport(sys.stderr, lang).summary(summary)
    return EXIT_OK if summary.outside == 0 and summary.errors == 0 else EXIT_NOT_ALLOWED
