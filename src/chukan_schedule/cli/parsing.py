"""The pieces every subcommand's arguments share: the one-line-error parser, ``--lang``, ``--plan``,
operation names and timestamps."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, NoReturn

from ..engine import Plan
from ..errors import LangError, OperationTypeError, UnknownOperationError
from ..lang import Lang, LangLike
from ..messages import ARGPARSE_JA, Listing, msg
from ..model import Operation
from ..timeinput import TimestampFormatError, parse_timestamp
from .output import EXIT_ERROR, CliError, encodable, flush_stdout, write_stdout

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from .translation import HelpFormatter, argparse_language, current_lang, help_text

PROG = "chukan-schedule"

#: The help of an OP argument, and of --output (help texts: said in the parser's language).
OPERATION_HELP = help_text("help.op", values=Listing(tuple(op.value for op in Operation)))
OUTPUT_HELP = help_text("help.output")


class Once(argparse.Action):
    """Store the option's value, refusing it a second time (``check`` answers for one operation)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest, None) is not None:
            raise argparse.ArgumentError(self, msg("cli.operation_once").text(current_lang()))
        setattr(namespace, self.dest, values)


#: Where argparse's Japanese messages (the catalog's translations of its own) start a list that
#: argparse joins with ", ": the required arguments, the choices.
_JA_LIST_LABELS = (
    ARGPARSE_JA["the following arguments are required: %s"].split("%s")[0],
    ARGPARSE_JA["invalid choice: %(value)r (choose from %(choices)s)"].split("%(choices)s")[0].rsplit("。", 1)[-1],
)


class SayInEnglish(Exception):
    """A usage error in a language standard error cannot hold (an ASCII locale): say it in English."""


class Parser(argparse.ArgumentParser):
    """argparse in one language, with one-line errors: ``chukan-schedule: error: ...; see '... --help'``.

    ``lang="ja"``: ``chukan-schedule: エラー: ...（'... --help' を参照）``, and ``--help`` in Japanese:
    argparse's own words through its gettext calls (:mod:`.translation`), the help texts from the catalog.
    """

    def __init__(self, *args: Any, lang: LangLike = Lang.EN, **kwargs: Any) -> None:
        self.lang = Lang.coerce(lang)
        kwargs.setdefault("formatter_class", HelpFormatter)
        with argparse_language(self.lang):  # the -h help and the group titles are said here
            super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_language(self.lang):
            return super().parse_known_args(args, namespace)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with argparse_language(self.lang):
            return super().add_subparsers(**kwargs)

    def format_usage(self) -> str:
        with argparse_language(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_language(self.lang):
            return super().format_help()

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """``--help`` and ``--version`` go through :func:`.output.write_stdout`, like every answer.

        argparse writes them straight to the stream and ignores its failures (or, with standard
        output closed, writes them to standard error): a closed or full standard output, or one
        whose encoding cannot hold the help, must be the same one-line error as anywhere else.
        """
        if not message:
            return
        if file is None or file is sys.stdout:
            write_stdout(message)
            flush_stdout()
        else:
            super()._print_message(message, file)

    def error(self, message: str) -> NoReturn:
        if self.lang is Lang.JA:  # argparse joins its lists with ", ": Japanese lists take 「、」
            for label in _JA_LIST_LABELS:
                head, found, tail = message.partition(label)
                if found:
                    message = head + found + tail.replace(", ", "、")
        line = msg("cli.see_help", message=printable(message, self.lang), prog=self.prog)
        text = msg("cli.error_line", prog=PROG, message=line).text(self.lang) + "\n"
        if self.lang is not Lang.EN and not encodable(text, sys.stderr):
            raise SayInEnglish  # main parses again in English: argparse's words cannot be translated back
        self.exit(EXIT_ERROR, text)


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """Japanese when the locale (LC_ALL, else LC_MESSAGES, else LANG) starts with ``ja``, else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return Lang.JA if value.lower().startswith("ja") else Lang.EN
    return Lang.EN


def scan_lang(argv: Sequence[str]) -> Lang | None:
    """The last valid ``--lang ja|en`` (or ``--lang=ja``, or an abbreviation ``--la ja``) in ``argv``.

    Read before argparse runs, so that a usage error found before ``--lang`` is in that language.
    An argument after ``--`` is not an option.
    """
    found: Lang | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not eq:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        with contextlib.suppress(LangError):
            found = Lang.coerce(value)
    return found


#: A word (an echoed argument, a file name) longer than WORD_LIMIT characters is cut to its first
#: WORD_SHOWN; a line longer than LINE_LIMIT keeps its start and its end.  (A Japanese sentence
#: has no spaces: a word of a few hundred characters is a message, not an echo.)
WORD_LIMIT, WORD_SHOWN, LINE_LIMIT = 1000, 200, 2000


# A word with what opens it (quotes, brackets, and a short label glued before them, as in
# COMMAND：'x…x'), its closing quotes, then the punctuation after it ('x…x',  x…x:).
_EDGES = re.compile(r"((?:[^\s\"'(\[{「（]{0,40}?[\"'(\[{「（]+)?)(.*?)([\"'」）)\]}]*)([,.:;、。：]*)", re.DOTALL)


# Japanese brackets and punctuation: where a long word is split before its pieces are cut.
_JA_MARKS = re.compile(r"([（）「」『』、。：]+)")


def printable(message: str, lang: LangLike = Lang.EN) -> str:
    """One bounded line with no control characters: a file name cannot move the cursor or forge a line.

    A 1 MB argument does not make a 1 MB error line: it is cut, and says how long it was (in ``lang``).
    """

    def cut(word: str) -> str:
        # The quotes and punctuation around the word stay as they were; its length is the word's own.
        m = _EDGES.fullmatch(word)
        assert m is not None  # every part of the pattern may be empty
        lead, core, closing, rest = m.groups()
        if len(core) <= WORD_LIMIT:
            return word
        return msg("fmt.cut_word", word=lead + core[:WORD_SHOWN] + closing, length=len(core)).text(lang) + rest

    def cut_pieces(word: str) -> str:
        # Japanese glues a file name to what follows (xxx（理由）): each piece between its brackets
        # and punctuation is cut on its own, so the reason stays and the count is the name's.
        return "".join(cut(piece) if len(piece) > WORD_LIMIT else piece for piece in _JA_MARKS.split(word))

    words = (word if len(word) <= WORD_LIMIT else cut_pieces(word) for word in message.split())
    flat = " ".join(words)
    if len(flat) > LINE_LIMIT:
        half = LINE_LIMIT // 2
        flat = f"{flat[:half]} … {flat[-half:]}"
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) == "Cc" else ch for ch in flat)


def operation(value: str) -> Operation:
    """An operation by any of its names (argparse type; :meth:`Operation.coerce`)."""
    try:
        return Operation.coerce(value)
    except (UnknownOperationError, OperationTypeError) as exc:
        raise argparse.ArgumentTypeError(exc.message.text(current_lang())) from None


def lang(value: str) -> Lang:
    """A language (argparse type; :meth:`Lang.coerce`)."""
    try:
        return Lang.coerce(value)
    except LangError as exc:
        raise argparse.ArgumentTypeError(exc.message.text(current_lang())) from None


def add_common(p: argparse.ArgumentParser, default: Any) -> None:
    """``--lang`` and ``--plan``, accepted before and after the subcommand.

    The subcommand's copy (``default=SUPPRESS``) must not erase the global one.
    """
    p.add_argument("--lang", type=lang, metavar="{ja,en}", default=default, help=help_text("help.lang"))
    p.add_argument("--plan", metavar="FILE", default=default, help=help_text("help.plan"))


def timestamp(value: str, plan: Plan, what: str) -> datetime:
    """``value`` read as a timestamp; an error names the argument ``what`` (TIMESTAMP, --from, --to)."""
    try:
        return parse_timestamp(value, plan.tz)
    except TimestampFormatError as exc:
        raise CliError(msg("cli.argument", argument=what, message=exc.message)) from None


def load_plan(path: str | None) -> Plan:
    """The plan of ``--plan FILE`` (``-``: standard input), or the embedded July 2017 plan."""
    if path is None:
        from .. import JULY_2017

        return JULY_2017
    if path == "-":
        from ..planfile import STDIN_SOURCE, parse_plan, read_plan_stdin

        return parse_plan(read_plan_stdin(), source=STDIN_SOURCE)
    from ..planfile import load_plan as load

    return load(path)
