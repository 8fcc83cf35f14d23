"""The chart for every reader and on paper: text contrast (WCAG AA), no hovering where it cannot work,
named milestones, expected windows drawn as expected."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017
from chukan_schedule.chart import render_svg

NS = "{http://www.w3.org/2000/svg}"


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def test_contrast_by_hand() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#718096", "#ffffff") == pytest.approx(4.0, abs=0.05)  # the old odd-hour labels (issue 11)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def texts_on_backgrounds(root: ET.Element) -> list[tuple[str, str, str]]:
    """Each text's (words, ink, what it is drawn on)."""
    parent = {child: p for p in root.iter() for child in p}
    headers = {g.get("data-day"): g for g in root.iter(f"{NS}g") if g.get("class") == "day-header"}
    mode_rects = [r for g in root.iter(f"{NS}g") if g.get("class") == "mode-row" for r in g.iter(f"{NS}rect")]
    out = []
    for text in root.iter(f"{NS}text"):
        chain, el = [], text
        while el in parent:
            el = parent[el]
            chain.append(el)
        ink = next(e.get("fill") for e in [text, *chain] if e.get("fill"))
        assert ink is not None and ink.startswith("#")
        groups = {e.get("class"): e for e in chain if e.tag == f"{NS}g"}
        background = "#ffffff"
        if "day-header" in groups:
            rect = groups["day-header"].find(f"{NS}rect")
            assert rect is not None
            background = rect.get("fill", "")
        elif "holiday" in groups:
            rect = headers[groups["holiday"].get("data-day")].find(f"{NS}rect")
            assert rect is not None
            background = rect.get("fill", "")
        elif "mode-row" in groups:
            x = float(text.get("x", "nan"))
            (rect,) = [
                r
                for r in mode_rects
                if float(r.get("x", "nan")) <= x <= float(r.get("x", "nan")) + float(r.get("width", "nan"))
            ]
            background = rect.get("fill", "")
        elif ink == "#ffffff":  # white on a pill or a badge
            group = groups.get("milestone") or groups.get("milestone-key")
            assert group is not None, text.text
            rect = group.find(f"{NS}rect")
            assert rect is not None
            background = rect.get("fill", "")
        out.append((text.text or "", ink, background))
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_text_has_at_least_4_5_to_1(lang: str) -> None:
    found = texts_on_backgrounds(ET.fromstring(render_svg(JULY_2017, lang)))
    assert len(found) > 100
    low = [(words, ink, bg, round(contrast(ink, bg), 2)) for words, ink, bg in found if contrast(ink, bg) < 4.5]
    assert low == []
    # The odd hours are the smallest, lightest labels: now the muted ink, 7.5:1.
    odd = [ink for words, ink, _ in found if words == "01:00"]
    assert odd == ["#4a5568", "#4a5568"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_hovering_on_paper(lang: str) -> None:
    svg = render_svg(JULY_2017, lang)
    assert "hover" not in svg and "カーソル" not in svg


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_milestone_in_july_is_named_where_it_is_drawn(lang: str) -> None:
    root = ET.fromstring(render_svg(JULY_2017, lang))
    for group in root.iter(f"{NS}g"):
        if group.get("class") != "milestone":
            continue
        milestone = JULY_2017.milestone(group.get("data-milestone", ""))
        names = [t.text for t in group.iter(f"{NS}text") if t.get("class") == "milestone-name"]
        assert len(names) == 1
        assert names[0] is not None and names[0].endswith(milestone.title(lang))


def test_pills_share_lanes_without_overlapping() -> None:
    """Six milestones in July in fewer than six lanes (names beside pills take room), no two pills of a lane overlapping."""
    root = ET.fromstring(render_svg(JULY_2017, "en"))
    lanes: dict[str, list[tuple[float, float]]] = {}
    for group in root.iter(f"{NS}g"):
        if group.get("class") != "milestone":
            continue
        rect = group.find(f"{NS}rect")
        assert rect is not None
        x, w = float(rect.get("x", "nan")), float(rect.get("width", "nan"))
        lanes.setdefault(rect.get("y", ""), []).append((x, x + w))
    assert len(lanes) < 6  # six milestones in July, some share a lane
    for spans in lanes.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))


def test_expected_windows_are_drawn_as_expected() -> None:
    root = ET.fromstring(render_svg(JULY_2017, "en"))
    windows = [r for r in root.iter(f"{NS}rect") if r.get("class") == "window"]
    expected = [r for r in windows if r.get("data-expected") == "true"]
    # T: linkage from 07-18 is 想定 (expected), 14 windows; nothing else is.
    assert {r.get("data-operation") for r in expected} == {"linkage"}
    assert len(expected) == 14
    assert all(r.get("stroke-dasharray") for r in expected)
    assert all(r.get("fill") != "#009e73" for r in expected)  # lighter than a certain linkage bar
    assert not any(r.get("stroke-dasharray") for r in windows if r not in expected)
    title = expected[0].find(f"{NS}title")
    assert title is not None and title.text is not None and "想定" in title.text
    legend = [g for g in root.iter(f"{NS}g") if g.get("class") == "legend-item" and g.get("data-key") == "expected"]
    assert len(legend) == 1
    swatch = legend[0].find(f"{NS}rect")
    assert swatch is not None and swatch.get("stroke-dasharray")


@pytest.mark.parametrize(("lang", "name"), [("en", "july-2017.svg"), ("ja", "july-2017.ja.svg")])
def test_the_readme_images_are_up_to_date(lang: str, name: str) -> None:
    """docs/july-2017*.svg are the chart as drawn now (regenerate: chukan-schedule chart --output ...)."""
    path = Path(__file__).parent.parent / "docs" / name
    assert path.read_text(encoding="utf-8") == render_svg(JULY_2017, lang)
