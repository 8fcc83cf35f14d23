"""Fuzzing the command line: whatever the arguments or the plan file, the program answers or says
in one short line what was wrong, and changes no file but the one it was asked to write (issue 8).

In-process (``main()``) to keep it fast; test_output_safety.py runs the real program as a process.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chukan_schedule.cli import main
from plankit import SMALL

ROOT = Path(__file__).parent
SHEET = (ROOT / "data" / "progress" / "small.csv").read_bytes()
# A whole, valid plan (one day of August 2017), the seed the plan fuzzing mutates.
PLAN = SMALL

#: The files each run starts with; only a file named on the command line may change.
FILES = {"plan.toml": PLAN.encode("utf-8"), "sheet.csv": SHEET, "keep.txt": b"keep me\n"}
#: An error line's most characters: the prefix, a cut message, room for escapes.
MAX_ERROR = 2500

WORDS = [
    "check", "windows", "next", "table", "ics", "chart", "progress",
    "--plan", "--output", "--out", "--lang", "ja", "en", "--json", "--csv", "--quiet", "-q",
    "--operation", "-o", "registration", "登録", "code-acquisition", "--from", "--to", "--",
    "2017-07-15T10:00", "2017-07-31", "2017-08-01T08:00", "平成29年7月15日 10時", "24:00", "9999-12-31T23:59-23:59",
    "-", ".", "/dev/null", "/dev/zero", "/dev/stdout", "/proc/self/fd/1", "plan.toml", "sheet.csv",
    "keep.txt", "out.ics", "out.svg", "new/", "missing/out.ics", "あ" * 80 + ".ics",
    "\x1b[2J", "a\nb", "\udcff\udcfe", "x" * 5000, "--plan=", "--output=",
]  # fmt: skip

arguments = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(max_size=12)),
    max_size=7,
)


@contextmanager
def workspace() -> Iterator[Path]:
    """A fresh folder holding FILES, the current folder while the program runs."""
    folder = Path(tempfile.mkdtemp(prefix="chukan-fuzz-"))
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    here = os.getcwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(here)
        shutil.rmtree(folder, ignore_errors=True)


def run(argv: Sequence[str]) -> tuple[int, bytes, str]:
    """``main(argv)`` with standard output and error captured as the real streams would be."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", newline="")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = main(list(argv))
    finally:
        sys.stdout, sys.stderr = saved
    out.flush()
    err.flush()
    raw_err = err.buffer.getvalue().decode("utf-8")
    return status, out.buffer.getvalue(), raw_err


def snapshot(folder: Path) -> dict[str, bytes]:
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def assert_behaved(
    status: int, err: str, argv: Sequence[str], before: dict[str, bytes], after: dict[str, bytes]
) -> None:
    assert status in (0, 1, 2), (argv, status, err)
    assert "internal error" not in err and "内部エラー" not in err and "Traceback" not in err, (argv, err)
    if status == 2:
        assert err.count("\n") == 1 and err.endswith("\n"), (argv, err)
        assert err.startswith("chukan-schedule: "), (argv, err)
        assert len(err) <= MAX_ERROR, (argv, len(err))
        assert "\x1b" not in err and "\r" not in err, (argv, err)
    else:
        assert err == "", (argv, err)
    named = {os.path.normpath(a.partition("=")[2] or a) for a in argv}
    for name, data in before.items():
        if after.get(name) != data:
            assert status == 0 and name in named, (argv, name)
    for name in after.keys() - before.keys():
        assert status == 0 and name in named, (argv, name)
    assert not any(name.endswith(".tmp") for name in after), (argv, sorted(after))


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 60)), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(arguments)
def test_any_arguments(argv: list[str]) -> None:
    with workspace() as folder:
        before = snapshot(folder)
        status, _, err = run(argv)
        assert_behaved(status, err, argv, before, snapshot(folder))


# ---- generated plan files: the seed plan with values replaced, lines dropped or added ----

VALUES = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.booleans().map(lambda b: "true" if b else "false"),
    st.text(max_size=20).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    st.dates().map(str),
    st.sampled_from(
        [
            '"utils"', '"NYSE"', '"HolidayBase"', '"Asia"', '"' + "A" * 300 + '"', '"²1:00"', '"24:00"',
            '"23:59"', "0001-01-01", "9999-12-31", "1900-01-01", "2199-12-31", "[]", '["08:00"]',
            '["08:00", "07:00"]', '["²1:00", "21:00"]', '["08:00", "٢٤:00"]', "{}", "[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]", '"\\u001b[2J"', '"a\\nb"',
            "2017-08-01T10:00:00", "1.5", "inf", "nan",
        ]
    ),
)  # fmt: skip


# Values that were each once an internal error or unbounded work, by the key they go to.
HOSTILE = {
    "format": ["true", "1.0", '"1"', "2"],
    "timezone": ['"Asia"', '"Asia/"', '"' + "A" * 300 + '"', '"../../etc/passwd"', '"東京"', '"UTC"', '"US/Eastern"'],
    "holidays": ['"utils"', '"NYSE"', '"HolidayBase"', '"XX"', '"jp"', '"US"'],
    "first_day": ["0001-01-01", "9999-12-31", "1899-12-31", "2017-07-31", "2017-08-02"],
    "last_day": ["9999-12-31", "0001-01-01", "2199-12-31", "3017-08-01", "2027-08-01", "2017-07-31"],
    "hours": ['["²1:00", "21:00"]', '["08:00", "٢٤:00"]', '["08:00", "24:00"]', '["8:00", "21:00"]', "[]"],
    "en": ['"a\\nb"', '"\\u001b[2J"', '"<b>&amp;</b>"', '"]]>"', '"\\u0000"', '"\\u2028"', '"\\uFFFE"', '"\\uFFFF"'],
    "ja": ['"改行\\nあり"', '"\\u0007"', '"<![CDATA["'],
    "modes": ['["planned_stop"]', "[]", '["normal", "normal"]', "[1]"],
    "subject": ['"Server"', '""', '"registration "'],
}


@st.composite
def plan_texts(draw: st.DrawFn) -> str:
    lines = PLAN.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=2))):
        action = draw(st.sampled_from(["value", "value", "drop", "add"]))
        if action == "value":
            i = draw(st.sampled_from([n for n, line in enumerate(lines) if " = " in line]))
            key = lines[i].split(" = ")[0]
            value = draw(st.one_of(st.sampled_from(HOSTILE.get(key, ["0"])), VALUES))
            lines[i] = f"{key} = {value}"
        elif action == "drop":
            del lines[draw(st.integers(min_value=0, max_value=len(lines) - 1))]
        else:
            i = draw(st.integers(min_value=0, max_value=len(lines)))
            key = draw(st.sampled_from(["format", "x", "a.b.c.d.e.f.g.h.i", "hours", "days", "during", "[x]"]))
            lines.insert(i, key if key.startswith("[") else f"{key} = {draw(VALUES)}")
    return "\n".join(lines)


COMMANDS = [
    ["table"],
    ["check", "2017-08-01T10:00"],
    ["windows", "registration", "--json"],
    ["next", "linkage", "2017-08-01T00:00"],
    ["ics", "--output", "out.ics"],
    ["chart", "--output", "out.svg"],
]


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 60)), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(plan_texts(), st.sampled_from(COMMANDS), st.sampled_from(["en", "ja"]))
def test_any_plan_file(text: str, command: list[str], lang: str) -> None:
    with workspace() as folder:
        (folder / "plan.toml").write_text(text, encoding="utf-8")
        before = snapshot(folder)
        argv = ["--lang", lang, "--plan", "plan.toml", *command]
        status, _, err = run(argv)
        assert_behaved(status, err, argv, before, snapshot(folder))
        if status == 0 and command[0] == "chart":
            import xml.etree.ElementTree as ET

            ET.fromstring((folder / "out.svg").read_bytes())  # well-formed XML, whatever the plan's text


# ---- a few runs of the real program, as a process ----


@settings(max_examples=int(os.environ.get("FUZZ_PROCESS_EXAMPLES", 4)), deadline=None)
@given(arguments)
def test_any_arguments_as_a_process(argv: list[str]) -> None:
    import subprocess

    argv = [a for a in argv if "\0" not in a]  # a NUL cannot be passed to a process
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    with workspace() as folder:
        before = snapshot(folder)
        r = subprocess.run(
            [sys.executable, "-m", "chukan_schedule", *argv],
            capture_output=True,
            env=env,
            cwd=folder,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        err = r.stderr.decode("utf-8", "backslashreplace")
        assert_behaved(r.returncode, err, argv, before, snapshot(folder))
