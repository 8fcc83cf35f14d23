"""The value types of chukan-schedule: what a plan holds and what an answer says.

Every class here is a frozen, slotted value (:class:`.value.Value`, written out rather than
built by attrs: they are created at every start of the command line).  Nothing here knows July 2017:
the plan's content lives in plan data (``plans/*.toml``), read by :mod:`.planfile`.
"""

from __future__ import annotations

import enum
import types
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from .errors import OperationTypeError, UnknownOperationError
from .instant import to_instant
from .lang import pick
from .messages import Listing, msg, quoted
from .value import Value, _set

__all__ = [
    "DayPlan",
    "DayType",
    "Decision",
    "Milestone",
    "Mode",
    "OpDay",
    "Operation",
    "Period",
    "Reason",
    "Rule",
    "Window",
]


class _StrEnum(str, enum.Enum):
    """A string enum whose ``str()`` and ``format()`` give the value on every Python (3.10-3.13).

    A plain ``(str, Enum)`` member prints as ``Mode.NORMAL`` (``str()`` on every Python,
    ``format()`` and f-strings on newer ones); the docs promise ``"normal"``.
    """

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)


class Mode(_StrEnum):
    """The middle server's mode on a day (table T)."""

    #: 計画停止: the server is down all day.
    PLANNED_STOP = "planned_stop"
    #: 総合運用テスト実行モード (テスト): the server runs, for tests only.
    TEST = "test"
    #: 通常実行モード (通常): the server runs in production.
    NORMAL = "normal"

    @property
    def en(self) -> str:
        return _MODE_TEXT[self][0]

    @property
    def ja(self) -> str:
        return _MODE_TEXT[self][1]

    def text(self, lang: str) -> str:
        """The mode's name in ``"en"`` or ``"ja"``."""
        return pick(lang, self.en, self.ja)


_MODE_TEXT = {
    Mode.PLANNED_STOP: ("planned stop", "計画停止"),
    Mode.TEST: ("test mode", "テスト（総合運用テスト実行モード）"),
    Mode.NORMAL: ("normal mode", "通常（通常実行モード）"),
}


class Operation(_StrEnum):
    """What a municipality may want to do on the middle server."""

    #: 副本登録: registering duplicate data.
    REGISTRATION = "registration"
    #: 符号取得: acquiring linkage codes (needs the resident registry network too).
    CODE_ACQUISITION = "code_acquisition"
    #: 情報連携: production linkage over the information provision network.
    LINKAGE = "linkage"
    #: 情報連携のテスト / 運用確認: linkage tests and the operation check.
    LINKAGE_TEST = "linkage_test"

    @property
    def en(self) -> str:
        return _OPERATION_TEXT[self][0]

    @property
    def ja(self) -> str:
        return _OPERATION_TEXT[self][1]

    def text(self, lang: str) -> str:
        """The operation's name in ``"en"`` or ``"ja"``."""
        return pick(lang, self.en, self.ja)

    @property
    def short_ja(self) -> tuple[str, ...]:
        """Shorter Japanese names this operation is also known by (情報連携のテスト, 運用確認)."""
        return _OPERATION_SHORT_JA.get(self, ())

    @classmethod
    def coerce(cls, value: object) -> Operation:
        """The operation named by ``value``: a member, its value (``code_acquisition``, ``code-acquisition``),
        its English or Japanese name (``code acquisition``, ``符号取得``), or a short Japanese form where it is
        unambiguous (``情報連携のテスト``, ``運用確認``); case and full-width letters do not matter.

        Another text is an :class:`~.errors.UnknownOperationError` (a :class:`ValueError`) listing the
        names; anything else an :class:`~.errors.OperationTypeError` (a :class:`TypeError`).

        >>> Operation.coerce("運用確認"), Operation.coerce("Code-Acquisition")
        (<Operation.LINKAGE_TEST: 'linkage_test'>, <Operation.CODE_ACQUISITION: 'code_acquisition'>)
        """
        if isinstance(value, Operation):
            return value
        if isinstance(value, str):
            op = _OPERATION_NAMES.get(value) or _OPERATION_NAMES.get(_name_key(value))
            if op is not None:
                return op
            raise UnknownOperationError(
                msg(
                    "operation.unknown",
                    value=quoted(value),
                    values=Listing(tuple(o.value for o in cls)),
                    names=Listing(tuple(o.ja for o in cls)),
                )
            )
        raise OperationTypeError(
            msg(
                "operation.type",
                values=Listing(tuple(repr(o.value) for o in cls)),
                type=type(value).__name__,
                value=repr(value),
            )
        )


_OPERATION_TEXT = {
    Operation.REGISTRATION: ("registration", "副本登録"),
    Operation.CODE_ACQUISITION: ("code acquisition", "符号取得"),
    Operation.LINKAGE: ("linkage", "情報連携"),
    Operation.LINKAGE_TEST: ("linkage test", "情報連携のテスト・運用確認"),
}
#: Short Japanese names an operation is also known by (each names one operation only).
_OPERATION_SHORT_JA = {
    Operation.LINKAGE_TEST: ("情報連携のテスト", "運用確認", "情報連携テスト"),
}


def _name_key(name: str) -> str:
    """A name as looked up: NFKC (full-width letters), trimmed, case-folded, hyphens and spaces as ``_``."""
    key = unicodedata.normalize("NFKC", name).strip().casefold()
    return "_".join(key.replace("-", " ").split())


_OPERATION_NAMES: dict[str, Operation] = {}
for _op in Operation:
    for _name in (_op.value, _op.en, _op.ja, *_op.short_ja):
        _OPERATION_NAMES[_name] = _OPERATION_NAMES[_name_key(_name)] = _op


class DayType(_StrEnum):
    """Weekday (平日) or rest day (土日祝日: Saturday, Sunday or a national holiday)."""

    WEEKDAY = "weekday"
    REST_DAY = "rest_day"


class Reason(Value):
    """One reason behind an answer: the clause it comes from, in English and Japanese."""

    __slots__ = ("clause", "en", "ja")

    clause: str
    en: str
    ja: str

    def __init__(self, clause: str, en: str, ja: str) -> None:
        _set(self, "clause", clause)
        _set(self, "en", en)
        _set(self, "ja", ja)

    def text(self, lang: str) -> str:
        return pick(lang, self.en, self.ja)

    def to_json(self) -> dict[str, str]:
        """``{"clause", "en", "ja"}``, as ``check --json`` prints a reason."""
        return {"clause": self.clause, "en": self.en, "ja": self.ja}


class Period(Value):
    """A row of table T: days ``first_day..last_day`` (inclusive) in one mode."""

    __slots__ = ("clause", "en", "first_day", "ja", "last_day", "mode")

    first_day: date
    last_day: date
    mode: Mode
    clause: str
    en: str
    ja: str

    def __init__(self, first_day: date, last_day: date, mode: Mode, clause: str, en: str, ja: str) -> None:
        _set(self, "first_day", first_day)
        _set(self, "last_day", last_day)
        _set(self, "mode", mode)
        _set(self, "clause", clause)
        _set(self, "en", en)
        _set(self, "ja", ja)


class Milestone(Value):
    """A dated event of the notices, ``first_day..last_day`` inclusive."""

    __slots__ = ("clause", "en", "end_expected", "expected", "first_day", "id", "ja", "last_day")

    id: str
    first_day: date
    last_day: date
    clause: str
    en: str
    ja: str
    #: 想定: the notice marks the whole milestone as expected, not final.
    expected: bool
    #: Only its end (``last_day``) is expected: it starts for sure, its end may move.
    end_expected: bool

    def __init__(
        self,
        id: str,
        first_day: date,
        last_day: date,
        clause: str,
        en: str,
        ja: str,
        expected: bool = False,
        end_expected: bool = False,
    ) -> None:
        _set(self, "id", id)
        _set(self, "first_day", first_day)
        _set(self, "last_day", last_day)
        _set(self, "clause", clause)
        _set(self, "en", en)
        _set(self, "ja", ja)
        _set(self, "expected", expected)
        _set(self, "end_expected", end_expected)

    def title(self, lang: str) -> str:
        return pick(lang, self.en, self.ja)

    def expected_on(self, day: date) -> bool:
        """Whether the notice marks ``day`` of this milestone as expected (想定): any day of an
        expected milestone, the last day of one whose end only is (N5's "17日(想定)まで")."""
        return self.expected or (self.end_expected and day == self.last_day)


class Rule(Value):
    """One line of plan data: how an operation (or the server itself) runs on matching days.

    ``hours`` is ``(start, end)`` local wall-clock times, ``end`` exclusive, where an end
    of ``None`` means midnight at the end of the day (24:00); ``hours is None`` means the
    operation is not possible at all on matching days.
    """

    __slots__ = (
        "clause",
        "day_type",
        "en",
        "end_expected",
        "expected",
        "first_day",
        "hours",
        "ja",
        "last_day",
        "modes",
        "subject",
    )

    subject: str  # an Operation value, or "server" for the operating hours (H)
    clause: str
    en: str
    ja: str
    modes: frozenset[Mode]
    day_type: DayType | None
    first_day: date | None
    last_day: date | None
    hours: tuple[time, time | None] | None
    expected: bool  # 想定: the notice marks it as expected, not final
    #: Only its end (``last_day``) is expected (N5's "17日(想定)まで"): plan file ``expected = "end"``.
    end_expected: bool

    def __init__(
        self,
        subject: str,
        clause: str,
        en: str,
        ja: str,
        modes: frozenset[Mode],
        day_type: DayType | None = None,
        first_day: date | None = None,
        last_day: date | None = None,
        hours: tuple[time, time | None] | None = None,
        expected: bool = False,
        end_expected: bool = False,
    ) -> None:
        _set(self, "subject", subject)
        _set(self, "clause", clause)
        _set(self, "en", en)
        _set(self, "ja", ja)
        _set(self, "modes", modes)
        _set(self, "day_type", day_type)
        _set(self, "first_day", first_day)
        _set(self, "last_day", last_day)
        _set(self, "hours", hours)
        _set(self, "expected", expected)
        _set(self, "end_expected", end_expected)

    def matches(self, day: date, mode: Mode, day_type: DayType) -> bool:
        if mode not in self.modes:
            return False
        if self.day_type is not None and self.day_type is not day_type:
            return False
        if self.first_day is not None and day < self.first_day:
            return False
        return not (self.last_day is not None and day > self.last_day)

    def reason(self) -> Reason:
        return Reason(self.clause, self.en, self.ja)

    def expected_on(self, day: date) -> bool:
        """Whether the notice marks this rule as expected (想定) on ``day``: the whole rule, or its last day."""
        return self.expected or (self.end_expected and day == self.last_day)


class Window(Value):
    """A maximal half-open span ``[start, end)`` (aware, JST) in which ``operation`` is allowed."""

    __slots__ = ("clauses", "end", "operation", "start")

    start: datetime
    end: datetime
    operation: Operation
    clauses: tuple[str, ...]

    def __init__(self, start: datetime, end: datetime, operation: Operation, clauses: tuple[str, ...]) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "operation", operation)
        _set(self, "clauses", clauses)

    def __contains__(self, ts: object) -> bool:
        """``ts in window``: a naive datetime is wall-clock time in the window's zone (JST), as everywhere.

        Anything but a datetime (a ``date``, a string) raises the :class:`TypeError`
        (:class:`~chukan_schedule.errors.InvalidTimestampError`) that ``plan.allows`` raises.
        """
        zone = self.start.tzinfo
        assert zone is not None  # a window's edges are aware
        # The one naive-instant rule (instant.py); anything but a datetime raises there.
        return self.start <= to_instant(ts, zone) < self.end

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict, as ``windows --json`` prints a window: ISO 8601 ``start``/``end`` in the
        window's zone (JST) and its ``clauses``."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "clauses": list(self.clauses)}

    @property
    def duration_seconds(self) -> float:
        return (self.end - self.start).total_seconds()


class OpDay(Value):
    """What one operation may do on one day: the deciding rule and its span (or none)."""

    __slots__ = ("end", "rule", "start")

    rule: Rule | None  # None on a planned stop
    start: datetime | None
    end: datetime | None

    def __init__(self, rule: Rule | None, start: datetime | None, end: datetime | None) -> None:
        _set(self, "rule", rule)
        _set(self, "start", start)
        _set(self, "end", end)


def _read_only(operations: Mapping[Operation, OpDay]) -> Mapping[Operation, OpDay]:
    return types.MappingProxyType(dict(operations))


class DayPlan(Value):
    """One day of a compiled plan: its mode, day type, holiday and each operation's span.

    Immutable and hashable: ``operations`` is a read-only mapping (a copy of what it was given).
    """

    __slots__ = ("day", "day_type", "holiday_en", "holiday_ja", "mode", "operations", "period", "server")
    _unhashed = ("operations",)

    day: date
    mode: Mode
    period: Period
    day_type: DayType
    holiday_en: str | None
    holiday_ja: str | None
    server: OpDay
    # Compared, not hashed (a read-only mapping has no hash; the other fields decide it).
    operations: Mapping[Operation, OpDay]

    def __init__(
        self,
        day: date,
        mode: Mode,
        period: Period,
        day_type: DayType,
        holiday_en: str | None,
        holiday_ja: str | None,
        server: OpDay,
        operations: Mapping[Operation, OpDay],
    ) -> None:
        _set(self, "day", day)
        _set(self, "mode", mode)
        _set(self, "period", period)
        _set(self, "day_type", day_type)
        _set(self, "holiday_en", holiday_en)
        _set(self, "holiday_ja", holiday_ja)
        _set(self, "server", server)
        _set(self, "operations", _read_only(operations))

    def holiday(self, lang: str) -> str | None:
        return pick(lang, self.holiday_en, self.holiday_ja)


class Decision(Value):
    """The answer to "may I do ``operation`` at ``at``?", with the clauses behind it."""

    __slots__ = ("allowed", "at", "mode", "next_window", "operation", "reasons", "window")

    allowed: bool
    operation: Operation
    at: datetime
    mode: Mode
    window: Window | None
    next_window: Window | None
    reasons: tuple[Reason, ...]

    def __init__(
        self,
        allowed: bool,
        operation: Operation,
        at: datetime,
        mode: Mode,
        window: Window | None,
        next_window: Window | None,
        reasons: tuple[Reason, ...],
    ) -> None:
        _set(self, "allowed", allowed)
        _set(self, "operation", operation)
        _set(self, "at", at)
        _set(self, "mode", mode)
        _set(self, "window", window)
        _set(self, "next_window", next_window)
        _set(self, "reasons", reasons)

    def __bool__(self) -> bool:
        return self.allowed

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict, as ``check --json`` prints one operation: ``allowed``, ``window``,
        ``next_window`` (:meth:`Window.to_json` or ``None``) and ``reasons`` (clause, en, ja)."""
        return {
            "allowed": self.allowed,
            "window": None if self.window is None else self.window.to_json(),
            "next_window": None if self.next_window is None else self.next_window.to_json(),
            "reasons": [r.to_json() for r in self.reasons],
        }
