"""``diff``: what changed between two plans, worked out by hand for two corrections of the July 2017 plan."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017, Mode, Operation, parse_plan
from chukan_schedule.cli import main
from chukan_schedule.diff import ModeChange, WindowChange, compare

JULY_TEXT = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")
JST = timezone(timedelta(hours=9))


def jst(day: int, hour: int) -> datetime:
    return datetime(2017, 7, day, hour, tzinfo=JST)


def edit(*pairs: tuple[str, str]) -> str:
    text = JULY_TEXT.replace("format = 1\n", "format = 1\nrevision = 1\n", 1)
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


#: Weekday linkage from 09:00 instead of 08:00.
LATER_LINKAGE = edit(
    ('hours = ["08:00", "21:00"]           # T "18日', 'hours = ["09:00", "21:00"]           # T "18日')
)
#: Linkage starts a day later: the suppression (N5) until 07-18, the milestone on 07-19; the test week
#: (07-03..07) in normal mode instead of test mode.
LATER_START = edit(
    (
        'id = "linkage_suppression"\nfirst_day = 2017-07-08\nlast_day = 2017-07-17',
        'id = "linkage_suppression"\nfirst_day = 2017-07-08\nlast_day = 2017-07-18',
    ),
    (
        'id = "linkage_start"\nfirst_day = 2017-07-18\nlast_day = 2017-07-18',
        'id = "linkage_start"\nfirst_day = 2017-07-19\nlast_day = 2017-07-19',
    ),
    (
        'first_day = 2017-07-03\nlast_day = 2017-07-07\nmode = "test"',
        'first_day = 2017-07-03\nlast_day = 2017-07-07\nmode = "normal"',
    ),
)


def test_same_plan_no_change() -> None:
    changes = compare(JULY_2017, JULY_2017)
    assert not changes and len(changes) == 0
    assert changes.lines("en") == ["Plan 2017-07 (revision 0) → 2017-07 (revision 0): 0 change(s)", "No changes."]
    assert changes.lines("ja")[1] == "変更はありません。"


def test_weekday_linkage_moved() -> None:
    changes = compare(JULY_2017, parse_plan(LATER_LINKAGE))
    # T: linkage weekdays from 07-18: 18, 19, 20, 21, 24..28, 31 (ten days); rest days keep 09:00-17:00.
    days = (18, 19, 20, 21, 24, 25, 26, 27, 28, 31)
    assert changes.windows == tuple(
        WindowChange(date(2017, 7, d), Operation.LINKAGE, "moved", (jst(d, 8), jst(d, 21)), (jst(d, 9), jst(d, 21)))
        for d in days
    )
    assert changes.modes == () and changes.milestones == ()
    assert changes.lines("en")[:2] == [
        "Plan 2017-07 (revision 0) → 2017-07 (revision 1): 10 change(s)",
        "Tue 18 Jul, linkage: moved from 08:00-21:00 to 09:00-21:00",
    ]
    assert changes.lines("ja")[:2] == [
        "計画 2017-07（改訂 0）→ 2017-07（改訂 1）：変更 10 件",
        "7月18日（火）の情報連携：8:00～21:00 から 9:00～21:00 に変更",
    ]


def test_later_start_mode_windows_and_milestones() -> None:
    changes = compare(JULY_2017, parse_plan(LATER_START))
    assert changes.modes == (ModeChange(date(2017, 7, 3), date(2017, 7, 7), Mode.TEST, Mode.NORMAL),)
    by_kind = {(w.day.day, w.operation.value): (w.change, w.old, w.new) for w in changes.windows}
    # 07-03..07 in normal mode (weekdays): H opens registration 08:00-24:00 and code acquisition
    # 08:00-21:00; linkage 08:00-21:00 (T's normal weekday rule; N5 holds from 07-08 only); linkage
    # tests (N2) are gone.  07-18: suppressed (N5), so linkage is removed there.
    for d in range(3, 8):
        assert by_kind[(d, "registration")] == ("opened", None, (jst(d, 8), jst(d + 1, 0)))
        assert by_kind[(d, "code_acquisition")] == ("opened", None, (jst(d, 8), jst(d, 21)))
        assert by_kind[(d, "linkage")] == ("opened", None, (jst(d, 8), jst(d, 21)))
        assert by_kind[(d, "linkage_test")] == ("removed", (jst(d, 8), jst(d, 21)), None)
    assert by_kind[(18, "linkage")] == ("removed", (jst(18, 8), jst(18, 21)), None)
    assert len(changes.windows) == 21
    assert [(c.id, c.change) for c in changes.milestones] == [
        ("linkage_suppression", "moved"),
        ("linkage_start", "moved"),
    ]
    en = changes.lines("en")
    assert "Mon 3 Jul–Fri 7 Jul: mode test mode → normal mode" in en
    assert "Mon 3 Jul, linkage test: removed 08:00-21:00 (no longer possible)" in en
    assert "Mon 3 Jul, registration: opened 08:00-24:00" in en
    title = JULY_2017.milestone("linkage_start").en  # the plan's words (data), whatever they become
    assert f"Milestone {title}: moved from Tue 18 Jul to Wed 19 Jul" in en
    ja = changes.lines("ja")
    assert "7月3日（月）～7月7日（金）：稼働モード テスト（総合運用テスト実行モード） → 通常（通常実行モード）" in ja
    assert "7月18日（火）の情報連携：8:00～21:00 は不可に（取りやめ）" in ja
    assert "7月3日（月）の副本登録：8:00～24:00 が新たに可能" in ja
    # Day by day: the mode first, then the windows in day and operation order, then the milestones.
    assert en[1].startswith("Mon 3 Jul–Fri 7 Jul") and en[2].startswith("Mon 3 Jul, registration")
    assert en[5].startswith("Mon 3 Jul, linkage test") and en[6].startswith("Tue 4 Jul, registration")


def test_json_shape() -> None:
    data = compare(JULY_2017, parse_plan(LATER_START)).to_json()
    assert data["old"] == {"id": "2017-07", "revision": 0, "source": JULY_2017.source}
    assert data["new"]["revision"] == 1
    assert data["changes"] == 1 + 21 + 2
    assert data["modes"] == [{"first_day": "2017-07-03", "last_day": "2017-07-07", "old": "test", "new": "normal"}]
    assert data["windows"][0] == {
        "day": "2017-07-03",
        "operation": "registration",
        "change": "opened",
        "old": None,
        "new": {"start": "2017-07-03T08:00:00+09:00", "end": "2017-07-04T00:00:00+09:00"},
    }
    suppression = data["milestones"][0]
    assert suppression["id"] == "linkage_suppression" and suppression["change"] == "moved"
    assert suppression["old"]["last_day"] == "2017-07-17" and suppression["new"]["last_day"] == "2017-07-18"
    assert suppression["new"]["expected"] == "end"


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    old.write_text(JULY_TEXT, encoding="utf-8")
    new.write_text(LATER_LINKAGE, encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 1  # like diff(1): 1 when something changed
    out, err = capsys.readouterr()
    assert err == "" and len(out.splitlines()) == 11
    assert main(["diff", str(old), str(new), "--json", "--lang", "ja"]) == 1
    out, _ = capsys.readouterr()
    assert json.loads(out)["windows"][9]["day"] == "2017-07-31"
    assert main(["--lang", "ja", "diff", str(old), str(old)]) == 0
    out, _ = capsys.readouterr()
    assert out == "計画 2017-07（改訂 0）→ 2017-07（改訂 0）：変更 0 件\n変更はありません。\n"
    bad = tmp_path / "bad.toml"
    bad.write_text(LATER_LINKAGE.replace("revision = 1", "revision = -1"), encoding="utf-8")
    assert main(["diff", str(old), str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "revision: expected an integer >= 0, got -1" in err


def test_compare_needs_plans() -> None:
    with pytest.raises(TypeError, match=r"new must be a chukan_schedule\.Plan, got str"):
        compare(JULY_2017, "2017-07")  # type: ignore[arg-type]


def test_a_milestone_reworded_or_no_longer_expected() -> None:
    # The linkage start confirmed: its 想定 mark dropped (words and flag); the master data milestone removed.
    master = '[[milestone]]\nid = "master_data"\nfirst_day = 2017-07-10\nlast_day = 2017-07-10\nclause = "N4"'
    start = JULY_TEXT.index(master)
    end = JULY_TEXT.index("[[milestone]]", start + 1)
    text = edit(("expected = true                      # T: 18日から", "# T: 18日から"))
    text = text.replace(JULY_TEXT[start:end], "")
    changes = compare(JULY_2017, parse_plan(text))
    assert changes.windows == () and changes.modes == ()
    assert [(c.id, c.change) for c in changes.milestones] == [("master_data", "removed"), ("linkage_start", "changed")]
    changed = changes.milestones[1]
    assert changed.old is not None and changed.new is not None
    assert (changed.old.expected, changed.new.expected) == (True, False)
    en = changes.lines("en")
    assert en[1] == f"Milestone removed: {JULY_2017.milestone('master_data').en} (Mon 10 Jul)"
    assert en[2] == f"Milestone {changed.old.en} (Tue 18 Jul): no longer expected"
    assert changes.lines("ja")[2] == f"日程「{changed.old.ja}」（7月18日（火））：想定ではなくなりました"
    data = changes.to_json()["milestones"]
    assert data[0]["new"] is None and data[0]["old"]["first_day"] == "2017-07-10"
    assert (data[1]["old"]["expected"], data[1]["new"]["expected"]) == (True, False)


def test_a_milestone_reworded() -> None:
    old = JULY_2017.milestone("linkage_start")  # its words are data; whatever they are, new ones replace them
    text = edit((f'en = "{old.en}"', 'en = "Linkage starts"'), (f'ja = "{old.ja}"', 'ja = "情報連携開始"'))
    changes = compare(JULY_2017, parse_plan(text))
    assert changes.lines("en")[1:] == [f"Milestone {old.en} (Tue 18 Jul): now “Linkage starts”"]
    assert changes.lines("ja")[1:] == [f"日程「{old.ja}」（7月18日（火））：「情報連携開始」に変更"]


def test_a_zone_change_is_said_and_named_on_the_hours() -> None:
    # The same wall clock in New York: every window is another instant (07-03 08:00 JST is
    # 07-02 19:00 EDT), so the hours read the same and must carry their zones.
    moved = parse_plan(edit(('timezone = "Asia/Tokyo"', 'timezone = "America/New_York"')))
    en = compare(JULY_2017, moved).lines("en")
    assert en[1] == "Time zone Asia/Tokyo → America/New_York: every window is another instant"
    assert "Mon 3 Jul, linkage test: moved from 08:00-21:00 JST to 08:00-21:00 EDT" in en
    ja = compare(JULY_2017, moved).lines("ja")
    assert ja[1] == "タイムゾーン Asia/Tokyo → America/New_York：すべての時間帯が別の時刻になります"
    assert "7月3日（月）の情報連携のテスト・運用確認：8:00～21:00 JST から 8:00～21:00 EDT に変更" in ja
