"""A file name too long for the system: cut in the error line, with its length, and the system's reason in either language."""

from __future__ import annotations

import os

from clikit import program


def test_a_long_sheet_name_is_cut_with_its_length_and_the_reason_in_japanese() -> None:
    name = "x" * 1500  # longer than any file name may be: the system says so (ENAMETOOLONG)
    done = program("progress", name)
    assert done.returncode == 2
    assert done.stderr == (
        "chukan-schedule: error: " + "x" * 200 + "… (1500 characters): cannot be read (File name too long); "
        "accepted: a readable CSV or .xlsx file\n"
    )
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    done = program("--lang", "ja", "progress", name, env=env)
    assert done.stderr == (
        "chukan-schedule: エラー: 進捗シート "
        + "x" * 200
        + "…（1500文字） を読み取れません（ファイル名が長すぎます）\n"
    )
