"""Plan files: another plan of the same shape loads with no code change; a bad one says where."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import pytest

from chukan_schedule import Mode, PlanFileError, load_plan, parse_plan

JST = timezone(timedelta(hours=9))
JULY_TEXT = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")

# A later month, written by hand: August 2017 in normal mode, with one planned stop on 08-05 (a Saturday).
# 08-11 is Mountain Day (山の日), a rest day from the holidays package.
AUGUST = """
format = 1
id = "2017-08"
en = "An August plan"
ja = "8月の計画"
timezone = "Asia/Tokyo"
holidays = "JP"

[coverage]
first_day = 2017-08-01
last_day = 2017-08-31

[[period]]
first_day = 2017-08-01
last_day = 2017-08-04
mode = "normal"
clause = "T"
en = "Normal"
ja = "通常"

[[period]]
first_day = 2017-08-05
last_day = 2017-08-05
mode = "planned_stop"
clause = "X1"
en = "Planned stop"
ja = "計画停止"

[[period]]
first_day = 2017-08-06
last_day = 2017-08-31
mode = "normal"
clause = "T"
en = "Normal"
ja = "通常"

[[milestone]]
id = "m"
first_day = 2017-08-01
last_day = 2017-08-01
clause = "T"
en = "Start"
ja = "開始"
"""
RULES = ""
for subject in ("server", "registration", "code_acquisition", "linkage", "linkage_test"):
    RULES += f"""
[[rule]]
subject = "{subject}"
modes = ["normal"]
days = "weekday"
hours = ["08:00", "{"24:00" if subject == "registration" else "21:00"}"]
clause = "H"
en = "weekday"
ja = "平日"

[[rule]]
subject = "{subject}"
modes = ["normal"]
days = "rest_day"
clause = "H"
en = "closed on rest days"
ja = "土日祝日は不可"
"""


def test_a_later_plan_loads_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "2017-08.toml"
    path.write_text(AUGUST + RULES, encoding="utf-8")
    plan = load_plan(path)
    assert plan.id == "2017-08"
    assert plan.coverage_start == datetime(2017, 8, 1, tzinfo=JST)
    assert plan.coverage_end == datetime(2017, 9, 1, tzinfo=JST)
    assert plan.mode_at(datetime(2017, 8, 5, 12)) is Mode.PLANNED_STOP
    assert plan.allows("registration", datetime(2017, 8, 10, 23, 0))  # Thursday
    assert not plan.allows("registration", datetime(2017, 8, 11, 10, 0))  # 山の日 (Mountain Day)
    ws = plan.windows("linkage", datetime(2017, 8, 3), datetime(2017, 8, 8))
    assert [(w.start, w.end) for w in ws] == [
        (datetime(2017, 8, 3, 8, tzinfo=JST), datetime(2017, 8, 3, 21, tzinfo=JST)),
        (datetime(2017, 8, 4, 8, tzinfo=JST), datetime(2017, 8, 4, 21, tzinfo=JST)),
        (datetime(2017, 8, 7, 8, tzinfo=JST), datetime(2017, 8, 7, 21, tzinfo=JST)),
    ]
    reasons = plan.check("registration", datetime(2017, 8, 5, 12)).reasons
    assert [r.clause for r in reasons] == ["X1", "X1"]


def test_adjacent_spans_merge_into_one_maximal_window(tmp_path: Path) -> None:
    text = AUGUST + RULES.replace('"08:00", "24:00"', '"00:00", "24:00"')
    plan = parse_plan(text)
    ws = plan.windows("registration", datetime(2017, 8, 1), datetime(2017, 8, 5))
    # 08-01 (Tue) to 08-04 (Fri), 00:00-24:00 each: one window 08-01 00:00 .. 08-05 00:00.
    assert [(w.start, w.end) for w in ws] == [(datetime(2017, 8, 1, tzinfo=JST), datetime(2017, 8, 5, tzinfo=JST))]


def test_embedded_plan_round_trips_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "copy.toml"
    path.write_text(JULY_TEXT, encoding="utf-8")
    plan = load_plan(path)
    assert plan.allows("code_acquisition", datetime(2017, 7, 15, 10))
    assert plan.source == str(path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("format = 1", "format = 2", r": format: expected 1"),
        ('timezone = "Asia/Tokyo"', 'timezone = "Asia/Tokio"', r": timezone: expected an IANA time zone"),
        (
            "last_day = 2017-07-02\nmode",
            "last_day = 2017-07-03\nmode",
            r": period\[1\]\.first_day: expected 2017-07-04",
        ),
        ('mode = "test"', 'mode = "testing"', r": period\[1\]\.mode: expected one of 'planned_stop', 'test', 'normal'"),
        ('hours = ["08:00", "24:00"]', 'hours = ["08:00", "25:00"]', r": rule\[3\]\.hours\[1\]: expected 'HH:MM'"),
        ('hours = ["08:00", "24:00"]', 'hours = ["08:00"]', r": rule\[3\]\.hours: expected \[start, end\]"),
        (
            'during = "linkage_suppression"',
            'during = "suppression"',
            r": rule\[9\]\.during: expected a milestone id \(advice_deadline, ",
        ),
        ('subject = "linkage_test"', 'subject = "linkage_tests"', r": rule\[13\]\.subject: expected one of"),
        ('id = "linkage_start"', 'id = "master_data"', r": milestone\[7\]\.id: expected a unique id"),
        (
            "first_day = 2017-07-18\nlast_day = 2017-07-18",
            "last_day = 2017-07-18",
            r": milestone\[7\]\.first_day: missing; expected a date such as 2017-07-01",
        ),
        (
            "first_day = 2017-07-01\nlast_day = 2017-07-31",
            "first_day = 2017-07-01T00:00:00\nlast_day = 2017-07-31",
            r": coverage\.first_day: expected a date such as 2017-07-01, got 2017-07-01T00:00:00$",
        ),
        (
            'days = "rest_day"',
            'days = "weekend"',
            r": rule\[1\]\.days: expected 'weekday' or 'rest_day', got 'weekend'",
        ),
        ('holidays = "JP"', 'holidays = "XX"', r": holidays: expected a country code"),
        # a misspelt key must not silently close a window (hours -> hour)
        (
            'hours = ["08:00", "24:00"]',
            'hour = ["08:00", "24:00"]',
            r": rule\[3\]\.hour: unknown key; expected one of subject, modes",
        ),
        (
            "last_day = 2017-07-31\n",
            "last_day = 2017-07-31\nfoo = 1\n",
            r": coverage\.foo: unknown key; expected one of first_day, last_day",
        ),
        ("format = 1\n", 'format = 1\nnmae = "x"\n', r": nmae: unknown key; expected one of format, id"),
        ('en = "Municipal middle server, July 2017"', 'en = " "', r": en: expected a non-empty string"),
        (
            "first_day = 2017-07-15\nlast_day = 2017-07-17",
            "first_day = 2017-08-15\nlast_day = 2017-08-17",
            r": rule\[6\]: its days 2017-08-15\.\.2017-08-17 lie outside the coverage 2017-07-01\.\.2017-07-31",
        ),
    ],
)
def test_malformed_files_name_the_file_and_the_key(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in JULY_TEXT
    path = tmp_path / "bad.toml"
    path.write_text(JULY_TEXT.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PlanFileError, match=str(path).replace("\\", "\\\\") + message):
        load_plan(path)


def test_a_day_no_rule_decides_is_an_error() -> None:
    # Rest days are closed only on 08-06 here: 08-11 (山の日, Mountain Day) is the first rest day left undecided.
    text = AUGUST + RULES.replace(
        'days = "rest_day"\nclause = "H"\nen = "closed on rest days"',
        'days = "rest_day"\nfirst_day = 2017-08-06\nlast_day = 2017-08-06\nclause = "H"\nen = "closed on rest days"',
    )
    with pytest.raises(
        PlanFileError, match=r"<string>: rule: no rule decides 'server' on 2017-08-11 \(normal, rest_day\)"
    ):
        parse_plan(text)


def test_a_zone_with_daylight_saving_inside_the_coverage_is_refused() -> None:
    # America/New_York moves to daylight saving on 2017-03-12: 02:30 that day does not exist.
    text = (AUGUST + RULES).replace('timezone = "Asia/Tokyo"', 'timezone = "America/New_York"', 1)
    text = text.replace("2017-08-", "2017-03-")
    text = text.replace('holidays = "JP"', 'holidays = "US"', 1)
    with pytest.raises(
        PlanFileError,
        match=r"<string>: timezone: expected a zone with one UTC offset over the coverage .*America/New_York changes its offset",
    ):
        parse_plan(text)
    # The same zone in August keeps one offset (EDT) and is accepted.
    plan = parse_plan((AUGUST + RULES).replace('timezone = "Asia/Tokyo"', 'timezone = "America/New_York"', 1))
    assert plan.windows("linkage")[0].start.isoformat() == "2017-08-01T08:00:00-04:00"


def test_unreadable_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match=r"missing\.toml: cannot read the file"):
        load_plan(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("format = ", encoding="utf-8")
    with pytest.raises(PlanFileError, match=r"bad\.toml: not valid TOML"):
        load_plan(bad)
    bad.write_bytes(b"\xff\xfe format = 1")
    with pytest.raises(PlanFileError, match=r"bad\.toml: not UTF-8 text"):
        load_plan(bad)


def test_a_toml_time_in_place_of_a_clock_text_is_shown_as_the_file_writes_it(tmp_path: Path) -> None:
    # hours = [08:00:00, 21:00:00] are TOML local times, not the 'HH:MM' texts a plan file takes.
    text = JULY_TEXT.replace('hours = ["08:00", "21:00"]', "hours = [08:00:00, 21:00:00]", 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, "utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_plan(bad)
    assert str(caught.value).endswith("got 08:00:00")
    assert "datetime" not in str(caught.value)
