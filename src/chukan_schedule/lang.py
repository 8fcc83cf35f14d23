"""The languages of human output (出力の言語), and a text that exists in both.

:class:`Lang` is the one language type: every function that takes ``lang`` accepts a
:class:`Lang` or one of its spellings, normalised by :meth:`Lang.coerce` (``"ja"``, ``"JA"``,
``"ja-JP"``, ``"ja_JP"``; likewise ``"en"``, ``"en-US"``...) and refused the same way
everywhere (:class:`ValueError`).

:class:`Text` is a value in English and Japanese side by side; ``.text(lang)`` picks one.

>>> Lang.coerce("ja_JP"), Lang.coerce("EN")
(<Lang.JA: 'ja'>, <Lang.EN: 'en'>)
>>> Text("planned stop", "計画停止").text("ja")
'計画停止'
>>> Lang.coerce("fr")
Traceback (most recent call last):
...
chukan_schedule.errors.LangError: lang must be 'en' or 'ja' (also 'EN', 'JA', or with a region: ...), got 'fr'
"""

from __future__ import annotations

import enum
import re
from typing import Protocol, TypeVar

from .value import Value, _set

__all__ = ["Bilingual", "Lang", "LangLike", "Text", "pick"]

T = TypeVar("T")

# A language code, optionally with a region (BCP 47 'ja-JP' or POSIX 'ja_JP'); nothing else.
_SPELLING = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z]{2})?")


class Lang(str, enum.Enum):
    """A language of human output: English or Japanese."""

    EN = "en"
    JA = "ja"

    @classmethod
    def coerce(cls, value: object) -> Lang:
        """``value`` as a :class:`Lang`: a member, or ``en``/``ja`` in any case, with or without a region.

        Anything else (``"fr"``, ``"japanese"``, ``"ja_JP.UTF-8"``, ``None``) is a :class:`ValueError`
        that names what is accepted.
        """
        if isinstance(value, Lang):
            return value
        if isinstance(value, str):
            m = _SPELLING.fullmatch(value.strip())
            if m is not None:
                code = m[1].lower()
                for lang in cls:
                    if lang.value == code:
                        return lang
        from .errors import LangError  # here: errors -> messages -> lang
        from .messages import msg

        raise LangError(msg("lang.invalid", value=repr(value)))

    def __str__(self) -> str:
        return self.value

    # Hashed as its text, as it compares: {"ja": ...}[Lang.JA] finds the entry.
    def __hash__(self) -> int:
        return str.__hash__(self.value)


#: What a ``lang`` parameter accepts: a :class:`Lang` or a spelling :meth:`Lang.coerce` reads.
LangLike = Lang | str


def pick(lang: LangLike, en: T, ja: T) -> T:
    """``ja`` if ``lang`` is Japanese, else ``en``; ``lang`` is read by :meth:`Lang.coerce` (or refused)."""
    return ja if Lang.coerce(lang) is Lang.JA else en


class Bilingual(Protocol):
    """Anything that can say itself in a language (a :class:`Text`, a message, an :class:`~.Operation`)."""

    def text(self, lang: LangLike) -> str: ...


class Text(Value):
    """A text in English and Japanese, side by side."""

    __slots__ = ("en", "ja")

    en: str
    ja: str

    def __init__(self, en: str, ja: str) -> None:
        _set(self, "en", en)
        _set(self, "ja", ja)

    def text(self, lang: LangLike) -> str:
        """The text in ``lang``."""
        return pick(lang, self.en, self.ja)

    def __str__(self) -> str:
        return self.en
