"""The precompiled embedded plan (embedded_2017_07.py) is exactly what plans/2017-07.toml gives.

`import chukan_schedule` reads the July 2017 plan from generated Python source, not from the
TOML file, and takes its rest days from that source, not from the `holidays` package.  These
tests are what makes that safe: the module must be what the TOML file and `holidays` give.
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import holidays

import chukan_schedule
from chukan_schedule import JULY_2017, DayType, parse_plan
from chukan_schedule.embedded_2017_07 import DATA, REST_DAYS
from chukan_schedule.engine import holiday_names
from chukan_schedule.plancode import plan_module
from chukan_schedule.planfile import embedded_plan_data

MODULE = Path(chukan_schedule.__file__).with_name("embedded_2017_07.py")
TOML = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")


def test_the_module_is_what_the_toml_file_and_holidays_give() -> None:
    data = embedded_plan_data()
    expected = plan_module(data, holiday_names(data.holidays, data.first_day, data.last_day))
    assert MODULE.read_text(encoding="utf-8") == expected, (
        "embedded_2017_07.py is stale: python -m chukan_schedule.plancode > src/chukan_schedule/embedded_2017_07.py"
    )


def test_the_compiled_data_equals_the_parsed_toml() -> None:
    assert embedded_plan_data() == DATA
    from_toml = parse_plan(TOML, source="<embedded 2017-07.toml>")
    assert from_toml.days == JULY_2017.days
    for op in chukan_schedule.Operation:
        assert from_toml.windows(op) == JULY_2017.windows(op)


def test_the_carried_rest_days_are_the_holidays_packages() -> None:
    # The holidays package asked directly, day by day over the coverage.
    jp_en = holidays.country_holidays("JP", years=2017, language="en_US")
    jp_ja = holidays.country_holidays("JP", years=2017, language="ja")
    d, from_package = date(2017, 7, 1), {}
    while d <= date(2017, 7, 31):
        if d in jp_ja:
            from_package[d] = (jp_en[d], jp_ja[d])
        d += timedelta(days=1)
    assert from_package == REST_DAYS
    # And by hand: July 2017 has one national holiday, 海の日 on Monday 07-17 (docs/spec.md point 4).
    assert {date(2017, 7, 17): ("Marine Day", "海の日")} == REST_DAYS
    day = JULY_2017.day(date(2017, 7, 17))
    assert (day.day_type, day.holiday_en, day.holiday_ja) == (DayType.REST_DAY, "Marine Day", "海の日")
