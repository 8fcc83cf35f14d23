"""``chukan-schedule progress FILE``: read a registration progress sheet and advise (P1).

The sheet is read, checked and written row by row: a national sheet of a million rows is
never held in memory.  ``--output FILE`` is written through a temporary file renamed at
the end, so a failure leaves the old file as it was.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import gc
import os
import sys
from collections.abc import Callable

from ..atomic import WriteRefusedError, own_descriptor, write_atomic
from ..engine import Plan
from ..messages import CATALOG, msg, os_problem
from .output import EXIT_OK, CliError, missing, to_stdout, write_stdout, writes_regular_file
from .translation import current_lang, help_text


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("progress", help_text("help.progress"))
    p.epilog = help_text("help.progress.epilog")
    p.add_argument("file", metavar="FILE", help=help_text("help.progress.file"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=help_text("help.json"))
    fmt.add_argument("--csv", action="store_true", help=help_text("help.progress.csv"))
    p.add_argument("--by", choices=("row", "organization"), default="row", help=help_text("help.progress.by"))
    p.add_argument("--prefecture", metavar="NAME", help=help_text("help.progress.prefecture"))
    p.add_argument(
        "--column", metavar="KEY=HEADER", action="append", default=[], help=help_text("help.progress.column")
    )
    p.add_argument("--jobs", metavar="N", type=_jobs, default=None, help=help_text("help.progress.jobs"))
    p.add_argument("--output", metavar="FILE", help=help_text("help.output_not_input"))
    p.set_defaults(handler=run)


#: The most processes ``--jobs`` starts.
MAX_JOBS = 64


def _jobs(value: str) -> int:
    """``--jobs N`` (argparse type): 1 to :data:`MAX_JOBS`."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_JOBS:
        raise argparse.ArgumentTypeError(msg("progress.jobs", value=value, limit=MAX_JOBS).text(current_lang()))
    return int(text)


def _processors() -> int:
    """The processors this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


_CHUNK = 1 << 16
#: Allocations between two runs of the cycle collector's youngest generation while a sheet is read.
_GC_THRESHOLD = 200_000


class _Out:
    """Text gathered into chunks of 64 Ki characters for ``sink``: as text (standard output, in its
    encoding, like every command's text) or as UTF-8 bytes (a file, with a BOM for Excel's CSV)."""

    def __init__(self, sink: Callable[[str], object] | Callable[[bytes], object], encode: bool, bom: bool) -> None:
        self.parts: list[str] = ["\ufeff"] if bom else []
        self.size = 0
        self.sink = sink
        self.encode = encode

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= _CHUNK:
            self.flush()

    def utf8_writer(self) -> Callable[[bytes], None] | None:
        """A function that writes text already encoded in UTF-8 (a later part's output, see
        progress.parts) as it is, when the sink takes UTF-8; else ``None``."""
        if not self.encode and codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name != "utf-8":
            return None

        def write_utf8(data: bytes) -> None:  # write_stdout takes bytes too
            self.flush()
            self.sink(data)  # type: ignore[arg-type]

        return write_utf8

    def flush(self) -> None:
        if self.parts:
            text = "".join(self.parts)
            self.parts.clear()
            self.size = 0
            self.sink(text.encode("utf-8", "surrogateescape") if self.encode else text)  # type: ignore[arg-type]


def _emit(output: str | None, bom: bool, render: Callable[[Callable[[str], None]], None]) -> None:
    """Run ``render`` with a ``write`` for text that goes to standard output, or to the file
    ``output`` through a temporary file renamed at the end (atomically; nothing replaced if
    ``render`` fails)."""
    if to_stdout(output) or own_descriptor(output or "") == 1:
        out = _Out(write_stdout, False, False)  # standard output: its encoding, no BOM
        render(out.write)
        out.flush()
        return
    assert output is not None

    def produce(write: Callable[[bytes], object]) -> None:
        out = _Out(write, True, bom)
        render(out.write)
        out.flush()

    try:
        write_atomic(output, produce)
    except OSError as exc:  # a folder, a missing folder, no permission, a full disk ...
        reason = exc.message if isinstance(exc, WriteRefusedError) else os_problem(exc)
        raise CliError(msg("cli.output_failed", output=output, reason=reason)) from None


def _ticker(lang: str) -> Callable[[int], None] | None:
    """Rows read so far, on standard error, only when it is a terminal."""
    err = sys.stderr
    try:
        if err is None or not err.isatty():
            return None
    except (ValueError, OSError):
        return None

    template = CATALOG["progress.out.rows_read"].template(lang)  # looked up once, formatted per tick

    def tick(n: int) -> None:
        text = "\r" + template.format(rows=f"{n:,}")
        try:
            err.write(text)
            err.flush()
        except (OSError, ValueError):
            pass

    return tick


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from .. import progress
        from ..progress import writers
    except ImportError as exc:
        raise missing("progress", exc) from None
    try:
        overrides = progress.parse_column_option(args.column)
    except progress.SheetError as exc:
        raise CliError(exc.message) from None
    try:
        deadline = progress.deadline_of(plan)
    except KeyError as exc:  # a --plan file without P1's milestone
        detail = exc.args[0] if exc.args else exc
        raise CliError(msg("cli.plan_without_p1", plan=args.plan, detail=detail)) from None
    tick = _ticker(lang)
    # The rows make no reference cycles: each block is freed as soon as it is written.  Left at
    # its default, the cycle collector would walk every young row every 700 allocations.
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], _GC_THRESHOLD), *threshold[1:])
    # A cell may be as long as sheetread.MAX_CELL (the csv module's default stops at 131,072).
    cell_limit = csv.field_size_limit(max(csv.field_size_limit(), progress.sheetread.MAX_CELL))
    results = None
    try:
        sheet = progress.Sheet(args.file, columns=overrides, prefecture=args.prefecture)
        jobs = args.jobs if args.jobs is not None else min(_processors(), MAX_JOBS)
        results = writers.results_of(sheet, tick, jobs)
        by_org = args.by == "organization"

        def render(write: Callable[[str], None]) -> None:
            if args.json:
                writers.write_json(results, deadline, write)
            elif args.csv and by_org:
                writers.write_organizations_csv(results, lang, write)
            elif args.csv:
                writers.write_csv(results, lang, write)
            elif by_org:
                writers.write_organizations(results, deadline, lang, write)
            else:
                writers.write_text(results, deadline, lang, write)

        # A CSV file gets a BOM, as Excel needs to read Japanese text as UTF-8; a stream (standard output,
        # /proc/self/fd/N, a FIFO) stays plain: it may already hold text (`>> a.log`).
        _emit(args.output, args.csv and writes_regular_file(args.output), render)
    except progress.SheetError as exc:
        raise CliError(exc.message) from None
    finally:
        if results is not None:
            results.close()
        gc.set_threshold(*threshold)
        csv.field_size_limit(cell_limit)
        if tick is not None and sys.stderr is not None:
            try:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
    return EXIT_OK
