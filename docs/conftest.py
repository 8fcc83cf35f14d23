"""Doctest fixtures for docs/*.md: every example runs in a fresh temporary directory.

Examples that write files (``--output july-2017.ics``, a plan file) write them in that
directory, and the command line sees a fixed, English, UTF-8 locale, so that its output
does not depend on the machine that runs the documentation.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _docs_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # default_lang() -> "en"
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")  # Japanese output of subprocesses, on any OS
