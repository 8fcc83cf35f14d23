"""Proof that a change to `chukan-schedule progress` leaves every output byte as it was.

Not a benchmark: the companion of ``bench_progress.py`` for speed work, which must not change
one output byte.  Three steps:

    python bench/progress_outputs.py sheets DIR [--scale S]
        writes a varied set of sheets to DIR: clean national sheets (read a block at a time),
        and sheets with every kind of odd row (blank counts, unknown check marks, the ratio
        column (f), quoted cells over several lines, CP932, a line in the other encoding,
        UTF-16 tab-separated text, zero planned, rows wider or narrower than the header,
        formulas such as =1+1 in cells, lone CR and other line separators, a cell longer
        than a piece of decoded text, an unclosed quote, an .xlsx workbook when openpyxl is
        installed).  ``--scale`` multiplies the rows (1: about 30 MB in all).
    python bench/progress_outputs.py outputs DIR OUT [--src SRC] [--only TEXT] [--options a,b]
        runs `chukan-schedule progress` on every sheet of DIR with each set of options (text,
        JSON, CSV, either language, per organization, one prefecture, to a file) and saves,
        one file per run, its exit status, standard output and standard error (and the file
        written), plus the library's rows (``repr``); ``--src`` puts another checkout's
        ``src`` first on the path (the code before a change, say).
    python bench/progress_outputs.py compare OUT1 OUT2
        says which outputs differ; exit status 1 if any does.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_progress import ITEMS, PREFECTURES, generate

HEADER = (
    "都道府県名,団体コード,団体名,特定個人情報名,登録予定件数(a),（b）実登録件数,"
    "登録対象範囲（件数）の確認,登録後の正確性の確認,備考"
)
SHORT_HEADER = "団体名,特定個人情報名,登録予定件数,実登録件数,登録対象範囲の確認,登録後の正確性の確認"
RATIO_ONLY_HEADER = "団体名,特定個人情報,登録対象範囲の確認,登録後の正確性の確認,（f）"
MARKS = ["済", "済み", "実施済", "実施済み", "確認済", "確認済み", "完了", "有", "あり", "○", "〇", "◯", "✓", "✔",
         "はい", "yes", "y", "true", "1", "未", "未実施", "未確認", "無", "なし", "×", "✕", "-", "－", "―", "いいえ",
         "no", "n", "false", "0", ""]  # fmt: skip
ODD_MARKS = [" 済 ", "ＹＥＳ", "'-", "maybe", "?", "Yes"]
ODD_COUNTS = ["", " ", "1,234", "1,234件", "１２３", "-5", "abc", "007", "0", "99999999999999999999", "12 件", "=1+1",
              "1.5", "−3"]  # fmt: skip
NAMES = ["伊達市", "千代田区", '=HYPERLINK("x")', "+A1", " 空白前", "@sum", "ｶﾀｶﾅ町", "tab\tcity", "Bvillage"]
RATIOS = ["", "45.5%", "0.5", "60%", "abc", "45", "49.9%", "100%", "0.499"]

#: The option sets run on every sheet (OUTFILE: a file written by --output, saved too).
OPTIONS = {
    "text": [], "text_en": ["--lang", "en"], "text_ja": ["--lang", "ja"],
    "json": ["--json"], "json_ja": ["--json", "--lang", "ja"],
    "csv": ["--csv"], "csv_ja": ["--csv", "--lang", "ja"], "csv_en": ["--csv", "--lang", "en"],
    "org": ["--by", "organization"], "org_ja": ["--by", "organization", "--lang", "ja"],
    "org_csv_ja": ["--by", "organization", "--csv", "--lang", "ja"], "org_json": ["--by", "organization", "--json"],
    "pref": ["--prefecture", "北海道"], "pref_csv": ["--prefecture", "北海道", "--csv", "--lang", "ja"],
    "pref_json": ["--prefecture", "北海道", "--json"],
    "csv_file": ["--csv", "--output", "OUTFILE"], "json_file": ["--json", "--output", "OUTFILE"],
}  # fmt: skip

LIBRARY = """
import sys
from chukan_schedule import JULY_2017
from chukan_schedule.progress import Sheet, read_sheet
try:
    sheet = Sheet(sys.argv[1])
    for row in sheet:
        print(repr(row))
    print(sheet.tally)
    print(read_sheet(sys.argv[1], JULY_2017))
except Exception as e:
    print(type(e).__name__, e)
"""


def _quoted(cell: str, sep: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(ch in cell for ch in '"\n\r' + sep) else cell


def _write(path: Path, rows: list[list[str]], header: str = HEADER, *, sep: str = ",", encoding: str = "utf-8",
           newline: str = "\n", title: bool = True) -> None:  # fmt: skip
    with path.open("w", encoding=encoding, newline="") as f:
        if title:
            f.write("本番用副本登録進捗状況集計シート" + newline)
        f.write(header.replace(",", sep) + newline)
        f.writelines(sep.join(_quoted(c, sep) for c in cells) + newline for cells in rows)


def _cp932(rows: list[list[str]]) -> list[list[str]]:
    """The rows with the characters CP932 lacks replaced."""
    table = str.maketrans({"\u200b": "", "✓": "済", "✔": "済", "✕": "×", "◯": "○", "―": "-"})
    return [[c.translate(table) for c in cells] for cells in rows]


class _Corpus:
    def __init__(self, folder: Path, scale: float) -> None:
        self.d = folder
        self.scale = scale
        self.rnd = random.Random(9)

    def n(self, rows: int) -> int:
        return max(1, round(rows * self.scale))

    def odd_row(self, i: int, odd_rate: float) -> list[str]:
        """A row of any kind: every mark and count spelling, names that look like formulas ..."""
        rnd = self.rnd
        planned = rnd.randrange(0, 300_000)
        registered = rnd.choice([planned, planned // 2, planned // 2 - 1, planned // 2 + 1, 0, planned + 5,
                                 rnd.randrange(0, planned + 1)])  # fmt: skip
        cells = [
            rnd.choice([*PREFECTURES, "", "＝1+1"]),
            rnd.choice([f"{i // 7:06d}", "", "=1+1", f"0{i // 7:05d}"]),
            rnd.choice([f"第{i // 7}市", *NAMES]),
            rnd.choice(ITEMS) + rnd.choice(["", "2", "\u200b=x"]),
            str(planned),
            str(max(registered, 0)),
            rnd.choice(MARKS),
            rnd.choice(MARKS),
            "",
        ]
        if rnd.random() < odd_rate:
            kind = rnd.randrange(12)
            if kind == 0:
                cells[4] = rnd.choice(ODD_COUNTS)
            elif kind == 1:
                cells[5] = rnd.choice(ODD_COUNTS)
            elif kind == 2:
                cells[rnd.choice([6, 7])] = rnd.choice(ODD_MARKS)
            elif kind == 3:
                cells[8] = "複数行の\n備考\r\nまだ"
            elif kind == 4:
                cells[2] = "複数\n行の団体"
            elif kind == 5:
                cells = cells[: rnd.randrange(1, 9)]
            elif kind == 6:
                cells += ["", "x", "=2+2"][: rnd.randrange(1, 4)]
            elif kind == 7:
                cells[2] = ""
            elif kind == 8:
                cells[3] = "  "
            elif kind == 9:
                cells[4], cells[5] = "0", rnd.choice(["0", "5"])
            elif kind == 10:
                cells = [""] * 9  # a blank row
            else:
                cells[8] = "-@cmd"
        return cells

    def clean_row(self, i: int) -> list[str]:
        """A row read with the block checked at once (odd only in what it says)."""
        rnd = self.rnd
        planned = rnd.randrange(0, 400_000)
        registered = rnd.choice([planned, planned, planned, planned // 2, planned // 2 - 1, 0,
                                 rnd.randrange(0, planned + 1)])  # fmt: skip
        return [rnd.choice(PREFECTURES), f"{i // 10:06d}", f"第{i // 10}町", ITEMS[i % 10], str(planned),
                str(max(registered, 0)), rnd.choice(["済", "未", "", "○"]), rnd.choice(["済", "未", "", "-"]),
                rnd.choice(["", "", "=1+1", "memo"])]  # fmt: skip

    def block(self, kind: str, size: int) -> list[list[str]]:
        """A block of rows made to take one way through a block checked at once."""
        rnd = self.rnd
        rows = []
        for j in range(size):
            planned = rnd.randrange(1, 500_000)
            registered = planned
            if (kind == "D" and j % 10 < 6) or (kind == "E" and j % 10 < 4):  # most / some rows differ
                registered = rnd.randrange(0, 2 * planned)
            rows.append(["北海道", f"{j // 50:06d}", f"第{j // 50}市", ITEMS[j % 10], str(planned), str(registered),
                         "済", rnd.choice(["済", "未", ""]), ""])  # fmt: skip
        middle = size // 2
        if kind == "A":  # odd registered cells among equal ones
            odd = ["", "007", "1,234", "99999999999999999999", "abc", "５", " 12", "12 ", "-3", "1e3", "0x1"]
            for j, cell in zip(range(5, size, max(1, size // 11)), odd, strict=False):
                rows[j][5] = cell
        elif kind == "B":
            rows[middle][4] = rows[middle][5] = "0"
        elif kind == "C":
            rows[middle][4], rows[middle][5] = "0", "5"
        elif kind == "D":
            rows[min(10, size - 1)][4] = "0"
        elif kind == "F":
            rows[-1][7] = "たぶん"
        elif kind == "G":
            rows[min(3, size - 1)][4] = rows[min(3, size - 1)][5] = "007"
        elif kind == "H":
            rows[min(3, size - 1)][4] = rows[min(3, size - 1)][5] = "99999999999999999999"
        elif kind == "I":
            rows[min(7, size - 1)][5] = str(int(rows[min(7, size - 1)][4]) * 3)
        return rows

    def make(self) -> None:
        d, n, rnd = self.d, self.n, self.rnd
        d.mkdir(parents=True, exist_ok=True)
        generate(d / "bench.csv", n(25_000))
        lines = (d / "bench.csv").read_text(encoding="utf-8").split("\n")
        for k in range(n(2_500), len(lines) - 1, n(5_000)):  # an unknown mark or an extra cell here and there
            lines[k] = lines[k].replace(",済,", ",まあ,", 1) if ",済," in lines[k] else lines[k] + ",extra"
        (d / "bench_odd.csv").write_text("\n".join(lines), encoding="utf-8")

        varied = [self.odd_row(i, 0.15) for i in range(n(12_000))]
        _write(d / "varied.csv", varied)
        _write(d / "varied_crlf.csv", varied, newline="\r\n")
        (d / "varied_bom.csv").write_bytes(b"\xef\xbb\xbf" + (d / "varied_crlf.csv").read_bytes())
        _write(d / "mostly_clean.csv", [self.odd_row(i, 0.0005) for i in range(n(30_000))])
        clean = [self.clean_row(i) for i in range(n(30_000))]
        _write(d / "clean.csv", clean)
        _write(d / "clean_crlf.csv", clean, newline="\r\n")
        _write(d / "clean_cp932.csv", clean, encoding="cp932", newline="\r\n")
        _write(d / "no_prefecture_code.csv", [c[2:8] for c in clean], SHORT_HEADER, title=False)

        ratio = [(c + [rnd.choice(RATIOS)] + [""] * 9)[:10] for c in varied[: n(6_000)]]
        for c in ratio:
            if rnd.random() < 0.2:
                c[4] = c[5] = ""
        _write(d / "ratio.csv", ratio, HEADER + ",割合(f)")
        # rows one cell narrower than a header that ends with the ratio (f)
        _write(d / "ratio_narrow_rows.csv", [c[:9] for c in ratio[:50]], HEADER + ",割合(f)")
        ratio_only = [[c[2], c[3], c[6], c[7], rnd.choice(RATIOS)] for c in clean[: n(3_000)]]
        _write(d / "ratio_only.csv", ratio_only, RATIO_ONLY_HEADER, title=False)

        cp932 = _cp932(varied)
        _write(d / "cp932.csv", cp932, encoding="cp932", newline="\r\n")
        raw = (d / "cp932.csv").read_bytes().split(b"\r\n")
        for k in range(3, len(raw) - 1, n(3_000)):
            raw[k] = "北海道,012131,伊達市ＵＴＦ８,住民票,10,1,済,済,".encode()  # a UTF-8 line in a CP932 sheet
        (d / "cp932_utf8_lines.csv").write_bytes(b"\r\n".join(raw))
        raw = (d / "mostly_clean.csv").read_bytes().split(b"\n")
        for k in range(3, len(raw) - 1, n(1_311)):
            raw[k] = f"北海道,{k:06d},伊達市,住民票,10,{k % 7},済,済,".encode("cp932")  # CP932 lines in UTF-8
        raw[len(raw) // 2] = '北海道,1,A市,x,10,5,済,済,"複数\n'.encode() + "行".encode("cp932") + b'"'
        (d / "utf8_cp932_lines.csv").write_bytes(b"\n".join(raw))

        _write(d / "utf16.txt", cp932[: n(5_000)], sep="\t", encoding="utf-16")
        _write(d / "tabs.tsv", varied[: n(5_000)], sep="\t")

        multi = [list(c) for c in clean[: n(25_000)]]
        for k, c in enumerate(multi):
            c[8] = f"備考{k}\n続き" if k % 3 else "x\r\ny"
        multi[len(multi) // 3][8] = "長" * 400_000  # longer than a piece of decoded text
        _write(d / "multiline.csv", multi)
        raw = (d / "multiline.csv").read_bytes().split(b"\n")
        for k in range(10, len(raw) - 1, n(2_999)):
            raw[k] += "é".encode("latin-1")
        (d / "multiline_mixed.csv").write_bytes(b"\n".join(raw))

        separators = [list(c) for c in clean[: n(20_000)]]
        odd = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r", "a\rb", "\r\n", "x\u2028y"]
        for k, ch in zip(range(1, len(separators), max(1, len(separators) // 12)), odd, strict=False):
            separators[k][8] = ch
        _write(d / "odd_separators.csv", separators)
        data = (d / "clean.csv").read_bytes()
        cut = len(data) // 3
        (d / "lone_cr.csv").write_bytes(data[:cut].replace(b"\n", b"\r", 50) + data[cut:])
        (d / "no_final_line_end.csv").write_bytes(data[:cut].rstrip(b"\n"))
        (d / "two_boms.csv").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + data[:cut])
        (d / "unclosed.csv").write_bytes(data[:cut] + b'x,"never closed\n' + b"y\n" * 10)
        _write(d / "header_only.csv", [])

        blocks: list[list[str]] = []
        for kind in "ABCDEFGHIABE":
            blocks += self.block(kind, 250)
        for kind in "ADE":
            blocks += self.block(kind, 1000)
        _write(d / "blocks.csv", blocks)
        _write(d / "blocks_no_code.csv", [c[2:8] for c in blocks], SHORT_HEADER, title=False)

        data_dir = Path(__file__).resolve().parent.parent / "tests" / "data" / "progress"
        for f in data_dir.glob("*.csv"):
            shutil.copy(f, d / f.name)
        try:
            import openpyxl  # type: ignore[import-untyped]
        except ImportError:
            return
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER.split(","))
        for cells in varied[: n(2_000)]:
            sheet.append([int(c) if c.isdigit() and c.isascii() else c for c in cells])
        book.save(d / "book.xlsx")


def outputs(sheets: Path, out: Path, src: str | None, only: str | None, options: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COLUMNS": "100"}
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    for sheet in sorted(sheets.iterdir()):
        if only and only not in sheet.name:
            continue
        for name in options:
            target = out / f"{sheet.name}.{name}"
            file = Path(f"{target}.file")
            args = [str(file) if a == "OUTFILE" else a for a in OPTIONS[name]]
            command = [sys.executable, "-m", "chukan_schedule", "progress", str(sheet), *args]
            done = subprocess.run(command, capture_output=True, env=env, check=False)
            target.write_bytes(b"exit %d\n--stdout--\n%s\n--stderr--\n%s" % (done.returncode, done.stdout, done.stderr))
        done = subprocess.run([sys.executable, "-c", LIBRARY, str(sheet)], capture_output=True, env=env, check=False)
        (out / f"{sheet.name}.library").write_bytes(done.stdout + b"\n--stderr--\n" + done.stderr)


def compare(a: Path, b: Path) -> int:
    names_a, names_b = {p.name for p in a.iterdir()}, {p.name for p in b.iterdir()}
    different = sorted(names_a ^ names_b)
    for name in different:
        print(f"only in {a if name in names_a else b}: {name}")
    for name in sorted(names_a & names_b):
        if (a / name).read_bytes() != (b / name).read_bytes():
            print(f"different: {name}")
            different.append(name)
    print(f"{len(names_a | names_b)} outputs compared, {len(different)} different")
    return 1 if different else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("sheets")
    p.add_argument("folder", type=Path)
    p.add_argument("--scale", type=float, default=1.0)
    p = sub.add_parser("outputs")
    p.add_argument("sheets", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--src")
    p.add_argument("--only")
    p.add_argument("--options", default=",".join(OPTIONS))
    p = sub.add_parser("compare")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.step == "sheets":
        _Corpus(args.folder, args.scale).make()
        print(f"{len(list(args.folder.iterdir()))} sheets in {args.folder}")
        return 0
    if args.step == "outputs":
        unknown = set(args.options.split(",")) - set(OPTIONS)
        if unknown:
            parser.error(f"unknown options {', '.join(sorted(unknown))}; known: {', '.join(OPTIONS)}")
        outputs(args.sheets, args.out, args.src, args.only, args.options.split(","))
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
