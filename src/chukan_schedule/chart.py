"""The month at a glance (月間稼働表): a plan drawn as one standalone SVG.

One column per day of the plan's coverage, hours 00:00-24:00 down the side.  Each column's
background band is the server's mode that day (計画停止 planned stop / テスト test / 通常
normal); inside it, four sub-lanes show as bars when each operation is possible (副本登録
registration, 符号取得 code acquisition, 情報連携 linkage, 情報連携のテスト linkage test).
Milestones are numbered pills above the days, named beside the pill where it is too short.

It reads without colour too (grayscale print, colour-vision deficiency): the colours are the
Okabe-Ito palette, chosen so that no two that meet differ by hue alone, and each mode has a
pattern (planned stop hatched, test dotted, normal plain) and each operation a marker (● ▲ ■ ◆)
besides its lane.  What the plan marks 想定 (expected) is drawn lighter with a dashed outline.
Every text has a contrast of at least 4.5:1 (WCAG AA) against what it is drawn on.

The chart is drawn from :meth:`Plan.windows` and :meth:`Plan.mode_at` (plus
:attr:`Plan.days` for the headers and :attr:`Plan.milestones` for the markers) alone, so it
cannot disagree with the answers.  Every drawn bar carries ``data-operation``,
``data-start`` and ``data-end`` (the part drawn in its day column) and
``data-window-start``/``data-window-end`` (the whole window), and a ``<title>`` tooltip.
Only the standard library draws it (:mod:`xml.etree.ElementTree`).

The page is A4 landscape (297 mm x 210 mm, ``viewBox="0 0 1485 1050"``: 5 units per mm);
no text is smaller than 16 units (about 9 pt printed).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from os import PathLike

import attrs

from .atomic import write_atomic
from .engine import Plan
from .lang import Lang, Text, pick
from .messages import msg
from .model import DayPlan, DayType, Milestone, Mode, Operation, Window
from .render import format_clock, format_day, weekday_name

__all__ = ["render_svg", "write_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
FONT_FAMILY = (
    '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", '
    '"Yu Gothic", "YuGothic", "Meiryo", sans-serif'
)

# ---- page geometry (viewBox units; 5 units = 1 mm on A4 landscape) ----
WIDTH, HEIGHT = 1485, 1050
MARGIN = 24
AXIS_W = 56  # hour labels on each side of the grid
FONT = 16  # the smallest text: 16 units = 3.2 mm = about 9 pt
LANE_H = 24  # one milestone lane
MODE_ROW_H = 44  # the mode row above the day headers (two lines at most)
HEADER_H = 78  # day number, weekday, holiday
LEGEND_ROW_H = 30
KEY_ROW_H = 25

# ---- colours: the Okabe-Ito palette (Okabe & Ito 2008), plus grays ----
#: The planned stop's hatching: two grays (its pattern, not its hue, tells it apart).
STOP_BASE, STOP_LINE = "#b4b4b4", "#808080"
#: Test mode: Okabe-Ito yellow, dotted.
TEST_BASE, TEST_DOT = "#f0e442", "#8c8000"
#: The mode row above the days names the mode: its base colour, without the pattern, keeps the name legible.
MODE_SOLID = {Mode.PLANNED_STOP: STOP_BASE, Mode.TEST: TEST_BASE, Mode.NORMAL: "#ffffff"}
MODE_FILL = {
    Mode.PLANNED_STOP: "url(#stop-hatch)",
    Mode.TEST: "url(#test-dots)",
    Mode.NORMAL: "#ffffff",
}
#: Okabe-Ito blue, orange, bluish green, reddish purple: different in lightness as well as hue.
OP_FILL = {
    Operation.REGISTRATION: "#0072b2",
    Operation.CODE_ACQUISITION: "#e69f00",
    Operation.LINKAGE: "#009e73",
    Operation.LINKAGE_TEST: "#cc79a7",
}
#: The marker of each operation, drawn at the top of its bars and in the legend.
OP_MARKER = {
    Operation.REGISTRATION: "circle",
    Operation.CODE_ACQUISITION: "triangle",
    Operation.LINKAGE: "square",
    Operation.LINKAGE_TEST: "diamond",
}
#: An expected (想定) window: its colour mixed with this much white, and a dashed outline in its colour.
EXPECTED_WHITE = 0.65
INK = "#1a202c"
MUTED = "#4a5568"  # 7.5:1 on white: the smallest labels too
GRID = "#9aa5b1"
MINOR_GRID = "#c9d0d8"
SUNDAY_INK = "#b3141c"  # at least 4.5:1 on the rest-day header
SATURDAY_INK = "#1f5fa8"
REST_HEADER = "#f9d2c0"  # darker than a weekday's header in grayscale too
WEEKDAY_HEADER = "#ffffff"
HEADER_EDGE = "#9aa5b1"
MILESTONE_FILL = "#3c4a5e"
OUTSIDE_FILL = MUTED
OP_FILL_BY_VALUE = {op.value: fill for op, fill in OP_FILL.items()}

#: The mode row's short names (the legend and the tooltips give the full ones).
_MODE_SHORT = {
    Mode.PLANNED_STOP: msg("chart.mode.planned_stop"),
    Mode.TEST: msg("chart.mode.test"),
    Mode.NORMAL: msg("chart.mode.normal"),
}


def _both(en: str, ja: str) -> Text:
    """A name in the legend: English shows the Japanese too (as the notice says it), Japanese alone."""
    return Text(f"{en} {ja}", ja)


def _check_lang(lang: object) -> str:
    """The language of the labels: ``"en"`` or ``"ja"`` (:meth:`Lang.coerce`)."""
    return Lang.coerce(lang).value


def _num(v: float) -> str:
    """A coordinate, written short: at most three decimals, no trailing zeros."""
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def _text_width(s: str, size: float) -> float:
    """A rough width of ``s`` at ``size``: full width for CJK, about half for Latin."""
    return sum(size if ord(c) > 0x2E80 else size * 0.56 for c in s)


def _wrap(s: str, size: float, width: float) -> list[str]:
    """``s`` broken at spaces into lines that fit ``width`` where possible."""
    if _text_width(s, size) <= width or " " not in s:
        return [s]
    lines: list[str] = []
    for word in s.split(" "):
        if lines and _text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _clock(t: datetime, day_start: datetime, lang: str = "en") -> str:
    """:func:`~.render.format_clock` (``08:00``, ``8:00`` in Japanese); ``24:00`` for the midnight ending the day."""
    return "24:00" if t - day_start >= timedelta(days=1) else format_clock(t, lang)


@attrs.frozen
class _Piece:
    """The part of a window drawn in one day column."""

    window: Window
    day: date
    start: datetime
    end: datetime


def _split(window: Window, plan: Plan) -> Iterator[_Piece]:
    """A window cut at each midnight (JST), one piece per day column it touches."""
    start = window.start.astimezone(plan.tz)
    end = window.end.astimezone(plan.tz)
    d = start.date()
    while True:
        d0 = datetime.combine(d, time(), tzinfo=plan.tz)
        d1 = datetime.combine(d + timedelta(days=1), time(), tzinfo=plan.tz)
        lo, hi = max(start, d0), min(end, d1)
        if lo < hi:
            yield _Piece(window, d, lo, hi)
        if end <= d1:
            return
        d += timedelta(days=1)


@attrs.frozen
class _Layout:
    """Where things go on the page, given the number of days and milestone lanes and key rows."""

    n_days: int
    n_lanes: int
    n_key_rows: int

    @property
    def grid_left(self) -> float:
        return MARGIN + AXIS_W

    @property
    def grid_right(self) -> float:
        return WIDTH - MARGIN - AXIS_W

    @property
    def col_w(self) -> float:
        return (self.grid_right - self.grid_left) / self.n_days

    def col_x(self, index: int) -> float:
        return self.grid_left + index * self.col_w

    @property
    def lanes_top(self) -> float:
        return 92.0

    @property
    def mode_row_top(self) -> float:
        return self.lanes_top + self.n_lanes * LANE_H + 6

    @property
    def header_top(self) -> float:
        return self.mode_row_top + MODE_ROW_H + 4

    @property
    def plot_top(self) -> float:
        return self.header_top + HEADER_H + 14

    @property
    def legend_top(self) -> float:
        return HEIGHT - MARGIN - 3 * LEGEND_ROW_H - 8 - (self.n_key_rows + 1) * KEY_ROW_H

    @property
    def plot_bottom(self) -> float:
        return self.legend_top - 30

    @property
    def plot_h(self) -> float:
        return self.plot_bottom - self.plot_top

    def y_of(self, t: datetime, day_start: datetime, day_end: datetime) -> float:
        fraction = (t - day_start) / (day_end - day_start)
        return self.plot_top + fraction * self.plot_h


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrib.items()})
    if text is not None:
        el.text = text
    return el


def _label(
    parent: ET.Element, x: float, y: float, s: str, size: float = FONT, anchor: str = "start", **attrib: str
) -> ET.Element:
    return _sub(parent, "text", s, x=_num(x), y=_num(y), font_size=_num(size), text_anchor=anchor, **attrib)


def _lines(parent: ET.Element, x: float, y_mid: float, lines: list[str], size: float, **attrib: str) -> None:
    """Centred lines of text around ``y_mid`` (baseline-adjusted)."""
    step = size * 1.15
    first = y_mid - step * (len(lines) - 1) / 2 + size * 0.36
    for i, line in enumerate(lines):
        _label(parent, x, first + i * step, line, size, "middle", **attrib)


@attrs.frozen
class _Pill:
    """A milestone's pill (its days) and where its name goes: inside, or beside it in the same lane."""

    number: int
    milestone: Milestone
    x: float
    w: float
    inside: bool  # the name fits inside the pill
    label_x: float  # where the name starts (outside: left of it, or right for anchor "end")
    anchor: str
    lane: int


_PILL_PAD = 8.0  # inside a pill, on each side of its text
_LABEL_GAP = 6.0  # between a pill and its name beside it, and between two things in a lane


def _place_pills(inside: list[tuple[int, Milestone, int, int]], layout: _Layout, lang: str) -> list[_Pill]:
    """Each milestone's pill and name, packed into lanes so that no two pills or names overlap.

    A name that does not fit in its pill goes beside it (right, or left at the page's right edge),
    so that every pill is named where it is drawn, not only by its number.
    """
    pills: list[_Pill] = []
    lanes: list[list[tuple[float, float]]] = []  # the spans taken in each lane

    def free(lane: int, lo: float, hi: float) -> bool:
        return lane == len(lanes) or all(hi + 2 <= a or b + 2 <= lo for a, b in lanes[lane])

    for number, m, first, last in inside:
        x = layout.col_x(first) + 2
        w = layout.col_x(last + 1) - 2 - x
        if _text_width(f"{number}  {m.title(lang)}", FONT) <= w - 2 * _PILL_PAD:
            candidates = [(True, x + w / 2, "middle", x, x + w)]
        else:
            name_w = _text_width(m.title(lang), FONT)
            right = (False, x + w + _LABEL_GAP, "start", x, x + w + _LABEL_GAP + name_w)
            left = (False, x - _LABEL_GAP, "end", x - _LABEL_GAP - name_w, x + w)
            candidates = [c for c in (right, left) if c[3] >= MARGIN and c[4] <= WIDTH - MARGIN] or [right]
        # The lowest lane where one of the placements is free (the right side first).
        lane, (fits, label_x, anchor, lo, hi) = min(
            ((next(k for k in range(len(lanes) + 1) if free(k, c[3], c[4])), c) for c in candidates),
            key=lambda found: found[0],
        )
        if lane == len(lanes):
            lanes.append([])
        lanes[lane].append((lo, hi))
        pills.append(_Pill(number, m, x, w, fits, label_x, anchor, lane))
    return pills


def _tint(colour: str, white: float) -> str:
    """``colour`` (``#rrggbb``) mixed with ``white`` parts of white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * white):02x}" for c in channels)


def _marker(parent: ET.Element, op: Operation, cx: float, cy: float, size: float) -> ET.Element:
    """The operation's marker (● ▲ ■ ◆), white with a dark edge, so that it shows on any fill."""
    h = size / 2
    style = {"fill": "#ffffff", "stroke": INK, "stroke_width": "0.9", "class_": "marker", "data_marker": OP_MARKER[op]}
    shape = OP_MARKER[op]
    if shape == "circle":
        return _sub(parent, "circle", cx=_num(cx), cy=_num(cy), r=_num(h), **style)
    if shape == "square":
        return _sub(parent, "rect", x=_num(cx - h * 0.9), y=_num(cy - h * 0.9), width=_num(size * 0.9),
                    height=_num(size * 0.9), **style)  # fmt: skip
    if shape == "triangle":
        points = [(cx, cy - h), (cx + h, cy + h * 0.8), (cx - h, cy + h * 0.8)]
    else:  # diamond
        points = [(cx, cy - h * 1.1), (cx + h, cy), (cx, cy + h * 1.1), (cx - h, cy)]
    return _sub(parent, "polygon", points=" ".join(f"{_num(a)},{_num(b)}" for a, b in points), **style)


def _date_range(m: Milestone, lang: str) -> str:
    a = f"{m.first_day.month}/{m.first_day.day}"
    if m.first_day == m.last_day:
        return a
    b = f"{m.last_day.month}/{m.last_day.day}"
    return msg("fmt.range", first=a, last=b).text(lang)


def render_svg(plan: Plan, lang: str = "en") -> str:
    """The plan's month at a glance as a standalone SVG document (``lang``: ``"en"`` or ``"ja"``)."""
    lang = _check_lang(lang)
    days = plan.days
    first_day = days[0].day
    index_of = {d.day: i for i, d in enumerate(days)}

    # Milestones inside the coverage get a numbered marker; the others are listed only.
    inside: list[tuple[int, Milestone, int, int]] = []
    outside: list[tuple[str, Milestone]] = []
    for m in plan.milestones:
        lo, hi = max(m.first_day, first_day), min(m.last_day, days[-1].day)
        if lo <= hi:
            inside.append((len(inside) + 1, m, index_of[lo], index_of[hi]))
        else:
            outside.append(("←" if m.last_day < first_day else "→", m))
    n_key = len(inside) + len(outside)
    pills = _place_pills(inside, _Layout(len(days), 0, 0), lang)  # columns do not depend on the lanes
    layout = _Layout(len(days), max((p.lane for p in pills), default=-1) + 1, (n_key + 1) // 2)

    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "width": "297mm",
            "height": "210mm",
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "font-family": FONT_FAMILY,
            "fill": INK,
            "lang": lang,
            "data-plan": plan.id,
        },
    )
    title = msg("chart.title", plan=plan.title(lang)).text(lang)
    _sub(svg, "title", title)
    _sub(svg, "style", f"text {{ font-family: {FONT_FAMILY}; }}")
    defs = _sub(svg, "defs")
    hatch = _sub(
        defs, "pattern", id="stop-hatch", patternUnits="userSpaceOnUse", width="9", height="9",
        patternTransform="rotate(45)",
    )  # fmt: skip
    _sub(hatch, "rect", width="9", height="9", fill=STOP_BASE)
    _sub(hatch, "line", x1="1.5", y1="0", x2="1.5", y2="9", stroke=STOP_LINE, stroke_width="3")
    dots = _sub(defs, "pattern", id="test-dots", patternUnits="userSpaceOnUse", width="10", height="10")
    _sub(dots, "rect", width="10", height="10", fill=TEST_BASE)
    _sub(dots, "circle", cx="5", cy="5", r="1.6", fill=TEST_DOT)
    _sub(svg, "rect", width=str(WIDTH), height=str(HEIGHT), fill="#ffffff")

    _label(svg, MARGIN, 46, title, 30, font_weight="bold")
    _label(svg, MARGIN, 76, msg("chart.subtitle").text(lang), FONT, fill=MUTED)

    _draw_milestones(svg, layout, pills, lang)
    _draw_mode_row(svg, plan, layout, lang)
    _draw_headers(svg, plan, layout, lang)
    _draw_grid(svg, plan, layout, lang)
    _draw_windows(svg, plan, layout, index_of, lang)
    _draw_legend(svg, layout, inside, outside, lang, plan.id)

    ET.indent(svg, space=" ")
    body = ET.tostring(svg, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def write_svg(plan: Plan, path: str | PathLike[str], lang: str = "en") -> None:
    """Write :func:`render_svg`'s chart to ``path`` (UTF-8), atomically."""
    write_atomic(path, render_svg(plan, lang).encode("utf-8"))


# ---- the parts ----


def _day_bounds(plan: Plan, d: DayPlan) -> tuple[datetime, datetime]:
    return (
        datetime.combine(d.day, time(), tzinfo=plan.tz),
        datetime.combine(d.day + timedelta(days=1), time(), tzinfo=plan.tz),
    )


def _draw_milestones(svg: ET.Element, layout: _Layout, pills: list[_Pill], lang: str) -> None:
    group = _sub(svg, "g", class_="milestones")
    for p in pills:
        m = p.milestone
        y = layout.lanes_top + p.lane * LANE_H
        marker = _sub(
            group, "g", class_="milestone", data_milestone=m.id, data_first_day=m.first_day.isoformat(),
            data_last_day=m.last_day.isoformat(),
        )  # fmt: skip
        _sub(marker, "title", f"{p.number}. {_date_range(m, lang)} {m.title(lang)} [{m.clause}]")
        rect = _sub(marker, "rect", x=_num(p.x), y=_num(y), width=_num(p.w), height=str(LANE_H - 4), rx="9",
                    fill=MILESTONE_FILL)  # fmt: skip
        baseline = y + (LANE_H - 4) / 2 + FONT * 0.36
        if m.expected or m.end_expected:
            rect.set("data-expected", "end" if m.end_expected else "true")
        if p.inside:
            _label(marker, p.label_x, baseline, f"{p.number}  {m.title(lang)}", FONT, "middle",
                   font_weight="bold", fill="#ffffff", class_="milestone-name")  # fmt: skip
            continue
        _label(marker, p.x + p.w / 2, baseline, str(p.number), FONT, "middle", font_weight="bold", fill="#ffffff")
        _label(marker, p.label_x, baseline, m.title(lang), FONT, p.anchor, font_weight="bold", fill=INK,
               class_="milestone-name")  # fmt: skip


def _draw_mode_row(svg: ET.Element, plan: Plan, layout: _Layout, lang: str) -> None:
    """Runs of days in one mode, named (from :meth:`Plan.mode_at`, as the bands are)."""
    group = _sub(svg, "g", class_="mode-row")
    runs: list[tuple[Mode, int, int]] = []
    for i, d in enumerate(plan.days):
        mode = plan.mode_at(_day_bounds(plan, d)[0])
        if runs and runs[-1][0] is mode:
            runs[-1] = (mode, runs[-1][1], i)
        else:
            runs.append((mode, i, i))
    for mode, first, last in runs:
        x = layout.col_x(first) + 1
        w = layout.col_x(last + 1) - 1 - x
        y = layout.mode_row_top
        _sub(group, "rect", x=_num(x), y=_num(y), width=_num(w), height=str(MODE_ROW_H), fill=MODE_SOLID[mode],
             stroke=GRID, stroke_width="0.8", rx="3", data_mode=mode.value)  # fmt: skip
        _lines(
            group,
            x + w / 2,
            y + MODE_ROW_H / 2,
            _wrap(_MODE_SHORT[mode].text(lang), FONT, w - 6),
            FONT,
            font_weight="bold",
        )


def _draw_headers(svg: ET.Element, plan: Plan, layout: _Layout, lang: str) -> None:
    group = _sub(svg, "g", class_="day-headers")
    holidays: list[tuple[str, float, str]] = []  # drawn last, so a long name may overlap neighbours
    for i, d in enumerate(plan.days):
        x = layout.col_x(i) + 1
        w = layout.col_w - 2
        y = layout.header_top
        rest = d.day_type is DayType.REST_DAY
        holiday = d.holiday(lang)
        ink = SUNDAY_INK if (d.day.weekday() == 6 or holiday) else SATURDAY_INK if d.day.weekday() == 5 else INK
        header = _sub(group, "g", class_="day-header", data_day=d.day.isoformat(), data_day_type=d.day_type.value)
        if holiday:
            header.set("data-holiday", holiday)
        _sub(header, "rect", x=_num(x), y=_num(y), width=_num(w), height=str(HEADER_H),
             fill=REST_HEADER if rest else WEEKDAY_HEADER, stroke=HEADER_EDGE, stroke_width="0.8", rx="3")  # fmt: skip
        cx = x + w / 2
        day_label = f"{d.day.day}" if i and d.day.day != 1 else f"{d.day.month}/{d.day.day}"
        _label(header, cx, y + 22, day_label, 20 if i else 17, "middle", font_weight="bold", fill=ink)
        _label(header, cx, y + 44, weekday_name(d.day, lang), FONT, "middle", fill=ink)
        if holiday:
            holidays.append((d.day.isoformat(), cx, holiday))
    names = _sub(svg, "g", class_="holidays")
    for day, cx, holiday in holidays:
        label = _sub(names, "g", class_="holiday", data_day=day)
        _lines(label, cx, layout.header_top + 63, _wrap(holiday, FONT, 2.2 * layout.col_w), FONT,
               fill=SUNDAY_INK, font_weight="bold")  # fmt: skip


def _draw_grid(svg: ET.Element, plan: Plan, layout: _Layout, lang: str) -> None:
    bands = _sub(svg, "g", class_="mode-bands")
    for i, d in enumerate(plan.days):
        start, _ = _day_bounds(plan, d)
        mode = plan.mode_at(start)
        band = _sub(
            bands, "rect", class_="mode-band", x=_num(layout.col_x(i) + 1), y=_num(layout.plot_top),
            width=_num(layout.col_w - 2), height=_num(layout.plot_h), fill=MODE_FILL[mode],
            data_day=d.day.isoformat(), data_mode=mode.value,
        )  # fmt: skip
        holiday = d.holiday(lang)
        tooltip = msg(
            "chart.band_title",
            day=format_day(d.day, lang),
            holiday=f" {holiday}" if holiday else "",
            mode=mode,
            period=pick(lang, d.period.en, d.period.ja),
        )
        _sub(band, "title", tooltip.text(lang))
    grid = _sub(svg, "g", class_="hours")
    left, right = layout.grid_left, layout.grid_right
    for hour in range(25):
        y = layout.plot_top + layout.plot_h * hour / 24
        major = hour % 2 == 0
        _sub(grid, "line", x1=_num(left - 6 if major else left), x2=_num(right + 6 if major else right),
             y1=_num(y), y2=_num(y), stroke=GRID if major else MINOR_GRID,
             stroke_width="1.2" if hour % 6 == 0 else "0.8" if major else "0.6",
             data_hour=str(hour))  # fmt: skip
        label = f"{hour:02d}:00"
        ink = INK if major else MUTED
        _label(grid, left - 10, y + FONT * 0.36, label, FONT, "end", fill=ink)
        _label(grid, right + 10, y + FONT * 0.36, label, FONT, "start", fill=ink)
    weeks = _sub(svg, "g", class_="week-separators")
    for i, d in enumerate(plan.days):
        if d.day.weekday() == 0 and i:
            x = layout.col_x(i)
            _sub(weeks, "line", x1=_num(x), x2=_num(x), y1=_num(layout.plot_top), y2=_num(layout.plot_bottom),
                 stroke=MUTED, stroke_width="1.5")  # fmt: skip


def _draw_windows(svg: ET.Element, plan: Plan, layout: _Layout, index_of: dict[date, int], lang: str) -> None:
    group = _sub(svg, "g", class_="windows")
    pad = 3.0
    lane_w = (layout.col_w - 2 * pad) / len(Operation)
    days = plan.days
    markers: list[tuple[Operation, float, float]] = []  # drawn over all the bars
    for lane, op in enumerate(Operation):
        for window in plan.windows(op):
            for piece in _split(window, plan):
                i = index_of[piece.day]
                d0, d1 = _day_bounds(plan, days[i])
                y0, y1 = layout.y_of(piece.start, d0, d1), layout.y_of(piece.end, d0, d1)
                x = layout.col_x(i) + pad + lane * lane_w + 0.75
                rule = days[i].operations[op].rule
                expected = rule is not None and rule.expected
                rect = _sub(
                    group, "rect", class_="window", x=_num(x),
                    y=_num(y0), width=_num(lane_w - 1.5), height=_num(y1 - y0), rx="2",
                    fill=_tint(OP_FILL[op], EXPECTED_WHITE) if expected else OP_FILL[op],
                    data_operation=op.value, data_day=piece.day.isoformat(),
                    data_start=piece.start.isoformat(), data_end=piece.end.isoformat(),
                    data_window_start=window.start.astimezone(plan.tz).isoformat(),
                    data_window_end=window.end.astimezone(plan.tz).isoformat(),
                )  # fmt: skip
                if expected:
                    rect.set("data-expected", "true")
                    rect.set("stroke", OP_FILL[op])
                    rect.set("stroke-width", "1.5")
                    rect.set("stroke-dasharray", "5 3")
                if y1 - y0 >= 2 * lane_w:
                    markers.append((op, x + (lane_w - 1.5) / 2, y0 + (lane_w - 1.5) / 2 + 1))
                hours = msg("fmt.range", first=_clock(piece.start, d0, lang), last=_clock(piece.end, d0, lang))
                name = Text(f"{op.en} ({op.ja})", op.ja)
                clauses = ", ".join(window.clauses)
                tip = msg("chart.window_tip", name=name, day=piece.day.isoformat(), hours=hours, clauses=clauses)
                note = msg("chart.expected").text(lang) if expected else ""
                _sub(rect, "title", f"{tip.text(lang)} {note}".rstrip())
    marks = _sub(svg, "g", class_="markers")
    for op, cx, cy in markers:
        _marker(marks, op, cx, cy, lane_w - 2.5)


def _draw_legend(
    svg: ET.Element,
    layout: _Layout,
    inside: list[tuple[int, Milestone, int, int]],
    outside: list[tuple[str, Milestone]],
    lang: str,
    plan_id: str,
) -> None:
    group = _sub(svg, "g", class_="legend")
    top = layout.legend_top
    _sub(group, "line", x1=str(MARGIN), x2=str(WIDTH - MARGIN), y1=_num(top - 12), y2=_num(top - 12),
         stroke="#cbd2d9", stroke_width="1")  # fmt: skip
    label_w = 270.0

    def swatch_row(y: float, heading: str, items: list[tuple[str, str, str]]) -> None:
        _label(group, MARGIN, y + 13 + FONT * 0.36 - 2, heading, FONT, font_weight="bold")
        x = MARGIN + label_w
        for fill, label, key in items:
            entry = _sub(group, "g", class_="legend-item", data_key=key)
            swatch = _sub(entry, "rect", x=_num(x), y=_num(y + 2), width="26", height="20", rx="3", fill=fill,
                          stroke="#8895a7", stroke_width="0.8")  # fmt: skip
            if key == "expected":
                swatch.set("stroke", MUTED)
                swatch.set("stroke-width", "1.5")
                swatch.set("stroke-dasharray", "5 3")
            if key in OP_FILL_BY_VALUE:
                _marker(entry, Operation(key), x + 13, y + 12, 10)
            _label(entry, x + 34, y + 12 + FONT * 0.36, label, FONT)
            x += 34 + _text_width(label, FONT) + 26

    def say(message_id: str) -> str:
        return msg(message_id).text(lang)

    modes = [(MODE_FILL[m], _both(m.en, m.ja).text(lang), m.value) for m in Mode]
    modes.append((REST_HEADER, say("chart.rest"), "rest_day"))
    swatch_row(top, say("chart.modes"), modes)
    ops = [(OP_FILL[op], _both(op.en, op.ja).text(lang), op.value) for op in Operation]
    swatch_row(top + LEGEND_ROW_H, say("chart.ops"), ops)
    expected = [(_tint(MUTED, EXPECTED_WHITE), say("chart.expected"), "expected")]
    swatch_row(top + 2 * LEGEND_ROW_H, say("chart.expected_heading"), expected)

    y = top + 3 * LEGEND_ROW_H + 8
    _label(group, MARGIN, y + FONT * 0.36 + 9, say("chart.milestones"), FONT, font_weight="bold")
    entries: list[tuple[str, Milestone]] = [(str(n), m) for n, m, _, _ in inside]
    entries += outside
    per_col = layout.n_key_rows
    col_w = (WIDTH - 2 * MARGIN - label_w) / 2
    for k, (badge, m) in enumerate(entries):
        col, row = divmod(k, per_col)
        x = MARGIN + label_w + col * col_w
        ey = y + row * KEY_ROW_H
        entry = _sub(group, "g", class_="milestone-key", data_milestone=m.id)
        _sub(entry, "rect", x=_num(x), y=_num(ey + 1), width="26", height="20", rx="9",
             fill=MILESTONE_FILL if badge.isdigit() else OUTSIDE_FILL)  # fmt: skip
        _label(entry, x + 13, ey + 11 + FONT * 0.36, badge, FONT, "middle", font_weight="bold", fill="#ffffff")
        _label(entry, x + 34, ey + 11 + FONT * 0.36, f"{_date_range(m, lang)}  {m.title(lang)} [{m.clause}]", FONT)
    _label(
        group, WIDTH - MARGIN, HEIGHT - MARGIN, msg("chart.footer", plan_id=plan_id).text(lang), FONT, "end", fill=MUTED
    )
