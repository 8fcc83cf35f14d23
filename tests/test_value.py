"""The written-out value classes (chukan_schedule.value): what @attrs.frozen gave them, kept."""

from __future__ import annotations

import copy
import pickle
import weakref
from datetime import date, datetime, timedelta, timezone

import attrs
import pytest

from chukan_schedule import JULY_2017, Operation, Window
from chukan_schedule.lang import Text
from chukan_schedule.model import Reason
from chukan_schedule.value import Value, _set, evolve, fields

JST = timezone(timedelta(hours=9))


def test_fields_follow_the_annotations_and_match_args_too() -> None:
    assert fields(Window) == ("start", "end", "operation", "clauses")
    assert Window.__match_args__ == ("start", "end", "operation", "clauses")
    w = JULY_2017.window_at("registration", datetime(2017, 7, 13, 10))
    assert w is not None
    match w:
        case Window(start, end, op, _):
            # N6/H: weekday registration 07-13 runs 08:00-24:00 JST (the window continues from 08:00).
            assert (start.hour, op) == (8, Operation.REGISTRATION)
            assert end == datetime(2017, 7, 14, 0, tzinfo=JST)
        case _:  # pragma: no cover - the match above must take
            pytest.fail("a Window did not match its own pattern")


def test_repr_is_attrs_form() -> None:
    assert repr(Reason("N1", "stop", "停止")) == "Reason(clause='N1', en='stop', ja='停止')"
    assert repr(Text("a", "あ")) == "Text(en='a', ja='あ')"


def test_equality_and_hash_are_by_fields_and_class() -> None:
    assert Text("a", "あ") == Text("a", "あ")
    assert Text("a", "あ") != Text("a", "い")
    assert Text("a", "あ") != ("a", "あ")
    assert Reason("a", "b", "c") != Text("b", "c")
    assert len({Text("a", "あ"), Text("a", "あ"), Text("b", "あ")}) == 2


def test_assignment_and_deletion_are_refused_as_attrs_refused_them() -> None:
    t = Text("a", "あ")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.en = "b"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del t.ja
    assert t.en == "a"


def test_pickle_and_copy_give_equal_values() -> None:
    day = JULY_2017.day(date(2017, 7, 15))  # a DayPlan holds a read-only mapping
    decision = JULY_2017.check("linkage", datetime(2017, 7, 18, 10))
    for value in (day, decision, JULY_2017.data):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value
    again = pickle.loads(pickle.dumps(day))
    with pytest.raises(TypeError):
        again.operations[Operation.LINKAGE] = day.server


def test_evolve_changes_only_what_it_is_told() -> None:
    t = evolve(Text("a", "あ"), ja="い")
    assert t == Text("a", "い")
    with pytest.raises(TypeError, match="Text has no field jp"):
        evolve(Text("a", "あ"), jp="い")


def test_a_slot_without_its_annotation_is_refused_at_once() -> None:
    with pytest.raises(TypeError, match="every name in __slots__ needs its annotation"):

        class Broken(Value):
            __slots__ = ("x", "y")
            x: int

            def __init__(self, x: int) -> None:
                _set(self, "x", x)


class MyReason(Reason):
    pass


class Tagged(Reason):
    __slots__ = ("tag",)
    tag: str

    def __init__(self, clause: str, en: str, ja: str, tag: str = "") -> None:
        super().__init__(clause, en, ja)
        _set(self, "tag", tag)


def test_a_subclass_keeps_its_base_fields_and_can_add_its_own() -> None:
    r = MyReason("H", "a", "b")
    assert repr(r) == "MyReason(clause='H', en='a', ja='b')"
    assert MyReason.__match_args__ == ("clause", "en", "ja")
    assert pickle.loads(pickle.dumps(r)) == r
    assert r != Reason("H", "a", "b")  # another class: not equal, as attrs compared them
    t = Tagged("H", "a", "b", "x")
    assert fields(Tagged) == ("clause", "en", "ja", "tag")
    assert repr(t) == "Tagged(clause='H', en='a', ja='b', tag='x')"
    assert evolve(t, tag="y").tag == "y"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.tag = "z"  # type: ignore[misc]


def test_a_weak_reference_may_point_at_a_value() -> None:
    decision = JULY_2017.check("linkage", datetime(2017, 7, 18, 10))
    ref = weakref.ref(decision)
    assert ref() is decision
