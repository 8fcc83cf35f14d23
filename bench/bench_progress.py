"""Benchmark: `chukan-schedule progress` on a national sheet against Python's csv module merely reading it.

Generates a progress sheet of N rows (default 1,000,000; about 80 MB) laid out like the
real 本番用副本登録進捗状況集計シート (prefecture, 団体コード, name, item, counts, checks, a
remarks column), then runs, interleaved, each ROUNDS times in its own process:

* baseline: ``csv.reader`` over the file, doing nothing with the rows;
* ``progress FILE`` (text to /dev/null), ``progress FILE --json`` (to /dev/null) and
  ``progress FILE --csv --output OUT`` (the sheet written back, atomically).

It prints, side by side, the best wall time of each, its ratio to the baseline (targets:
4x for text and JSON, 6x for CSV), each run's peak RSS (target: under 250 MB; with several
processes, the largest one's) and the CPU time of all its processes with its ratio to the
baseline's, measured per run by a small wrapper process through
``resource.getrusage(RUSAGE_CHILDREN)``.  The command reads a large sheet in one process per
processor (``--jobs``); ``--jobs-1`` also runs each output in one process.

    python bench/bench_progress.py              # 1,000,000 rows, 3 rounds
    python bench/bench_progress.py 100000 1     # quicker
    python bench/bench_progress.py --jobs-1     # also each output with --jobs 1 (one process)
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

PREFECTURES = ["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
               "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
               "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
               "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
               "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"]  # fmt: skip
ITEMS = ["住民票関係情報", "地方税関係情報", "介護保険関係情報", "障害者福祉関係情報", "児童手当関係情報",
         "生活保護関係情報", "国民年金関係情報", "医療保険関係情報", "母子保健関係情報",
         "雇用保険関係情報"]  # fmt: skip
HEADER = (
    "都道府県名,団体コード,団体名,特定個人情報名,登録予定件数(a),（b）実登録件数,"
    "登録対象範囲（件数）の確認,登録後の正確性の確認,備考\n"
)

# One measured run: the command in a child process; prints elapsed seconds and the child's peak RSS (KiB).
WRAPPER = """
import resource, subprocess, sys, time
out = open(sys.argv[1], "wb")
t = time.perf_counter()
code = subprocess.call(sys.argv[2:], stdout=out)
elapsed = time.perf_counter() - t
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, used.ru_maxrss, code, used.ru_utime + used.ru_stime)
"""

BASELINE = "import csv, sys\nfor _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8')):\n    pass\n"


def generate(path: Path, rows: int) -> None:
    rnd = random.Random(2017)
    checks = ["済", "済", "済", "済み", "確認済", "○", "未", ""]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("本番用副本登録進捗状況集計シート\n")
        f.write(HEADER)
        n = 0
        org = 0
        while n < rows:
            org += 1
            pref = PREFECTURES[org % len(PREFECTURES)]
            code = f"{org:05d}{org % 10}"
            name = f"第{org}市"
            parts = []
            for k in range(min(rows - n, 500)):
                planned = rnd.randrange(1, 200_000)
                registered = planned if rnd.random() < 0.9 else rnd.randrange(0, planned + 1)
                parts.append(
                    f"{pref},{code},{name},{ITEMS[k % len(ITEMS)]}{k // len(ITEMS)},{planned},{registered},"
                    f"{rnd.choice(checks)},{rnd.choice(checks)},\n"
                )
            n += len(parts)
            f.write("".join(parts))


def measure(command: list[str], out: str) -> tuple[float, int, int, float]:
    """(wall seconds, peak RSS of the largest process in KiB, exit status, CPU seconds of all its processes)."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, out, *command], capture_output=True, text=True, check=True)
    elapsed, rss, code, cpu = done.stdout.split()
    return float(elapsed), int(rss), int(code), float(cpu)


def main(argv: list[str]) -> int:
    jobs_one = "--jobs-1" in argv
    argv = [a for a in argv if a != "--jobs-1"]
    rows = int(argv[0]) if argv else 1_000_000
    rounds = int(argv[1]) if len(argv) > 1 else 3
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "sheet.csv"
        generate(sheet, rows)
        out = str(Path(folder) / "advice.csv")
        me = [sys.executable, "-m", "chukan_schedule", "--lang", "en", "progress", str(sheet)]
        runs: dict[str, tuple[list[str], float | None]] = {
            "csv module (baseline)": ([sys.executable, "-c", BASELINE, str(sheet)], None),
            "progress (text)": (me, 4.0),
            "progress --json": ([*me, "--json"], 4.0),
            "progress --csv --output": ([*me, "--csv", "--output", out], 6.0),
        }
        if jobs_one:  # the same in one process
            runs |= {
                f"{name} --jobs 1": ([*command, "--jobs", "1"], None) for name, (command, _) in list(runs.items())[1:]
            }
        best: dict[str, tuple[float, int, float]] = {}
        for _ in range(rounds):  # interleaved: each round runs every command once
            for name, (command, _) in runs.items():
                elapsed, rss, code, cpu = measure(command, "/dev/null")
                if code != 0:
                    print(f"{name}: exit status {code}", file=sys.stderr)
                    return 1
                old = best.get(name)
                best[name] = (min(elapsed, old[0]), max(rss, old[1]), min(cpu, old[2])) if old else (elapsed, rss, cpu)
        size = sheet.stat().st_size
        base, _, base_cpu = best["csv module (baseline)"]
        print(f"{rows:,} rows, {size / 1e6:.0f} MB, best of {rounds}; peak RSS: the largest process; CPU: all of them")
        print(f"{'run':<34}{'seconds':>9}{'ratio':>8}{'target':>8}{'peak RSS':>11}{'CPU s':>8}{'CPU ratio':>11}")
        for name, (_, target) in runs.items():
            elapsed, rss, cpu = best[name]
            goal = f"{target:.0f}x" if target else ""
            print(
                f"{name:<34}{elapsed:>9.2f}{elapsed / base:>7.2f}x{goal:>8}{rss / 1024:>8.0f} MB"
                f"{cpu:>8.2f}{cpu / base_cpu:>10.2f}x"
            )
        summary = {
            name: {"seconds": best[name][0], "ratio": best[name][0] / base, "rss_mb": best[name][1] / 1024,
                   "cpu_seconds": best[name][2], "cpu_ratio": best[name][2] / base_cpu}
            for name in runs
        }  # fmt: skip
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
