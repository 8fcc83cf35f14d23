"""Shared fixtures: the hand-written per-day answers (``expected_windows``) and an English locale."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from answerfile import windows_from_answers


@pytest.fixture
def expected_windows() -> Callable[[str], list[tuple[datetime, datetime]]]:
    """``expected_windows(op)``: the operation's windows in July 2017, from the hand-written answer file."""
    return windows_from_answers


@pytest.fixture
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """An English UTF-8 locale for the command line (``default_lang()`` gives ``en``)."""
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
