"""chukan-schedule: the municipal middle server's (自治体中間サーバー) July 2017 plan as data,
and exact answers about it: at this instant, may I do X; if not, why not, and when next?

>>> from datetime import datetime
>>> from chukan_schedule import JULY_2017
>>> JULY_2017.allows("code_acquisition", datetime(2017, 7, 15, 10, 0))
True
"""

from __future__ import annotations

from .engine import Plan
from .errors import (
    InvalidTimestampError,
    OutsidePlanError,
    PlanFileError,
    TimestampFormatError,
    UnknownOperationError,
)
from .model import DayPlan, DayType, Decision, Milestone, Mode, Operation, Period, Reason, Window
from .opendays import (
    is_open_day,
    municipality_report_deadline,
    next_open_day,
    prefecture_forward_deadline,
    prefecture_report_deadline,
)
from .planfile import load_embedded_plan, load_plan, parse_plan
from .timeinput import parse_timestamp

#: The embedded plan: the middle server in July 2017, as the notices of June 2017 say.
JULY_2017: Plan = load_embedded_plan()

__all__ = [
    "JULY_2017",
    "DayPlan",
    "DayType",
    "Decision",
    "InvalidTimestampError",
    "Milestone",
    "Mode",
    "Operation",
    "OutsidePlanError",
    "Period",
    "Plan",
    "PlanFileError",
    "Reason",
    "TimestampFormatError",
    "UnknownOperationError",
    "Window",
    "is_open_day",
    "load_plan",
    "municipality_report_deadline",
    "next_open_day",
    "parse_plan",
    "parse_timestamp",
    "prefecture_forward_deadline",
    "prefecture_report_deadline",
]
