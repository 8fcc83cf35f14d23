"""The errors chukan-schedule raises.  Each says what was wrong and what is accepted.

Every error carries its :class:`~.messages.Message` (``.message``: the catalog id and the
parameters); ``str(error)`` is the English text and ``error.message.text("ja")`` the Japanese one.
"""

from __future__ import annotations

from datetime import datetime

from .messages import QUOTE_LIMIT, Message, msg
from .messages import quoted as _quoted

__all__ = [
    "QUOTE_LIMIT",
    "InvalidTimestampError",
    "LangError",
    "LocalizedError",
    "OperationTypeError",
    "OutsidePlanError",
    "PlanFileError",
    "PlanTypeError",
    "RevisionOrderError",
    "TimestampFormatError",
    "UnknownOperationError",
    "quoted",
]


def quoted(text: str) -> str:
    """``text`` quoted for an English message: whole when short, else its first characters and its length."""
    return str(_quoted(text))


class LocalizedError(Exception):
    """An error that says itself in English (``str()``) and in any language (``.message.text(lang)``)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


class OutsidePlanError(LocalizedError, ValueError):
    """An instant (or a bound) lies outside the plan's coverage.

    ``parameter`` names the argument, ``value`` is the instant in JST, and
    ``coverage_start``/``coverage_end`` are the plan's half-open coverage.
    """

    def __init__(
        self,
        value: datetime,
        coverage_start: datetime,
        coverage_end: datetime,
        parameter: str = "ts",
    ) -> None:
        self.parameter = parameter
        self.value = value
        self.coverage_start = coverage_start
        self.coverage_end = coverage_end
        super().__init__(
            msg(
                "plan.outside",
                parameter=parameter,
                value=value.isoformat(),
                start=coverage_start.isoformat(),
                end=coverage_end.isoformat(),
            )
        )


class InvalidTimestampError(LocalizedError, TypeError):
    """A timestamp was not a :class:`datetime.datetime`."""


class UnknownOperationError(LocalizedError, ValueError):
    """An operation name is not one of :class:`~chukan_schedule.Operation`'s names."""


class OperationTypeError(LocalizedError, TypeError):
    """An operation was given as something other than an :class:`~chukan_schedule.Operation` or a name."""


class LangError(LocalizedError, ValueError):
    """A language is not one of :class:`~chukan_schedule.lang.Lang`'s spellings."""


class PlanTypeError(LocalizedError, TypeError):
    """A plan was given as something other than a :class:`~chukan_schedule.Plan`."""


class RevisionOrderError(LocalizedError, ValueError):
    """A plan said to correct another has no higher revision (clients would not apply its changes)."""


class PlanFileError(LocalizedError, ValueError):
    """A plan file is unreadable or malformed; the message names the file and the key.

    ``problem`` is what was wrong, in English (the message's ``problem`` parameter says it in any language).
    """

    def __init__(self, source: str, key: str, problem: Message) -> None:
        self.source = source
        self.key = key
        self.problem = str(problem)
        if key:
            super().__init__(msg("plan.error_key", source=source, key=key, problem=problem))
        else:
            super().__init__(msg("plan.error", source=source, problem=problem))


class TimestampFormatError(LocalizedError, ValueError):
    """A text timestamp could not be read; the message quotes it and says what was wrong with it.

    ``text`` is the text as given and ``problem`` what was wrong with it, in English (the message's
    ``problem`` parameter says it in any language).
    """

    def __init__(self, text: str, problem: Message) -> None:
        self.text = text
        self.problem = str(problem)
        super().__init__(msg("ts.error", text=_quoted(text), problem=problem))
