"""The chart as pixels: rendered by resvg (resvg-py, from the test extra), read in grayscale and as a
person with deuteranopia sees it.

The colours below are the palette chosen for the chart (Okabe-Ito, plus grays), written out here;
each region's expected colour follows from them and from the pattern's geometry (the planned stop's
hatching covers 3 of every 9 units, the test mode's dots pi*1.6**2 of every 10x10).  The design asks
that things that meet on the chart differ by at least 10 in CIE lightness L* (grayscale print) and by
at least 15 in CIE76 colour difference under a deuteranopia simulation (Machado, Oliveira &
Fernandes 2009, severity 1).  The test checks both on the expected colours, then that the rendered
regions have those colours (within 4 ΔE) and so those separations.

Each region is rendered on its own: the chart's SVG with its viewBox narrowed to the region,
everything else untouched, at 4 pixels per unit; a small pure-Python PNG reader averages it.
"""

from __future__ import annotations

import itertools
import math
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from importlib import resources

import pytest
import resvg_py  # in the test extra: a wheel with resvg inside, no system package

from chukan_schedule import JULY_2017, parse_plan
from chukan_schedule.chart import render_svg

NS = "{http://www.w3.org/2000/svg}"
RGB = tuple[float, float, float]


def hex_rgb(h: str) -> RGB:
    return (int(h[1:3], 16), int(h[3:5], 16), int(h[5:7], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``t`` parts of ``b`` in ``a`` (as a renderer blends, in sRGB)."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


WHITE = hex_rgb("#ffffff")
# ---- the palette, and what each region should look like ----
BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE = (hex_rgb(h) for h in ("#0072b2", "#e69f00", "#009e73", "#cc79a7"))
EXPECTED = {
    "stop": mix(hex_rgb("#b4b4b4"), hex_rgb("#808080"), 3 / 9),
    "test": mix(hex_rgb("#f0e442"), hex_rgb("#8c8000"), math.pi * 1.6**2 / 100),
    "normal": WHITE,
    "rest_header": hex_rgb("#f9d2c0"),
    "weekday_header": WHITE,
    "registration": BLUE,
    "code_acquisition": ORANGE,
    "linkage": BLUISH_GREEN,
    "linkage_expected": mix(BLUISH_GREEN, WHITE, 0.65),  # lighter: 65 % white
    "linkage_test": REDDISH_PURPLE,
}
#: What meets on the chart: neighbouring columns, neighbouring bars, a bar on its background.
MEETS = [
    ("stop", "test"),
    ("test", "normal"),
    ("stop", "normal"),
    ("rest_header", "weekday_header"),
    ("registration", "code_acquisition"),
    ("registration", "linkage_expected"),
    ("code_acquisition", "linkage_expected"),
    ("registration", "linkage"),
    ("code_acquisition", "linkage"),
    ("linkage", "linkage_expected"),
    *[(bar, "normal") for bar in ("registration", "code_acquisition", "linkage", "linkage_expected")],
    ("linkage_test", "test"),
]
OPERATIONS = ("registration", "code_acquisition", "linkage", "linkage_test")
MIN_LIGHTNESS = 10.0  # ΔL*
MIN_DEUTERANOPIA = 15.0  # ΔE76 of the simulated colours
RENDER_TOLERANCE = 4.0  # ΔE76 between a region as rendered and as expected


# ---- colour science ----


def linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def gamma(v: float) -> float:
    v = min(max(v, 0.0), 1.0)
    return 255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055)


def lab(rgb: RGB) -> RGB:
    r, g, b = (linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def lightness(rgb: RGB) -> float:
    """CIE L*: what is left of a colour in grayscale print."""
    return lab(rgb)[0]


# Machado et al. 2009, deuteranopia at severity 1.0, on linear RGB.
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))


def deuteranopia(rgb: RGB) -> RGB:
    lin = [linear(c) for c in rgb]
    r, g, b = (gamma(sum(m * c for m, c in zip(row, lin, strict=True))) for row in DEUTERANOPIA)
    return (r, g, b)


def delta_e(a: RGB, b: RGB) -> float:
    return math.dist(lab(a), lab(b))


def test_colour_science_by_hand() -> None:
    # sRGB white is L* 100, black 0; mid gray #777777 is about L* 50 (the usual check value 50.03).
    assert lightness(WHITE) == pytest.approx(100, abs=0.01)
    assert lightness((0, 0, 0)) == pytest.approx(0, abs=0.01)
    assert lightness((119, 119, 119)) == pytest.approx(50.0, abs=0.1)
    # Deuteranopia keeps grays as they are (each row of the matrix sums to 1) and merges red with green.
    assert deuteranopia((119, 119, 119)) == pytest.approx((119, 119, 119), abs=0.1)
    assert (
        delta_e(deuteranopia((200, 60, 60)), deuteranopia((110, 110, 40))) < delta_e((200, 60, 60), (110, 110, 40)) / 3
    )


# ---- the palette meets the design ----


@pytest.mark.parametrize(("a", "b"), MEETS)
def test_palette_separations(a: str, b: str) -> None:
    assert abs(lightness(EXPECTED[a]) - lightness(EXPECTED[b])) >= MIN_LIGHTNESS
    assert delta_e(deuteranopia(EXPECTED[a]), deuteranopia(EXPECTED[b])) >= MIN_DEUTERANOPIA


def test_the_old_palette_failed_where_the_issue_says() -> None:
    """The colours before (issue 11): test, normal and rest-day backgrounds, orange and green bars."""
    test, normal, rest = hex_rgb("#fbecc0"), hex_rgb("#e3edf8"), hex_rgb("#fde4e1")
    assert max(lightness(c) for c in (test, normal, rest)) - min(lightness(c) for c in (test, normal, rest)) < 3
    # Code acquisition and linkage: the new pair is far further apart under deuteranopia than the old one.
    old = delta_e(deuteranopia(hex_rgb("#d1661c")), deuteranopia(hex_rgb("#1e8a4c")))
    assert delta_e(deuteranopia(ORANGE), deuteranopia(BLUISH_GREEN)) > 1.5 * old


# ---- the rendered chart ----


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGBA rows of an 8-bit RGBA, non-interlaced PNG (what resvg writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, colour, interlace) == (8, 6, 0)
    raw, stride, bpp = zlib.decompress(idat), width * 4, 4
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows


SCALE = 4  # pixels per unit of the chart's viewBox


def render_region(svg: str, x: float, y: float, w: float, h: float) -> RGB:
    """The mean colour of the chart's region ``(x, y, w, h)`` (viewBox units), rendered by resvg."""
    root = re.sub(
        r'width="297mm" height="210mm" viewBox="0 0 1485 1050"',
        f'width="{w * SCALE:.3f}" height="{h * SCALE:.3f}" viewBox="{x:.3f} {y:.3f} {w:.3f} {h:.3f}"',
        svg,
        count=1,
    )
    assert root != svg
    width, height, rows = read_png(bytes(resvg_py.svg_to_bytes(svg_string=root, dpi=96)))
    total = [0, 0, 0]
    for row in rows:
        for i in range(0, width * 4, 4):
            assert row[i + 3] == 255  # the chart's own white page is under everything
            total[0] += row[i]
            total[1] += row[i + 1]
            total[2] += row[i + 2]
    n = width * height
    return (total[0] / n, total[1] / n, total[2] / n)


def attr(el: ET.Element, name: str) -> float:
    return float(el.get(name, "nan"))


def hour_y(root: ET.Element, hour: int) -> float:
    (line,) = [el for el in root.iter(f"{NS}line") if el.get("data-hour") == str(hour)]
    return attr(line, "y1")


def band_region(root: ET.Element, day: str) -> tuple[float, float, float, float]:
    """Inside the day's background, between the hour lines of 02:00 and 03:00: no bar, no line."""
    (band,) = [r for r in root.iter(f"{NS}rect") if r.get("class") == "mode-band" and r.get("data-day") == day]
    y0, y1 = hour_y(root, 2), hour_y(root, 3)
    return (attr(band, "x") + 4, y0 + 2, attr(band, "width") - 8, y1 - y0 - 4)


def header_region(root: ET.Element, day: str) -> tuple[float, float, float, float]:
    """The lower part of the day's header, below its weekday, where no text is on a day without a holiday."""
    (group,) = [g for g in root.iter(f"{NS}g") if g.get("class") == "day-header" and g.get("data-day") == day]
    rect = group.find(f"{NS}rect")
    assert rect is not None
    return (attr(rect, "x") + 4, attr(rect, "y") + 52, attr(rect, "width") - 8, 18)


def bar_region(root: ET.Element, op: str, day: str) -> tuple[float, float, float, float]:
    """The middle of the operation's bar on that day, away from its edges (and a dashed outline) and marker."""
    (bar,) = [
        r
        for r in root.iter(f"{NS}rect")
        if r.get("class") == "window" and r.get("data-operation") == op and r.get("data-day") == day
    ]
    x, w = attr(bar, "x"), attr(bar, "width")
    return (x + 2, hour_y(root, 12), w - 4, hour_y(root, 16) - hour_y(root, 12))


@pytest.fixture(scope="module")
def rendered() -> dict[str, RGB]:
    july = render_svg(JULY_2017, "en")
    root = ET.fromstring(july)
    regions = {
        "stop": band_region(root, "2017-07-01"),
        "test": band_region(root, "2017-07-05"),
        "normal": band_region(root, "2017-07-19"),
        "rest_header": header_region(root, "2017-07-15"),
        "weekday_header": header_region(root, "2017-07-14"),
        "registration": bar_region(root, "registration", "2017-07-19"),
        "code_acquisition": bar_region(root, "code_acquisition", "2017-07-19"),
        "linkage_expected": bar_region(root, "linkage", "2017-07-19"),  # T: from 07-18, 想定
        "linkage_test": bar_region(root, "linkage_test", "2017-07-05"),
    }
    out = {name: render_region(july, *region) for name, region in regions.items()}
    # The same plan with linkage no longer marked expected draws it solid.
    text = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")
    certain = text.replace('expected = true\nclause = "T"', 'clause = "T"')
    assert certain.count('clause = "T"') == text.count('clause = "T"') and certain != text
    certain_svg = render_svg(parse_plan(certain), "en")
    out["linkage"] = render_region(certain_svg, *bar_region(ET.fromstring(certain_svg), "linkage", "2017-07-19"))
    return out


def test_renders_at_a4_size() -> None:
    png = bytes(resvg_py.svg_to_bytes(svg_string=render_svg(JULY_2017, "ja"), dpi=96))
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1123, 794)  # 297 x 210 mm at 96 dpi, rounded


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rendered_colour_is_the_palette_colour(rendered: dict[str, RGB], name: str) -> None:
    assert delta_e(rendered[name], EXPECTED[name]) <= RENDER_TOLERANCE, (name, rendered[name], EXPECTED[name])


@pytest.mark.parametrize(("a", "b"), MEETS)
def test_rendered_separations_in_grayscale_and_with_deuteranopia(rendered: dict[str, RGB], a: str, b: str) -> None:
    assert abs(lightness(rendered[a]) - lightness(rendered[b])) >= MIN_LIGHTNESS
    assert delta_e(deuteranopia(rendered[a]), deuteranopia(rendered[b])) >= MIN_DEUTERANOPIA


def test_every_pair_of_operations_has_its_own_marker() -> None:
    """Where colour alone is not enough (linkage and linkage test in grayscale), the markers differ."""
    root = ET.fromstring(render_svg(JULY_2017, "en"))
    shapes = {}
    for item in root.iter(f"{NS}g"):
        if item.get("class") == "legend-item" and item.get("data-key") in OPERATIONS:
            (marker,) = [el for el in item if el.get("class") == "marker"]
            shapes[item.get("data-key")] = marker.get("data-marker")
    assert shapes == {
        "registration": "circle",
        "code_acquisition": "triangle",
        "linkage": "square",
        "linkage_test": "diamond",
    }
    drawn = {m.get("data-marker") for m in root.iter() if m.get("class") == "marker"}
    assert drawn == set(shapes.values())
    for a, b in itertools.combinations(OPERATIONS, 2):
        assert shapes[a] != shapes[b]
