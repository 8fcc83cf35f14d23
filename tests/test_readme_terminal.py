"""README's "At the terminal" runs as written after the Quick start (issue 13).

Each line of the block runs in a shell from a folder laid out like the clone (a `.venv` and
`tests/data/progress/sheet_ja.csv`), after the block's own first line, which activates the
virtual environment.  The `.venv` is the environment these tests run in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHEET = Path("tests") / "data" / "progress" / "sheet_ja.csv"


def terminal_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## At the terminal") :]
    found = re.search(r"```sh\n(.*?)```", section, re.S)
    assert found is not None, "README's 'At the terminal' has no ```sh block"
    return [line for line in found.group(1).splitlines() if line.strip()]


def test_block_starts_by_activating_the_quick_start_environment() -> None:
    lines = terminal_block()
    assert lines[0].split("#")[0].strip() == ". .venv/bin/activate"
    assert all(line.startswith("chukan-schedule") for line in lines[1:])
    # The Quick start makes that .venv.
    assert "python3 -m venv .venv && .venv/bin/pip install ." in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(os.name != "posix" or shutil.which("bash") is None, reason="the block is POSIX shell")
@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="tests run outside a virtual environment")
@pytest.mark.parametrize("line", terminal_block()[1:], ids=lambda line: line.split("#")[0].strip()[:60])
def test_each_line_runs_as_written(tmp_path: Path, line: str) -> None:
    if not (Path(sys.prefix) / "bin" / "chukan-schedule").exists():
        pytest.skip("chukan-schedule is not installed in this environment")
    (tmp_path / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    (tmp_path / SHEET).parent.mkdir(parents=True)
    shutil.copy(ROOT / SHEET, tmp_path / SHEET)
    activate = terminal_block()[0]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME")}
    env.update(LC_ALL="C.UTF-8", PATH="/usr/bin:/bin")  # chukan-schedule only through the activation
    done = subprocess.run(
        ["bash", "-c", f"{activate}\n{line}"],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr.decode("utf-8", "replace")) == (0, ""), line
    assert done.stdout or "--output" in line
