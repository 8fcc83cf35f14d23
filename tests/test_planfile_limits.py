"""Plan files from elsewhere: bounded work, and a PlanFileError naming the file and the key for every bad value.

Each case here was once an internal error, a hang or gigabytes of memory (issue 8).
"""

from __future__ import annotations

import os
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from chukan_schedule import JULY_2017, InvalidTimestampError, Operation, OutsidePlanError, PlanFileError, load_plan
from chukan_schedule.planfile import parse_plan
from plankit import SMALL, covering


def plan_with(old: str, new: str) -> str:
    assert old in SMALL
    return SMALL.replace(old, new, 1)


def refused(text: str, tmp_path: Path) -> PlanFileError:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert info.value.source == str(path)
    return info.value


def test_the_small_plan_itself_loads(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(SMALL, encoding="utf-8")
    plan = load_plan(path)
    assert plan.is_operating(datetime(2017, 8, 1, 8, 0))
    assert not plan.is_operating(datetime(2017, 8, 1, 21, 0))


# ---- the file itself ----


def test_a_folder_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="it is a folder, not a regular file") as info:
        load_plan(tmp_path)
    assert "フォルダー" in info.value.message.text("ja")


def test_dev_zero_is_refused_without_reading_it() -> None:
    started = time.monotonic()
    with pytest.raises(PlanFileError, match="a pipe or a device, not a regular file"):
        load_plan("/dev/zero")
    assert time.monotonic() - started < 5  # not read until memory runs out


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def load() -> None:
        try:
            load_plan(fifo)
        except BaseException as exc:
            outcome.append(exc)

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "load_plan waited for a writer on the FIFO"
    assert len(outcome) == 1 and isinstance(outcome[0], PlanFileError)
    assert "a pipe or a device" in str(outcome[0])


def test_a_file_over_one_mib_is_refused_before_parsing(tmp_path: Path) -> None:
    # Valid TOML padded with a comment to 1 MiB + 1 byte: refused by its size alone.
    text = SMALL + "#" + "x" * ((1 << 20) - len(SMALL.encode("utf-8")) - 2) + "\n"
    big = text + "#"
    assert len(big.encode("utf-8")) > 1 << 20
    error = refused(big, tmp_path)
    assert f"({len(big.encode('utf-8'))} bytes)" in str(error)
    assert "at most 1048576 bytes (1 MiB)" in str(error)
    assert "1048576バイト（1 MiB）まで" in error.message.text("ja")


def test_a_file_of_exactly_one_mib_is_read(tmp_path: Path) -> None:
    padding = (1 << 20) - len(SMALL.encode("utf-8")) - 2
    text = SMALL + "#" + "x" * padding + "\n"
    assert len(text.encode("utf-8")) == 1 << 20
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    assert load_plan(path).id == "p"


def test_missing_and_nul_names_are_plan_file_errors(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="No such file"):
        load_plan(tmp_path / "missing.toml")
    with pytest.raises(PlanFileError, match="null"):
        load_plan("plan\0.toml")
    with pytest.raises(PlanFileError, match="File name too long"):
        load_plan("x" * 5000)


# ---- what would blow up the TOML parser ----


def test_a_long_dotted_key_chain_is_refused_before_parsing(tmp_path: Path) -> None:
    # 20,000 parts: tomllib would need gigabytes for it (its cost grows with the square).
    text = SMALL + "a" + ".a" * 20_000 + " = 1\n"
    started = time.monotonic()
    error = refused(text, tmp_path)
    assert time.monotonic() - started < 5
    assert error.key == f"line {SMALL.count(chr(10)) + 1}"
    assert "more than 8 parts" in str(error)


def test_a_long_table_name_is_refused_too(tmp_path: Path) -> None:
    error = refused(SMALL + "[x" + ".y" * 8 + "]\n", tmp_path)
    assert "dotted key or table name of more than 8 parts" in str(error)


def test_eight_parts_pass_the_prescan(tmp_path: Path) -> None:
    # Eight parts are not refused by the limit; the reader then names the unknown key.
    error = refused(SMALL + "x" + ".y" * 7 + " = 1\n", tmp_path)
    assert error.key == "rule[4].x"  # the last [[rule]] table holds it
    assert "unknown key" in str(error)


def test_dots_in_strings_comments_and_values_are_not_key_parts(tmp_path: Path) -> None:
    dotted = "a.b.c.d.e.f.g.h.i.j"
    text = plan_with('en = "A plan"', f'en = "{dotted}" # {dotted}').replace(
        'clause = "H"', f"clause = '''{dotted}'''", 1
    )
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    assert plan.title("en").startswith(dotted)


@pytest.mark.parametrize("opening,closing", [("[", "]"), ("{a=", "}")])
def test_deep_nesting_is_refused_before_parsing(tmp_path: Path, opening: str, closing: str) -> None:
    text = SMALL + "deep = " + opening * 500 + "1" + closing * 500 + "\n"
    error = refused(text, tmp_path)
    assert "nested more than 16 levels deep" in str(error)
    assert "16段を超えて" in error.message.text("ja")


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    text = plan_with('ja = "計画"', 'ja = "' + "[" * 100 + '"')
    text = text.replace('en = "Start"', 'en = """' + "{" * 100 + '\\""""', 1)
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    assert load_plan(path).title("ja").startswith("[" * 100)


# ---- values ----


@pytest.mark.parametrize("code", ["utils", "NYSE", "HolidayBase", "XX", "jp", "country_holidays"])
def test_holidays_must_be_a_country_code(tmp_path: Path, code: str) -> None:
    error = refused(plan_with('holidays = "JP"', f'holidays = "{code}"'), tmp_path)
    assert error.key == "holidays"
    assert "expected a country code" in str(error)
    assert "国コード" in error.message.text("ja")


def test_another_country_code_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(plan_with('holidays = "JP"', 'holidays = "KR"'), encoding="utf-8")
    assert load_plan(path).data.holidays == "KR"


def test_format_true_is_not_format_1(tmp_path: Path) -> None:
    error = refused(plan_with("format = 1", "format = true"), tmp_path)
    assert error.key == "format"
    assert "expected 1 (the only format this version reads), got true" in str(error)  # as the file writes it


@pytest.mark.parametrize("hour", ["²1:00", "٠٨:00", "０８:00", "08:٣٠"])
def test_hours_need_ascii_digits(tmp_path: Path, hour: str) -> None:
    error = refused(plan_with('"08:00"', f'"{hour}"'), tmp_path)
    assert error.key == "rule[0].hours[0]"
    assert "expected 'HH:MM'" in str(error)


@pytest.mark.parametrize(
    "first,last,key,problem",
    [
        ("0001-01-01", "0001-01-01", "coverage.first_day", "expected a day in 1900 or later, got 0001-01-01"),
        ("9999-12-31", "9999-12-31", "coverage.first_day", "expected a day in 2199 or earlier, got 9999-12-31"),
        ("2017-08-01", "9999-12-31", "coverage.last_day", "expected a day in 2199 or earlier, got 9999-12-31"),
        ("1899-12-31", "1900-01-01", "coverage.first_day", "expected a day in 1900 or later"),
        ("2017-01-01", "3016-12-31", "coverage.last_day", "expected a day in 2199 or earlier"),
        # 2017-01-01 .. 2027-01-01: 3653 + 1 days (2020 and 2024 are leap years: 365*10 + 2 + 1 + 1)
        ("2017-01-01", "2027-01-02", "coverage.last_day", "at most 3653 days (ten years), got 3654 days"),
    ],
)
def test_coverage_is_bounded(tmp_path: Path, first: str, last: str, key: str, problem: str) -> None:
    error = refused(covering(first, last), tmp_path)
    assert error.key == key
    assert problem in str(error)


@pytest.mark.parametrize("table", ["period", "milestone"])
def test_every_day_is_within_the_years_too(tmp_path: Path, table: str) -> None:
    # A period or milestone ending on 9999-12-31: the day after it does not exist.
    start = SMALL.index(f"[[{table}]]")
    at = SMALL.index("last_day = 2017-08-01", start)
    text = SMALL[:at] + "last_day = 9999-12-31" + SMALL[at + len("last_day = 2017-08-01") :]
    error = refused(text, tmp_path)
    assert error.key == f"{table}[0].last_day"
    assert "expected a day in 2199 or earlier, got 9999-12-31" in str(error)


def test_ten_years_of_coverage_load_in_seconds() -> None:
    # 2017-01-01 .. 2026-12-31 plus the three days of 2027 that make 3653 days (2020, 2024: leap).
    last = date(2027, 1, 2) - timedelta(days=1)
    assert (last - date(2017, 1, 1)).days + 1 == 3653
    started = time.monotonic()
    plan = parse_plan(covering("2017-01-01", str(last)))
    assert time.monotonic() - started < 30
    assert plan.is_operating(datetime(2026, 12, 31, 20, 59))


@pytest.mark.parametrize("name", ["Asia", "Asia/", "/etc/passwd", "../../etc/localtime", "A" * 300, "東京"])
def test_a_zone_that_is_no_zone_is_a_plan_file_error(tmp_path: Path, name: str) -> None:
    error = refused(plan_with('timezone = "Asia/Tokyo"', f'timezone = "{name}"'), tmp_path)
    assert error.key == "timezone"
    assert "expected an IANA time zone such as 'Asia/Tokyo'" in str(error)
    assert len(str(error)) < 400  # a long name is quoted short


@pytest.mark.parametrize("char", ["\\n", "\\u001b", "\\u0000", "\\u007f", "\\u0085", "\\u2028", "\\t", "\\uFFFE"])
def test_control_characters_in_texts_are_refused(tmp_path: Path, char: str) -> None:
    error = refused(plan_with('en = "Normal"', f'en = "Nor{char}mal"'), tmp_path)
    assert error.key == "period[0].en"
    assert "without control characters" in str(error)
    assert "制御文字" in error.message.text("ja")


def test_too_many_tables_are_refused(tmp_path: Path) -> None:
    rule = SMALL[SMALL.index("[[rule]]") : SMALL.index("[[rule]]", SMALL.index("[[rule]]") + 1)]
    error = refused(SMALL + rule * 996, tmp_path)
    assert error.key == "rule"
    assert "expected at most 1000 [[rule]] tables, got 1001" in str(error)


# ---- the library's answers at the edges of datetime ----


def test_datetime_max_with_a_negative_offset_is_outside_the_plan() -> None:
    latest = datetime.max.replace(tzinfo=timezone(-timedelta(hours=23, minutes=59)))
    earliest = datetime.min.replace(tzinfo=timezone(timedelta(hours=23, minutes=59)))
    for ts in (latest, earliest):
        for ask in (
            lambda t: JULY_2017.allows(Operation.REGISTRATION, t),
            JULY_2017.is_operating,
            JULY_2017.mode_at,
            lambda t: JULY_2017.check(Operation.REGISTRATION, t),
            lambda t: JULY_2017.next_window(Operation.REGISTRATION, t),
            lambda t: JULY_2017.windows(Operation.REGISTRATION, t),
        ):
            with pytest.raises(OutsidePlanError):
                ask(ts)


def test_an_int_is_not_a_timestamp() -> None:
    with pytest.raises(InvalidTimestampError, match="got int 1500000000"):
        JULY_2017.allows(Operation.REGISTRATION, 1500000000)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        JULY_2017.check(Operation.REGISTRATION, 0)  # type: ignore[arg-type]


def test_pandas_nat_is_not_a_timestamp() -> None:
    pd = pytest.importorskip("pandas")
    for ask in (
        lambda t: JULY_2017.allows(Operation.REGISTRATION, t),
        lambda t: JULY_2017.check(Operation.REGISTRATION, t),
        JULY_2017.mode_at,
        lambda t: JULY_2017.windows(Operation.REGISTRATION, t),
    ):
        with pytest.raises(InvalidTimestampError, match="NaT"):
            ask(pd.NaT)


def test_too_many_table_headers_are_refused_before_parsing(tmp_path: Path) -> None:
    # 3,002 headers of 8 parts each: the parser would take many seconds over them.
    text = SMALL + "".join(f"[k{i}.a.a.a.a.a.a.a]\n" for i in range(3002))
    error = refused(text, tmp_path)
    # SMALL has 8 headers ([coverage], a period, a milestone, 5 rules): the 3,002nd is k2993.
    assert error.key == f"line {SMALL.count(chr(10)) + 1 + 2993}"
    assert "more than 3001 table headers" in str(error)
