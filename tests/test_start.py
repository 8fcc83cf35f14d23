"""Start time: what `import chukan_schedule` and `chukan-schedule check` load (not how long they take).

Issue 12: the command line answers `check` from the embedded plan without the `holidays`
package, a TOML parser, importlib.metadata (the version is looked up only for --version), or
the libraries of the commands that are not run (icalendar, openpyxl, numpy).  Each case runs in
a fresh interpreter and reads its `sys.modules`; speed itself is measured by bench/bench_start.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: What only writing a file (``--output``) needs (loaded when a command writes one), and what
#: ``check`` does without: shutil (argparse's help width: read from the terminal directly),
#: calendar (the days of a month), pathlib, string (the catalog checks its templates with it).
WRITING_ONLY = (
    "chukan_schedule.atomic",
    "tempfile",
    "signal",
    "chukan_schedule.audit",
    "shutil",
    "calendar",
    "pathlib",
)
#: attrs too: the value classes an answer is made of are written out (chukan_schedule.value), as
#: attrs' import alone costs about 3x a bare start; the chart, diff and progress keep attrs classes.
NOT_AT_START = (
    "holidays", "icalendar", "openpyxl", "numpy", "pandas", "tomllib", "tomli", "importlib.metadata", "attrs", "attr",
)  # fmt: skip


def loaded_after(code: str) -> set[str]:
    """The modules loaded after running ``code`` in a fresh interpreter."""
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    return set(json.loads(out.stdout.splitlines()[-1]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in NOT_AT_START or m in NOT_AT_START)


def test_the_package_imports_none_of_the_heavy_libraries() -> None:
    modules = loaded_after("import chukan_schedule")
    assert "chukan_schedule" in modules and "chukan_schedule.embedded_2017_07" in modules
    assert heavy(modules) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "2017-07-15T10:00"],
        ["check", "2017-07-15T10:00", "--json"],
        ["check", "2017年7月15日 10時", "-o", "registration", "--lang", "ja"],
    ],
)
def test_check_answers_without_the_heavy_libraries(argv: list[str]) -> None:
    code = (
        "import contextlib, io\n"
        "from chukan_schedule.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main({argv!r})\n"
        "assert status == 0, (status, out.getvalue())\n"
        "assert '2017-07-15' in out.getvalue() or '2017年7月15日' in out.getvalue(), out.getvalue()\n"
    )
    modules = loaded_after(code)
    assert "chukan_schedule.cli.cmd_check" in modules
    assert heavy(modules) == []
    # Nor the other subcommands' modules, nor what only writing a file needs (--output).
    others = {"audit", "chart", "diff", "ics", "next", "progress", "table", "windows"}
    assert sorted(m for m in modules if m.rpartition(".cmd_")[2] in others) == []
    assert sorted(m for m in modules if m in WRITING_ONLY) == []


def test_a_plan_file_still_brings_its_parser_and_holidays() -> None:
    # The other side: the heavy libraries are there when a command needs them (here, --plan FILE).
    code = (
        "from importlib import resources\n"
        "from chukan_schedule import parse_plan\n"
        "parse_plan(resources.files('chukan_schedule').joinpath('plans', '2017-07.toml').read_text('utf-8'))\n"
    )
    modules = loaded_after(code)
    assert "holidays" in modules
    assert "tomllib" in modules or "tomli" in modules


def test_version_is_still_printed() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "chukan_schedule", "--version"], capture_output=True, text=True, check=True, timeout=60
    )
    from importlib.metadata import version

    assert out.stdout.strip() == f"chukan-schedule {version('chukan-schedule')}"


def test_a_plain_iso_timestamp_is_read_without_dateutil() -> None:
    # dateutil reads the other forms (issue 10); the common ISO form needs only the standard library.
    code = (
        "import contextlib, io\n"
        "from chukan_schedule.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['check', '2017-07-15T10:00', '-o', 'registration']) == 0\n"
    )
    assert "dateutil" not in loaded_after(code)


def test_writing_a_file_still_brings_the_atomic_writer() -> None:
    # The other side: `chart --output FILE` loads its module and the atomic writer when it runs.
    code = (
        "import os, tempfile\n"
        "from chukan_schedule.cli import main\n"
        "out = os.path.join(tempfile.mkdtemp(), 'c.svg')\n"
        "assert main(['chart', '--output', out]) == 0\n"
        "assert '<svg' in open(out, encoding='utf-8').read()\n"
    )
    modules = loaded_after(code)
    assert {"chukan_schedule.cli.cmd_chart", "chukan_schedule.atomic"} <= modules
    assert "chukan_schedule.cli.cmd_audit" not in modules
