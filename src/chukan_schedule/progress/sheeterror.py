"""The error for a sheet that cannot be read as a whole, and how a file name is shown."""

from __future__ import annotations

import os
import unicodedata

from ..errors import LocalizedError
from ..lang import Lang, LangLike
from ..messages import Message, msg

__all__ = ["MAX_SHOWN", "SheetError", "said_name", "shown", "shown_name"]

#: An echoed file name or cell is cut to this many characters.
MAX_SHOWN = 200


class SheetError(LocalizedError, ValueError):
    """The file as a whole cannot be read: which file, what was wrong and what is accepted.

    It carries its catalog message (``.message``, :mod:`chukan_schedule.messages`, ``progress.*``);
    ``str(error)`` is English, ``error.text(lang)`` the message in ``lang`` (``error.ja``: Japanese).
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message)

    def text(self, lang: LangLike) -> str:
        return self.message.text(lang)

    @property
    def ja(self) -> str:
        return self.message.text(Lang.JA)


def shown(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` safe to show on a terminal or in a one-line error: bytes that were not UTF-8
    (``surrogateescape``), control and format characters escaped, cut to ``limit`` characters.

    >>> shown("a\\x1bb"), shown("\\udc82\\udca0.csv"), shown("x" * 9, 5)
    ('a\\\\x1bb', '\\\\x82\\\\xa0.csv', 'xxxxx…')
    """
    if len(text) > limit:
        text = text[:limit] + "…"
    out = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            out.append(ascii(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def shown_name(path: str | os.PathLike[str]) -> str:
    """A file name as shown in reports and errors (see :func:`shown`)."""
    return shown(os.fspath(path))


def said_name(path: str | os.PathLike[str]) -> str | Message:
    """A file name as an error says it: :func:`shown_name`, and when it was cut, its length
    in the error's language (``xxx… (1500 characters)``, ``xxx…（1500文字）``)."""
    name = os.fspath(path)
    if len(name) <= MAX_SHOWN:
        return shown(name)
    return msg("fmt.cut_word", word=shown(name[:MAX_SHOWN]), length=len(name))
