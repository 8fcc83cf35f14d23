"""Small pieces of human output shared by several subcommands."""

from __future__ import annotations

from ..engine import Plan
from ..lang import LangLike
from ..messages import msg
from ..model import Window
from ..render import format_window, text


def brackets(inner: str, lang: LangLike) -> str:
    """`` (inner)`` in English, ``（inner）`` in Japanese: full-width brackets around Japanese text."""
    return msg("out.brackets", inner=inner).text(lang)


def window_text(w: Window | None, plan: Plan, lang: str) -> str:
    """A window as people read it, in the plan's zone; ``none``/``なし`` for no window."""
    if w is None:
        return text("none", lang)
    return format_window(w.start.astimezone(plan.tz), w.end.astimezone(plan.tz), lang)
