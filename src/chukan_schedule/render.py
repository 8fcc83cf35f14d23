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
from datetime import date, datetime, timedelta

__all__ = [
    "display_width",
    "format_day",
    "format_duration",
    "format_instant",
    "format_table",
    "format_window",
    "pad",
    "text",
    "weekday_name",
]

_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "ja": ("月", "火", "水", "木", "金", "土", "日"),
}

#: Labels of the human output: key -> (English, Japanese).
_TEXT: dict[str, tuple[str, str]] = {
    "operation": ("operation", "操作"),
    "allowed": ("allowed", "可否"),
    "yes": ("yes", "可"),
    "no": ("no", "不可"),
    "window": ("window now", "現在の時間帯"),
    "next_window": ("next window", "次の時間帯"),
    "reasons": ("Reasons", "理由"),
    "operating": ("the server is operating", "サーバー稼働中"),
    "not_operating": ("the server is not operating", "サーバー停止中"),
    "date": ("date", "日付"),
    "weekday": ("day", "曜日"),
    "mode": ("mode", "モード"),
    "server": ("server", "サーバー稼働"),
    "holiday": ("holiday", "祝日"),
    "expected": ("expected", "想定"),
    "number": ("#", "#"),
    "duration": ("hours", "時間"),
    "clauses": ("clauses", "根拠"),
    "none": ("-", "-"),
}


def text(key: str, lang: str) -> str:
    """The label ``key`` in ``"en"`` or ``"ja"``."""
    en, ja = _TEXT[key]
    return ja if lang == "ja" else en


def display_width(s: str) -> int:
    """How many terminal columns ``s`` takes (wide and full-width characters take two)."""
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


def weekday_name(d: date, lang: str) -> str:
    """The short weekday name: ``Sat`` or ``土``."""
    return _WEEKDAYS["ja" if lang == "ja" else "en"][d.weekday()]


def format_day(d: date, lang: str) -> str:
    """``2017-07-15 (Sat)`` or ``2017-07-15(土)``."""
    if lang == "ja":
        return f"{d.isoformat()}({weekday_name(d, lang)})"
    return f"{d.isoformat()} ({weekday_name(d, lang)})"


def _clock(t: datetime) -> str:
    if t.microsecond:
        return f"{t:%H:%M:%S}.{t.microsecond:06d}"
    if t.second:
        return f"{t:%H:%M:%S}"
    return f"{t:%H:%M}"


def format_instant(t: datetime, lang: str) -> str:
    """``2017-07-15 (Sat) 10:00 JST``: the day, the wall clock (seconds only when set), the zone."""
    return f"{format_day(t.date(), lang)} {_clock(t)} {t.tzname() or ''}".rstrip()


def format_window(start: datetime, end: datetime, lang: str) -> str:
    """A half-open window as people write it.

    ``2017-07-15 (Sat) 09:00-17:00`` on one day, ``...08:00-24:00`` when it ends at the next
    midnight, else both ends in full.  Both ends must be in the same zone (the plan's).
    """
    day = format_day(start.date(), lang)
    if end.date() == start.date():
        return f"{day} {_clock(start)}-{_clock(end)}"
    if end.date() == start.date() + timedelta(days=1) and end.time() == end.time().min:
        return f"{day} {_clock(start)}-24:00"
    return f"{day} {_clock(start)} - {format_day(end.date(), lang)} {_clock(end)}"


def format_duration(seconds: float) -> str:
    """``16:00`` (hours:minutes), with seconds only when they are not whole minutes."""
    whole = int(seconds)
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if s or seconds != whole else f"{h}:{m:02d}"
