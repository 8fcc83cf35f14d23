"""The ``chukan-schedule`` command line (コマンドライン).

Subcommands: ``check`` (may I do X at this instant? 可否), ``windows`` (時間帯), ``next``,
``table`` (the plan day by day: 稼働状況表), ``ics``, ``chart`` and ``progress``.
Human output is an aligned table in English or Japanese (``--lang``); ``--json`` is for machines.

Exit status: 0 success (``check --operation``: allowed), 1 ``check --operation``: not
allowed, 2 any error: one line on stderr, never a traceback.  The error line is in Japanese
(``chukan-schedule: エラー: ...``) when the language is: ``--lang ja`` anywhere in argv (read
before parsing, so that a usage error before it is in Japanese too), else a ``ja`` locale.
Standard output that is closed or cannot be written (a full disk) is such an error too; a
reader that stops early (``| head``) is not (status 141, as if stopped by SIGPIPE).

The package holds, each in one place:

- :mod:`.main`: the parser of the whole command and :func:`main`, which turns every error into one line;
- :mod:`.parsing`: the shared argument pieces (the one-line-error parser, ``--lang``, ``--plan``, operations);
- :mod:`.output`: standard output, ``--output`` files, exit statuses and :class:`CliError`;
- :mod:`.shapes`: the JSON shapes of windows, reasons and decisions;
- one ``cmd_*`` module per subcommand, each with ``register`` (its arguments) and ``run`` (its answer).
"""

from __future__ import annotations

from .main import build_parser, main
from .parsing import default_lang

__all__ = ["build_parser", "default_lang", "main"]
