"""The errors chukan-schedule raises.  Each says what was wrong and what is accepted."""

from __future__ import annotations

from datetime import datetime

__all__ = [
    "InvalidTimestampError",
    "OutsidePlanError",
    "PlanFileError",
    "TimestampFormatError",
    "UnknownOperationError",
    "quoted",
]


#: How many characters of a user's text a message quotes (a pasted log line is cut short).
QUOTE_LIMIT = 60


def quoted(text: str) -> str:
    """``text`` quoted for a message: whole when short, else its first characters and its length."""
    if len(text) <= QUOTE_LIMIT:
        return repr(text)
    return f"{text[:QUOTE_LIMIT]!r}… ({len(text)} characters)"


class OutsidePlanError(ValueError):
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
            f"{parameter}={value.isoformat()} is outside the plan's coverage "
            f"[{coverage_start.isoformat()}, {coverage_end.isoformat()}); "
            "the plan cannot answer for it"
        )


class InvalidTimestampError(TypeError):
    """A timestamp was not a :class:`datetime.datetime`."""


class UnknownOperationError(ValueError):
    """An operation name is not one of :class:`~chukan_schedule.Operation`'s values."""


class PlanFileError(ValueError):
    """A plan file is unreadable or malformed; the message names the file and the key."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        where = f"{source}: {key}: " if key else f"{source}: "
        super().__init__(where + problem)


class TimestampFormatError(ValueError):
    """A text timestamp could not be read; the message quotes it and lists the accepted forms.

    ``text`` is the text as given and ``problem`` what was wrong with it.
    """

    def __init__(self, text: str, problem: str, accepted: str) -> None:
        self.text = text
        self.problem = problem
        super().__init__(f"cannot read {quoted(text)} as a timestamp: {problem}; accepted: {accepted}")
