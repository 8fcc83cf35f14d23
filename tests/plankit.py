"""Small whole plans for the tests that build plan files (importable as ``plankit``: pyproject's pytest ``pythonpath``)."""

from __future__ import annotations

# The smallest whole plan: one period, one milestone, one rule, over FIRST..LAST.
TEMPLATE = """format = 1
id = "p"
en = "A plan"
ja = "計画"
timezone = "Asia/Tokyo"
holidays = "JP"

[coverage]
first_day = FIRST
last_day = LAST

[[period]]
first_day = FIRST
last_day = LAST
mode = "normal"
clause = "T"
en = "Normal"
ja = "通常"

[[milestone]]
id = "m"
first_day = FIRST
last_day = FIRST
clause = "T"
en = "Start"
ja = "開始"

""" + "".join(
    f"""
[[rule]]
subject = "{subject}"
modes = ["normal"]
hours = ["08:00", "21:00"]
clause = "H"
en = "open"
ja = "開く"
"""
    for subject in ("server", "registration", "code_acquisition", "linkage", "linkage_test")
)


def covering(first: str, last: str) -> str:
    return TEMPLATE.replace("FIRST", first).replace("LAST", last)


SMALL = covering("2017-08-01", "2017-08-01")
