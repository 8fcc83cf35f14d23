"""The answer in Python (issue 13): string enums that print their value, ``in`` that refuses a
date, JSON-ready windows and decisions, and 想定 where the notice writes it.  Expected values by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from chukan_schedule import JULY_2017, DayType, InvalidTimestampError, Mode, Operation, parse_plan
from chukan_schedule.cli import main

JST = timezone(timedelta(hours=9))


# ---- string enums ----


@pytest.mark.parametrize(
    ("member", "value"),
    [
        (Mode.NORMAL, "normal"),
        (Mode.PLANNED_STOP, "planned_stop"),
        (Operation.LINKAGE, "linkage"),
        (Operation.CODE_ACQUISITION, "code_acquisition"),
        (DayType.REST_DAY, "rest_day"),
    ],
)
def test_str_and_format_give_the_value(member: Mode | Operation | DayType, value: str) -> None:
    assert str(member) == value
    assert f"{member}" == value
    assert "{}".format(member) == value  # noqa: UP032 - str.format too
    assert f"{member:>14}" == value.rjust(14)
    assert "%s" % member == value  # noqa: UP031 - the old form too
    assert member == value  # still a str


def test_repr_names_the_member() -> None:
    assert repr(Mode.NORMAL) == "<Mode.NORMAL: 'normal'>"


# ---- ts in window ----


def test_a_date_in_a_window_raises_like_allows() -> None:
    w = JULY_2017.window_at("registration", datetime(2017, 7, 13, 12))
    assert w is not None
    with pytest.raises(InvalidTimestampError) as in_window:
        _ = date(2017, 7, 13) in w
    with pytest.raises(InvalidTimestampError) as allows:
        JULY_2017.allows("registration", date(2017, 7, 13))  # type: ignore[arg-type]
    assert isinstance(in_window.value, TypeError)
    assert str(in_window.value) == str(allows.value)
    assert str(in_window.value) == (
        "ts must be a datetime.datetime (naive = JST wall clock, or aware in any zone), got date "
        "datetime.date(2017, 7, 13); a date is a whole day, not an instant: use datetime.combine(d, time(...))"
    )
    for bad in (None, 1500000000, "2017-07-13T12:00"):
        with pytest.raises(TypeError):
            _ = bad in w
    assert datetime(2017, 7, 13, 12) in w  # a datetime still answers


# ---- JSON-ready forms ----


def test_window_to_json_by_hand() -> None:
    w = JULY_2017.window_at("code_acquisition", datetime(2017, 7, 16, 12))
    assert w is not None
    assert w.to_json() == {"start": "2017-07-16T09:00:00+09:00", "end": "2017-07-16T17:00:00+09:00", "clauses": ["N6"]}
    # A merged window names every clause behind it: registration from 07-13 08:00 to 24:00.
    w = JULY_2017.window_at("registration", datetime(2017, 7, 13, 23))
    assert w is not None
    assert w.to_json() == {"start": "2017-07-13T08:00:00+09:00", "end": "2017-07-14T00:00:00+09:00", "clauses": ["H"]}


def test_decision_to_json_by_hand() -> None:
    d = JULY_2017.check("code_acquisition", datetime(2017, 7, 13, 21, 0))
    got = d.to_json()
    assert got == {
        "allowed": False,
        "window": None,
        "next_window": {"start": "2017-07-14T08:00:00+09:00", "end": "2017-07-14T21:00:00+09:00", "clauses": ["H"]},
        "reasons": [
            {
                "clause": "N6",
                "en": "2017-07-13: Normal mode: differential registration and code acquisition period",
                "ja": "2017年7月13日：通常：差分副本登録・符号取得期間",
            },
            {
                "clause": "H",
                "en": "Code acquisition runs 08:00-21:00 on weekdays",
                "ja": "符号取得は平日8時から21時まで可能です",
            },
            {
                "clause": "H",
                "en": "21:00:00 is outside the day's hours for code acquisition (08:00-21:00)",
                "ja": "21:00は符号取得の時間外です（この日は8:00～21:00）",
            },
        ],
    }
    assert json.loads(json.dumps(got)) == got  # JSON-ready as it is


def test_decision_to_json_is_what_check_json_prints(capsys: pytest.CaptureFixture[str]) -> None:
    # An aware instant in UTC: the library answers in JST, like the command.
    at = datetime(2017, 7, 18, 0, 0, tzinfo=timezone.utc)  # 09:00 JST
    for op in Operation:
        main(["check", "2017-07-18T00:00Z", "-o", op.value, "--json"])
        printed = json.loads(capsys.readouterr().out)["operations"][op.value]
        assert printed == JULY_2017.check(op, at).to_json()
    d = JULY_2017.check("linkage", at)
    assert d.to_json()["window"] == {
        "start": "2017-07-18T08:00:00+09:00",
        "end": "2017-07-18T21:00:00+09:00",
        "clauses": ["T"],
    }


# ---- 想定 exactly where the notice writes it ----


def test_suppression_end_only_is_expected() -> None:
    # N5: 平成29年7月8日から17日(想定)までの間 ... 抑止: only 17日 is 想定.
    m = JULY_2017.milestone("linkage_suppression")
    assert (m.expected, m.end_expected) == (False, True)
    assert [d for d in range(8, 18) if m.expected_on(date(2017, 7, d))] == [17]
    rule = JULY_2017.day(date(2017, 7, 13)).operations[Operation.LINKAGE].rule
    assert rule is not None and rule.clause == "N5"
    assert (rule.expected, rule.end_expected) == (False, True)
    assert [d for d in range(13, 18) if rule.expected_on(date(2017, 7, d))] == [17]
    assert JULY_2017.milestone("linkage_start").expected is True  # 7月18日から運用を開始することを想定


def test_texts_mark_the_end_as_expected() -> None:
    m = JULY_2017.milestone("linkage_suppression")
    assert (m.en, m.ja) == (
        "Linkage suppressed (end on 07-17 expected)",
        "情報連携抑止（終了日の17日は想定）",
    )
    d = JULY_2017.check("linkage", datetime(2017, 7, 14, 10))
    assert d.reasons[1].en == "Production linkage is suppressed from 07-08 to 07-17 (the end, 07-17, expected)"
    assert d.reasons[1].ja == "7月8日から17日（想定）までは本番の情報連携が抑止されます"


def test_table_json_marks_only_the_17th(capsys: pytest.CaptureFixture[str]) -> None:
    main(["table", "--json"])
    days = json.loads(capsys.readouterr().out)["days"]
    marked = [d["date"] for d in days if d["operations"]["linkage"]["expected"]]
    # 07-17 (N5's expected end) and from 07-18 the linkage rules of T (the start is 想定).
    assert marked[0] == "2017-07-17"
    assert marked[1:] == [f"2017-07-{n}" for n in range(18, 32)]


_PLAN = """
format = 1
id = "x"
en = "X"
ja = "X"
timezone = "Asia/Tokyo"
holidays = "JP"
[coverage]
first_day = 2017-08-01
last_day = 2017-08-10
[[period]]
first_day = 2017-08-01
last_day = 2017-08-10
mode = "normal"
clause = "T"
en = "N"
ja = "N"
[[milestone]]
id = "hold"
first_day = 2017-08-02
last_day = 2017-08-04
clause = "X"
en = "hold"
ja = "hold"
{milestone_extra}
[[rule]]
subject = "linkage"
modes = ["normal"]
{rule_extra}
clause = "X"
en = "no"
ja = "no"
[[rule]]
subject = "linkage"
modes = ["normal"]
hours = ["08:00", "21:00"]
clause = "T"
en = "yes"
ja = "yes"
""" + "".join(
    f'[[rule]]\nsubject = "{subject}"\nmodes = ["normal"]\nclause = "T"\nen = "closed"\nja = "closed"\n'
    for subject in ("server", "registration", "code_acquisition", "linkage_test")
)


def _rule(milestone_extra: str, rule_extra: str) -> tuple[bool, bool, date | None]:
    plan = parse_plan(_PLAN.format(milestone_extra=milestone_extra, rule_extra=rule_extra))
    rule = plan.day(date(2017, 8, 3)).operations[Operation.LINKAGE].rule
    assert rule is not None
    return rule.expected, rule.end_expected, rule.last_day


def test_plan_file_expected_end() -> None:
    assert _rule("", 'during = "hold"') == (False, False, date(2017, 8, 4))  # the default: firm
    assert _rule('expected = "end"', 'during = "hold"') == (False, True, date(2017, 8, 4))  # from the milestone
    assert _rule('expected = "end"', 'during = "hold"\nexpected = false') == (False, False, date(2017, 8, 4))
    assert _rule('expected = "end"', 'during = "hold"\nexpected = true') == (True, False, date(2017, 8, 4))
    assert _rule("", 'first_day = 2017-08-02\nlast_day = 2017-08-04\nexpected = "end"') == (
        False,
        True,
        date(2017, 8, 4),
    )
    plan = parse_plan(_PLAN.format(milestone_extra="expected = true", rule_extra='during = "hold"'))
    assert (plan.milestone("hold").expected, plan.milestone("hold").end_expected) == (True, False)
    assert _rule("expected = true", 'during = "hold"') == (False, False, date(2017, 8, 4))  # only an "end" is taken


@pytest.mark.parametrize(
    ("milestone_extra", "rule_extra", "message"),
    [
        (
            "",
            'days = "weekday"\nexpected = "end"',
            'rule[0].expected: expected "end" only on a rule with a last day (last_day or during)',
        ),
        (
            "",
            'during = "hold"\nexpected = "yes"',
            "rule[0].expected: expected true, false or \"end\" (only its end is expected), got 'yes'",
        ),
        (
            "expected = 1",
            'during = "hold"',
            'milestone[0].expected: expected true, false or "end" (only its end is expected), got 1',
        ),
    ],
)
def test_plan_file_expected_errors(milestone_extra: str, rule_extra: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_plan(_PLAN.format(milestone_extra=milestone_extra, rule_extra=rule_extra))
    assert str(caught.value) == f"<string>: {message}"
