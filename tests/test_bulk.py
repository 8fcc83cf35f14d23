"""Plan.allows_many: the hand-worked answers of tests/answers/july_2017.csv, and agreement with allows().

Speed is not tested here (bench/bench_bulk.py measures it).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from chukan_schedule import JULY_2017, InvalidTimestampError, Operation, OutsidePlanError, UnknownOperationError

np = pytest.importorskip("numpy")

JST = ZoneInfo("Asia/Tokyo")
ANSWERS = Path(__file__).with_name("answers") / "july_2017.csv"
with ANSWERS.open(encoding="utf-8") as _f:
    ROWS = list(csv.DictReader(line for line in _f if not line.startswith("#")))
OPS = [op.value for op in Operation]


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


NAIVE = [r for r in ROWS if instant(r["at"]).tzinfo is None]
AWARE = [r for r in ROWS if instant(r["at"]).tzinfo is not None]


def expected(rows: list[dict[str, str]], op: str) -> list[bool]:
    return [r[op] == "Y" for r in rows]


@pytest.mark.parametrize("op", OPS)
def test_hand_worked_naive_instants_as_datetime64(op: str) -> None:
    values = np.array([r["at"] for r in NAIVE], dtype="datetime64[us]")
    assert JULY_2017.allows_many(op, values).tolist() == expected(NAIVE, op)


@pytest.mark.parametrize("op", OPS)
def test_hand_worked_instants_as_a_list_of_datetimes(op: str) -> None:
    values = [instant(r["at"]) for r in ROWS]
    result = JULY_2017.allows_many(op, values)
    assert result.dtype == np.bool_
    assert result.tolist() == expected(ROWS, op)


def test_a_few_instants_worked_by_hand() -> None:
    # Registration, 07-13 (Thursday, normal mode): 08:00-24:00 (H). 07-15 (Saturday): 09:00-17:00.
    values = np.array(
        [
            "2017-07-13T07:59:59.999999",  # one microsecond before the window: no
            "2017-07-13T08:00:00",  # its first instant: yes
            "2017-07-13T23:59:59.999999",  # its last: yes
            "2017-07-14T00:00:00",  # 24:00, the end, excluded: no
            "2017-07-15T16:59:59",  # Saturday, before 17:00: yes
            "2017-07-15T17:00:00",  # Saturday 17:00: no
            "2017-07-05T10:00:00",  # test mode: no registration (N6)
        ],
        dtype="datetime64[us]",
    )
    assert JULY_2017.allows_many("registration", values).tolist() == [False, True, True, False, True, False, False]
    assert JULY_2017.allows_many(Operation.REGISTRATION, values).tolist() == [
        False, True, True, False, True, False, False,
    ]  # fmt: skip


def test_units_finer_and_coarser_than_a_microsecond() -> None:
    ns = np.array(["2017-07-13T07:59:59.999999999", "2017-07-13T08:00:00.000000000"], dtype="datetime64[ns]")
    assert JULY_2017.allows_many("registration", ns).tolist() == [False, True]
    minutes = np.array(["2017-07-13T07:59", "2017-07-13T08:00"], dtype="datetime64[m]")
    assert JULY_2017.allows_many("registration", minutes).tolist() == [False, True]
    seconds = np.array(["2017-07-13T20:59:59", "2017-07-13T21:00:00"], dtype="datetime64[s]")
    assert JULY_2017.allows_many("code_acquisition", seconds).tolist() == [True, False]


def test_pandas_aware_values_are_converted_and_naive_ones_are_jst() -> None:
    pd = pytest.importorskip("pandas")
    # 2017-07-12T23:00Z is 07-13 08:00 JST (registration opens); 22:59:59Z is 07:59:59 JST (closed).
    utc = pd.Series(pd.to_datetime(["2017-07-12T22:59:59Z", "2017-07-12T23:00:00Z"], utc=True))
    assert JULY_2017.allows_many("registration", utc).tolist() == [False, True]
    index = pd.DatetimeIndex(utc).tz_convert("Europe/Berlin")  # the same instants, in another zone
    assert JULY_2017.allows_many("registration", index).tolist() == [False, True]
    naive = pd.Series(pd.to_datetime(["2017-07-13 07:59:59", "2017-07-13 08:00:00"]))
    assert JULY_2017.allows_many("registration", naive).tolist() == [False, True]
    rows = pd.Series([instant(r["at"]) for r in AWARE])
    assert JULY_2017.allows_many("registration", pd.to_datetime(rows, utc=True)).tolist() == expected(
        AWARE, "registration"
    )


def test_pyarrow_timestamps_with_and_without_a_zone() -> None:
    pa = pytest.importorskip("pyarrow")
    utc = pa.array([datetime(2017, 7, 12, 22, 59, 59), datetime(2017, 7, 12, 23)], type=pa.timestamp("us", tz="UTC"))
    assert JULY_2017.allows_many("registration", utc).tolist() == [False, True]
    wall = pa.array([datetime(2017, 7, 13, 7, 59, 59), datetime(2017, 7, 13, 8)], type=pa.timestamp("ms"))
    assert JULY_2017.allows_many("registration", wall).tolist() == [False, True]
    chunked = pa.chunked_array(
        [[datetime(2017, 7, 13, 7, 59, 59)], [datetime(2017, 7, 13, 8)]], type=pa.timestamp("ns")
    )
    assert JULY_2017.allows_many("registration", chunked).tolist() == [False, True]


def test_pandas_backed_by_pyarrow_aware_and_naive() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    # 07-13 07:59:59 JST is before registration opens (08:00, H); in Tokyo, in UTC and as wall clock.
    tokyo = pd.Series(pd.to_datetime(["2017-07-13 07:59:59", "2017-07-13 08:00:00"]).tz_localize("Asia/Tokyo"))
    aware = tokyo.astype("timestamp[us, tz=Asia/Tokyo][pyarrow]")
    assert JULY_2017.allows_many("registration", aware).tolist() == [False, True]
    in_utc = tokyo.dt.tz_convert("UTC").astype("timestamp[us, tz=UTC][pyarrow]")
    assert JULY_2017.allows_many("registration", in_utc).tolist() == [False, True]
    naive = pd.Series(pd.to_datetime(["2017-07-13 07:59:59", "2017-07-13 08:00:00"])).astype("timestamp[us][pyarrow]")
    assert JULY_2017.allows_many("registration", naive).tolist() == [False, True]


def edges_and_neighbours() -> list[datetime]:
    """Every window edge of every operation, one microsecond either side, and a spread of instants."""
    out: list[datetime] = []
    one = timedelta(microseconds=1)
    for op in Operation:
        for w in JULY_2017.windows(op):
            for edge in (w.start, w.end):
                out += [
                    t for t in (edge - one, edge, edge + one) if JULY_2017.coverage_start <= t < JULY_2017.coverage_end
                ]
    start = JULY_2017.coverage_start
    out += [start + timedelta(minutes=7 * k, microseconds=k) for k in range(31 * 24 * 60 // 7)]
    return [t.replace(tzinfo=None) for t in out]


@pytest.mark.parametrize("op", OPS)
def test_agrees_with_allows_on_every_edge_and_a_spread_of_instants(op: str) -> None:
    naive = edges_and_neighbours()
    one_by_one = [JULY_2017.allows(op, t) for t in naive]
    assert JULY_2017.allows_many(op, np.array(naive, dtype="datetime64[us]")).tolist() == one_by_one
    utc = [t.replace(tzinfo=JST).astimezone(timezone.utc) for t in naive]
    assert JULY_2017.allows_many(op, utc).tolist() == one_by_one
    assert 0 < sum(one_by_one) < len(one_by_one)  # both answers occur: the comparison can fail


def test_outside_the_coverage_names_the_first_such_value_and_its_position() -> None:
    values = np.array(["2017-07-13T08:00", "2017-06-30T23:59:59.999999", "2017-08-01T00:00"], dtype="datetime64[us]")
    with pytest.raises(OutsidePlanError) as info:
        JULY_2017.allows_many("registration", values)
    assert info.value.parameter == "instants[1]"
    assert info.value.value == datetime(2017, 6, 30, 23, 59, 59, 999999, tzinfo=JST)
    assert str(info.value).startswith("instants[1]=2017-06-30T23:59:59.999999+09:00 is outside the plan's coverage")
    with pytest.raises(OutsidePlanError, match=r"^instants\[0\]=2017-08-01T00:00:00\+09:00"):
        JULY_2017.allows_many("registration", [datetime(2017, 7, 31, 15, tzinfo=timezone.utc)])


def test_missing_values_and_wrong_inputs_are_refused_precisely() -> None:
    nat = np.array(["2017-07-13T08:00", "NaT"], dtype="datetime64[us]")
    with pytest.raises(InvalidTimestampError, match=r"instants\[1\] is missing \(NaT or null\)"):
        JULY_2017.allows_many("registration", nat)
    with pytest.raises(InvalidTimestampError, match=r"instants\[1\] must be a datetime.datetime"):
        JULY_2017.allows_many("registration", [datetime(2017, 7, 13, 8), "2017-07-13T08:00"])
    with pytest.raises(InvalidTimestampError, match="instants must be a numpy datetime64 array"):
        JULY_2017.allows_many("registration", "2017-07-13T08:00")
    with pytest.raises(UnknownOperationError):
        JULY_2017.allows_many("registraton", nat[:1])
    assert JULY_2017.allows_many("registration", []).tolist() == []


def test_without_numpy_the_error_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "from datetime import datetime\n"
        "from chukan_schedule import JULY_2017\n"
        "from chukan_schedule.bulk import BulkExtraMissingError\n"
        "try:\n"
        "    JULY_2017.allows_many('registration', [datetime(2017, 7, 13, 8)])\n"
        "except ImportError as exc:\n"
        "    assert isinstance(exc, BulkExtraMissingError)\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout
    assert "pip install 'chukan-schedule[bulk]'" in out
    assert "numpy" in out


def test_the_search_gives_the_same_answers_as_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    # July 2017's edges are on whole hours, so allows_many answers from a table of hours; a plan
    # whose edges fit no table is searched edge by edge. Both must agree with allows().
    from chukan_schedule import bulk

    naive = edges_and_neighbours()
    values = np.array(naive, dtype="datetime64[us]")
    monkeypatch.setattr(bulk, "_STEPS", ())
    bulk._lookup.cache_clear()
    try:
        assert bulk._lookup(JULY_2017, Operation.REGISTRATION)[2] is None  # really the search
        assert JULY_2017.allows_many("registration", values).tolist() == [
            JULY_2017.allows("registration", t) for t in naive
        ]
    finally:
        bulk._lookup.cache_clear()
