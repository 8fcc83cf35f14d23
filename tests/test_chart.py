"""The month-at-a-glance SVG (月間稼働表), checked by its structure.

Expected values are worked out by hand from docs/spec.md (table T, the hours of H, the
operations table of point 5); the set of drawn windows is also compared with
``plan.windows()``, since the chart must never disagree with the answers.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017, Operation, parse_plan
from chukan_schedule.chart import render_svg, write_svg

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def en() -> ET.Element:
    return ET.fromstring(render_svg(JULY_2017, "en"))


@pytest.fixture(scope="module")
def ja_text() -> str:
    return render_svg(JULY_2017, "ja")


def bands(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{NS}rect") if r.get("class") == "mode-band"]


def window_rects(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{NS}rect") if r.get("class") == "window"]


def rect_of(root: ET.Element, op: str, start: str) -> ET.Element:
    found = [r for r in window_rects(root) if r.get("data-operation") == op and r.get("data-start") == start]
    assert len(found) == 1, (op, start, len(found))
    return found[0]


def hour_y(root: ET.Element, hour: int) -> float:
    lines = [el for el in root.iter(f"{NS}line") if el.get("data-hour") == str(hour)]
    assert len(lines) == 1
    assert lines[0].get("y1") == lines[0].get("y2")
    return float(lines[0].get("y1", "nan"))


# ---- the page ----


def test_parses_as_an_a4_landscape_svg(en: ET.Element) -> None:
    assert en.tag == f"{NS}svg"
    assert en.get("width") == "297mm"
    assert en.get("height") == "210mm"
    assert en.get("viewBox") == "0 0 1485 1050"
    fonts = en.get("font-family", "")
    for family in ('"Noto Sans CJK JP"', '"Hiragino Sans"', '"Yu Gothic"', '"Meiryo"', "sans-serif"):
        assert family in fonts


def test_every_text_is_at_least_9pt(en: ET.Element) -> None:
    # 1485 units span 297 mm: 5 units per mm; 9 pt = 3.175 mm = 15.875 units.
    sizes = [float(t.get("font-size", "0")) for t in en.iter(f"{NS}text")]
    assert sizes
    assert min(sizes) >= 15.875


def test_has_a_title(en: ET.Element) -> None:
    title = en.find(f"{NS}title")
    assert title is not None
    assert title.text == "Municipal middle server, July 2017: when each operation is possible"


def test_ja_title() -> None:
    root = ET.fromstring(render_svg(JULY_2017, "ja"))
    title = root.find(f"{NS}title")
    assert title is not None
    assert title.text == "自治体中間サーバー 平成29年7月の稼働状況：各操作が可能な時間帯"


# ---- days and modes ----


def test_thirty_one_day_columns(en: ET.Element) -> None:
    days = [b.get("data-day") for b in bands(en)]
    assert len(days) == 31
    assert days[0] == "2017-07-01"
    assert days[16] == "2017-07-17"
    assert days[-1] == "2017-07-31"
    assert len(set(days)) == 31
    headers = [g.get("data-day") for g in en.iter(f"{NS}g") if g.get("class") == "day-header"]
    assert headers == days


# Table T: 1-2 planned stop, 3-7 test, 8-12 planned stop, 13-31 normal.
EXPECTED_MODES = {
    **{f"2017-07-{d:02d}": "planned_stop" for d in (1, 2, 8, 9, 10, 11, 12)},
    **{f"2017-07-{d:02d}": "test" for d in (3, 4, 5, 6, 7)},
    **{f"2017-07-{d:02d}": "normal" for d in range(13, 32)},
}


def test_modes_per_day(en: ET.Element) -> None:
    modes = {b.get("data-day"): b.get("data-mode") for b in bands(en)}
    assert modes["2017-07-01"] == "planned_stop"
    assert modes["2017-07-05"] == "test"
    assert modes["2017-07-13"] == "normal"
    assert modes == EXPECTED_MODES


def test_mode_bands_look_different(en: ET.Element) -> None:
    fill = {b.get("data-day"): b.get("fill") for b in bands(en)}
    assert len({fill["2017-07-01"], fill["2017-07-05"], fill["2017-07-13"]}) == 3
    assert fill["2017-07-01"] == fill["2017-07-10"]


def test_rest_days_are_marked(en: ET.Element) -> None:
    headers = [g for g in en.iter(f"{NS}g") if g.get("class") == "day-header"]
    rest = {g.get("data-day") for g in headers if g.get("data-day-type") == "rest_day"}
    # Saturdays 1, 8, 15, 22, 29; Sundays 2, 9, 16, 23, 30; Marine Day Monday 17.
    assert rest == {f"2017-07-{d:02d}" for d in (1, 2, 8, 9, 15, 16, 17, 22, 23, 29, 30)}
    background = {g.get("data-day"): g.find(f"{NS}rect").get("fill") for g in headers}  # type: ignore[union-attr]
    assert background["2017-07-17"] != background["2017-07-18"]
    assert background["2017-07-17"] == background["2017-07-16"]
    holidays = {g.get("data-day"): g.get("data-holiday") for g in headers if g.get("data-holiday")}
    assert holidays == {"2017-07-17": "Marine Day"}


def test_weekday_labels(en: ET.Element, ja_text: str) -> None:
    texts = [t.text for g in en.iter(f"{NS}g") if g.get("data-day") == "2017-07-01" for t in g.iter(f"{NS}text")]
    assert texts == ["7/1", "Sat"]
    sunday = [t.text for g in en.iter(f"{NS}g") if g.get("data-day") == "2017-07-02" for t in g.iter(f"{NS}text")]
    assert sunday == ["2", "Sun"]
    ja = ET.fromstring(ja_text)
    sat_texts = [
        t.text for g in ja.iter(f"{NS}g") if g.get("class") == "day-header" and g.get("data-day") == "2017-07-15"
        for t in g.iter(f"{NS}text")
    ]  # fmt: skip
    assert sat_texts == ["15", "土"]


def test_ja_has_the_japanese_terms(ja_text: str) -> None:
    for term in ("海の日", "副本登録", "符号取得", "情報連携", "情報連携のテスト", "計画停止", "テスト", "通常"):
        assert term in ja_text


def test_en_legend_names_the_japanese_terms_too(en: ET.Element) -> None:
    legend = [t.text or "" for t in en.iter(f"{NS}text")]
    joined = "\n".join(legend)
    for term in (
        "registration 副本登録",
        "code acquisition 符号取得",
        "linkage 情報連携",
        "linkage test 情報連携のテスト・運用確認",
        "planned stop 計画停止",
        "Marine Day",
    ):
        assert term in joined


# ---- windows ----


def test_window_counts_per_operation(en: ET.Element) -> None:
    counts: dict[str, int] = {}
    for r in window_rects(en):
        op = r.get("data-operation", "")
        counts[op] = counts.get(op, 0) + 1
    # registration: every normal day 13..31 (19); code acquisition: normal weekdays 13, 14, 18-21,
    # 24-28, 31 (12) plus 15-17 (N6) = 15; linkage: 18..31 (14); linkage test: 3..7 (5).
    assert counts == {"registration": 19, "code_acquisition": 15, "linkage": 14, "linkage_test": 5}


def test_drawn_windows_are_exactly_the_plans_windows(en: ET.Element) -> None:
    drawn = {(r.get("data-operation"), r.get("data-start"), r.get("data-end")) for r in window_rects(en)}
    whole = {(r.get("data-operation"), r.get("data-window-start"), r.get("data-window-end")) for r in window_rects(en)}
    planned = {(op.value, w.start.isoformat(), w.end.isoformat()) for op in Operation for w in JULY_2017.windows(op)}
    assert whole == planned
    # In July 2017 no window crosses a midnight (registration ends exactly at 24:00), so no piece is split.
    assert drawn == planned


def test_some_windows_by_hand(en: ET.Element) -> None:
    drawn = {(r.get("data-operation"), r.get("data-start"), r.get("data-end")) for r in window_rects(en)}
    assert ("registration", "2017-07-13T08:00:00+09:00", "2017-07-14T00:00:00+09:00") in drawn
    assert ("registration", "2017-07-17T09:00:00+09:00", "2017-07-17T17:00:00+09:00") in drawn
    assert ("code_acquisition", "2017-07-15T09:00:00+09:00", "2017-07-15T17:00:00+09:00") in drawn
    assert ("linkage", "2017-07-18T08:00:00+09:00", "2017-07-18T21:00:00+09:00") in drawn
    assert ("linkage_test", "2017-07-07T08:00:00+09:00", "2017-07-07T21:00:00+09:00") in drawn
    starts = [(op, start or "") for op, start, _ in drawn]
    # No code acquisition on an ordinary Saturday (N6); nothing at all during the planned stop 07-08..12.
    assert not any(op == "code_acquisition" and s.startswith("2017-07-22") for op, s in starts)
    assert not any(s[:10] in {"2017-07-08", "2017-07-09", "2017-07-10", "2017-07-11", "2017-07-12"} for _, s in starts)


def test_geometry_matches_the_times(en: ET.Element) -> None:
    y0, y24 = hour_y(en, 0), hour_y(en, 24)
    assert y24 > y0
    hour = (y24 - y0) / 24

    def top_bottom(op: str, start: str) -> tuple[float, float]:
        r = rect_of(en, op, start)
        y = float(r.get("y", "nan"))
        return y, y + float(r.get("height", "nan"))

    # linkage test on 07-05: 08:00-21:00
    top, bottom = top_bottom("linkage_test", "2017-07-05T08:00:00+09:00")
    assert top == pytest.approx(y0 + 8 * hour, abs=0.01)
    assert bottom == pytest.approx(y0 + 21 * hour, abs=0.01)
    assert (bottom - top) / (y24 - y0) == pytest.approx(13 / 24, abs=1e-4)
    # registration on 07-13: 08:00-24:00 reaches the bottom of the column
    top, bottom = top_bottom("registration", "2017-07-13T08:00:00+09:00")
    assert top == pytest.approx(y0 + 8 * hour, abs=0.01)
    assert bottom == pytest.approx(y24, abs=0.01)
    # code acquisition on Saturday 07-15: 09:00-17:00
    top, bottom = top_bottom("code_acquisition", "2017-07-15T09:00:00+09:00")
    assert top == pytest.approx(y0 + 9 * hour, abs=0.01)
    assert bottom == pytest.approx(y0 + 17 * hour, abs=0.01)
    assert hour_y(en, 8) == pytest.approx(y0 + 8 * hour, abs=0.01)
    assert hour_y(en, 21) == pytest.approx(y0 + 21 * hour, abs=0.01)


def test_bars_sit_in_their_day_column_one_lane_per_operation(en: ET.Element) -> None:
    band = {b.get("data-day"): b for b in bands(en)}
    lanes: dict[str, set[float]] = {}
    for r in window_rects(en):
        day = r.get("data-day", "")
        assert r.get("data-start", "").startswith(day)
        b = band[day]
        left = float(b.get("x", "nan"))
        right = left + float(b.get("width", "nan"))
        x, w = float(r.get("x", "nan")), float(r.get("width", "nan"))
        assert left <= x < x + w <= right
        lanes.setdefault(r.get("data-operation", ""), set()).add(round(x - left, 1))
    # Each operation keeps one sub-lane, the four lanes distinct, left to right in Operation order.
    assert all(len(offsets) == 1 for offsets in lanes.values())
    order = sorted(lanes, key=lambda op: next(iter(lanes[op])))
    assert order == ["registration", "code_acquisition", "linkage", "linkage_test"]
    fills = {r.get("data-operation"): r.get("fill") for r in window_rects(en)}
    assert len(set(fills.values())) == 4


def test_bars_have_tooltips(en: ET.Element) -> None:
    r = rect_of(en, "registration", "2017-07-13T08:00:00+09:00")
    title = r.find(f"{NS}title")
    assert title is not None
    assert title.text == "registration (副本登録): 2017-07-13 08:00–24:00 JST [H]"
    ja = ET.fromstring(render_svg(JULY_2017, "ja"))
    title = rect_of(ja, "code_acquisition", "2017-07-16T09:00:00+09:00").find(f"{NS}title")
    assert title is not None
    assert title.text == "符号取得：2017-07-16 9:00～17:00 JST [N6]"


def test_milestones_are_marked(en: ET.Element) -> None:
    markers = {g.get("data-milestone"): g for g in en.iter(f"{NS}g") if g.get("class") == "milestone"}
    # Inside July: 3-7 operation check, 8-17 suppression, 10 master data, 13-17 differential period,
    # 17 auto-response restriction, 18 linkage start. 06-23 and 06-30 fall before the chart.
    assert set(markers) == {
        "operation_check",
        "linkage_suppression",
        "master_data",
        "differential_period",
        "auto_response_restriction",
        "linkage_start",
    }
    band = {b.get("data-day"): b for b in bands(en)}
    rect = markers["operation_check"].find(f"{NS}rect")
    assert rect is not None
    left = float(band["2017-07-03"].get("x", "nan"))
    right = float(band["2017-07-07"].get("x", "nan")) + float(band["2017-07-07"].get("width", "nan"))
    assert float(rect.get("x", "nan")) == pytest.approx(left + 1, abs=1.01)
    assert float(rect.get("x", "nan")) + float(rect.get("width", "nan")) == pytest.approx(right - 1, abs=1.01)
    keys = {g.get("data-milestone") for g in en.iter(f"{NS}g") if g.get("class") == "milestone-key"}
    assert keys == set(markers) | {"initial_registration", "advice_deadline"}


# ---- a window across midnight is split per day column ----

ALL_DAY_PLAN = """
format = 1
id = "test-all-day"
en = "All-day test plan"
ja = "終日テスト計画"
timezone = "Asia/Tokyo"
holidays = "JP"

[coverage]
first_day = 2017-07-13
last_day = 2017-07-15

[[period]]
first_day = 2017-07-13
last_day = 2017-07-15
mode = "normal"
clause = "T"
en = "Normal"
ja = "通常"

[[milestone]]
id = "later"
first_day = 2017-07-20
last_day = 2017-07-20
clause = "T"
en = "After the chart"
ja = "表の後"

[[rule]]
subject = "server"
modes = ["normal"]
hours = ["00:00", "24:00"]
clause = "H"
en = "all day"
ja = "終日"

[[rule]]
subject = "registration"
modes = ["normal"]
hours = ["00:00", "24:00"]
clause = "H"
en = "all day"
ja = "終日"

[[rule]]
subject = "code_acquisition"
modes = ["normal"]
hours = ["20:00", "24:00"]
clause = "H"
en = "evenings"
ja = "夜間"

[[rule]]
subject = "linkage"
modes = ["normal"]
clause = "T"
en = "never"
ja = "不可"

[[rule]]
subject = "linkage_test"
modes = ["normal"]
clause = "N2"
en = "never"
ja = "不可"
"""


def test_a_window_across_midnight_is_split_per_day() -> None:
    root = ET.fromstring(render_svg(parse_plan(ALL_DAY_PLAN, "all-day.toml")))
    assert len(bands(root)) == 3
    pieces = sorted(
        (
            r.get("data-day"),
            r.get("data-start"),
            r.get("data-end"),
            r.get("data-window-start"),
            r.get("data-window-end"),
        )
        for r in window_rects(root)
        if r.get("data-operation") == "registration"
    )
    whole = ("2017-07-13T00:00:00+09:00", "2017-07-16T00:00:00+09:00")
    assert pieces == [
        ("2017-07-13", "2017-07-13T00:00:00+09:00", "2017-07-14T00:00:00+09:00", *whole),
        ("2017-07-14", "2017-07-14T00:00:00+09:00", "2017-07-15T00:00:00+09:00", *whole),
        ("2017-07-15", "2017-07-15T00:00:00+09:00", "2017-07-16T00:00:00+09:00", *whole),
    ]
    y0, y24 = hour_y(root, 0), hour_y(root, 24)
    for r in window_rects(root):
        if r.get("data-operation") == "registration":
            assert float(r.get("y", "nan")) == pytest.approx(y0, abs=0.01)
            assert float(r.get("height", "nan")) == pytest.approx(y24 - y0, abs=0.01)
    evenings = sorted(
        r.get("data-start") or "" for r in window_rects(root) if r.get("data-operation") == "code_acquisition"
    )
    assert evenings == ["2017-07-13T20:00:00+09:00", "2017-07-14T20:00:00+09:00", "2017-07-15T20:00:00+09:00"]
    # The milestone after the coverage is listed in the key but gets no marker over the days.
    assert [g.get("data-milestone") for g in root.iter(f"{NS}g") if g.get("class") == "milestone"] == []
    keys = [g for g in root.iter(f"{NS}g") if g.get("class") == "milestone-key"]
    assert [g.get("data-milestone") for g in keys] == ["later"]
    assert [t.text for t in keys[0].iter(f"{NS}text")] == ["→", "7/20  After the chart [T]"]


# ---- language and files ----


@pytest.mark.parametrize("bad", ["fr", "", "jp", "japanese", None, 1])
def test_bad_lang_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match=r"lang must be 'en' or 'ja'") as info:
        render_svg(JULY_2017, bad)  # type: ignore[arg-type]
    assert repr(bad) in str(info.value)


def test_write_svg_bad_lang_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    with pytest.raises(ValueError, match="lang must be 'en' or 'ja'"):
        write_svg(JULY_2017, target, "de")
    assert not target.exists()
    assert os.listdir(tmp_path) == []


def test_write_svg_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "july.svg"
    target.write_text("old", encoding="utf-8")
    write_svg(JULY_2017, str(target), "ja")
    assert target.read_text(encoding="utf-8") == render_svg(JULY_2017, "ja")
    assert sorted(os.listdir(tmp_path)) == ["july.svg"]
    assert target.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg')


def test_rendering_is_deterministic() -> None:
    assert render_svg(JULY_2017) == render_svg(JULY_2017, "en")
    assert render_svg(JULY_2017, "en") != render_svg(JULY_2017, "ja")


def test_day_tooltips_in_each_language() -> None:
    def tooltip(lang: str, day: str) -> str:
        root = ET.fromstring(render_svg(JULY_2017, lang))
        band = next(r for r in root.iter(f"{NS}rect") if r.get("class") == "mode-band" and r.get("data-day") == day)
        title = band.find(f"{NS}title")
        assert title is not None
        return title.text or ""

    # Marine Day (海の日), Monday 07-17: normal mode, the differential period (N6).
    assert (
        tooltip("ja", "2017-07-17")
        == "2017-07-17（月） 海の日：通常（通常実行モード） — 通常：差分副本登録・符号取得期間"
    )
    assert tooltip("en", "2017-07-17") == (
        "2017-07-17 (Mon) Marine Day: normal mode — Normal mode: differential registration and code acquisition period"
    )
