"""Standard output, ``--output`` files and exit statuses: every byte the command writes goes through here."""

from __future__ import annotations

import argparse
import os
import stat
import sys

from ..lang import Bilingual, LangLike, Text
from ..messages import msg, os_problem

EXIT_OK = 0
EXIT_NOT_ALLOWED = 1
EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program stopped by a closed pipe
EXIT_INTERRUPTED = 130  # 128 + SIGINT


class CliError(Exception):
    """An error to report as one line on stderr, exit status 2.

    ``message``: a catalog message (:func:`~chukan_schedule.messages.msg`), or, until it is moved
    into the catalog, an English text with its Japanese twin: ``CliError(en, ja)``.
    """

    def __init__(self, message: Bilingual | str, ja: str | None = None) -> None:
        self.message: Bilingual = Text(message, message if ja is None else ja) if isinstance(message, str) else message
        super().__init__(self.message.text("en"))

    def text(self, lang: LangLike) -> str:
        """The message in ``lang``."""
        return self.message.text(lang)


class StdoutError(CliError):
    """Standard output is closed or cannot be written (e.g. a full disk)."""


def silence_stdout() -> None:
    """Point standard output at the null device: what is still buffered must not fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout closed (None) or without a file descriptor
        pass


def write_stdout(data: str | bytes) -> None:
    """Write text or bytes to standard output; a closed or unwritable one is a :class:`StdoutError`."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed (`>&-`)
        raise stdout_closed()
    try:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            stream.write(data)
    except BrokenPipeError:
        raise  # the reader stopped early: main() ends quietly
    except OSError as exc:
        raise stdout_failed(exc) from None
    except UnicodeEncodeError as exc:  # a ValueError too, but not a closed stream
        raise stdout_cannot_encode(stream, exc) from None
    except ValueError:  # "I/O operation on closed file"
        raise stdout_closed() from None


def stdout_cannot_encode(stream: object, exc: UnicodeEncodeError) -> StdoutError:
    """The error for text that standard output's encoding (PYTHONIOENCODING, the locale) cannot hold."""
    encoding = getattr(stream, "encoding", None) or exc.encoding
    char = exc.object[exc.start : exc.start + 1]
    shown = char if char.isprintable() else ascii(char)[1:-1]
    return StdoutError(msg("cli.stdout_encoding", encoding=encoding, char=repr(shown)))


def encodable(text: str, stream: object) -> bool:
    """Whether ``stream``'s encoding can write ``text`` (True when the stream has none)."""
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def stdout_closed() -> StdoutError:
    return StdoutError(msg("cli.stdout_closed"))


def stdout_failed(exc: OSError) -> StdoutError:
    return StdoutError(msg("cli.stdout_failed", reason=os_problem(exc)))


def say(line: str) -> None:
    """Print one line (or several joined by newlines) to standard output."""
    write_stdout(line + "\n")


def print_json(obj: object) -> None:
    """Print ``obj`` as indented JSON, Japanese text as it is (not ``\\u`` escapes)."""
    import json  # on demand: only --json needs it

    say(json.dumps(obj, ensure_ascii=False, indent=2))


def flush_stdout() -> None:
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise stdout_failed(exc) from None
    except UnicodeEncodeError as exc:
        raise stdout_cannot_encode(stream, exc) from None
    except ValueError:
        raise stdout_closed() from None


def to_stdout(output: str | None) -> bool:
    """Whether ``--output`` means standard output (not given, or ``-``)."""
    return output is None or output == "-"


def writes_regular_file(output: str | None) -> bool:
    """Whether ``--output`` names a regular file (or a new one): not standard output (``-``,
    ``/dev/stdout``), another descriptor (``/proc/self/fd/N``), a FIFO or a device.

    Only such a file gets a BOM: a stream may already hold text (``>> a.log``).
    """
    if to_stdout(output):
        return False
    assert output is not None
    from ..atomic import own_descriptor  # here: only a file needs it

    if own_descriptor(output) is not None:
        return False
    try:
        return stat.S_ISREG(os.stat(output).st_mode)
    except (OSError, ValueError):  # a new file (or one that cannot be written: write_atomic says why)
        return True


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(args: argparse.Namespace) -> None:
    """Refuse an empty ``--output``, one that names an input file, and two inputs from standard
    input, before anything is read or written."""
    if args.plan == "":
        raise CliError(msg("cli.plan_empty"))
    # Standard input (-) can be read once: --plan, audit's log, diff's two plans.
    inputs = [args.plan, getattr(args, "file", None), getattr(args, "old", None), getattr(args, "new", None)]
    if inputs.count("-") > 1:
        raise CliError(msg("cli.two_stdins"))
    output: str | None = getattr(args, "output", None)
    if output is None or output == "-":
        return
    if not output:
        raise CliError(msg("cli.output_empty"))
    what_file = "cli.input_log" if getattr(args, "command", None) == "audit" else "cli.input_sheet"
    inputs = [
        (what_file, getattr(args, "file", None)),
        ("cli.input_plan", args.plan),
        ("cli.input_previous", getattr(args, "previous", None)),
    ]
    for what, path in inputs:
        if path and _same_file(output, path):
            raise CliError(msg("cli.output_is_input", output=output, what=msg(what), path=path))


def write_or_print(data: str | bytes, output: str | None, file_encoding: str = "utf-8") -> None:
    """Write ``data`` to the file ``output`` (atomically), or to standard output (``None`` or ``-``).

    ``/dev/stdout`` (and ``/proc/self/fd/1``, ``/dev/fd/1``) is standard output too, written
    through the stream exactly like ``-``: never the file it was redirected to, replaced.
    Text (``str``) goes to standard output in its encoding, like every other command's text,
    and to a file in ``file_encoding``; bytes (a file format: .ics, .svg) go as they are.
    """
    if to_stdout(output):
        write_stdout(data)
        return
    assert output is not None
    from ..atomic import WriteRefusedError, own_descriptor, write_atomic  # here: only a file needs it

    try:
        if own_descriptor(output) == 1:
            write_stdout(data)
            return
        write_atomic(output, data.encode(file_encoding) if isinstance(data, str) else data)
    except OSError as exc:  # a folder, a missing folder, no permission, a full disk ...
        reason = exc.message if isinstance(exc, WriteRefusedError) else os_problem(exc)
        raise CliError(msg("cli.output_failed", output=output, reason=reason)) from None


def missing(command: str, exc: ImportError) -> CliError:
    """The error for a command whose optional module or package cannot be imported."""
    name = getattr(exc, "name", None) or "?"
    if name.startswith("chukan_schedule"):
        return CliError(msg("cli.module_missing", command=command, name=name))
    return CliError(msg("cli.package_missing", command=command, name=repr(name)))
