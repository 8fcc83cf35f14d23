"""``chukan-schedule progress FILE``: read a registration progress sheet and advise (P1)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from ..engine import Plan
from ..errors_ja import sheet_ja
from .output import EXIT_OK, CliError, missing, to_stdout, write_or_print
from .parsing import OUTPUT_HELP

_EPILOG = (
    "Accepted sheets: CSV in UTF-8 (with or without a BOM) or CP932 (Shift_JIS, as Japanese Excel saves it); "
    ".xlsx (the first worksheet) with the xlsx extra: pip install chukan-schedule[xlsx]. "
    "The header, the first of the first 10 non-blank rows that names every column (title rows above it are "
    "skipped), needs: "
    "団体名 (organization), 特定個人情報 (item), 登録予定件数 (planned), 実登録件数 (registered), "
    "登録対象範囲の確認 or 登録対象範囲（件数）の確認 (range_checked), 登録後の正確性の確認 (accuracy_checked); "
    "other columns are kept. Counts: 1234, 1,234, １，２３４, 1,234件. "
    "Checks: done 済/○/〇/はい/yes/true/1, not done 未/×/いいえ/no/false/0/blank."
)


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("progress", "read a registration progress sheet (本番用副本登録進捗状況集計シート) and advise (P1)")
    p.epilog = _EPILOG
    p.add_argument("file", metavar="FILE", help="the progress sheet: CSV (UTF-8 or CP932) or .xlsx")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON object")
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--output", metavar="FILE", help=OUTPUT_HELP + "; not the input sheet")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, plan: Plan, lang: str) -> int:
    try:
        from .. import progress
    except ImportError as exc:
        raise missing("progress", exc) from None
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
    to_file = args.csv and not to_stdout(args.output)
    write_or_print(out.encode("utf-8-sig" if to_file else "utf-8"), args.output)
    return EXIT_OK
