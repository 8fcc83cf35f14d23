"""Standard output, ``--output`` files and exit statuses: every byte the command writes goes through here."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ..atomic import write_atomic
from ..errors_ja import os_problem_ja

EXIT_OK = 0
EXIT_NOT_ALLOWED = 1
EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program stopped by a closed pipe
EXIT_INTERRUPTED = 130  # 128 + SIGINT


class CliError(Exception):
    """An error to report as one line on stderr, exit status 2; ``ja``: the same in Japanese (エラー文)."""

    def __init__(self, en: str, ja: str | None = None) -> None:
        super().__init__(en)
        self.ja = ja

    def text(self, lang: str) -> str:
        """The message in ``lang`` (English when there is no Japanese one)."""
        return self.ja if lang == "ja" and self.ja is not None else str(self)


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
    except ValueError:  # "I/O operation on closed file"
        raise stdout_closed() from None


def stdout_closed() -> StdoutError:
    return StdoutError(
        "cannot write to standard output: standard output is closed",
        "標準出力に書き込めません：標準出力が閉じられています",
    )


def stdout_failed(exc: OSError) -> StdoutError:
    return StdoutError(
        f"cannot write to standard output: {exc.strerror or exc}", f"標準出力に書き込めません{os_problem_ja(exc)}"
    )


def say(line: str) -> None:
    """Print one line (or several joined by newlines) to standard output."""
    write_stdout(line + "\n")


def print_json(obj: object) -> None:
    """Print ``obj`` as indented JSON, Japanese text as it is (not ``\\u`` escapes)."""
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
    except ValueError:
        raise stdout_closed() from None


def to_stdout(output: str | None) -> bool:
    """Whether ``--output`` means standard output (not given, or ``-``)."""
    return output is None or output == "-"


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(args: argparse.Namespace) -> None:
    """Refuse an empty ``--output`` and one that names an input file, before anything is read or written."""
    if args.plan == "":
        raise CliError("--plan: give a plan file name", "--plan：計画ファイル名を指定してください")
    output: str | None = getattr(args, "output", None)
    if output is None or output == "-":
        return
    if not output:
        raise CliError(
            "--output: give a file name (or - for standard output)",
            "--output：ファイル名を指定してください（標準出力は -）",
        )
    inputs = [
        ("the input sheet", "入力の進捗シート", getattr(args, "file", None)),
        ("the plan file (--plan)", "計画ファイル（--plan）", args.plan),
    ]
    for what, what_ja, path in inputs:
        if path and _same_file(output, path):
            raise CliError(
                f"--output {output} is {what} {path}: writing there would replace it; give another file",
                f"--output {output} は{what_ja} {path} です。"
                "書き込むと上書きされるため、別のファイルを指定してください",
            )


def write_or_print(data: bytes, output: str | None) -> None:
    """Write ``data`` to the file ``output`` (atomically), or to standard output (``None`` or ``-``)."""
    if to_stdout(output):
        write_stdout(data)
        return
    assert output is not None
    try:
        write_atomic(output, data)
    except OSError as exc:  # a folder, a missing folder, no permission, a full disk ...
        raise CliError(
            f"--output {output}: cannot write it: {exc.strerror or exc}",
            f"--output {output} に書き込めません{os_problem_ja(exc)}",
        ) from None


def missing(command: str, exc: ImportError) -> CliError:
    """The error for a command whose optional module or package cannot be imported."""
    name = getattr(exc, "name", None) or "?"
    if name.startswith("chukan_schedule"):
        return CliError(
            f"{command} is not available: {name} is not installed",
            f"{command} は使えません：{name} がインストールされていません",
        )
    return CliError(
        f"{command} needs the Python package {name!r}, which is not installed",
        f"{command} には Python パッケージ {name!r} が必要ですが、インストールされていません",
    )
