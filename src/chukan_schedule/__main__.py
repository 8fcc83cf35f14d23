"""``python -m chukan_schedule``: the same as the ``chukan-schedule`` command."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
