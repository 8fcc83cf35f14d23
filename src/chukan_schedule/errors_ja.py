"""Error messages in Japanese (エラー文): the same facts as the command line's English lines.

The English messages are the source; these say the same in Japanese.  Where a message comes
from elsewhere (argparse, timeinput, planfile, progress) it is recognised by its fixed wording,
and a detail that cannot be recognised is kept in English in parentheses: never dropped.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable

from .errors import QUOTE_LIMIT, OutsidePlanError, PlanFileError, TimestampFormatError
from .model import Operation

__all__ = [
    "ACCEPTED_TIMESTAMP_FORMS_JA",
    "ERROR_JA",
    "ONCE",
    "PARAMETERS",
    "UNKNOWN_OPERATION_TAIL",
    "os_problem_ja",
    "outside_ja",
    "plan_file_ja",
    "sheet_ja",
    "timestamp_ja",
    "usage_ja",
]

#: The command line's name for each parameter an OutsidePlanError names.
PARAMETERS = {"ts": "TIMESTAMP", "start": "--from", "end": "--to"}
#: The English wording of two usage errors the command line raises, recognised below.
UNKNOWN_OPERATION_TAIL = (
    f"; expected one of {', '.join(op.value for op in Operation)} (or {', '.join(o.ja for o in Operation)})"
)
ONCE = "give --operation once (check answers for one operation; without it, for all)"

ERROR_JA = "エラー"

#: What :func:`~chukan_schedule.timeinput.parse_timestamp` reads (ACCEPTED_TIMESTAMP_FORMS in Japanese).
ACCEPTED_TIMESTAMP_FORMS_JA = (
    "ISO 8601 形式（2017-07-15T10:00、2017-07-15T10:00:00.123456、2017-07-15T01:00Z、"
    "2017-07-15T10:00+09:00。時差の指定がなければ日本時間）、その基本形式（20170715T1000、20170715T100000+0900）、"
    "2017-07-15 10:00 や 2017/07/15 10:00（時差の前に空白も可：2017-07-15 10:00:00 +0900）、"
    "日付のみ（2017-07-15 は0時）、"
    "和文の日時（2017年7月15日 10時30分、2017年7月15日10時、2017年7月15日(土) 10:30:15）、"
    "元号（平成29年7月15日 10:00、H29年7月15日。令和 R、平成 H、昭和 S、大正 T、明治 M、元年は1年）、"
    "全角数字（２０１７年７月１５日１０時）。24:00・24時は翌日の0時"
)

_OPERATIONS_JA = "、".join(f"{op.value}（{op.ja}）" for op in Operation)

# errno -> what it means, in Japanese; another errno keeps its English text in parentheses.
_ERRNO_JA = {
    errno.ENOENT: "そのようなファイルやフォルダーはありません",
    errno.EISDIR: "フォルダーです",
    errno.ENOTDIR: "パスの途中がフォルダーではありません",
    errno.EACCES: "アクセスが許可されていません",
    errno.EPERM: "操作が許可されていません",
    errno.ENOSPC: "ディスクの空き容量がありません",
    errno.EROFS: "読み取り専用のファイルシステムです",
}
# The same for a message that kept only the text (progress.SheetError): POSIX's wording of those errnos.
_STRERROR_JA = {
    "No such file or directory": errno.ENOENT,
    "Is a directory": errno.EISDIR,
    "Not a directory": errno.ENOTDIR,
    "Permission denied": errno.EACCES,
    "Operation not permitted": errno.EPERM,
    "No space left on device": errno.ENOSPC,
    "Read-only file system": errno.EROFS,
}


def os_problem_ja(exc: OSError) -> str:
    """``：<what went wrong>`` in Japanese, or ``（<the English text>）``."""
    ja = _ERRNO_JA.get(exc.errno) if exc.errno is not None else None
    return f"：{ja}" if ja is not None else f"（{exc.strerror or exc}）"


def _strerror_ja(strerror: str) -> str:
    code = _STRERROR_JA.get(strerror)
    return f"：{_ERRNO_JA[code]}" if code is not None else f"（{strerror}）"


def _list_ja(items: str) -> str:
    """An English list ``a, b (x)`` written the Japanese way: ``a、b（x）``."""
    return re.sub(r" \((\w+)\)", r"（\1）", items.replace(", ", "、"))


def _quoted_ja(quoted: str) -> str:
    """A text quoted by the English messages, its cut length said in Japanese: ``'…'…（100文字）``."""
    return re.sub(r"… \((\d+) characters\)", r"…（\1文字）", quoted)


# ---- usage errors (argparse) ----


def usage_ja(message: str) -> str:
    """argparse's one-line message, in Japanese."""
    m = re.fullmatch(r"the following arguments are required: (.+)", message)
    if m:
        return f"次の引数が必要です：{_list_ja(m[1])}"
    m = re.fullmatch(r"unrecognized arguments: (.+)", message)
    if m:
        return f"認識できない引数：{m[1]}"
    m = re.fullmatch(r"ambiguous option: (\S+) could match (.+)", message)
    if m:
        return f"オプション {m[1]} が {_list_ja(m[2])} のどれを指すか決まりません。省略せずに指定してください"
    m = re.fullmatch(r"argument (\S+): not allowed with argument (\S+)", message)
    if m:
        return f"引数 {m[1]} は引数 {m[2]} と同時に指定できません"
    m = re.fullmatch(r"argument (\S+): (.+)", message)
    if m:
        return f"引数 {m[1]}：{_argument_problem_ja(m[2])}"
    return f"引数が正しくありません（{message}）"


def _argument_problem_ja(problem: str) -> str:
    m = re.fullmatch(r"invalid choice: (.+) \(choose from (.+)\)", problem)
    if m:
        return f"{_quoted_ja(m[1])} は選べません。選べる値：{_list_ja(m[2])}"
    if problem.startswith("unknown operation ") and problem.endswith(UNKNOWN_OPERATION_TAIL):
        value = problem[len("unknown operation ") : -len(UNKNOWN_OPERATION_TAIL)]
        return f"操作 {value} はありません。受け付ける操作（英語名または日本語名）：{_OPERATIONS_JA}"
    if problem == ONCE:
        return (
            "--operation は一度だけ指定してください"
            "（check は1つの操作について答えます。指定しなければすべての操作について答えます）"
        )
    if problem == "expected one argument":
        return "値を1つ指定してください"
    return f"値が正しくありません（{problem}）"


# ---- the plan's coverage, timestamps, plan files, progress sheets ----


def outside_ja(exc: OutsidePlanError) -> str:
    start, end, value = exc.coverage_start.isoformat(), exc.coverage_end.isoformat(), exc.value.isoformat()
    if exc.parameter in ("start", "end"):  # a bound of a range may be the plan's end itself
        option = PARAMETERS[exc.parameter]
        limit = f"{end} 以前" if exc.value > exc.coverage_end else f"{start} 以降"
        return (
            f"{option} の時刻 {value} は計画の対象期間外です。対象期間は {start} から {end} までです。"
            f"{option} には {limit}を指定してください"
        )
    what = "時刻" if exc.parameter == "ts" else f"{exc.parameter} の時刻"
    return (
        f"{what} {value} は計画の対象期間外です。対象期間は {start} から {end} まで（終端を含まない）です。"
        "期間内の時刻を指定してください"
    )


def _int(m: re.Match[str], group: str) -> int:
    return int(m[group])


# timeinput's problems (its raise sites), by their fixed wording: pattern -> the Japanese.
_TIMESTAMP_PROBLEMS_JA: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern, re.DOTALL), say)
    for pattern, say in (
        (r"it is empty", lambda m: "空です"),
        (
            r"it does not start with a date such as 2017-07-15, 20170715 or 2017年7月15日",
            lambda m: "先頭が 2017-07-15、20170715、2017年7月15日 のような日付ではありません",
        ),
        (
            r"expected 'T' and a time after the basic date (?P<d>\d{8}), got (?P<q>.+); e\.g\. 20170715T1000",
            lambda m: (
                f"基本形式の日付 {m['d']} の後には 'T' と時刻が必要ですが、{_quoted_ja(m['q'])} があります"
                "（例：20170715T1000）"
            ),
        ),
        (
            r"era year (?P<n>\d+) does not exist \(the first year is 1, 元年\)",
            lambda m: f"元号の{_int(m, 'n')}年はありません（元号の最初の年は1年、すなわち元年です）",
        ),
        (
            r"(?P<d>[\d-]+) is not in the (?P<era>\S+) era \((?P<first>[\d-]+)\.\.(?P<last>[\d-]*)\)",
            lambda m: f"{m['d']} は{m['era']}（{m['first']}～{m['last']}）の期間外です",
        ),
        (r"year (?P<n>\d+) is not 1-9999", lambda m: f"西暦{_int(m, 'n')}年は1～9999年の範囲外です"),
        (r"month (?P<n>\d+) is not 1-12", lambda m: f"{_int(m, 'n')}月は1～12月の範囲外です"),
        (
            r"day (?P<n>\d+) does not exist in (?P<y>\d+)-(?P<mo>\d+), which has (?P<days>\d+) days",
            lambda m: (
                f"{_int(m, 'y')}年{_int(m, 'mo')}月{_int(m, 'n')}日はありません"
                f"（{_int(m, 'y')}年{_int(m, 'mo')}月は{_int(m, 'days')}日まで）"
            ),
        ),
        (
            r"the weekday \((?P<wd>.)\) does not match (?P<d>[\d-]+), a (?P<real>.)曜日",
            lambda m: f"曜日（{m['wd']}）が {m['d']}（{m['real']}曜日）と合いません",
        ),
        (
            r"expected 'T' or a space between the date and the time, got (?P<q>.+)",
            lambda m: f"日付と時刻の間には 'T' か空白が必要ですが、{_quoted_ja(m['q'])} があります",
        ),
        (
            r"cannot read the time (?P<q>.+) after a basic date; expected hhmm, hhmmss or hhmmss\.ffffff "
            r"as in 20170715T1030 or 20170715T103015",
            lambda m: (
                f"基本形式の日付の後の時刻 {_quoted_ja(m['q'])} を読み取れません"
                "（hhmm、hhmmss または hhmmss.ffffff の形式。例：20170715T1030、20170715T103015）"
            ),
        ),
        (
            r"cannot read the time (?P<q>.+); expected 10:30, 10:30:15 or 10時30分15秒",
            lambda m: f"時刻 {_quoted_ja(m['q'])} を読み取れません（10:30、10:30:15 または 10時30分15秒 の形式）",
        ),
        (
            r"the fraction (?P<q>.+) is finer than a microsecond \(at most 6 digits\)",
            lambda m: f"秒の小数部 {_quoted_ja(m['q'])} がマイクロ秒より細かい値です（小数部は6桁まで）",
        ),
        (r"minute (?P<n>\d+) is not 0-59", lambda m: f"{_int(m, 'n')}分は0～59分の範囲外です"),
        (r"second (?P<n>\d+) is not 0-59", lambda m: f"{_int(m, 'n')}秒は0～59秒の範囲外です"),
        (
            r"hour (?P<n>\d+) is not 0-23 \(24:00 exactly is read as the next midnight\)",
            lambda m: f"{_int(m, 'n')}時は0～23時の範囲外です（ちょうど 24:00 は翌日の0時と読みます）",
        ),
        (
            r"cannot read (?P<q>.+) after the time; expected an offset Z, \+09:00, \+0900 or JST",
            lambda m: (
                f"時刻の後の {_quoted_ja(m['q'])} を読み取れません"
                "（時刻の後に書けるのは UTC との時差 Z、+09:00、+0900 または JST です）"
            ),
        ),
        (
            r"the offset (?P<q>.+) is not -23:59\.\.\+23:59",
            lambda m: f"時差 {_quoted_ja(m['q'])} は -23:59～+23:59 の範囲外です",
        ),
        (r"it lies beyond the years 1-9999", lambda m: "西暦1～9999年の範囲を超えます"),
    )
)


def timestamp_ja(exc: TimestampFormatError) -> str:
    """``'…' を時刻として読み取れません：<problem>。受け付ける形式：…``."""
    limit = QUOTE_LIMIT
    quoted = repr(exc.text) if len(exc.text) <= limit else f"{exc.text[:limit]!r}…（{len(exc.text)}文字）"
    problem = f"（{exc.problem}）"  # what cannot be recognised stays as it is
    for pattern, say in _TIMESTAMP_PROBLEMS_JA:
        m = pattern.fullmatch(exc.problem)
        if m is not None:
            problem = f"：{say(m)}"
            break
    return f"{quoted} を時刻として読み取れません{problem}。受け付ける形式：{ACCEPTED_TIMESTAMP_FORMS_JA}"


def plan_file_ja(exc: PlanFileError) -> str:
    """A plan file error framed in Japanese; the key and the problem's detail stay as the file has them."""
    where = f"計画ファイル {exc.source}"
    problem = exc.problem
    if problem.startswith("cannot read the file: ") and isinstance(exc.__cause__, OSError):
        return f"{where} を読み取れません{os_problem_ja(exc.__cause__)}"
    m = re.fullmatch(r"not UTF-8 text \((.*)\)", problem, re.DOTALL)
    if m:
        return f"{where} は UTF-8 のテキストではありません（{m[1]}）"
    if problem.startswith("not valid TOML: "):
        return f"{where} は TOML として正しくありません（{problem.removeprefix('not valid TOML: ')}）"
    if not exc.key:
        return f"{where} が正しくありません（{problem}）"
    if problem.startswith("missing; "):
        return f"{where} に {exc.key} がありません（{problem.removeprefix('missing; ')}）"
    if problem.startswith("unknown key; "):
        return f"{where} の {exc.key} は使用できないキーです（{problem.removeprefix('unknown key; ')}）"
    return f"{where} の {exc.key} が正しくありません（{problem}）"


def sheet_ja(message: str, path: str) -> str:
    """A progress sheet error (progress.SheetError, ``<path>: <detail>``) framed in Japanese."""
    where = f"進捗シート {path}"
    detail = message.removeprefix(f"{path}: ")
    files = "受け付けるもの：CSV（UTF-8 または CP932）または .xlsx のファイル"
    if detail.startswith("no such file; "):
        return f"{where} がありません。{files}"
    if detail.startswith("is a folder; "):
        return f"{where} はフォルダーです。{files}"
    m = re.fullmatch(r"cannot be read \((.*)\); accepted: a readable CSV or \.xlsx file", detail, re.DOTALL)
    if m:
        return f"{where} を読み取れません{_strerror_ja(m[1])}"
    m = re.fullmatch(r"no header row \(the file is empty or blank\); accepted: a header with (.*)", detail, re.DOTALL)
    if m:
        return f"{where} に見出し行がありません（空のファイルか、空行だけのファイルです）。必要な列：{_list_ja(m[1])}"
    m = re.fullmatch(r"header lacks (.*); accepted: a header with (.*)", detail, re.DOTALL)
    if m:
        return f"{where} の見出し行に次の列がありません：{_list_ja(m[1])}。必要な列：{_list_ja(m[2])}"
    return f"{where} を読み取れません（{detail}）"
