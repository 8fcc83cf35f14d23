"""The parser of the whole command, and :func:`main`, which turns every error into one line on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ..engine import Plan
from ..errors import OutsidePlanError, PlanFileError, UnknownOperationError
from ..errors_ja import ERROR_JA, PARAMETERS, os_problem_ja, outside_ja, plan_file_ja, timestamp_ja
from ..model import Operation
from ..timeinput import ACCEPTED_TIMESTAMP_FORMS, TimestampFormatError
from . import cmd_chart, cmd_check, cmd_diff, cmd_ics, cmd_next, cmd_progress, cmd_table, cmd_windows
from .output import (
    EXIT_BROKEN_PIPE,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CliError,
    StdoutError,
    check_output,
    flush_stdout,
    silence_stdout,
)
from .parsing import OPERATION_HELP, PROG, Parser, add_common, default_lang, load_plan, printable, scan_lang

#: The subcommands, in the order ``--help`` lists them; each module has ``register`` and ``run``.
COMMANDS = (cmd_check, cmd_windows, cmd_next, cmd_table, cmd_ics, cmd_diff, cmd_chart, cmd_progress)


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser of ``chukan-schedule``; ``lang``: the language of its error line."""
    parser = Parser(
        lang=lang,
        prog=PROG,
        description="The municipal middle server's (自治体中間サーバー) July 2017 plan: "
        "may I do X at this instant, and if not, why and when next?",
        epilog=f"Timestamps: {ACCEPTED_TIMESTAMP_FORMS}. Operations: {OPERATION_HELP}; "
        f"also with hyphens ({', '.join(op.value.replace('_', '-') for op in Operation if '_' in op.value)}) "
        f"or in Japanese ({', '.join(op.ja for op in Operation)}). "
        "Exit status: 0 ok (check --operation: allowed), 1 not allowed, 2 error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    add_common(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text, lang=lang)
        add_common(p, argparse.SUPPRESS)
        return p

    for command in COMMANDS:
        command.register(add)
    return parser


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("chukan-schedule")
    except Exception:  # pragma: no cover - not installed
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(scan_lang(arguments) or default_lang())
    try:
        args, extras = parser.parse_known_args(arguments)
        if extras:  # say it as the subcommand's parser, whose --help lists what it accepts
            _subparser(parser, args.command).error(f"unrecognized arguments: {' '.join(extras)}")
    except SystemExit as exc:  # --help, --version, or a usage error already printed on one line
        return exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else EXIT_ERROR
    lang: str = args.lang or default_lang()
    try:
        check_output(args)
        plan = load_plan(args.plan)
        handler: Callable[[argparse.Namespace, Plan, str], int] = args.handler
        status = handler(args, plan, lang)
        flush_stdout()
        return status
    except OutsidePlanError as exc:
        return _fail(outside_ja(exc) if lang == "ja" else _outside_message(exc), lang)
    except StdoutError as exc:
        silence_stdout()  # what is still buffered must not fail again, with a traceback, at exit
        return _fail(exc.text(lang), lang)
    except CliError as exc:
        return _fail(exc.text(lang), lang)
    except TimestampFormatError as exc:
        return _fail(timestamp_ja(exc) if lang == "ja" else str(exc), lang)
    except PlanFileError as exc:
        return _fail(plan_file_ja(exc) if lang == "ja" else str(exc), lang)
    except UnknownOperationError as exc:
        return _fail(f"操作名が正しくありません（{exc}）" if lang == "ja" else str(exc), lang)
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): nothing to say, as if by SIGPIPE
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        if lang == "ja":
            return _fail(f"{name.strip() or 'ファイル'} を読み書きできません{os_problem_ja(exc)}", lang)
        return _fail(f"cannot write or read{name}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # never a traceback: say what broke, in one line
        if lang == "ja":
            return _fail(f"内部エラー（{type(exc).__name__}: {exc}）。報告してください", lang)
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser  # pragma: no cover - the parser always has its subcommands


def _fail(message: str, lang: str = "en") -> int:
    prefix = ERROR_JA if lang == "ja" else "error"
    if sys.stderr is not None:  # stderr closed (2>&-): say nothing rather than write into stdout
        print(f"{PROG}: {prefix}: {printable(message)}", file=sys.stderr)
    return EXIT_ERROR


def _outside_message(exc: OutsidePlanError) -> str:
    what = PARAMETERS.get(exc.parameter, exc.parameter)
    start, end = exc.coverage_start.isoformat(), exc.coverage_end.isoformat()
    if exc.parameter in ("start", "end"):  # a bound of a range may be the plan's end itself
        limit = f"at most {end}" if exc.value > exc.coverage_end else f"at least {start}"
        return (
            f"{what} {exc.value.isoformat()} is outside the plan, which covers {start} to {end}; {what} may be {limit}"
        )
    return (
        f"{what} {exc.value.isoformat()} is outside the plan, which covers {start} to {end} (end excluded); "
        "give an instant inside it"
    )
