"""The pieces every subcommand's arguments share: the one-line-error parser, ``--lang``, ``--plan``,
operation names and timestamps."""

from __future__ import annotations

import argparse
import os
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, NoReturn

from ..engine import Plan
from ..errors import quoted
from ..errors_ja import ERROR_JA, ONCE, UNKNOWN_OPERATION_TAIL, timestamp_ja, usage_ja
from ..model import Operation
from ..timeinput import TimestampFormatError, parse_timestamp
from .output import EXIT_ERROR, CliError

PROG = "chukan-schedule"
LANGS = ("ja", "en")

_OPERATION_NAMES: dict[str, Operation] = {}
for _op in Operation:
    for _name in (_op.value, _op.value.replace("_", "-"), _op.en, _op.ja):
        _OPERATION_NAMES[_name] = _op
OPERATION_HELP = ", ".join(op.value for op in Operation)
OUTPUT_HELP = "write to FILE (atomically) instead of standard output; - is standard output"


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
            raise argparse.ArgumentError(self, ONCE)
        setattr(namespace, self.dest, values)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``chukan-schedule: error: ...; see '... --help'``.

    ``lang="ja"``: ``chukan-schedule: エラー: ...（'... --help' を参照）``.
    """

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        one_line = printable(message)
        if self.lang == "ja":
            self.exit(EXIT_ERROR, f"{PROG}: {ERROR_JA}: {usage_ja(one_line)}（'{self.prog} --help' を参照）\n")
        self.exit(EXIT_ERROR, f"{PROG}: error: {one_line}; see '{self.prog} --help'\n")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """``"ja"`` when the locale (LC_ALL, else LC_MESSAGES, else LANG) starts with ``ja``, else ``"en"``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def scan_lang(argv: Sequence[str]) -> str | None:
    """The last valid ``--lang ja|en`` (or ``--lang=ja``, or an abbreviation ``--la ja``) in ``argv``.

    Read before argparse runs, so that a usage error found before ``--lang`` is in that language.
    An argument after ``--`` is not an option.
    """
    found: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not eq:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        if value in LANGS:
            found = value
    return found


def printable(message: str) -> str:
    """One line with no control characters: a file name cannot move the cursor or forge a line."""
    flat = " ".join(message.split())
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) == "Cc" else ch for ch in flat)


def operation(value: str) -> Operation:
    """An operation named by its value, with hyphens, or by its English or Japanese name (argparse type)."""
    op = _OPERATION_NAMES.get(value.strip()) or _OPERATION_NAMES.get(value.strip().lower())
    if op is None:
        raise argparse.ArgumentTypeError(f"unknown operation {quoted(value)}{UNKNOWN_OPERATION_TAIL}")
    return op


def add_common(p: argparse.ArgumentParser, default: Any) -> None:
    """``--lang`` and ``--plan``, accepted before and after the subcommand.

    The subcommand's copy (``default=SUPPRESS``) must not erase the global one.
    """
    p.add_argument("--lang", choices=LANGS, default=default, help="language of human output (default: from the locale)")
    p.add_argument(
        "--plan", metavar="FILE", default=default, help="a plan file (TOML) instead of the embedded July 2017 plan"
    )


def timestamp(value: str, plan: Plan, what: str) -> datetime:
    """``value`` read as a timestamp; an error names the argument ``what`` (TIMESTAMP, --from, --to)."""
    try:
        return parse_timestamp(value, plan.tz)
    except TimestampFormatError as exc:
        raise CliError(f"{what}: {exc}", f"{what}：{timestamp_ja(exc)}") from None


def load_plan(path: str | None) -> Plan:
    """The plan of ``--plan FILE``, or the embedded July 2017 plan."""
    if path is None:
        from .. import JULY_2017

        return JULY_2017
    from ..planfile import load_plan as load

    return load(path)
