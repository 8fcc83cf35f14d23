"""A plan as Python source: the embedded plan is compiled from its TOML file into a module.

``import chukan_schedule`` must not parse TOML nor load the ``holidays`` package (the
package loads every country to learn that July 2017 has one holiday).  The embedded plan is
therefore also kept as Python source, :mod:`chukan_schedule.embedded_2017_07`, written by
:func:`plan_module` from ``plans/2017-07.toml`` and the rest days the ``holidays`` package
gives for its coverage.  The TOML file stays the source: ``tests/test_embedded_plan.py``
regenerates the module and fails if it differs, and compares its rest days with ``holidays``.

Regenerate it after editing the TOML file::

    python -m chukan_schedule.plancode > src/chukan_schedule/embedded_2017_07.py
"""

from __future__ import annotations

import enum
from datetime import date, time

from .engine import HolidayNames, PlanData
from .value import Value
from .value import fields as value_fields

__all__ = ["plan_module"]

_HEADER = '''"""The embedded July 2017 plan, compiled from plans/2017-07.toml (GENERATED: do not edit).

Regenerate with ``python -m chukan_schedule.plancode > src/chukan_schedule/embedded_2017_07.py``;
tests/test_embedded_plan.py fails while this file differs from what the TOML file gives.
"""

# fmt: off
# ruff: noqa: E501
from datetime import date, time
from zoneinfo import ZoneInfo

from .engine import PlanData
from .model import DayType, Milestone, Mode, Period, Rule

'''


def _code(value: object) -> str:
    """Python source that rebuilds ``value`` (the types a plan holds, and nothing else)."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if value is None or isinstance(value, (bool, int, str)):
        return repr(value)
    if isinstance(value, date):
        return f"date({value.year}, {value.month}, {value.day})"
    if isinstance(value, time):
        return f"time({value.hour}, {value.minute})"
    if isinstance(value, tuple):
        items = ", ".join(_code(v) for v in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    if isinstance(value, frozenset):
        ordered = sorted(value, key=lambda v: getattr(v, "value", v))
        return f"frozenset({{{', '.join(_code(v) for v in ordered)}}})"
    if isinstance(value, Value):
        fields = ", ".join(f"{name}={_code(getattr(value, name))}" for name in value_fields(type(value)))
        return f"{type(value).__name__}({fields})"
    raise TypeError(f"a plan holds no {type(value).__name__} ({value!r})")


def plan_module(data: PlanData, rest_days: HolidayNames) -> str:
    """The source of a module defining ``DATA`` (``data``) and ``REST_DAYS`` (``rest_days``)."""
    lines = [_HEADER.rstrip("\n"), "", "DATA = PlanData("]
    for name in value_fields(PlanData):
        value = getattr(data, name)
        if name == "tz":
            lines.append(f"    tz=ZoneInfo({value.key!r}),")
        elif isinstance(value, tuple) and value and isinstance(value[0], Value):
            lines.append(f"    {name}=(")
            lines += [f"        {_code(v)}," for v in value]
            lines.append("    ),")
        else:
            lines.append(f"    {name}={_code(value)},")
    lines.append(")")
    lines.append("")
    lines.append("#: The national holidays of the coverage (from the holidays package): day -> (English, Japanese).")
    lines.append("REST_DAYS = {")
    lines += [f"    {_code(d)}: ({en!r}, {ja!r})," for d, (en, ja) in sorted(rest_days.items())]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _main() -> None:  # pragma: no cover - exercised by tests/test_embedded_plan.py through plan_module
    from .engine import holiday_names
    from .planfile import EMBEDDED_PLAN, embedded_plan_data

    data = embedded_plan_data(EMBEDDED_PLAN)
    print(plan_module(data, holiday_names(data.holidays, data.first_day, data.last_day, data.source)), end="")


if __name__ == "__main__":
    _main()
