"""Decisions and the clauses behind them, worked out by hand from the notice."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from chukan_schedule import JULY_2017, Mode, Operation

JST = timezone(timedelta(hours=9))


def jst(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2017, 7, day, hour, minute, tzinfo=JST)


def clauses(op: str, ts: datetime) -> list[str]:
    return [r.clause for r in JULY_2017.check(op, ts).reasons]


def test_registration_refused_in_test_mode_cites_n6() -> None:
    d = JULY_2017.check("registration", jst(5, 10))
    assert not d.allowed
    assert d.mode is Mode.TEST
    assert d.window is None
    assert d.next_window is not None and (d.next_window.start, d.next_window.end) == (jst(13, 8), jst(14, 0))
    assert [r.clause for r in d.reasons] == ["N2", "N6"]
    assert "test mode" in d.reasons[1].en
    assert "副本登録" in d.reasons[1].ja


def test_codes_allowed_on_saturday_15th_cite_n6() -> None:
    d = JULY_2017.check(Operation.CODE_ACQUISITION, jst(15, 10))
    assert d.allowed
    assert d.window is not None and (d.window.start, d.window.end) == (jst(15, 9), jst(15, 17))
    assert d.next_window is not None and d.next_window.start == jst(16, 9)
    assert [r.clause for r in d.reasons] == ["N6", "N6"]
    assert "住基ネット" in d.reasons[1].ja
    assert "resident registry network" in d.reasons[1].en


def test_codes_refused_on_an_ordinary_saturday() -> None:
    d = JULY_2017.check("code_acquisition", jst(22, 10))
    assert not d.allowed
    assert [r.clause for r in d.reasons] == ["T", "N6"]
    assert d.next_window is not None and d.next_window.start == jst(24, 8)


def test_linkage_suppressed_before_the_18th_is_marked_expected() -> None:
    d = JULY_2017.check("linkage", jst(14, 10))
    assert not d.allowed
    assert [r.clause for r in d.reasons] == ["N6", "N5"]
    assert "expected" in d.reasons[1].en
    assert "想定" in d.reasons[1].ja
    assert d.next_window is not None and d.next_window.start == jst(18, 8)


def test_planned_stop_reasons() -> None:
    assert clauses("registration", jst(1, 12)) == ["N3", "N3"]
    assert clauses("linkage_test", jst(9, 12)) == ["N3", "N3"]
    assert clauses("code_acquisition", jst(11, 12)) == ["N4", "N4"]
    d = JULY_2017.check("registration", jst(10, 12))
    assert "master data" in d.reasons[0].en
    assert "計画停止" in d.reasons[1].ja


def test_outside_the_days_hours_adds_a_reason() -> None:
    d = JULY_2017.check("code_acquisition", jst(13, 21, 30))
    assert not d.allowed
    assert [r.clause for r in d.reasons] == ["N6", "H", "H"]
    assert "21:30:00" in d.reasons[2].en and "08:00-21:00" in d.reasons[2].en
    assert d.next_window is not None and d.next_window.start == jst(14, 8)


def test_registration_until_24_00_reason() -> None:
    d = JULY_2017.check("registration", jst(13, 23, 59))
    assert d.allowed
    assert [r.clause for r in d.reasons] == ["N6", "H"]
    assert "24:00" in d.reasons[1].en


def test_decision_at_is_jst_and_truthy() -> None:
    d = JULY_2017.check("registration", datetime(2017, 7, 13, 0, 30, tzinfo=timezone.utc))
    assert d.at == jst(13, 9, 30)
    assert d.at.utcoffset() == timedelta(hours=9)
    assert d.operation is Operation.REGISTRATION
    assert bool(d) is True
    assert bool(JULY_2017.check("linkage", jst(13, 9, 30))) is False


def test_reason_text_by_language() -> None:
    r = JULY_2017.check("registration", jst(5, 10)).reasons[1]
    assert r.text("ja") == r.ja
    assert r.text("en") == r.en


def test_linkage_from_the_18th_is_marked_expected() -> None:
    # 平成29年7月18日から運用を開始することを想定しており: the start itself is expected (想定), not final.
    d = JULY_2017.check("linkage", jst(18, 10))
    assert d.allowed
    assert [r.clause for r in d.reasons] == ["T", "T"]
    assert "expected" in d.reasons[1].en and "想定" in d.reasons[1].ja
    assert JULY_2017.day(date(2017, 7, 18)).operations[Operation.LINKAGE].rule.expected  # type: ignore[union-attr]
