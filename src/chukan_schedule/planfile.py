"""Plan files: the TOML format a plan is declared in, read with :mod:`tomllib`.

The format (see ``plans/2017-07.toml``, the embedded July 2017 plan)::

    format = 1
    id, en, ja          the plan's name
    timezone            an IANA zone, e.g. "Asia/Tokyo"
    holidays            a country code for the ``holidays`` package, e.g. "JP"
    revision            optional: an integer >= 0 (default 0), raised with each correction
    revised             optional: when this revision was made (a TOML date-time; a local
                        one is wall-clock time in the plan's zone)
    [coverage]          first_day, last_day (inclusive dates)
    [[period]]          first_day, last_day, mode, clause, en, ja   (must tile the coverage)
    [[milestone]]       id, first_day, last_day, clause, en, ja, and optionally
                        expected (true: the milestone is 想定; "end": only its end is)
    [[rule]]            subject (an operation or "server"), modes, clause, en, ja, and
                        optionally days ("weekday"/"rest_day"), first_day/last_day or
                        during (a milestone id), hours ["HH:MM", "HH:MM"], expected
                        (true, or "end": only its last day; default: a ``during``
                        milestone's "end", else false)

A malformed file raises :class:`~chukan_schedule.errors.PlanFileError` naming the file, the
key and what was expected; ``rule[3]`` is the fourth ``[[rule]]`` table (counted from 0).  An
unknown key is an error too: a misspelt ``hour`` must not silently close a window.
"""

from __future__ import annotations

import os
import stat
import sys
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time
from os import PathLike
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .engine import Plan, PlanData, check_periods
from .errors import PlanFileError
from .messages import Listing, Message, msg, os_problem, quoted
from .model import DayType, Milestone, Mode, Operation, Period, Rule

__all__ = [
    "EMBEDDED_PLAN",
    "MAX_COVERAGE_DAYS",
    "MAX_HEADERS",
    "MAX_KEY_PARTS",
    "MAX_NESTING",
    "MAX_PLAN_BYTES",
    "check_plan_text",
    "load_plan",
    "parse_plan",
    "read_plan_text",
]

#: The resource name of the embedded July 2017 plan inside the package.
EMBEDDED_PLAN = "2017-07.toml"

_SUBJECTS = ("server", *(op.value for op in Operation))

# The keys each table may hold: anything else is a typo that would silently change answers.
_KEYS = {
    "": (
        "format", "id", "en", "ja", "timezone", "holidays", "revision", "revised", "coverage", "period", "milestone",
        "rule",
    ),
    "coverage": ("first_day", "last_day"),
    "period": ("first_day", "last_day", "mode", "clause", "en", "ja"),
    "milestone": ("id", "first_day", "last_day", "clause", "en", "ja", "expected"),
    "rule": (
        "subject", "modes", "days", "first_day", "last_day", "during", "hours", "expected", "clause", "en", "ja",
    ),
}  # fmt: skip


def _shown(value: object) -> str:
    """A value of the plan file for an error, its dates and times as TOML writes them: ``'text'``,
    ``08:00:00``, ``2017-07-01``, ``[1, 2]``, ``true`` (not Python's ``datetime.time(8, 0)``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (date, time, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + "}"
    return repr(value)


def load_plan(path: str | PathLike[str]) -> Plan:
    """Read a plan file (the same shape as the embedded July 2017 plan) and compile it.

    Anything wrong, the file itself included (missing, a folder, a device, too large), is a
    :class:`PlanFileError`.
    """
    source = os.fspath(path)
    return parse_plan(read_plan_text(source), source=source)


# ---- Limits on what a plan file may ask of the reader (a plan is a few KB of flat tables) ----

#: The largest plan file read (1 MiB); a larger one is refused before it is read.
MAX_PLAN_BYTES = 1 << 20
#: The deepest nesting of arrays and inline tables (the embedded plan nests 2 deep).
MAX_NESTING = 16
#: The most parts a dotted key or table name may have (``coverage.first_day`` has 2).
MAX_KEY_PARTS = 8
#: The longest coverage, in days: ten years, leap days included.
MAX_COVERAGE_DAYS = 3653
#: The years a coverage may touch: the holidays package's calendars and the zone rules hold there.
FIRST_YEAR, LAST_YEAR = 1900, 2199
#: The most ``[[period]]``, ``[[milestone]]`` or ``[[rule]]`` tables a plan may have.
MAX_TABLES = 1000
#: The most table headers a plan file may have: ``[coverage]`` and MAX_TABLES of each ``[[...]]``.
MAX_HEADERS = 1 + 3 * MAX_TABLES
#: The longest ``timezone`` value (IANA names are at most about 30 characters).
MAX_ZONE_NAME = 64


def read_plan_text(path: str) -> str:
    """The text of the plan file ``path``: a regular file of at most MAX_PLAN_BYTES bytes of UTF-8.

    A folder, a FIFO, a device (``/dev/zero``) or a too-large file is refused at once, before
    anything is read; every problem is a :class:`PlanFileError` naming the file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise PlanFileError(path, "", msg("plan.cannot_read", reason=os_problem(exc))) from exc
    except ValueError as exc:  # a NUL character in the name
        raise PlanFileError(path, "", msg("plan.cannot_read", reason=msg("os.other", detail=str(exc)))) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = msg("plan.a_folder") if stat.S_ISDIR(st.st_mode) else msg("plan.a_device")
            raise PlanFileError(path, "", msg("plan.cannot_read", reason=msg("plan.not_regular", kind=kind)))
        if st.st_size > MAX_PLAN_BYTES:
            raise _too_large(path, st.st_size)
        try:
            data = _read_at_most(fd, MAX_PLAN_BYTES + 1)
        except OSError as exc:
            raise PlanFileError(path, "", msg("plan.cannot_read", reason=os_problem(exc))) from exc
    finally:
        os.close(fd)
    return _plan_text(path, data)  # (it may have grown while being read)


def _plan_text(source: str, data: bytes) -> str:
    """The bytes read of a plan as text: at most MAX_PLAN_BYTES of UTF-8, else a :class:`PlanFileError`."""
    if len(data) > MAX_PLAN_BYTES:
        raise _too_large(source, len(data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PlanFileError(source, "", msg("plan.not_utf8", reason=exc.reason)) from None


#: How a plan read from standard input (``--plan -``) is named in its errors.
STDIN_SOURCE = "<stdin>"


def read_plan_stdin(stream: object = None) -> str:
    """The text of a plan given on standard input (``--plan -``): at most MAX_PLAN_BYTES bytes
    of UTF-8, with the same refusals as :func:`read_plan_text`, named :data:`STDIN_SOURCE`."""
    stream = sys.stdin if stream is None else stream
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # standard input closed (0<&-)
        raise PlanFileError(STDIN_SOURCE, "", msg("plan.cannot_read", reason=msg("plan.stdin_closed")))
    try:
        data = buffer.read(MAX_PLAN_BYTES + 1)
    except OSError as exc:
        raise PlanFileError(STDIN_SOURCE, "", msg("plan.cannot_read", reason=os_problem(exc))) from exc
    return _plan_text(STDIN_SOURCE, bytes(data))


def check_plan_text(text: str, source: str = "<string>") -> None:
    """Refuse, before parsing, what would make the TOML parser run out of memory or stack.

    One pass over the text, outside strings and comments: arrays and inline tables nested
    more than MAX_NESTING deep, a dotted key or table name of more than MAX_KEY_PARTS parts
    (the parser's cost grows with the square of it), more than MAX_HEADERS table headers,
    and a text over MAX_PLAN_BYTES.
    """
    if len(text) > MAX_PLAN_BYTES:
        raise _too_large(source, len(text.encode("utf-8", "surrogatepass")))
    n = len(text)
    stack: list[str] = []  # the open '[' and '{' of values
    in_key, parts, line, i = True, 1, 1, 0
    line_start, headers = True, 0
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            i, line = _skip_string(text, i, line)
            continue
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c == "\n":
            line += 1
            line_start = True
            if not stack:
                in_key, parts = True, 1
            i += 1
            continue
        if line_start and not c.isspace():
            line_start = False
            if c == "[" and in_key and not stack:
                headers += 1
                if headers > MAX_HEADERS:
                    raise PlanFileError(source, f"line {line}", msg("plan.headers", limit=MAX_HEADERS))
        if in_key:
            if c == ".":
                parts += 1
                if parts > MAX_KEY_PARTS:
                    raise PlanFileError(source, f"line {line}", msg("plan.key_parts", limit=MAX_KEY_PARTS))
            elif c == "=":
                in_key = False
        elif c in "[{":
            stack.append(c)
            if len(stack) > MAX_NESTING:
                raise PlanFileError(source, f"line {line}", msg("plan.nesting", limit=MAX_NESTING))
            if c == "{":
                in_key, parts = True, 1
        elif c in "]}":
            if stack:
                stack.pop()
        elif c == "," and stack and stack[-1] == "{":
            in_key, parts = True, 1
        i += 1


def _skip_string(text: str, i: int, line: int) -> tuple[int, int]:
    """The index after the TOML string starting at ``i`` (and the line it ends on)."""
    q = text[i]
    basic = q == '"'
    if text.startswith(q * 3, i):
        j = i + 3
        while True:
            end = text.find(q * 3, j)
            back = text.find("\\", j, end) if basic and end >= 0 else -1
            if back >= 0:  # an escape before the closing quotes: skip it and look again
                j = back + 2
                continue
            if end < 0:
                return len(text), line  # unterminated: the parser says so
            end += 3
            for _ in range(2):  # up to two more quotes belong to the string
                if end < len(text) and text[end] == q:
                    end += 1
            return end, line + text.count("\n", i, end)
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\" and basic:
            j += 2
            continue
        if ch == q or ch == "\n":
            break
        j += 1
    return j + 1 if j < len(text) and text[j] == q else j, line


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(1 << 16, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _too_large(source: str, size: int) -> PlanFileError:
    return PlanFileError(source, "", msg("plan.too_large", size=size, limit=MAX_PLAN_BYTES))


def load_embedded_plan(name: str = EMBEDDED_PLAN) -> Plan:
    """Read a plan shipped inside the package.

    The July 2017 plan comes precompiled (:mod:`.embedded_2017_07`, generated from its TOML
    file by :mod:`.plancode`, with its rest days): no TOML parse and no ``holidays`` at start.
    """
    if name == EMBEDDED_PLAN:
        from .embedded_2017_07 import DATA, REST_DAYS

        return Plan(DATA, rest_days=REST_DAYS)
    return Plan(embedded_plan_data(name))


def embedded_plan_data(name: str = EMBEDDED_PLAN) -> PlanData:
    """The data of a plan file shipped inside the package, parsed from its TOML text."""
    from importlib import resources

    text = resources.files(__package__).joinpath("plans").joinpath(name).read_text(encoding="utf-8")
    return parse_plan_data(text, source=f"<embedded {name}>")


def parse_plan(text: str, source: str = "<string>") -> Plan:
    """Parse the TOML text of a plan file; ``source`` names it in errors."""
    return Plan(parse_plan_data(text, source))


def parse_plan_data(text: str, source: str = "<string>") -> PlanData:
    """The checked data of a plan file's TOML text (not yet compiled); ``source`` names it in errors."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    check_plan_text(text, source)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanFileError(source, "", msg("plan.not_toml", detail=str(exc))) from exc
    except RecursionError as exc:  # pragma: no cover - check_plan_text refuses such nesting first
        raise PlanFileError(source, "", msg("plan.nesting", limit=MAX_NESTING)) from exc
    return _Reader(source).plan_data(raw)


class _Reader:
    """Checks one plan file's values, naming the key of anything wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: Message) -> PlanFileError:
        return PlanFileError(self.source, key, problem)

    def get(self, table: Mapping[str, Any], key: str, where: str, kind: type, default: Any = ...) -> Any:
        full = f"{where}.{key}" if where else key
        if key not in table:
            if default is ...:
                raise self.fail(full, msg("plan.missing", kind=_kind(kind)))
            return default
        value = table[key]
        # tomllib gives datetime for dates with a time part: a datetime is not a date here.
        if not isinstance(value, kind) or (kind is date and hasattr(value, "hour")):
            raise self.fail(full, msg("plan.kind", kind=_kind(kind), value=_shown(value)))
        return value

    def text(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value: str = self.get(table, key, where, str)
        if not value.strip():
            raise self.fail(f"{where}.{key}" if where else key, msg("plan.empty_text"))
        check_one_line(self, value, f"{where}.{key}" if where else key)
        return value

    def known_keys(self, table: Mapping[str, Any], kind: str, where: str) -> None:
        for key in table:
            if key not in _KEYS[kind]:
                full = f"{where}.{key}" if where else key
                raise self.fail(full, msg("plan.unknown_key", keys=Listing(_KEYS[kind])))

    def tables(self, raw: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = raw.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
            raise self.fail(key, msg("plan.tables", key=key))
        return value

    def plan_data(self, raw: Mapping[str, Any]) -> PlanData:
        self.known_keys(raw, "", "")
        fmt = self.get(raw, "format", "", int)
        if fmt != 1 or isinstance(fmt, bool):  # true == 1 in Python, but is not the format 1
            raise self.fail("format", msg("plan.format", value=_shown(fmt)))
        tz = zone(self, self.text(raw, "timezone", ""))
        coverage = self.get(raw, "coverage", "", dict)
        self.known_keys(coverage, "coverage", "coverage")
        first = self.get(coverage, "first_day", "coverage", date)
        last = self.get(coverage, "last_day", "coverage", date)
        if last < first:
            raise self.fail("coverage.last_day", msg("plan.last_before_first", first=first, last=last))
        check_coverage(self, first, last)
        for key in ("period", "milestone", "rule"):
            check_count(self, raw, key)
        milestones = tuple(self.milestone(t, f"milestone[{i}]") for i, t in enumerate(self.tables(raw, "milestone")))
        ids = [m.id for m in milestones]
        for i, m in enumerate(milestones):
            if ids.index(m.id) != i:
                raise self.fail(f"milestone[{i}].id", msg("plan.duplicate_id", id=_shown(m.id)))
        by_id = {m.id: m for m in milestones}
        periods = tuple(self.period(t, f"period[{i}]") for i, t in enumerate(self.tables(raw, "period")))
        check_periods(self.source, periods, first, last)
        rules = tuple(self.rule(t, f"rule[{i}]", by_id) for i, t in enumerate(self.tables(raw, "rule")))
        for i, rule in enumerate(rules):
            if (rule.last_day is not None and rule.last_day < first) or (
                rule.first_day is not None and rule.first_day > last
            ):
                problem = msg("plan.rule_outside", first=rule.first_day, last=rule.last_day, cfirst=first, clast=last)
                raise self.fail(f"rule[{i}]", problem)
        return PlanData(
            source=self.source,
            id=self.text(raw, "id", ""),
            en=self.text(raw, "en", ""),
            ja=self.text(raw, "ja", ""),
            tz=tz,
            holidays=country(self, self.text(raw, "holidays", "")),
            first_day=first,
            last_day=last,
            periods=periods,
            milestones=tuple(sorted(milestones, key=lambda m: (m.first_day, m.last_day))),
            rules=rules,
            **self.revision(raw, tz),
        )

    def revision(self, raw: Mapping[str, Any], tz: ZoneInfo) -> dict[str, Any]:
        """The optional ``revision`` (an integer >= 0) and ``revised`` (an instant) of a corrected plan."""
        revision = self.get(raw, "revision", "", int, 0)
        if isinstance(revision, bool) or revision < 0:
            raise self.fail("revision", msg("plan.revision", value=_shown(revision)))
        revised = self.get(raw, "revised", "", datetime, None)
        if revised is not None and (revised.tzinfo is None or revised.utcoffset() is None):
            revised = revised.replace(tzinfo=tz)
        return {"revision": revision, "revised": revised}

    def days(self, table: Mapping[str, Any], where: str) -> tuple[date, date]:
        first = self.get(table, "first_day", where, date)
        last = self.get(table, "last_day", where, date)
        check_years(self, f"{where}.first_day", first)
        check_years(self, f"{where}.last_day", last)
        if last < first:
            raise self.fail(f"{where}.last_day", msg("plan.last_before_first", first=first, last=last))
        return first, last

    def milestone(self, t: Mapping[str, Any], where: str) -> Milestone:
        self.known_keys(t, "milestone", where)
        first, last = self.days(t, where)
        return Milestone(
            id=self.text(t, "id", where),
            first_day=first,
            last_day=last,
            clause=self.text(t, "clause", where),
            en=self.text(t, "en", where),
            ja=self.text(t, "ja", where),
            **self.milestone_expected(t, where),
        )

    def milestone_expected(self, t: Mapping[str, Any], where: str) -> dict[str, bool]:
        value = t.get("expected", False)
        if value is True or value is False:
            return {"expected": value, "end_expected": False}
        if value == "end":
            return {"expected": False, "end_expected": True}
        raise self.fail(f"{where}.expected", msg("plan.milestone_expected", value=_shown(value)))

    def mode(self, value: object, key: str) -> Mode:
        try:
            return Mode(value)
        except ValueError:
            valid = Listing(tuple(repr(m.value) for m in Mode))
            raise self.fail(key, msg("plan.one_of", valid=valid, value=_shown(value))) from None

    def period(self, t: Mapping[str, Any], where: str) -> Period:
        self.known_keys(t, "period", where)
        first, last = self.days(t, where)
        return Period(
            first_day=first,
            last_day=last,
            mode=self.mode(self.get(t, "mode", where, str), f"{where}.mode"),
            clause=self.text(t, "clause", where),
            en=self.text(t, "en", where),
            ja=self.text(t, "ja", where),
        )

    def clock(self, value: object, key: str, allow_24: bool) -> time | None:
        if (
            isinstance(value, str)
            and len(value) == 5
            and value[2] == ":"
            and (value[:2] + value[3:]).isascii()  # "²1:00" has digits, but not 0-9
            and (value[:2] + value[3:]).isdigit()
        ):
            hh, mm = int(value[:2]), int(value[3:])
            if allow_24 and (hh, mm) == (24, 0):
                return None
            if hh < 24 and mm < 60:
                return time(hh, mm)
        raise self.fail(key, msg("plan.clock", latest="24:00" if allow_24 else "23:59", value=_shown(value)))

    def rule(self, t: Mapping[str, Any], where: str, milestones: Mapping[str, Milestone]) -> Rule:
        self.known_keys(t, "rule", where)
        subject = self.get(t, "subject", where, str)
        if subject not in _SUBJECTS:
            valid = Listing(tuple(map(repr, _SUBJECTS)))
            raise self.fail(f"{where}.subject", msg("plan.one_of", valid=valid, value=_shown(subject)))
        modes_raw = self.get(t, "modes", where, list)
        modes = frozenset(self.mode(m, f"{where}.modes") for m in modes_raw)
        if not modes or Mode.PLANNED_STOP in modes:
            raise self.fail(f"{where}.modes", msg("plan.modes"))
        days_raw = self.get(t, "days", where, str, None)
        day_type = None
        if days_raw is not None:
            try:
                day_type = DayType(days_raw)
            except ValueError:
                raise self.fail(f"{where}.days", msg("plan.days", value=_shown(days_raw))) from None
        first = last = None
        end_expected = False
        if "during" in t:
            if "first_day" in t or "last_day" in t:
                raise self.fail(f"{where}.during", msg("plan.during_and_days"))
            ref = self.get(t, "during", where, str)
            if ref not in milestones:
                known = Listing(tuple(sorted(milestones)))
                raise self.fail(f"{where}.during", msg("plan.during", known=known, value=_shown(ref)))
            first, last = milestones[ref].first_day, milestones[ref].last_day
            end_expected = milestones[ref].end_expected
        elif "first_day" in t or "last_day" in t:
            first, last = self.days(t, where)
        hours = None
        if "hours" in t:
            raw_hours = self.get(t, "hours", where, list)
            if len(raw_hours) != 2:
                raise self.fail(f"{where}.hours", msg("plan.hours", value=_shown(raw_hours)))
            start = self.clock(raw_hours[0], f"{where}.hours[0]", allow_24=False)
            end = self.clock(raw_hours[1], f"{where}.hours[1]", allow_24=True)
            assert start is not None
            if end is not None and end <= start:
                raise self.fail(f"{where}.hours", msg("plan.hours_order", value=_shown(raw_hours)))
            hours = (start, end)
        return Rule(
            subject=subject,
            clause=self.text(t, "clause", where),
            en=self.text(t, "en", where),
            ja=self.text(t, "ja", where),
            modes=modes,
            day_type=day_type,
            first_day=first,
            last_day=last,
            hours=hours,
            **self.rule_expected(t, where, last, end_expected),
        )

    def rule_expected(self, t: Mapping[str, Any], where: str, last: date | None, end: bool) -> dict[str, bool]:
        """``expected``: true (the whole rule is 想定), "end" (its last day only) or false; without
        the key, a rule ``during`` a milestone whose end is 想定 has that end (``end``)."""
        if "expected" not in t:
            return {"expected": False, "end_expected": end}
        value = t["expected"]
        if value is True or value is False:
            return {"expected": value, "end_expected": False}
        if value != "end":
            raise self.fail(f"{where}.expected", msg("plan.milestone_expected", value=_shown(value)))
        if last is None:
            raise self.fail(f"{where}.expected", msg("plan.expected_end"))
        return {"expected": False, "end_expected": True}


def _kind(kind: type) -> Message:
    """What a value of ``kind`` is called in a message (``kind.int``: an integer, 整数)."""
    return msg(f"kind.{kind.__name__}")


# ---- Checks of single values, kept apart from the reader's walk over the tables ----


def check_one_line(reader: _Reader, value: str, key: str) -> None:
    """Refuse control characters (a newline, an escape; also U+2028, U+2029, U+FFFE, U+FFFF) in a
    name or title: they would reach a terminal, an SVG (where XML forbids them) and an .ics file."""
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in "\ufffe\uffff":  # the last two: not in XML
            raise reader.fail(key, msg("plan.control", char=ascii(ch)))


def zone(reader: _Reader, name: str) -> ZoneInfo:
    """The IANA zone ``name``; a folder of the zone database ("Asia") or an odd name is refused."""
    problem = msg("plan.timezone", value=quoted(name))
    if len(name) > MAX_ZONE_NAME or not all(ch.isascii() and (ch.isalnum() or ch in "/_+-") for ch in name):
        raise reader.fail("timezone", problem)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # "Asia" is a folder: IsADirectoryError
        raise reader.fail("timezone", problem) from exc


def country(reader: _Reader, code: str) -> str:
    """``code`` when it is a country code of the holidays package ("JP"), not any other name it exports."""
    import holidays as holidays_lib

    if code not in holidays_lib.list_supported_countries():
        raise reader.fail("holidays", msg("plan.holidays", value=quoted(code)))
    return code


def check_years(reader: _Reader, key: str, day: date) -> None:
    """A day in the years FIRST_YEAR to LAST_YEAR (far from datetime's limits, years 1 and 9999)."""
    if day.year < FIRST_YEAR:
        raise reader.fail(key, msg("plan.year_from", year=FIRST_YEAR, day=day))
    if day.year > LAST_YEAR:
        raise reader.fail(key, msg("plan.year_until", year=LAST_YEAR, day=day))


def check_coverage(reader: _Reader, first: date, last: date) -> None:
    """A coverage of at most MAX_COVERAGE_DAYS days, within the years FIRST_YEAR to LAST_YEAR."""
    check_years(reader, "coverage.first_day", first)
    check_years(reader, "coverage.last_day", last)
    days = (last - first).days + 1
    if days > MAX_COVERAGE_DAYS:
        raise reader.fail("coverage.last_day", msg("plan.coverage_days", limit=MAX_COVERAGE_DAYS, days=days))


def check_count(reader: _Reader, raw: Mapping[str, Any], key: str) -> None:
    """At most MAX_TABLES ``[[key]]`` tables."""
    value = raw.get(key)
    if isinstance(value, list) and len(value) > MAX_TABLES:
        raise reader.fail(key, msg("plan.too_many", key=key, limit=MAX_TABLES, count=len(value)))
