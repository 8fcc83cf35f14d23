"""The parser of the whole command, and :func:`main`, which turns every error into one line on stderr."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from ..engine import Plan
from ..errors import LocalizedError, OutsidePlanError
from ..lang import Bilingual, Lang, LangLike
from ..messages import Listing, Message, msg, os_problem
from ..model import Operation
from .output import (
    EXIT_BROKEN_PIPE,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CliError,
    StdoutError,
    check_output,
    encodable,
    flush_stdout,
    silence_stdout,
    write_stdout,
)
from .parsing import PROG, Parser, SayInEnglish, add_common, default_lang, load_plan, printable, scan_lang
from .translation import Translations, help_text

#: The subcommands, in the order ``--help`` lists them; each is the module ``cmd_<name>`` beside this one,
#: with ``register`` and ``run``, imported only when the parser registers it (a one-shot command
#: registers its own alone: the others' modules, and what they import, are not loaded).
COMMAND_NAMES = ("check", "windows", "next", "table", "ics", "diff", "chart", "progress", "audit")


def command_module(name: str) -> ModuleType:
    """The ``cmd_<name>`` module of the subcommand ``name`` (imported on first use)."""
    return importlib.import_module(f"{__package__}.cmd_{name}")


def __getattr__(name: str) -> tuple[ModuleType, ...]:
    """``COMMANDS``: every subcommand's module, in the order of :data:`COMMAND_NAMES` (imports them all)."""
    if name == "COMMANDS":
        return tuple(command_module(n) for n in COMMAND_NAMES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Parameter names of OutsidePlanError as the command line calls them.
PARAMETERS = {"ts": "TIMESTAMP", "start": "--from", "end": "--to"}


def build_parser(lang: LangLike = Lang.EN, only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``chukan-schedule``; ``lang``: the language of its ``--help`` and error lines.

    ``only``: register that subcommand alone (what :func:`main` does when argv names it): the
    others' arguments are not built, which is most of the start of a one-shot command.
    """
    epilog = help_text(
        "help.epilog",
        forms=msg("ts.forms"),
        values=Listing(tuple(op.value for op in Operation)),
        hyphens=Listing(tuple(op.value.replace("_", "-") for op in Operation if "_" in op.value)),
        names=Listing(tuple(op.ja for op in Operation)),
        short=Listing(tuple(name for op in Operation for name in op.short_ja)),
    )
    parser = Parser(lang=lang, prog=PROG, description=help_text("help.description"), epilog=epilog)
    parser.add_argument("--version", action=_Version, nargs=0, help=help_text("help.version"))
    add_common(parser, None)
    # Not required: with no command, main() prints this help (the list of commands), status 0.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_, lang=lang)
        add_common(p, argparse.SUPPRESS)
        return p

    for name in COMMAND_NAMES:
        if only is None or name == only:
            command_module(name).register(add)
    return parser


def _command_in(arguments: Sequence[str]) -> str | None:
    """The subcommand ``arguments`` name, when nothing before it needs the whole parser (else None).

    Before the subcommand only ``--lang X``/``--plan X`` (or ``--lang=X``) may come: ``--help``,
    ``--version``, an abbreviation or an unknown name are left to the whole parser.
    """
    skip = False
    for arg in arguments:
        if skip:
            skip = False
        elif arg in ("--lang", "--plan"):
            skip = True
        elif arg.startswith(("--lang=", "--plan=")):
            continue
        else:
            return arg if arg in COMMAND_NAMES else None
    return None


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked (importlib.metadata is slow to import)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"{parser.prog} {_version()}")  # on standard output, as argparse's own "version" action
        parser.exit()


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("chukan-schedule")
    except Exception:  # pragma: no cover - not installed
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(scan_lang(arguments) or default_lang(), only=_command_in(arguments))
    try:
        try:
            args = _parse(parser, arguments)
        except SayInEnglish:  # a usage error standard error cannot hold in its language
            parser = build_parser(Lang.EN, only=_command_in(arguments))
            args = _parse(parser, arguments)
    except SystemExit as exc:  # --help, --version, or a usage error already printed on one line
        return exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else EXIT_ERROR
    except StdoutError as exc:  # --help or --version into a closed, full or too narrow standard output
        silence_stdout()
        return _fail(exc, parser.lang if isinstance(parser, Parser) else Lang.EN)
    except BrokenPipeError:  # `--help | head -1`
        silence_stdout()
        return EXIT_BROKEN_PIPE
    lang: Lang = args.lang or default_lang()
    if args.command is None:  # `chukan-schedule` alone: what it can do, not an error
        return _print_help(parser, lang)
    try:
        check_output(args)
        plan = load_plan(args.plan)
        handler: Callable[[argparse.Namespace, Plan, str], int] = args.handler
        status = handler(args, plan, lang)
        flush_stdout()
        return status
    except OutsidePlanError as exc:
        return _fail(_outside_message(exc), lang)
    except StdoutError as exc:
        silence_stdout()  # what is still buffered must not fail again, with a traceback, at exit
        return _fail(exc, lang)
    except CliError as exc:
        return _fail(exc, lang)
    except LocalizedError as exc:  # a timestamp, a plan file, an operation: the error says itself
        return _fail(exc.message, lang)
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): nothing to say, as if by SIGPIPE
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        name = exc.filename if exc.filename else msg("cli.a_file")
        return _fail(msg("cli.file_failed", name=name, reason=os_problem(exc)), lang)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # never a traceback: say what broke, in one line
        return _fail(msg("cli.internal", type=type(exc).__name__, detail=str(exc)), lang)


def _parse(parser: argparse.ArgumentParser, arguments: list[str]) -> argparse.Namespace:
    """``arguments`` parsed; an unknown one is a usage error of the subcommand that was given."""
    args, extras = parser.parse_known_args(arguments)
    if extras:  # say it as the subcommand's parser, whose --help lists what it accepts
        sub = parser if args.command is None else _subparser(parser, args.command)
        sub_lang = sub.lang if isinstance(sub, Parser) else Lang.EN
        sub.error(Translations(sub_lang).gettext("unrecognized arguments: %s") % " ".join(extras))
    return args


def _print_help(parser: argparse.ArgumentParser, lang: Lang) -> int:
    try:
        write_stdout(parser.format_help())
        flush_stdout()
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except StdoutError as exc:
        silence_stdout()
        return _fail(exc, lang)
    return EXIT_OK


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser  # pragma: no cover - the parser always has its subcommands


def _fail(said: Bilingual, lang: LangLike = Lang.EN) -> int:
    """One line on stderr: ``said`` in ``lang``, or in English when stderr's encoding cannot hold
    that (``PYTHONIOENCODING=ascii``, a C locale), rather than as escapes nobody can read."""
    if sys.stderr is None:  # stderr closed (2>&-): say nothing rather than write into stdout
        return EXIT_ERROR
    line = msg("cli.error_line", prog=PROG, message=printable(said.text(lang), lang)).text(lang)
    if lang != Lang.EN and not encodable(line, sys.stderr):
        line = msg("cli.error_line", prog=PROG, message=printable(said.text(Lang.EN))).text(Lang.EN)
    print(line, file=sys.stderr)
    return EXIT_ERROR


def _outside_message(exc: OutsidePlanError) -> Message:
    """An instant outside the plan, named as the command line calls it (TIMESTAMP, --from, --to)."""
    argument = PARAMETERS.get(exc.parameter, exc.parameter)
    params = {
        "argument": argument,
        "value": exc.value.isoformat(),
        "start": exc.coverage_start.isoformat(),
        "end": exc.coverage_end.isoformat(),
    }
    if exc.parameter in ("start", "end"):  # a bound of a range may be the plan's end itself
        return msg("cli.outside_at_most" if exc.value > exc.coverage_end else "cli.outside_at_least", **params)
    return msg("cli.outside", **params)
