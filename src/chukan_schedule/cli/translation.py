"""The command line's language: argparse's own words through its ``gettext`` calls, and help texts from the catalog.

argparse looks up every word it says itself (``usage:``, "the following arguments are required", the
``-h`` help...) through ``gettext``, which it imports as its module globals ``_`` and ``ngettext``.
:func:`argparse_language` points those two at a :class:`gettext.NullTranslations` built from the
catalog (:data:`~chukan_schedule.messages.ARGPARSE_JA`) for as long as a parser is built, parses
or formats its help, and puts argparse's own back afterwards; :class:`~.parsing.Parser` does this
around each of those steps.  The language is also readable while argparse runs
(:func:`current_lang`), for the messages of argument types and actions.

A help text is a :class:`HelpText`: a ``str`` (its English, what argparse stores) that carries its
catalog message, said in the parser's language when the help is formatted.
"""

from __future__ import annotations

import argparse
import gettext
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from ..lang import Lang, LangLike
from ..messages import ARGPARSE_JA, ARGPARSE_NGETTEXT_JA, Message, msg
from ..render import display_width

__all__ = ["HelpFormatter", "HelpText", "argparse_language", "current_lang", "help_text"]

_CURRENT: ContextVar[Lang] = ContextVar("chukan_schedule_cli_lang", default=Lang.EN)


class Translations(gettext.NullTranslations):
    """argparse's msgids in one language (English: as they are)."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def gettext(self, message: str) -> str:
        if self.lang is Lang.JA:
            return ARGPARSE_JA.get(message, message)
        return message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if self.lang is Lang.JA and (msgid1, msgid2) in ARGPARSE_NGETTEXT_JA:
            return ARGPARSE_NGETTEXT_JA[(msgid1, msgid2)]
        return msgid1 if n == 1 else msgid2


@contextmanager
def argparse_language(lang: LangLike) -> Iterator[Lang]:
    """Within the block, argparse speaks ``lang`` (its ``_``/``ngettext``) and :func:`current_lang` is ``lang``."""
    language = Lang.coerce(lang)
    translations = Translations(language)
    saved = (getattr(argparse, "_"), getattr(argparse, "ngettext"))  # noqa: B009 - module globals argparse reads
    token = _CURRENT.set(language)
    setattr(argparse, "_", translations.gettext)  # noqa: B010
    setattr(argparse, "ngettext", translations.ngettext)  # noqa: B010
    try:
        yield language
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010
        _CURRENT.reset(token)


def current_lang() -> Lang:
    """The language of the parser now at work (English outside one)."""
    return _CURRENT.get()


class HelpText(str):
    """A help text: its English as a ``str``, and its catalog :class:`~chukan_schedule.messages.Message`."""

    message: Message

    def __new__(cls, message: Message) -> HelpText:
        self = super().__new__(cls, str(message))
        self.message = message
        return self


def help_text(message_id: str, /, **params: object) -> str:
    """The help text of catalog message ``message_id``, said in the parser's language in ``--help``."""
    return HelpText(msg(message_id, **params))


def localized(text: str) -> str:
    """``text`` in the current language if it is a :class:`HelpText`, else as it is."""
    return text.message.text(current_lang()) if isinstance(text, HelpText) else text


# A run of printable ASCII (a word, 2017-07-15T10:00) or any one other character (each can end a line).
_TOKEN = re.compile(r"[\x21-\x7e]+|\s+|.", re.DOTALL)
# Closing punctuation never starts a line (禁則): it stays with what it closes.
_NO_LINE_START = frozenset("、。，．）」』】〕：；！？ー")
# Opening brackets never end a line: they go down with what they open.
_NO_LINE_END = frozenset("（「『【〔")


# English: lines break only between words (a Japanese term quoted in English stays whole), or
# after a slash in a long list of spellings (済/済み/…).
_WORD = re.compile(r"[^\s/]+/?|/|\s+")


def wrap_display(text: str, width: int, *, words_only: bool = False) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns (a wide character takes two).

    Japanese breaks between any two characters, English between words (``words_only``: only
    between words, for English text that quotes Japanese terms; a word wider than a line is
    then broken as Japanese is).  Closing punctuation never starts a line: the character before
    it goes down with it (追い出し); an opening bracket never ends one.

    >>> wrap_display("read a sheet (本番用副本登録進捗状況集計シート) and advise", 36, words_only=True)
    ['read a sheet', '(本番用副本登録進捗状況集計シート)', 'and advise']
    >>> wrap_display("計画ファイル（TOML）", 16)
    ['計画ファイル', '（TOML）']
    >>> wrap_display("書き込みます（原子的に）。", 24)
    ['書き込みます（原子的', 'に）。']
    """
    tokens: list[str] = (_WORD if words_only else _TOKEN).findall(" ".join(text.split()))
    if words_only:
        tokens = [piece for t in tokens for piece in (_TOKEN.findall(t) if display_width(t) > width else [t])]
    lines: list[str] = []
    line: list[str] = []  # the current line's tokens, a space as " "
    used = 0
    for token in tokens:
        if token.isspace():
            if line:
                line.append(" ")
                used += 1
            continue
        size = display_width(token)
        if not line or used + size <= width:
            line.append(token)
            used += size
            continue
        carried = [token]
        while line and line[-1] == " ":
            line.pop()
        if (
            token[0] in _NO_LINE_START
        ):  # 追い出し: the closing marks before it, and the character they close, go down too
            k = len(line)
            while k > 0 and line[k - 1][0] in _NO_LINE_START:
                k -= 1
            if k > 1 and line[k - 1] != " ":
                carried[:0] = line[k - 1 :]
                del line[k - 1 :]
            else:  # nothing to push down: it hangs
                line.append(token)
                used += size
                continue
        while len(line) > 1 and line[-1] in _NO_LINE_END:
            carried.insert(0, line.pop())
        lines.append("".join(line).rstrip())
        line = carried
        used = display_width("".join(line))
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return lines


# One part of a usage line, as argparse splits it: a bracketed group, a parenthesised one, or a word.
_USAGE_PART = re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")


def _usage_lines(parts: list[str], indent: str, width: int, first: str | None = None) -> list[str]:
    """``parts`` joined by spaces in lines of at most ``width`` columns, each after ``indent``
    (the first after ``first`` instead, when given); a part wider than a line stands alone."""
    lines: list[str] = []
    line = first if first is not None else indent
    filled = False
    for part in parts:
        if filled and display_width(line) + 1 + display_width(part) > width:
            lines.append(line)
            line, filled = indent, False
        line += (" " if filled else "") + part
        filled = True
    if filled or first is not None:
        lines.append(line)
    return lines


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size().columns`` says it (Python 3.11+).

    ``COLUMNS`` when it is a positive integer, else the width of the terminal of
    ``sys.__stdout__``, else 80 (not a terminal, or one that says 0).
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # stdout None, closed, detached, or not a terminal
        return 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, saying each :class:`HelpText` (help, description, epilog) in the current language.

    Japanese text is wrapped by terminal columns (:func:`wrap_display`); English as argparse does.
    """

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        # argparse's default width, without the `import shutil` (and the compression modules it
        # brings) that argparse does for it: a parser makes a formatter for every argument it adds.
        width = terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return None if action.help is None else localized(action.help)

    def _format_text(self, text: str) -> str:
        return super()._format_text(localized(text))

    def _split_lines(self, text: str, width: int) -> list[str]:
        if current_lang() is Lang.JA:
            return wrap_display(text, width)
        if not text.isascii():  # English quoting Japanese terms: wide characters take two columns
            return wrap_display(text, width, words_only=True)
        return super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if current_lang() is Lang.JA:
            return "\n".join(indent + line for line in wrap_display(text, width - len(indent)))
        if not text.isascii():
            return "\n".join(indent + line for line in wrap_display(text, width - len(indent), words_only=True))
        return super()._fill_text(text, width, indent)

    def _format_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None) -> str:
        """argparse's usage, wrapped by terminal columns (使い方： takes eight): the arguments follow
        the program's name when they fit beside it, else go under the prefix; the positionals
        start a line of their own once the usage wraps, as argparse does."""
        if usage is not None:
            return super()._format_usage(usage, actions, groups, prefix)
        if prefix is None:
            prefix = getattr(argparse, "_")("usage: ")  # noqa: B009 - as argparse says it
        prog = self._prog
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        opt_parts = _USAGE_PART.findall(self._format_actions_usage(optionals, groups))
        pos_parts = _USAGE_PART.findall(self._format_actions_usage(positionals, groups))
        width = self._width - self._current_indent
        one = " ".join([prog, *opt_parts, *pos_parts])
        if display_width(prefix + one) <= width:
            return f"{prefix}{one}\n\n"
        widest = max(map(display_width, opt_parts + pos_parts), default=0)
        beside = display_width(prefix + prog) + 1
        if beside + widest <= width:  # the arguments beside the program's name
            indent = " " * beside
            lines = _usage_lines([prog, *opt_parts], indent, width, first=prefix)
            lines += _usage_lines(pos_parts, indent, width)
        else:  # the name alone on the first line, the arguments under the prefix
            indent = " " * display_width(prefix)
            lines = [prefix + prog, *_usage_lines(opt_parts, indent, width), *_usage_lines(pos_parts, indent, width)]
        return "\n".join(lines) + "\n\n"

    class _Section(argparse.HelpFormatter._Section):
        """A section of the help; its heading ends in a full-width 「：」 in Japanese (argparse writes ':')."""

        def format_help(self) -> str:
            text: str = super().format_help()
            heading = self.heading
            if heading and current_lang() is Lang.JA:
                text = text.replace(f"{heading}:\n", f"{heading}：\n", 1)
            return text
