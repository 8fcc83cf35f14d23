"""Human text helpers shared by the command line: aligned tables, instants and windows, in English or Japanese.

Widths are display columns: a wide or full-width character (East Asian width ``W``/``F``,
e.g. 副本登録) takes two columns, a combining mark none, anything else one.

>>> print(format_table(["op", "ok"], [["副本登録", "yes"], ["linkage", "no"]]))
op        ok
副本登録  yes
linkage   no
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from .lang import Lang, LangLike, Text, pick
from .messages import Message, msg

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "display_width",
    "format_clock",
    "format_day",
    "format_days",
    "format_duration",
    "format_hours",
    "format_instant",
    "format_short_day",
    "format_table",
    "format_window",
    "format_window_hours",
    "pad",
    "text",
    "weekday_name",
]

#: The weekdays' short names, Monday first (``date.weekday()``).
WEEKDAYS = (
    Text("Mon", "月"),
    Text("Tue", "火"),
    Text("Wed", "水"),
    Text("Thu", "木"),
    Text("Fri", "金"),
    Text("Sat", "土"),
    Text("Sun", "日"),
)
#: The months' short names, January first (``MONTHS[d.month - 1]``).
MONTHS = (
    Text("Jan", "1月"),
    Text("Feb", "2月"),
    Text("Mar", "3月"),
    Text("Apr", "4月"),
    Text("May", "5月"),
    Text("Jun", "6月"),
    Text("Jul", "7月"),
    Text("Aug", "8月"),
    Text("Sep", "9月"),
    Text("Oct", "10月"),
    Text("Nov", "11月"),
    Text("Dec", "12月"),
)


def text(key: str, lang: LangLike) -> str:
    """The label ``key`` in ``lang`` (the catalog's ``label.<key>``)."""
    return msg(f"label.{key}").text(lang)


def display_width(s: str) -> int:
    """How many terminal columns ``s`` takes (wide and full-width characters take two)."""
    if s.isascii():  # every ASCII character is narrow and none combines: one column each
        return len(s)
    width = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(s: str, width: int, right: bool = False) -> str:
    """``s`` padded with spaces to ``width`` display columns (``right``: aligned right)."""
    fill = " " * max(0, width - display_width(s))
    return fill + s if right else s + fill


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], gap: int = 2) -> str:
    """An aligned table: a header line and one line per row, columns ``gap`` spaces apart."""
    all_rows = [list(headers), *(list(r) for r in rows)]
    widths = [max(display_width(r[i]) for r in all_rows) for i in range(len(headers))]
    lines = []
    for r in all_rows:
        cells = [pad(cell, widths[i]) for i, cell in enumerate(r)]
        lines.append((" " * gap).join(cells).rstrip())
    return "\n".join(lines)


def weekday_name(d: date, lang: LangLike) -> str:
    """The short weekday name: ``Sat`` or ``土``."""
    return WEEKDAYS[d.weekday()].text(lang)


def format_day(d: date, lang: LangLike) -> str:
    """``2017-07-15 (Sat)`` or ``2017-07-15（土）`` (full-width brackets around Japanese text)."""
    return pick(lang, f"{d.isoformat()} ({weekday_name(d, lang)})", f"{d.isoformat()}（{weekday_name(d, lang)}）")


def format_clock(t: datetime, lang: LangLike = Lang.EN) -> str:
    """The wall clock, seconds only when set: ``09:00``, ``09:00:30``; in Japanese without the
    leading zero of the hour, as people write it (``9:00``).

    >>> from datetime import datetime
    >>> format_clock(datetime(2017, 7, 15, 9, 0), "en"), format_clock(datetime(2017, 7, 15, 9, 0, 30), "ja")
    ('09:00', '9:00:30')
    """
    hour = pick(lang, f"{t.hour:02d}", str(t.hour))
    if t.microsecond:
        return f"{hour}:{t:%M:%S}.{t.microsecond:06d}"
    if t.second:
        return f"{hour}:{t:%M:%S}"
    return f"{hour}:{t:%M}"


def format_instant(t: datetime, lang: LangLike) -> str:
    """``2017-07-15 (Sat) 10:00 JST``: the day, the wall clock (seconds only when set), the zone.

    In Japanese ``2017-07-15（土） 9:00 JST``.
    """
    return f"{format_day(t.date(), lang)} {format_clock(t, lang)} {t.tzname() or ''}".rstrip()


def format_window(start: datetime, end: datetime, lang: LangLike) -> str:
    """A half-open window as people write it.

    ``2017-07-15 (Sat) 09:00-17:00`` on one day, ``...08:00-24:00`` when it ends at the next
    midnight, else both ends in full.  Both ends must be in the same zone (the plan's).
    Japanese joins the ends with a wave dash and drops the hour's leading zero:
    ``2017-07-15（土） 9:00～17:00``.

    >>> from datetime import datetime
    >>> format_window(datetime(2017, 7, 13, 8), datetime(2017, 7, 14), "ja")
    '2017-07-13（木） 8:00～24:00'
    >>> format_window(datetime(2017, 7, 13, 8), datetime(2017, 7, 14, 10), "ja")
    '2017-07-13（木） 8:00～2017-07-14（金） 10:00'
    """
    return f"{format_day(start.date(), lang)} {format_window_hours(start, end, lang)}"


def format_window_hours(start: datetime, end: datetime, lang: LangLike) -> str:
    """:func:`format_window` without its day: ``08:00-21:00``, ``8:00～24:00``, and the end's day
    in full when it is another (``08:00 - 2017-07-14 (Fri) 10:00``).

    >>> from datetime import datetime
    >>> format_window_hours(datetime(2017, 7, 13, 8), datetime(2017, 7, 13, 21), "en")
    '08:00-21:00'
    >>> format_window_hours(datetime(2017, 7, 13, 8), datetime(2017, 7, 14), "ja")
    '8:00～24:00'
    """
    dash, long_dash = pick(lang, ("-", " - "), ("～", "～"))
    first = format_clock(start, lang)
    if end.date() == start.date():
        return f"{first}{dash}{format_clock(end, lang)}"
    if end.date() == start.date() + timedelta(days=1) and end.time() == end.time().min:
        return f"{first}{dash}24:00"
    return f"{first}{long_dash}{format_day(end.date(), lang)} {format_clock(end, lang)}"


def format_duration(seconds: float, lang: LangLike = Lang.EN) -> str:
    """A length of time that does not read as a time of day.

    English ``13 h``, ``13h30m``, ``2h00m30s``, ``45m``; Japanese ``13時間``, ``13時間30分``,
    ``2時間0分30秒``, ``45分``.  Seconds appear only when the length is not whole minutes
    (to the microsecond: ``0.5s``, ``0.5秒``).

    >>> format_duration(13 * 3600), format_duration(13.5 * 3600), format_duration(13.5 * 3600, "ja")
    ('13 h', '13h30m', '13時間30分')
    """
    micros = round(seconds * 1_000_000)
    whole, frac = divmod(micros, 1_000_000)
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    ja = Lang.coerce(lang) is Lang.JA
    if m == s == frac == 0:
        return f"{h}時間" if ja else f"{h} h"
    has_seconds = bool(s or frac)
    # (value, unit, shown): minutes are shown between hours and seconds even when zero.
    fields = (
        (str(h), "時間" if ja else "h", h > 0),
        (str(m), "分" if ja else "m", m > 0 or (h > 0 and has_seconds)),
        (f"{s}.{frac:06d}".rstrip("0") if frac else str(s), "秒" if ja else "s", has_seconds),
    )
    out = ""
    for value, unit, shown in fields:
        if not shown:
            continue
        if out and not ja and len(value.split(".")[0]) < 2:
            value = "0" + value  # English pads a unit after a larger one: 2h05m, 1m05s
        out += value + unit
    return out


# ---- days and hours as a sentence says them (the calendar's events, diff's lines) ----


def long_day(d: date) -> Text:
    """A day with its year, as a reason or a deadline says it: ``2017-07-13`` / ``2017年7月13日``.

    >>> from datetime import date
    >>> long_day(date(2017, 7, 13)).text("ja")
    '2017年7月13日'
    """
    return Text(d.isoformat(), f"{d.year}年{d.month}月{d.day}日")


def short_day(d: date) -> Message:
    """A day as people write it, without the year: ``7月13日（木）``, ``Thu 13 Jul``."""
    return msg("fmt.day", weekday=WEEKDAYS[d.weekday()], day=d.day, month=MONTHS[d.month - 1])


def format_short_day(d: date, lang: LangLike) -> str:
    """:func:`short_day` in ``lang``.

    >>> from datetime import date
    >>> format_short_day(date(2017, 7, 13), "en"), format_short_day(date(2017, 7, 13), "ja")
    ('Thu 13 Jul', '7月13日（木）')
    """
    return short_day(d).text(lang)


def format_days(first: date, last: date, lang: LangLike) -> str:
    """Days ``first..last`` (inclusive): one day, or ``Mon 3 Jul–Fri 7 Jul``, ``7月3日（月）～7月7日（金）``."""
    if first == last:
        return format_short_day(first, lang)
    return msg("fmt.range", first=short_day(first), last=short_day(last)).text(lang)


def _hour_clock(t: datetime, day: date) -> str:
    """A time as people write it: ``8:00``, ``24:00`` for the midnight ending ``day``."""
    if t.date() > day and t.time() == time():
        return "24:00"
    seconds = f":{t.second:02d}" if t.second or t.microsecond else ""
    micro = f".{t.microsecond:06d}" if t.microsecond else ""
    return f"{t.hour}:{t.minute:02d}{seconds}{micro}"


def format_hours(start: datetime, end: datetime, lang: LangLike) -> str:
    """A span's hours as people write them: ``8:00～24:00``; the end's day is named only if it is another.

    >>> from datetime import datetime
    >>> format_hours(datetime(2017, 7, 13, 8), datetime(2017, 7, 14), "en")
    '8:00–24:00'
    >>> format_hours(datetime(2017, 7, 13, 8), datetime(2017, 7, 14, 10), "ja")
    '8:00～7月14日（金）10:00'
    """
    day = start.date()
    end_day = end.date() - timedelta(days=1) if end.time() == time() else end.date()
    if end_day == day:
        return msg("fmt.range", first=_hour_clock(start, day), last=_hour_clock(end, day)).text(lang)
    return msg(
        "fmt.hours_to_day", start=_hour_clock(start, day), day=short_day(end_day), end=_hour_clock(end, end_day)
    ).text(lang)
