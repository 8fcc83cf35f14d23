"""Time input: what a caller hands us, turned into an exact instant (and operation names).

The reading of docs/spec.md: a naive :class:`~datetime.datetime` is wall-clock time in the
plan's zone (JST); an aware one is an instant in any zone.  Anything else is refused with
a :class:`TypeError` that says what is accepted: never a guess.
"""

from __future__ import annotations

import re as _re
import unicodedata as _unicodedata
from datetime import date, datetime, tzinfo
from datetime import timedelta as _timedelta
from zoneinfo import ZoneInfo

from .errors import InvalidTimestampError, TimestampFormatError
from .instant import to_instant
from .messages import msg, quoted
from .model import Operation

#: Japan Standard Time: how a timestamp without a zone is read (docs/spec.md, point 2).
JST = ZoneInfo("Asia/Tokyo")

__all__ = [
    "ACCEPTED_TIMESTAMP_FORMS",
    "JST",
    "TimestampFormatError",
    "coerce_operation",
    "parse_timestamp",
    "to_instant",
    "to_iso",
]


def coerce_operation(op: object) -> str:
    """The value of the operation ``op`` names (:meth:`Operation.coerce`)."""
    return Operation.coerce(op).value


# ---- Text timestamps (タイムスタンプの文字列): parse_timestamp ----
#
# Added for the command line.  ISO 8601 is read by dateutil's isoparse; the forms the notices
# and Japanese office text use (平成29年7月15日 10時30分, 午後8時30分, H29.7.15, full-width
# digits, 2017/7/15) are first written as ISO 8601.  Every field is checked on the way: an
# impossible date or hour is an error that says so, never a date rolled over or a guess.


#: What :func:`parse_timestamp` reads, in English (``--help``; the message ``ts.forms`` in any language).
ACCEPTED_TIMESTAMP_FORMS = str(msg("ts.forms"))

#: How much of a text an error message quotes: a longer text is cut and its length given.
_quote = quoted


def _bad(text: str, problem: str, **params: object) -> TimestampFormatError:
    return TimestampFormatError(text, msg(problem, **params))


class _Lazy:
    """A regular expression compiled when first used: reading an ISO timestamp (the command line's
    start) compiles the few it needs, not those of the Japanese forms."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: _re.Pattern[str] | None = None

    def _get(self) -> _re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _re.compile(self._pattern, self._flags)
        return self._compiled

    def match(self, s: str) -> _re.Match[str] | None:
        return self._get().match(s)

    def fullmatch(self, s: str) -> _re.Match[str] | None:
        return self._get().fullmatch(s)


# 元号: name, letter, first day (Gregorian), year offset (era year 1 = offset + 1).
# 明治 is read only from 明治6年 (1873-01-01), when Japan took up the Gregorian calendar.
_ERAS: tuple[tuple[str, str, date, int], ...] = (
    ("明治", "M", date(1873, 1, 1), 1867),
    ("大正", "T", date(1912, 7, 30), 1911),
    ("昭和", "S", date(1926, 12, 25), 1925),
    ("平成", "H", date(1989, 1, 8), 1988),
    ("令和", "R", date(2019, 5, 1), 2018),
)
_ERA_BY_KEY = {key: i for i, (name, letter, _, _) in enumerate(_ERAS) for key in (name, letter)}
_WEEKDAYS_JA = "月火水木金土日"
_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\s*(?P<ey>\d{1,2}|元)"

# The date forms, tried in this order: 2017-07-15 or 2017/7/15; 2017年7月15日 or 平成29年7月15日;
# H29.7.15 (an era date with dots); the ISO 8601 basic 20170715 (exactly 8 digits).
_ISO_DATE = _Lazy(r"(?P<y>\d{4})(?P<sep>[-/])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})")
_JA_DATE = _Lazy(rf"(?:{_ERA}|(?P<y>\d{{4}}))\s*年\s*(?P<mo>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日", _re.IGNORECASE)
_DOTTED_ERA_DATE = _Lazy(rf"{_ERA}\.(?P<mo>\d{{1,2}})\.(?P<d>\d{{1,2}})(?![\d.])", _re.IGNORECASE)
_BASIC_DATE = _Lazy(r"(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})(?!\d)")
_DATE_FORMS = (("iso", _ISO_DATE), ("ja", _JA_DATE), ("dotted", _DOTTED_ERA_DATE), ("basic", _BASIC_DATE))
_WEEKDAY = _Lazy(r"\s*\(\s*(?P<wd>[月火水木金土日])(?:曜日?)?\s*(?:・?祝日?)?\s*\)")
_HALF_DAY = _Lazy(r"(?P<half>午前|午後)\s*")
_CLOCK = _Lazy(r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?")
_KANJI_CLOCK = _Lazy(r"(?P<h>\d{1,2})\s*時(?:\s*(?:(?P<mi>\d{1,2})\s*分(?:\s*(?P<s>\d{1,2})\s*秒)?|(?P<half>半)))?")
# After a basic date: the time is 4 or 6 digits (and a fraction).
_BASIC_CLOCK = _Lazy(r"(?P<h>\d{2})(?P<mi>\d{2})(?:(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?(?!\d)")
# An offset may follow the time directly or after spaces, as logs write it (10:00:00 +0900).
_OFFSET = _Lazy(r"\s*(?:(?P<z>Z)|(?P<sign>[+-])(?P<oh>\d{2})(?::?(?P<om>\d{2}))?|(?P<jst>JST))", _re.IGNORECASE)


def parse_timestamp(text: str, tz: tzinfo = JST) -> datetime:
    """Read a timestamp written as text; the result is aware, in ``tz`` (default: JST, Asia/Tokyo).

    A timestamp without an offset is wall-clock time in ``tz``; one with an offset
    (``Z``, ``+00:00``, ``+0900``, ``JST``; directly after the time or after a space, as in
    logs: ``2017-07-15 10:00:00 +0900``) is converted to ``tz``.  The ISO 8601 basic form
    (``20170715T1000``, ``20170715T100000+0900``) is read too, and so are the forms of Japanese
    office text: ``2017年7月15日 10時30分``, ``平成29年7月13日 午後8時30分``, ``H29.7.13 10:00``,
    ``2017/7/13 20:30``, full-width digits.  A bare date is 00:00 of that day; ``24:00`` the next
    midnight.  Invalid dates and times raise :class:`TimestampFormatError` (a :class:`ValueError`)
    saying what is wrong with this text.

    >>> parse_timestamp("平成29年7月15日 10時30分").isoformat()
    '2017-07-15T10:30:00+09:00'
    >>> parse_timestamp("平成29年7月13日 午後8時30分").isoformat()
    '2017-07-13T20:30:00+09:00'
    """
    if not isinstance(text, str):
        raise InvalidTimestampError(msg("ts.not_str", type=type(text).__name__, value=repr(text)))
    iso = to_iso(text)
    try:
        if len(iso) in (19, 25) and iso[11:13] != "24":
            # The canonical form to_iso writes (2017-07-15T10:00:00, maybe +09:00), every field checked:
            # the standard library reads it as isoparse does, without importing dateutil (start time).
            parsed = datetime.fromisoformat(iso)
        else:
            from dateutil.parser import isoparse  # here: the command line's start does not pay for it

            parsed = isoparse(iso)
        return parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed.astimezone(tz)
    except (ValueError, OverflowError):  # every field was checked: what is left is 24:00 of 9999-12-31 & co.
        raise _bad(text, "ts.beyond") from None


def to_iso(text: str) -> str:
    """``text`` written as ISO 8601 (``2017-07-15T10:30:00``, an offset kept), each field checked.

    >>> to_iso("H29.7.13 午後8時"), to_iso("２０１７年７月１５日(土)１０時半 JST")
    ('2017-07-13T20:00:00', '2017-07-15T10:30:00+09:00')
    """
    s = _unicodedata.normalize("NFKC", text).strip()
    if not s:
        raise _bad(text, "ts.empty")
    found = _match_date(s)
    if found is None:
        raise _bad(text, "ts.no_date")
    kind, m = found
    era = m.groupdict().get("era")
    year = _era_year(text, era, m["ey"]) if era else int(m["y"])
    d = _checked_date(text, year, int(m["mo"]), int(m["d"]))
    if era:
        _check_era(text, era, d)
    rest = s[m.end() :]
    if kind == "basic":
        if not rest:
            return d.isoformat()
        if rest[0] not in "Tt":
            raise _bad(text, "ts.basic_needs_t", date=m.group(), rest=_quote(rest))
        return d.isoformat() + _time_iso(text, rest[1:], basic=True)

    weekday = _WEEKDAY.match(rest)
    if weekday is not None:
        if _WEEKDAYS_JA.index(weekday["wd"]) != d.weekday():
            from .render import WEEKDAYS  # here: only this mistake needs the weekdays' names

            raise _bad(text, "ts.weekday", given=weekday["wd"], date=d.isoformat(), actual=WEEKDAYS[d.weekday()])
        rest = rest[weekday.end() :]
    if not rest:
        return d.isoformat()
    if kind != "ja" and weekday is None:
        sep = _re.match(r"[Tt]|\s+", rest)
        if sep is None:
            raise _bad(text, "ts.separator", rest=_quote(rest))
        rest = rest[sep.end() :]
    else:
        rest = rest.lstrip()
    return d.isoformat() + _time_iso(text, rest)


def _match_date(s: str) -> tuple[str, _re.Match[str]] | None:
    """Which date form ``s`` starts with, and the match."""
    for kind, pattern in _DATE_FORMS:
        m = pattern.match(s)
        if m is not None:
            return kind, m
    return None


def _era_year(text: str, era: str, era_year: str) -> int:
    _, _, _, offset = _ERAS[_ERA_BY_KEY[era.upper() if len(era) == 1 else era]]
    n = 1 if era_year == "元" else int(era_year)
    if n < 1:
        raise _bad(text, "ts.era_year", year=n)
    return offset + n


def _check_era(text: str, era: str, d: date) -> None:
    i = _ERA_BY_KEY[era.upper() if len(era) == 1 else era]
    name, _, first, _ = _ERAS[i]
    last = _ERAS[i + 1][2] - _timedelta(days=1) if i + 1 < len(_ERAS) else None
    if d < first or (last is not None and d > last):
        until = last.isoformat() if last is not None else ""
        raise _bad(text, "ts.era_range", date=d.isoformat(), era=name, first=first.isoformat(), last=until)


def _checked_date(text: str, year: int, month: int, day: int) -> date:
    if not 1 <= year <= 9999:
        raise _bad(text, "ts.year", year=year)
    if not 1 <= month <= 12:
        raise _bad(text, "ts.month", month=month)
    days = 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days
    if not 1 <= day <= days:
        raise _bad(text, "ts.day", day=day, year=year, month=month, days=days)
    return date(year, month, day)


def _time_iso(text: str, rest: str, basic: bool = False) -> str:
    """``T10:30:00[.f][offset]``: the time in ``rest``, checked; ``basic``: the ISO 8601 basic form (1030)."""
    half = None if basic else _HALF_DAY.match(rest)
    if half is not None:
        rest = rest[half.end() :]
    clock = _BASIC_CLOCK.match(rest) if basic else _CLOCK.match(rest) or _KANJI_CLOCK.match(rest)
    if clock is None:
        raise _bad(text, "ts.basic_time" if basic else "ts.time", rest=_quote(rest))
    hour = int(clock["h"])
    minute = 30 if clock.groupdict().get("half") else int(clock["mi"] or 0)
    second = int(clock["s"] or 0)
    fraction = clock.groupdict().get("f") or ""
    if len(fraction) > 6:
        raise _bad(text, "ts.fraction", fraction=_quote("." + fraction))
    if minute > 59:
        raise _bad(text, "ts.minute", minute=minute)
    if second > 59:
        raise _bad(text, "ts.second", second=second)
    if half is not None:
        if hour > 11:
            raise _bad(text, "ts.hour_12", hour=hour, half=half["half"])
        hour += 12 if half["half"] == "午後" else 0
    elif hour > 24 or (hour == 24 and (minute or second or int(fraction or 0))):
        raise _bad(text, "ts.hour", hour=hour)
    iso = f"T{hour:02d}:{minute:02d}:{second:02d}" + (f".{fraction}" if fraction else "")
    rest = rest[clock.end() :]
    if not rest:
        return iso
    off = _OFFSET.fullmatch(rest)
    if off is None:
        raise _bad(text, "ts.after_time", rest=_quote(rest))
    if off["z"]:
        return iso + "Z"
    if off["jst"]:
        return iso + "+09:00"
    oh, om = int(off["oh"]), int(off["om"] or 0)
    if oh > 23 or om > 59:
        raise _bad(text, "ts.offset", offset=_quote(rest.strip()))
    return iso + ("Z" if oh == om == 0 else f"{off['sign']}{oh:02d}:{om:02d}")
