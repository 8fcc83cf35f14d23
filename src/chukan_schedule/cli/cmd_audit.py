"""``chukan-schedule audit LOG``: check an operations log (CSV/TSV) against the plan, row by row (監査)."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from typing import IO

from ..engine import Plan
from ..messages import Message, msg, os_problem
from .output import EXIT_NOT_ALLOWED, EXIT_OK, CliError, to_stdout, write_stdout, writes_regular_file
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


#: The longest cell (and, on standard input, the longest line) of a log: longer is an unclosed
#: quote or not a log at all (``/dev/zero``), refused before it fills the memory.
MAX_CELL = 1 << 20


class _Stdout:
    """Standard output as a report's sink: written as every command writes it (closed, full, narrow)."""

    def write(self, text: str) -> None:
        write_stdout(text)


class _WriteFailed(Exception):
    """Writing the ``--output`` file failed (not reading the log): ``exc`` says why."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(str(exc))
        self.exc = exc


def _cannot_read(file: str, reason: Message) -> CliError:
    return CliError(msg("cli.audit.cannot_read", file=file, reason=reason))


def _open_log(path: str, encoding: str) -> io.TextIOWrapper:
    """The log ``path`` as text: a regular file, or ``-`` (standard input); a folder, a FIFO or a
    device (``/dev/zero``) is refused at once, before anything is read."""
    if path == "-":
        stdin = sys.stdin
        if stdin is None:
            raise _cannot_read(path, msg("cli.audit.stdin_closed"))
        return io.TextIOWrapper(stdin.buffer, encoding=encoding, newline="")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO does not block here
    except OSError as exc:
        raise _cannot_read(path, os_problem(exc)) from None
    except ValueError as exc:  # a NUL character in the name
        raise _cannot_read(path, msg("os.other", detail=str(exc))) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = msg("plan.a_folder") if stat.S_ISDIR(mode) else msg("plan.a_device")
            raise _cannot_read(path, msg("cli.audit.not_regular", kind=kind))
        if encoding == "utf-8-sig" and os.read(fd, 2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            encoding = "utf-16"  # not told, and Excel's 「Unicode テキスト」: UTF-16 with its byte-order mark
        os.lseek(fd, 0, os.SEEK_SET)  # a regular file: read again from its start
        return open(fd, encoding=encoding, newline="")
    except BaseException:
        os.close(fd)
        raise


def _bounded_lines(f: IO[str], file: str) -> Iterator[str]:
    """The lines of ``f`` (standard input), each at most :data:`MAX_CELL` characters: a longer one is an error."""
    readline = f.readline
    line_number = 0
    while True:
        line = readline(MAX_CELL + 1)
        if not line:
            return
        line_number += 1
        if len(line) > MAX_CELL and not line.endswith(("\n", "\r")):
            raise CliError(msg("cli.audit.line_too_long", file=file, line=line_number, limit=f"{MAX_CELL:,}"))
        yield line


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    from .. import audit as a
    from ..atomic import WriteRefusedError, own_descriptor, write_atomic

    if args.delimiter is not None and len(args.delimiter.replace("\\t", "\t")) != 1:
        raise CliError(msg("cli.audit.delimiter", value=repr(args.delimiter)))
    delimiter = None if args.delimiter is None else args.delimiter.replace("\\t", "\t")
    try:
        codec = codecs.lookup(args.encoding)
    except LookupError:
        raise CliError(msg("cli.audit.encoding", value=repr(args.encoding))) from None
    # rot13, hex, base64 ... turn bytes into bytes, and `undefined` reads nothing: not a log's encoding.
    if not getattr(codec, "_is_text_encoding", True) or codec.name == "undefined":
        raise CliError(msg("cli.audit.encoding_not_text", value=repr(args.encoding)))
    source = _open_log(args.file, args.encoding)
    encoding = source.encoding  # utf-16 for a file that starts with its byte-order mark (see _open_log)
    lines: IO[str] | Iterator[str] = _bounded_lines(source, args.file) if args.file == "-" else source
    report_kind = a.JsonReport if args.json else a.CsvReport if args.csv else a.TextReport
    summary = a.Summary(plan)
    cell_limit = csv.field_size_limit(MAX_CELL)
    try:
        options = {
            "time_column": args.time,
            "operation_column": args.operation_column,
            "operation": args.op,
            "delimiter": delimiter,
            "name": args.file,
        }
        if to_stdout(args.output) or own_descriptor(args.output) == 1:  # /dev/stdout is standard output
            report_kind(_Stdout(), lang, args.outside_only).write(lines, plan, summary, **options)
        else:
            # A BOM (for Excel) only at the start of a regular file, never into a stream (`>> a.log`).
            bom = args.csv and writes_regular_file(args.output)

            def produce(write: Callable[[bytes], object]) -> None:  # streamed into the temporary file
                def write_out(data: bytes) -> None:
                    try:
                        write(data)
                    except OSError as exc:
                        raise _WriteFailed(exc) from None

                out = a.Utf8Writer(write_out, bom=bom)
                report_kind(out, lang, args.outside_only).write(lines, plan, summary, **options)

            try:
                write_atomic(args.output, produce)
            except _WriteFailed as exc:
                raise CliError(msg("cli.output_failed", output=args.output, reason=os_problem(exc.exc))) from None
            except WriteRefusedError as exc:
                raise CliError(msg("cli.output_failed", output=args.output, reason=exc.message)) from None
            except OSError as exc:
                if exc.filename is None or exc.filename == args.file:
                    raise  # reading the log failed: said below
                raise CliError(msg("cli.output_failed", output=args.output, reason=os_problem(exc))) from None
    except a.AuditError as exc:
        raise CliError(msg("cli.audit.log", file=args.file, problem=exc.message)) from None
    except UnicodeError as exc:  # a byte that does not decode; UTF-16 with no byte-order mark ...
        reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
        # The hint names the other usual encoding: Shift_JIS for a UTF-8 reading, UTF-8 for a Shift_JIS one.
        shift_jis = codecs.lookup(encoding).name in ("cp932", "shift_jis", "shift_jisx0213", "shift_jis_2004", "euc_jp")
        which = "cli.audit.not_text_try_utf8" if shift_jis else "cli.audit.not_text"
        raise CliError(msg(which, file=args.file, encoding=encoding, reason=reason)) from None
    except csv.Error as exc:
        raise CliError(msg("cli.audit.not_csv", file=args.file, reason=str(exc), limit=f"{MAX_CELL:,}")) from None
    except BrokenPipeError:
        raise  # the reader of standard output stopped early: main() ends quietly
    except OSError as exc:  # writing fails above as a CliError: this is reading the log
        raise _cannot_read(args.file, os_problem(exc)) from None
    finally:
        csv.field_size_limit(cell_limit)
        if args.file == "-":
            source.detach()  # standard input stays open (and Python's own object usable)
        else:
            source.close()
    if args.csv and sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            a.TextReport(sys.stderr, lang).summary(summary)
    return EXIT_OK if summary.outside == 0 and summary.errors == 0 else EXIT_NOT_ALLOWED
