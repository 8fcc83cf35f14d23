"""--output never destroys what it should not: the real program, run as a process (issue 8).

/dev/stdout and its kin are written through the stream; a replaced file keeps its owner, group
and mode; a file the user could not write is refused; a signal mid-write leaves the old file and
no temporary file; a name of 255 bytes works.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from chukan_schedule.atomic import _temporary_prefix, own_descriptor
from chukan_schedule.cli import main

ENV = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def shell(command: str, cwd: Path, *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``command`` in sh, where ``$0`` is this Python (``"$0" -m chukan_schedule`` is the program)."""
    return subprocess.run(
        ["sh", "-c", command, sys.executable],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env or ENV,
        cwd=cwd,
        timeout=120,
        check=False,
    )


PROGRAM = '"$0" -m chukan_schedule'


def assert_one_line_error(r: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert r.returncode == 2, r
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("chukan-schedule: error: "), r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    for needle in needles:
        assert needle in r.stderr


# ---- the process's own streams: written through, never replaced ----


def test_output_dev_stdout_appends_to_the_redirected_log(tmp_path: Path) -> None:
    r = shell(f"printf 'LOG\\n' > log.txt; {PROGRAM} chart --output /dev/stdout >> log.txt", tmp_path)
    assert (r.returncode, r.stderr) == (0, "")
    text = (tmp_path / "log.txt").read_text(encoding="utf-8")
    assert text.startswith("LOG\n<?xml version=")
    assert text.rstrip().endswith("</svg>")


def test_output_dev_stdout_keeps_what_the_group_wrote_before_and_after(tmp_path: Path) -> None:
    r = shell(f"{{ echo before; {PROGRAM} ics --output /dev/stdout; echo after; }} > f", tmp_path)
    assert (r.returncode, r.stderr) == (0, "")
    data = (tmp_path / "f").read_bytes()
    assert data.startswith(b"before\nBEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\nafter\n")


def test_output_dev_stdout_is_the_same_bytes_as_dash(tmp_path: Path) -> None:
    r = shell(f"{PROGRAM} ics --output - > a.ics; {PROGRAM} ics --output /dev/stdout > b.ics", tmp_path)
    assert r.returncode == 0
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()


def test_output_dev_stderr_and_proc_self_fd_write_through(tmp_path: Path) -> None:
    r = shell(
        "echo first > err.txt; echo three > fd3.txt; "
        f"{PROGRAM} chart --output /dev/stderr 2>> err.txt; "
        f"{PROGRAM} chart --output /proc/self/fd/3 3>> fd3.txt; "
        f"{PROGRAM} chart --output /dev/fd/3 3>> fd3.txt",
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    assert err.startswith("first\n<?xml") and err.count("<svg") == 1
    fd3 = (tmp_path / "fd3.txt").read_text(encoding="utf-8")
    assert fd3.startswith("three\n<?xml") and fd3.count("<svg") == 2


def test_a_link_to_dev_stdout_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "out.svg").symlink_to("/dev/stdout")
    r = shell(f"echo LOG > log.txt; {PROGRAM} chart --output out.svg >> log.txt", tmp_path)
    assert r.returncode == 0
    assert (tmp_path / "out.svg").is_symlink()
    assert (tmp_path / "log.txt").read_text(encoding="utf-8").startswith("LOG\n<?xml")


def test_a_closed_stdout_named_as_dev_stdout_is_an_error(tmp_path: Path) -> None:
    r = shell(f"{PROGRAM} chart --output /dev/stdout >&-", tmp_path)
    assert_one_line_error(r, "standard output")
    assert os.listdir(tmp_path) == []


def test_own_descriptor_names() -> None:
    # Worked by hand: these are the names Linux gives this process's descriptors.
    assert own_descriptor("/dev/stdout") == 1
    assert own_descriptor("/dev/stderr") == 2
    assert own_descriptor("/dev/fd/7") == 7
    assert own_descriptor("/proc/self/fd/4") == 4
    assert own_descriptor(f"/proc/{os.getpid()}/fd/5") == 5
    assert own_descriptor("/tmp/stdout") is None
    assert own_descriptor("/dev/null") is None
    assert own_descriptor("/proc/1/fd/1") is None or os.getpid() == 1


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    r = shell(f"cat pipe > got.svg & {PROGRAM} chart --output pipe; wait", tmp_path)
    assert r.returncode == 0
    assert (tmp_path / "pipe").is_fifo()
    assert (tmp_path / "got.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_a_character_device_is_written_not_replaced(tmp_path: Path) -> None:
    r = shell(f"{PROGRAM} ics --output /dev/null", tmp_path)
    assert (r.returncode, r.stderr) == (0, "")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# ---- replacing a regular file: owner, group, mode; refusing what the user could not write ----


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    r = shell(f"{PROGRAM} ics --output out.ics", tmp_path)
    assert r.returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another user")
def test_root_replacing_a_users_file_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, NOBODY, NOBODY)
    target.chmod(0o600)
    r = shell(f"{PROGRAM} ics --output mine.ics", tmp_path)
    assert (r.returncode, r.stderr) == (0, "")
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o600)
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert sorted(os.listdir(tmp_path)) == ["mine.ics"]


@pytest.mark.skipif(not IS_ROOT, reason="root's own rule")
def test_root_is_refused_a_write_protected_file(tmp_path: Path) -> None:
    target = tmp_path / "kept.ics"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    r = shell(f"{PROGRAM} ics --output kept.ics", tmp_path)
    assert_one_line_error(r, "--output kept.ics", "write-protected")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["kept.ics"]
    ja = shell(f"{PROGRAM} --lang ja ics --output kept.ics", tmp_path)
    assert ja.returncode == 2 and "書き込み禁止" in ja.stderr


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder anyone may write in (tmp_path is root's own when the tests run as root)."""
    path = Path(tempfile.mkdtemp(prefix="chukan-shared-"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def as_user(command: str) -> str:
    """``command`` run as an ordinary user: ``nobody`` when the tests run as root."""
    if not IS_ROOT:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is needed to run as another user")
    return f"setpriv --reuid={NOBODY} --regid={NOBODY} --clear-groups {command}"


def test_an_ordinary_user_is_refused_a_read_only_file(shared_dir: Path) -> None:
    target = shared_dir / "read-only.ics"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    if IS_ROOT:
        os.chown(target, NOBODY, NOBODY)
    r = shell(as_user(f'"$0" -m chukan_schedule ics --output {target}'), shared_dir)
    assert_one_line_error(r, "Permission denied")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(shared_dir)) == ["read-only.ics"]


@pytest.mark.skipif(not IS_ROOT, reason="needs two users")
def test_an_ordinary_user_is_refused_another_users_writable_file(shared_dir: Path) -> None:
    # Writable for everyone, but replacing it would make it nobody's: refused, left as it is.
    target = shared_dir / "roots.ics"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o666)
    r = shell(as_user(f'"$0" -m chukan_schedule ics --output {target}'), shared_dir)
    assert_one_line_error(r, "belongs to another user (uid 0)")
    st = target.stat()
    assert (st.st_uid, stat.S_IMODE(st.st_mode)) == (0, 0o666)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(shared_dir)) == ["roots.ics"]


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    r = shell(f"umask 027; {PROGRAM} ics --output new.ics", tmp_path)
    assert r.returncode == 0
    assert stat.S_IMODE((tmp_path / "new.ics").stat().st_mode) == 0o640


# ---- signals mid-write ----

# The program's main(), with fsync (the moment between writing the temporary file and the
# rename) sending the process the signal: deterministic, and otherwise the real program.
SIGNALLED = textwrap.dedent(
    """
    import os, signal, sys
    real_fsync = os.fsync
    def fsync(fd):
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
        real_fsync(fd)
    os.fsync = fsync
    from chukan_schedule.cli import main
    sys.exit(main(["ics", "--output", sys.argv[2]]))
    """
)


@pytest.mark.parametrize(
    "name,status",
    [("SIGTERM", -signal.SIGTERM), ("SIGHUP", -signal.SIGHUP), ("SIGINT", 128 + signal.SIGINT)],
)
def test_a_signal_during_the_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, name: str, status: int) -> None:
    target = tmp_path / "kept.ics"
    target.write_text("old\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-c", SIGNALLED, name, str(target)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        check=False,
    )
    # SIGTERM and SIGHUP end the process by the signal (a shell reports 143, 129); SIGINT is 130.
    assert r.returncode == status, r.stderr
    assert "Traceback" not in r.stderr
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["kept.ics"]


IGNORE_SIGHUP = "import signal; signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"


def test_an_ignored_sighup_stays_ignored(tmp_path: Path) -> None:
    # Under nohup SIGHUP is ignored: the write goes on and completes.
    target = tmp_path / "new.ics"
    r = subprocess.run(
        [sys.executable, "-c", IGNORE_SIGHUP + SIGNALLED, "SIGHUP", str(target)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        check=False,
    )
    assert (r.returncode, r.stderr) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert os.listdir(tmp_path) == ["new.ics"]


# ---- long names ----


@pytest.mark.parametrize("name", ["あ" * 80 + ".ics", "a" * 251 + ".ics", "x.ics", "日" * 83 + ".ics"])
def test_a_name_up_to_255_bytes_works(tmp_path: Path, name: str) -> None:
    assert len(name.encode("utf-8")) <= 255
    target = tmp_path / name
    target.write_text("old\n", encoding="utf-8")
    assert main(["ics", "--output", str(target)]) == 0  # in-process: the write is the same
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert os.listdir(tmp_path) == [name]


@pytest.mark.parametrize(
    "name", ["あ" * 80 + ".ics", "a" * 251 + ".ics", "b" * 30 + ".svg", "c" * 11 + ".ics", "日" * 83 + ".ics"]
)
def test_the_temporary_name_is_no_longer_than_the_target(name: str) -> None:
    # mkstemp adds 8 characters and ".tmp" to the prefix ".<name>.".
    temporary = len(os.fsencode(_temporary_prefix(Path(name)))) + 8 + len(".tmp")
    assert temporary <= len(name.encode("utf-8"))


def test_a_short_name_has_a_short_temporary_name() -> None:
    # ".x." + 8 + ".tmp": 15 bytes, the shortest a temporary name can be.
    assert _temporary_prefix(Path("x.ics")) == ".x."


# ---- the encoding of standard output ----


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_an_encoding_that_cannot_hold_the_text_is_said_to_be_one(tmp_path: Path, encoding: str) -> None:
    env = {**ENV, "PYTHONIOENCODING": encoding}
    r = shell(f"{PROGRAM} --lang ja table", tmp_path, env=env)
    assert_one_line_error(r, f"its encoding {encoding} cannot write", "PYTHONIOENCODING=utf-8")
    assert "closed" not in r.stderr.replace("not a closed output", "")
    assert r.stdout == ""


def test_the_encoding_error_is_in_japanese_when_stderr_can_write_it(tmp_path: Path) -> None:
    # Standard output narrow, standard error UTF-8: the Japanese line.
    r = shell(f"{PROGRAM} --lang ja table 2> err.txt", tmp_path, env={**ENV, "PYTHONIOENCODING": "ascii"})
    assert r.returncode == 2
    err = (tmp_path / "err.txt").read_bytes().decode("ascii", "backslashreplace")
    # stderr follows PYTHONIOENCODING too (ascii): the English line, readable, rather than escapes.
    assert err.startswith("chukan-schedule: error: cannot write to standard output: its encoding ascii")


# ---- bounded, escaped error lines ----


def test_a_huge_argument_makes_a_short_error_line(tmp_path: Path) -> None:
    huge = "x" * 100_000  # near the kernel's limit for one argument
    for argv in (["check", huge], ["--plan", huge, "table"], ["ics", "--output", huge + "/a.ics"], ["table", huge]):
        r = subprocess.run(
            [sys.executable, "-m", "chukan_schedule", *argv],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=ENV,
            timeout=120,
            check=False,
            cwd=tmp_path,
        )
        assert_one_line_error(r)
        assert len(r.stderr) < 2500, (argv[:1], len(r.stderr))
    assert os.listdir(tmp_path) == []


def test_control_characters_in_an_output_name_are_escaped(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "chukan_schedule", "ics", "--output", "missing/\x1b[2Jevil\rname.ics"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert_one_line_error(r, "\\x1b[2Jevil")
    assert "\x1b" not in r.stderr and "\r" not in r.stderr


# ---- input files given to --plan ----


@pytest.mark.parametrize("name,kind", [("/dev/zero", "a pipe or a device"), (".", "a folder")])
def test_plan_that_is_no_regular_file_is_refused_at_once(tmp_path: Path, name: str, kind: str) -> None:
    r = shell(f"{PROGRAM} --plan {name} table", tmp_path)
    assert_one_line_error(r, f"{kind}, not a regular file")


def test_plan_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "plan.toml")
    r = shell(f"{PROGRAM} --plan plan.toml table", tmp_path)  # timeout=120 in shell(): it must not hang
    assert_one_line_error(r, "a pipe or a device, not a regular file")


def test_a_thread_writing_does_not_install_signal_handlers(tmp_path: Path) -> None:
    # Signal handlers can only be set in the main thread: a write from another thread still works.
    from chukan_schedule.atomic import write_atomic

    errors: list[BaseException] = []

    def write() -> None:
        try:
            write_atomic(tmp_path / "t.txt", b"from a thread")
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=write)
    t.start()
    t.join(timeout=30)
    assert errors == []
    assert (tmp_path / "t.txt").read_bytes() == b"from a thread"


def test_text_goes_to_stdout_in_its_encoding_and_to_a_file_in_the_file_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from chukan_schedule.cli.output import StdoutError, write_or_print

    narrow = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", narrow)
    with pytest.raises(StdoutError, match="its encoding ascii cannot write '東'"):
        write_or_print("東京\n", None)
    write_or_print("Tokyo\n", "-")
    narrow.flush()
    assert narrow.buffer.getvalue() == b"Tokyo\n"
    write_or_print("東京\n", str(tmp_path / "out.csv"), "utf-8-sig")
    assert (tmp_path / "out.csv").read_bytes() == b"\xef\xbb\xbf" + "東京\n".encode()
