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
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from .atomic import write_atomic
from .engine import Plan
from .errors import OutsidePlanError, PlanFileError, UnknownOperationError, quoted
from .errors_ja import (
    ERROR_JA,
    ONCE,
    PARAMETERS,
    UNKNOWN_OPERATION_TAIL,
    os_problem_ja,
    outside_ja,
    plan_file_ja,
    sheet_ja,
    timestamp_ja,
    usage_ja,
)
from .model import DayPlan, Decision, Mode, OpDay, Operation, Reason, Window
from .render import (
    format_duration,
    format_instant,
    format_table,
    format_window,
    text,
    weekday_name,
)
from .timeinput import ACCEPTED_TIMESTAMP_FORMS, TimestampFormatError, parse_timestamp

__all__ = ["default_lang", "main"]

PROG = "chukan-schedule"
LANGS = ("ja", "en")

EXIT_OK = 0
EXIT_NOT_ALLOWED = 1
EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program stopped by a closed pipe


_OPERATION_NAMES: dict[str, Operation] = {}
for _op in Operation:
    for _name in (_op.value, _op.value.replace("_", "-"), _op.en, _op.ja):
        _OPERATION_NAMES[_name] = _op
_OPERATION_HELP = ", ".join(op.value for op in Operation)
_OUTPUT_HELP = "write to FILE (atomically) instead of standard output; - is standard output"
_PROGRESS_EPILOG = (
    "Accepted sheets: CSV in UTF-8 (with or without a BOM) or CP932 (Shift_JIS, as Japanese Excel saves it); "
    ".xlsx (the first worksheet) with the xlsx extra: pip install chukan-schedule[xlsx]. "
    "The header, the first of the first 10 non-blank rows that names every column (title rows above it are "
    "skipped), needs: "
    "団体名 (organization), 特定個人情報 (item), 登録予定件数 (planned), 実登録件数 (registered), "
    "登録対象範囲の確認 or 登録対象範囲（件数）の確認 (range_checked), 登録後の正確性の確認 (accuracy_checked); "
    "other columns are kept. Counts: 1234, 1,234, １，２３４, 1,234件. "
    "Checks: done 済/○/〇/はい/yes/true/1, not done 未/×/いいえ/no/false/0/blank."
)


class CliError(Exception):
    """An error to report as one line on stderr, exit status 2; ``ja``: the same in Japanese (エラー文)."""

    def __init__(self, en: str, ja: str | None = None) -> None:
        super().__init__(en)
        self.ja = ja

    def text(self, lang: str) -> str:
        """The message in ``lang`` (English when there is no Japanese one)."""
        return self.ja if lang == "ja" and self.ja is not None else str(self)


class StdoutError(CliError):
    """Standard output is closed or cannot be written (e.g. a full disk)."""


class _Once(argparse.Action):
    """Store the option's value, refusing it a second time (``check`` answers for one operation)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest, None) is not None:
            raise argparse.ArgumentError(self, ONCE)
        setattr(namespace, self.dest, values)


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``chukan-schedule: error: ...; see '... --help'``.

    ``lang="ja"``: ``chukan-schedule: エラー: ...（'... --help' を参照）``.
    """

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        one_line = _printable(message)
        if self.lang == "ja":
            self.exit(EXIT_ERROR, f"{PROG}: {ERROR_JA}: {usage_ja(one_line)}（'{self.prog} --help' を参照）\n")
        self.exit(EXIT_ERROR, f"{PROG}: error: {one_line}; see '{self.prog} --help'\n")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """``"ja"`` when the locale (LC_ALL, else LC_MESSAGES, else LANG) starts with ``ja``, else ``"en"``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def _operation(value: str) -> Operation:
    op = _OPERATION_NAMES.get(value.strip()) or _OPERATION_NAMES.get(value.strip().lower())
    if op is None:
        raise argparse.ArgumentTypeError(f"unknown operation {quoted(value)}{UNKNOWN_OPERATION_TAIL}")
    return op


# ---- the parser ----


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser of ``chukan-schedule``; ``lang``: the language of its error line."""
    parser = _Parser(
        lang=lang,
        prog=PROG,
        description="The municipal middle server's (自治体中間サーバー) July 2017 plan: "
        "may I do X at this instant, and if not, why and when next?",
        epilog=f"Timestamps: {ACCEPTED_TIMESTAMP_FORMS}. Operations: {_OPERATION_HELP}; "
        f"also with hyphens ({', '.join(op.value.replace('_', '-') for op in Operation if '_' in op.value)}) "
        f"or in Japanese ({', '.join(op.ja for op in Operation)}). "
        "Exit status: 0 ok (check --operation: allowed), 1 not allowed, 2 error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    _add_common(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, lang=lang)
        _add_common(p, argparse.SUPPRESS)
        return p

    p = add("check", "the verdict at an instant: mode, operating, and per operation allowed or not and why")
    p.add_argument("timestamp", metavar="TIMESTAMP", help="the instant (no offset means JST)")
    p.add_argument(
        "--operation",
        "-o",
        type=_operation,
        action=_Once,
        metavar="OP",
        help="only this operation (give it once); exit 0 if allowed, 1 if not",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--quiet", "-q", action="store_true", help="print nothing (with --operation): use the exit status")
    p.set_defaults(handler=_cmd_check)

    p = add("windows", "the windows (half-open, JST) in which an operation is allowed")
    p.add_argument("operation", metavar="OP", type=_operation, help=_OPERATION_HELP)
    p.add_argument("--from", dest="start", metavar="TS", help="from this instant (default: the plan's start)")
    p.add_argument("--to", dest="end", metavar="TS", help="up to this instant (default: the plan's end)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_cmd_windows)

    p = add("next", "the next window of an operation opening strictly after an instant")
    p.add_argument("operation", metavar="OP", type=_operation, help=_OPERATION_HELP)
    p.add_argument("timestamp", metavar="TIMESTAMP", help="the instant (no offset means JST)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_cmd_next)

    p = add("table", "the plan day by day: mode and each operation's hours (the notice's table T, made exact)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_cmd_table)

    p = add(
        "ics",
        "an iCalendar file (RFC 5545): each operation's windows as timed events, "
        "the mode periods (table T) and the milestones as all-day events",
    )
    p.add_argument(
        "--operation",
        "-o",
        dest="operations",
        action="append",
        type=_operation,
        metavar="OP",
        help="only this operation's windows (repeatable; default: all); periods and milestones are always included",
    )
    p.add_argument("--output", metavar="FILE", help=_OUTPUT_HELP)
    p.set_defaults(handler=_cmd_ics)

    p = add("chart", "the month as an SVG chart")
    p.add_argument("--output", metavar="FILE.svg", help=_OUTPUT_HELP)
    p.set_defaults(handler=_cmd_chart)

    p = add("progress", "read a registration progress sheet (本番用副本登録進捗状況集計シート) and advise (P1)")
    p.epilog = _PROGRESS_EPILOG
    p.add_argument("file", metavar="FILE", help="the progress sheet: CSV (UTF-8 or CP932) or .xlsx")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON object")
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--output", metavar="FILE", help=_OUTPUT_HELP + "; not the input sheet")
    p.set_defaults(handler=_cmd_progress)
    return parser


def _add_common(p: argparse.ArgumentParser, default: Any) -> None:
    # Accepted before and after the subcommand; the subcommand's copy must not erase the global one.
    p.add_argument("--lang", choices=LANGS, default=default, help="language of human output (default: from the locale)")
    p.add_argument(
        "--plan", metavar="FILE", default=default, help="a plan file (TOML) instead of the embedded July 2017 plan"
    )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("chukan-schedule")
    except Exception:  # pragma: no cover - not installed
        return "unknown"


# ---- main ----


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_scan_lang(arguments) or default_lang())
    try:
        args, extras = parser.parse_known_args(arguments)
        if extras:  # say it as the subcommand's parser, whose --help lists what it accepts
            _subparser(parser, args.command).error(f"unrecognized arguments: {' '.join(extras)}")
    except SystemExit as exc:  # --help, --version, or a usage error already printed on one line
        return exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else EXIT_ERROR
    lang: str = args.lang or default_lang()
    try:
        _check_output(args)
        plan = _load_plan(args.plan)
        handler: Callable[[argparse.Namespace, Plan, str], int] = args.handler
        status = handler(args, plan, lang)
        _flush_stdout()
        return status
    except OutsidePlanError as exc:
        return _fail(outside_ja(exc) if lang == "ja" else _outside_message(exc), lang)
    except StdoutError as exc:
        _silence_stdout()  # what is still buffered must not fail again, with a traceback, at exit
        return _fail(exc.text(lang), lang)
    except CliError as exc:
        return _fail(exc.text(lang), lang)
    except TimestampFormatError as exc:
        return _fail(timestamp_ja(exc) if lang == "ja" else str(exc), lang)
    except PlanFileError as exc:
        return _fail(plan_file_ja(exc) if lang == "ja" else str(exc), lang)
    except UnknownOperationError as exc:
        return _fail(f"操作名が正しくありません（{exc}）" if lang == "ja" else str(exc), lang)
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): nothing to say, as if by SIGPIPE
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        if lang == "ja":
            return _fail(f"{name.strip() or 'ファイル'} を読み書きできません{os_problem_ja(exc)}", lang)
        return _fail(f"cannot write or read{name}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback: say what broke, in one line
        if lang == "ja":
            return _fail(f"内部エラー（{type(exc).__name__}: {exc}）。報告してください", lang)
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser  # pragma: no cover - the parser always has its subcommands


def _printable(message: str) -> str:
    """One line with no control characters: a file name cannot move the cursor or forge a line."""
    flat = " ".join(message.split())
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) == "Cc" else ch for ch in flat)


def _fail(message: str, lang: str = "en") -> int:
    prefix = ERROR_JA if lang == "ja" else "error"
    if sys.stderr is not None:  # stderr closed (2>&-): say nothing rather than write into stdout
        print(f"{PROG}: {prefix}: {_printable(message)}", file=sys.stderr)
    return EXIT_ERROR


def _scan_lang(argv: Sequence[str]) -> str | None:
    """The last valid ``--lang ja|en`` (or ``--lang=ja``, or an abbreviation ``--la ja``) in ``argv``.

    Read before argparse runs, so that a usage error found before ``--lang`` is in that language.
    An argument after ``--`` is not an option.
    """
    found: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not eq:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        if value in LANGS:
            found = value
    return found


def _outside_message(exc: OutsidePlanError) -> str:
    what = PARAMETERS.get(exc.parameter, exc.parameter)
    start, end = exc.coverage_start.isoformat(), exc.coverage_end.isoformat()
    if exc.parameter in ("start", "end"):  # a bound of a range may be the plan's end itself
        limit = f"at most {end}" if exc.value > exc.coverage_end else f"at least {start}"
        return (
            f"{what} {exc.value.isoformat()} is outside the plan, which covers {start} to {end}; {what} may be {limit}"
        )
    return (
        f"{what} {exc.value.isoformat()} is outside the plan, which covers {start} to {end} (end excluded); "
        "give an instant inside it"
    )


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout closed (None) or without a file descriptor
        pass


# ---- standard output and --output ----


def _write_stdout(data: str | bytes) -> None:
    """Write text or bytes to standard output; a closed or unwritable one is a :class:`StdoutError`."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed (`>&-`)
        raise _stdout_closed()
    try:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            stream.write(data)
    except BrokenPipeError:
        raise  # the reader stopped early: main() ends quietly
    except OSError as exc:
        raise _stdout_failed(exc) from None
    except ValueError:  # "I/O operation on closed file"
        raise _stdout_closed() from None


def _stdout_closed() -> StdoutError:
    return StdoutError(
        "cannot write to standard output: standard output is closed",
        "標準出力に書き込めません：標準出力が閉じられています",
    )


def _stdout_failed(exc: OSError) -> StdoutError:
    return StdoutError(
        f"cannot write to standard output: {exc.strerror or exc}", f"標準出力に書き込めません{os_problem_ja(exc)}"
    )


def _say(line: str) -> None:
    """Print one line (or several joined by newlines) to standard output."""
    _write_stdout(line + "\n")


def _flush_stdout() -> None:
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _stdout_failed(exc) from None
    except ValueError:
        raise _stdout_closed() from None


def _to_stdout(output: str | None) -> bool:
    return output is None or output == "-"


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an empty ``--output`` and one that names an input file, before anything is read or written."""
    if args.plan == "":
        raise CliError("--plan: give a plan file name", "--plan：計画ファイル名を指定してください")
    output: str | None = getattr(args, "output", None)
    if output is None or output == "-":
        return
    if not output:
        raise CliError(
            "--output: give a file name (or - for standard output)",
            "--output：ファイル名を指定してください（標準出力は -）",
        )
    inputs = [
        ("the input sheet", "入力の進捗シート", getattr(args, "file", None)),
        ("the plan file (--plan)", "計画ファイル（--plan）", args.plan),
    ]
    for what, what_ja, path in inputs:
        if path and _same_file(output, path):
            raise CliError(
                f"--output {output} is {what} {path}: writing there would replace it; give another file",
                f"--output {output} は{what_ja} {path} です。"
                "書き込むと上書きされるため、別のファイルを指定してください",
            )


def _load_plan(path: str | None) -> Plan:
    if path is None:
        from . import JULY_2017

        return JULY_2017
    from .planfile import load_plan

    return load_plan(path)


def _timestamp(value: str, plan: Plan, what: str) -> datetime:
    """``value`` read as a timestamp; an error names the argument ``what`` (TIMESTAMP, --from, --to)."""
    try:
        return parse_timestamp(value, plan.tz)
    except TimestampFormatError as exc:
        raise CliError(f"{what}: {exc}", f"{what}：{timestamp_ja(exc)}") from None


def _print_json(obj: object) -> None:
    _say(json.dumps(obj, ensure_ascii=False, indent=2))


# ---- JSON shapes ----


def _iso(t: datetime | None, plan: Plan) -> str | None:
    return None if t is None else t.astimezone(plan.tz).isoformat()


def _window_json(w: Window | None, plan: Plan) -> dict[str, Any] | None:
    if w is None:
        return None
    return {"start": _iso(w.start, plan), "end": _iso(w.end, plan), "clauses": list(w.clauses)}


def _reason_json(r: Reason) -> dict[str, str]:
    return {"clause": r.clause, "en": r.en, "ja": r.ja}


def _decision_json(d: Decision, plan: Plan) -> dict[str, Any]:
    return {
        "allowed": d.allowed,
        "window": _window_json(d.window, plan),
        "next_window": _window_json(d.next_window, plan),
        "reasons": [_reason_json(r) for r in d.reasons],
    }


# ---- check ----


def _cmd_check(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    at = _timestamp(args.timestamp, plan, "TIMESTAMP")
    if args.quiet and args.operation is None:
        raise CliError(
            "--quiet needs --operation OP (the exit status answers for one operation)",
            "--quiet には --operation OP が必要です（終了ステータスは1つの操作について答えます）",
        )
    ops: list[Operation] = [args.operation] if args.operation is not None else list(Operation)
    decisions = [plan.check(op, at) for op in ops]
    local = at.astimezone(plan.tz)
    mode = plan.mode_at(at)
    operating = plan.is_operating(at)
    status = EXIT_OK
    if args.operation is not None and not decisions[0].allowed:
        status = EXIT_NOT_ALLOWED
    if args.quiet:
        return status
    if args.json:
        _print_json(
            {
                "at": local.isoformat(),
                "mode": mode.value,
                "operating": operating,
                "operations": {d.operation.value: _decision_json(d, plan) for d in decisions},
            }
        )
        return status
    state = text("operating" if operating else "planned_stop" if mode is Mode.PLANNED_STOP else "outside_hours", lang)
    sep = "、" if lang == "ja" else ", "
    lines = [f"{format_instant(local, lang)}: {mode.text(lang)}{sep}{state}", ""]
    rows = []
    for d in decisions:
        rows.append(
            [
                d.operation.text(lang),
                text("yes" if d.allowed else "no", lang),
                _window_text(d.window, plan, lang),
                _window_text(d.next_window, plan, lang),
            ]
        )
    headers = [text(k, lang) for k in ("operation", "allowed", "window", "next_window")]
    lines.append(format_table(headers, rows))
    lines += ["", f"{text('reasons', lang)}:"]
    for d in decisions:
        lines.append(f"  {d.operation.text(lang)}{_brackets(text('yes' if d.allowed else 'no', lang), lang)}")
        lines += [f"    [{r.clause}] {r.text(lang)}" for r in d.reasons]
    _say("\n".join(lines))
    return status


def _brackets(inner: str, lang: str) -> str:
    """`` (inner)`` in English, ``（inner）`` in Japanese: full-width brackets around Japanese text."""
    return f"（{inner}）" if lang == "ja" else f" ({inner})"


def _window_text(w: Window | None, plan: Plan, lang: str) -> str:
    if w is None:
        return text("none", lang)
    return format_window(w.start.astimezone(plan.tz), w.end.astimezone(plan.tz), lang)


# ---- windows / next ----


def _cmd_windows(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    op: Operation = args.operation
    start = _timestamp(args.start, plan, "--from") if args.start is not None else plan.coverage_start
    end = _timestamp(args.end, plan, "--to") if args.end is not None else plan.coverage_end
    try:
        windows = plan.windows(op, start, end)
    except OutsidePlanError:
        raise
    except ValueError as exc:  # end before start
        raise CliError(
            f"--to must not be before --from: {exc}",
            f"--to（{_iso(end, plan)}）は --from（{_iso(start, plan)}）より前にできません。"
            "--to には --from 以降の時刻を指定してください",
        ) from None
    if args.json:
        _print_json(
            {
                "operation": op.value,
                "from": _iso(start, plan),
                "to": _iso(end, plan),
                "windows": [_window_json(w, plan) for w in windows],
            }
        )
        return EXIT_OK
    span = f"{format_instant(start.astimezone(plan.tz), lang)} .. {format_instant(end.astimezone(plan.tz), lang)}"
    if lang == "ja":
        head = f"{op.ja}の時間帯: {len(windows)}件（{span}）"
    else:
        head = f"{op.en} windows: {len(windows)} ({span})"
    rows = [
        [str(i), _window_text(w, plan, lang), format_duration(w.duration_seconds, lang), ", ".join(w.clauses)]
        for i, w in enumerate(windows, 1)
    ]
    headers = [text("number", lang), text("window", lang).split()[0] if lang == "en" else "時間帯"]
    headers += [text("duration", lang), text("clauses", lang)]
    _say(head)
    if rows:
        _say("")
        _say(format_table(headers, rows))
    return EXIT_OK


def _cmd_next(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    op: Operation = args.operation
    at = _timestamp(args.timestamp, plan, "TIMESTAMP")
    w = plan.next_window(op, at)
    local = at.astimezone(plan.tz)
    if args.json:
        _print_json({"operation": op.value, "after": local.isoformat(), "next_window": _window_json(w, plan)})
        return EXIT_OK
    when = format_instant(local, lang)
    if w is None:
        end = format_instant(plan.coverage_end.astimezone(plan.tz), lang)
        if lang == "ja":
            _say(f"{when}より後に始まる{op.ja}の時間帯は計画内にありません（計画は{end}まで）")
        else:
            _say(f"no {op.en} window opens after {when} within the plan (it ends {end})")
        return EXIT_OK
    clauses = ", ".join(w.clauses)
    if lang == "ja":
        _say(f"{when}の次の{op.ja}の時間帯: {_window_text(w, plan, lang)} [{clauses}]")
    else:
        _say(f"next {op.en} window after {when}: {_window_text(w, plan, lang)} [{clauses}]")
    return EXIT_OK


# ---- table ----


def _hours(span: OpDay, plan: Plan) -> str | None:
    if span.start is None or span.end is None:
        return None
    text_ = format_window(span.start.astimezone(plan.tz), span.end.astimezone(plan.tz), "en")
    return text_.split(" ", 2)[-1]  # drop the day: "09:00-17:00"


def _cell(span: OpDay, day: DayPlan, plan: Plan, lang: str) -> str:
    hours = _hours(span, plan)
    if hours is not None:
        return hours
    clause = span.rule.clause if span.rule is not None else day.period.clause
    if span.rule is not None and span.rule.expected:
        clause += ("、" if lang == "ja" else ", ") + text("expected", lang)
    return text("no", lang) + _brackets(clause, lang)


def _span_json(span: OpDay, day: DayPlan, plan: Plan) -> dict[str, Any]:
    return {
        "start": _iso(span.start, plan),
        "end": _iso(span.end, plan),
        "clause": span.rule.clause if span.rule is not None else day.period.clause,
        "expected": span.rule.expected if span.rule is not None else False,
    }


def _cmd_table(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    days = plan.days
    if args.json:
        _print_json(
            {
                "plan": plan.id,
                "title": {"en": plan.title("en"), "ja": plan.title("ja")},
                "days": [
                    {
                        "date": d.day.isoformat(),
                        "weekday": weekday_name(d.day, "en"),
                        "mode": d.mode.value,
                        "day_type": d.day_type.value,
                        "holiday": None if d.holiday_en is None else {"en": d.holiday_en, "ja": d.holiday_ja},
                        "period": {"clause": d.period.clause, "en": d.period.en, "ja": d.period.ja},
                        "server": _span_json(d.server, d, plan),
                        "operations": {op.value: _span_json(d.operations[op], d, plan) for op in Operation},
                    }
                    for d in days
                ],
            }
        )
        return EXIT_OK
    headers = [text("date", lang), text("weekday", lang), text("mode", lang), text("server", lang)]
    headers += [op.text(lang) for op in Operation] + [text("holiday", lang)]
    rows = []
    for d in days:
        row = [d.day.isoformat(), weekday_name(d.day, lang), d.mode.text(lang), _cell(d.server, d, plan, lang)]
        row += [_cell(d.operations[op], d, plan, lang) for op in Operation]
        row.append(d.holiday(lang) or "")
        rows.append(row)
    _say(plan.title(lang))
    _say("")
    _say(format_table(headers, rows))
    return EXIT_OK


# ---- ics / chart / progress: built in their own modules, imported only when used ----


def _missing(command: str, exc: ImportError) -> CliError:
    name = getattr(exc, "name", None) or "?"
    if name.startswith("chukan_schedule"):
        return CliError(
            f"{command} is not available: {name} is not installed",
            f"{command} は使えません：{name} がインストールされていません",
        )
    return CliError(
        f"{command} needs the Python package {name!r}, which is not installed",
        f"{command} には Python パッケージ {name!r} が必要ですが、インストールされていません",
    )


def _write_or_print(data: bytes, output: str | None) -> None:
    """Write ``data`` to the file ``output`` (atomically), or to standard output (``None`` or ``-``)."""
    if _to_stdout(output):
        _write_stdout(data)
        return
    assert output is not None
    try:
        write_atomic(output, data)
    except OSError as exc:  # a folder, a missing folder, no permission, a full disk ...
        raise CliError(
            f"--output {output}: cannot write it: {exc.strerror or exc}",
            f"--output {output} に書き込めません{os_problem_ja(exc)}",
        ) from None


def _cmd_ics(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from . import ics
    except ImportError as exc:
        raise _missing("ics", exc) from None
    operations: list[Operation] | None = args.operations
    _write_or_print(ics.to_ical(plan, operations=operations, lang=lang), args.output)
    return EXIT_OK


def _cmd_chart(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from . import chart
    except ImportError as exc:
        raise _missing("chart", exc) from None
    _write_or_print(chart.render_svg(plan, lang=lang).encode("utf-8"), args.output)
    return EXIT_OK


def _cmd_progress(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from . import progress
    except ImportError as exc:
        raise _missing("progress", exc) from None
    try:
        # The plan gives only P1's deadline; the embedded plan is read_sheet's own default.
        report = progress.read_sheet(args.file) if args.plan is None else progress.read_sheet(args.file, plan=plan)
    except progress.SheetError as exc:
        raise CliError(str(exc), sheet_ja(str(exc), str(Path(args.file)))) from None
    except KeyError as exc:  # a --plan file without P1's milestone
        detail = exc.args[0] if exc.args else exc
        raise CliError(
            f"--plan {args.plan}: {detail}", f"--plan {args.plan}：P1 の期限のマイルストーンがありません（{detail}）"
        ) from None
    if args.json:
        out = json.dumps(progress.to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif args.csv:
        out = progress.to_csv(report)
    else:
        out = progress.render_text(report, lang)
        if not out.endswith("\n"):
            out += "\n"
    # A CSV file gets a BOM, as Excel needs to read Japanese text as UTF-8; standard output stays plain.
    to_file = args.csv and not _to_stdout(args.output)
    _write_or_print(out.encode("utf-8-sig" if to_file else "utf-8"), args.output)
    return EXIT_OK
