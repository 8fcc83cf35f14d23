"""The command line's language: --help and errors follow --lang, else the locale; English stays English."""

from __future__ import annotations

import os
import subprocess

import pytest

import clikit
from chukan_schedule.cli import default_lang, main
from clikit import run


def program(*argv: str, lang_env: str) -> subprocess.CompletedProcess[str]:
    """The real program with ``LANG=lang_env`` (and no LC_ALL or LC_MESSAGES to override it)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG=lang_env, PYTHONIOENCODING="utf-8")
    return clikit.program(*argv, env=env)


def test_help_in_a_japanese_locale() -> None:
    r = program("check", "--help", lang_env="ja_JP.UTF-8")
    assert r.returncode == 0 and r.stderr == ""
    assert r.stdout.startswith("使い方：chukan-schedule check [-h]")
    assert "ある時刻の判定：モード、何ができるか、日の区分、操作ごとの可否とその理由" in r.stdout
    assert "  -h, --help            このヘルプを表示して終了します" in r.stdout


def test_lang_en_overrides_a_japanese_locale() -> None:
    r = program("--lang", "en", "--help", lang_env="ja_JP.UTF-8")
    assert r.stdout.startswith("usage: chukan-schedule [-h] [--version]")
    assert "show this help message and exit" in r.stdout


def test_lang_after_help_still_counts() -> None:
    # --help stops argparse at once: --lang after it is read from argv first.
    r = program("windows", "--help", "--lang", "ja", lang_env="C.UTF-8")
    assert r.stdout.startswith("使い方：chukan-schedule windows")
    assert "この時刻から（省略時は計画の始まり）" in r.stdout


def test_lang_spellings_at_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "JA", "check", "2017-07-15T10:00", "-o", "符号取得"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2017-07-15（土） 10:00 JST：通常（通常実行モード）、サーバー稼働中")
    # Test mode 07-03..07 (N2), weekdays 08:00-21:00: after Mon 07-03 09:00 the next opens Tue 07-04 08:00.
    assert main(["--lang", "ja-JP", "next", "運用確認", "H29.7.3 午前9時"]) == 0
    assert capsys.readouterr().out == (
        "2017-07-03（月） 9:00 JSTに情報連携のテスト・運用確認が可能です（2017-07-03（月） 21:00 JSTまで）："
        "2017-07-03（月） 8:00～21:00 [N2]\n"
        "2017-07-03（月） 9:00 JSTの次の情報連携のテスト・運用確認の時間帯：2017-07-04（火） 8:00～21:00 [N2]\n"
    )


def test_unrecognized_arguments_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ja", "table", "--frobnicate", "x"]) == 2
    assert capsys.readouterr().err == (
        "chukan-schedule: エラー: 認識できない引数：--frobnicate x（'chukan-schedule table --help' を参照）\n"
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "ja_JP.eucJP"}, "ja"),
        ({"LC_ALL": "ja_JP", "LC_MESSAGES": "en_US"}, "ja"),
    ],
)
def test_default_lang(env: dict[str, str], expected: str) -> None:
    assert default_lang(env) == expected


def test_lang_from_locale_and_option(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    _, out, _ = run(capsys, "next", "linkage", "2017-07-15T10:00")
    assert "情報連携" in out
    _, out, _ = run(capsys, "next", "linkage", "2017-07-15T10:00", "--lang", "en")
    assert out.startswith("next linkage window")
    _, out, _ = run(capsys, "--lang", "en", "next", "linkage", "2017-07-15T10:00")
    assert out.startswith("next linkage window")
