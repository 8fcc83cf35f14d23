"""Atomic file writes: a file is replaced whole or left untouched, never half-written.

What :func:`write_atomic` does with the name it is given:

* a new name, or an existing regular file: the data goes to a temporary file in the same
  folder, which then replaces the target in one rename.  An existing file keeps its mode,
  owner and group (as root the temporary file is given them; a user who cannot give them,
  because the file belongs to someone else, is refused rather than taking it over);
* a file the running user could not open for writing is refused, as a shell's ``>`` would
  refuse it; root, whom no mode bit stops, is refused a file that has no write bit at all
  (``chmod a-w``: write-protected on purpose);
* one of this process's own open files, named as ``/dev/stdout``, ``/dev/stderr``,
  ``/dev/fd/N`` or ``/proc/self/fd/N``: written through that descriptor, at its position,
  like a shell's ``>&N``; the file behind it is never replaced (``>> log`` keeps the log);
* a FIFO or a device: opened and written to, since it cannot be replaced;
* a folder, or a name ending with a slash: refused;
* a symbolic link: followed (the link stays, its target is replaced).

SIGTERM, SIGHUP or SIGINT during the write removes the temporary file and leaves the old
file as it was; then the signal takes its usual course (the process ends with it).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from os import PathLike
from pathlib import Path
from types import FrameType
from typing import TypeAlias

from .messages import Message, msg

__all__ = ["WriteRefusedError", "own_descriptor", "signals_blocked", "write_atomic"]

#: The signals that would otherwise end the process mid-write and leave a temporary file.
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))

_FD_PATH = re.compile(r"/(?:dev/fd|proc/(?:self|thread-self|(\d+)(?:/task/\d+)?)/fd)/(\d+)")


class WriteRefusedError(PermissionError):
    """A file :func:`write_atomic` will not replace; ``message`` says why (``strerror``: in English)."""

    def __init__(self, code: int, message: Message, filename: str) -> None:
        super().__init__(code, str(message), filename)
        self.message = message


def own_descriptor(name: str | PathLike[str]) -> int | None:
    """The file descriptor of this process that ``name`` stands for, or None.

    ``/dev/stdout`` is 1, ``/dev/stderr`` 2, ``/dev/fd/N`` and ``/proc/self/fd/N`` are N
    (also reached through a symbolic link to one of them).  Such a name must be written
    through the descriptor: resolved to a file and replaced, it would destroy what the
    shell redirected the descriptor to.
    """
    path = os.path.abspath(os.fspath(name))
    for _ in range(40):  # as many links as the kernel follows
        m = _FD_PATH.fullmatch(path)
        if m and (m[1] is None or int(m[1]) == os.getpid()):
            return int(m[2])
        head, tail = os.path.split(path)
        head = os.path.realpath(head)  # /dev/fd -> /proc/self/fd -> /proc/<pid>/fd
        path = os.path.join(head, tail)
        m = _FD_PATH.fullmatch(path)
        if m and (m[1] is None or int(m[1]) == os.getpid()):
            return int(m[2])
        try:
            target = os.readlink(path)
        except (OSError, ValueError):
            return None
        path = os.path.normpath(os.path.join(head, target))
    return None


#: What :func:`write_atomic` writes: bytes, or a function that writes them in pieces
#: through the ``write`` it is given (output too large to hold in memory).
Data: TypeAlias = "bytes | Callable[[Callable[[bytes], object]], object]"


def _emit(write: Callable[[bytes], object], data: Data) -> None:
    if isinstance(data, bytes):
        write(data)
    else:
        data(write)


def write_atomic(path: str | PathLike[str], data: Data) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    ``data`` is bytes, or a function called with a ``write`` function to produce them piece by
    piece; if it raises, nothing is replaced.

    If anything fails, an existing file at ``path`` is left as it was and no temporary
    file is left behind.  See the module's documentation for links, devices, this
    process's own descriptors (``/dev/stdout``) and write-protected files.
    """
    name = os.fspath(path)
    if not name:
        raise FileNotFoundError(errno.ENOENT, "an empty path; give a file name", "")
    if name.endswith(("/", os.sep)):
        raise IsADirectoryError(errno.EISDIR, "names a folder (it ends with a slash); give a file name", name)
    fd = own_descriptor(name)
    if fd is not None:
        _write_descriptor(fd, data, name)
        return
    try:
        st = os.stat(name)  # follows links
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder; give a file name", name)
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(name, "wb") as f:  # a device or a pipe: nothing to replace, so write to it
            _emit(f.write, data)
        return
    if st is not None:
        _check_writable(name, st)
    target = Path(os.path.realpath(name))  # a link stays a link: its target is replaced
    try:
        with _signals_raise():
            _replace(target, data, st, name)
    except _Signalled as exc:
        signal.raise_signal(exc.signum)  # the handler there was before: by default, the process ends
        raise InterruptedError(errno.EINTR, f"interrupted by signal {exc.signum}; nothing written", name) from None


def _write_descriptor(fd: int, data: Data, name: str) -> None:
    """Write ``data`` at the current position of this process's descriptor ``fd``."""
    for stream in (sys.stdout, sys.stderr):  # what Python still buffers for it goes first
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if stream is not None and stream.fileno() == fd:
                stream.flush()
    try:
        os.fstat(fd)
    except OSError as exc:
        raise OSError(exc.errno, "that file descriptor is not open", name) from None

    def write(chunk: bytes) -> None:
        view = memoryview(chunk)
        try:
            while view:
                view = view[os.write(fd, view) :]
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, name) from None

    _emit(write, data)


def _check_writable(name: str, st: os.stat_result) -> None:
    """Refuse a file the user could not open for writing, as a shell's ``>`` would."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if not st.st_mode & 0o222:
            raise WriteRefusedError(errno.EACCES, msg("output.write_protected"), name)
        return
    effective = os.access in os.supports_effective_ids
    if not os.access(name, os.W_OK, effective_ids=effective):
        raise WriteRefusedError(errno.EACCES, msg("output.not_writable"), name)


def _temporary_prefix(target: Path) -> str:
    """``.<name>.``, the name cut so that the temporary name is no longer than the target's.

    ``mkstemp`` adds 8 random characters and the suffix ``.tmp``; so a name that fits the
    file system's limit (255 bytes) has a temporary name that fits too.  (A name shorter
    than 15 bytes has a temporary name of 15 bytes.)
    """
    extra = len(".") + len(".") + 8 + len(".tmp")
    room = max(len(os.fsencode(target.name)) - extra, 1)  # a name under 15 bytes: a 15-byte temporary
    stem = target.name
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return f".{stem}."


def _replace(target: Path, data: Data, st: os.stat_result | None, name: str) -> None:
    tmp: str | None = None
    fd = -1
    try:
        with signals_blocked():  # a signal between creating the file and knowing its name ...
            try:
                fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_temporary_prefix(target), suffix=".tmp")
            except OSError as exc:  # name the file the caller asked for, not our temporary one
                raise OSError(exc.errno, exc.strerror, name) from exc
        # ... is handled here, where the file is known and removed.
        with os.fdopen(fd, "wb") as f:
            fd = -1  # closed with f
            _emit(f.write, data)
            f.flush()
            if st is not None:
                _keep_owner(f.fileno(), st, name)
                _set_mode(f.fileno(), tmp, stat.S_IMODE(st.st_mode))
            else:
                umask = os.umask(0)
                os.umask(umask)
                _set_mode(f.fileno(), tmp, 0o666 & ~umask)
            os.fsync(f.fileno())
        os.replace(tmp, target)
        tmp = None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _set_mode(fd: int, path: str, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows before Python 3.13
        os.chmod(path, mode)


def _keep_owner(fd: int, st: os.stat_result, name: str) -> None:
    """Give the new file the old one's owner and group, or refuse to replace it."""
    if not hasattr(os, "fchown"):  # pragma: no cover - Windows: no owners to keep
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    with contextlib.suppress(PermissionError):  # only root may give a file away
        os.fchown(fd, st.st_uid if mine.st_uid != st.st_uid else -1, st.st_gid)
    mine = os.fstat(fd)
    if mine.st_uid != st.st_uid:
        raise WriteRefusedError(errno.EPERM, msg("output.other_owner", uid=st.st_uid), name)
    if mine.st_gid != st.st_gid:
        raise WriteRefusedError(errno.EPERM, msg("output.other_group", gid=st.st_gid), name)


class _Signalled(BaseException):
    """A signal arrived during the write (a BaseException, so that no ``except Exception`` keeps it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """Turn SIGTERM, SIGHUP and SIGINT into :class:`_Signalled` (those not ignored; main thread only)."""
    if not _in_main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise _Signalled(signum)

    before = {}
    for signum in _SIGNALS:
        old = signal.getsignal(signum)
        if old is signal.SIG_IGN or old is None:  # nohup's SIGHUP stays ignored
            continue
        before[signum] = old
        signal.signal(signum, handler)
    try:
        yield
    finally:
        with signals_blocked():  # a second signal must not find some handlers restored, some not
            for signum, old in before.items():
                signal.signal(signum, old)


@contextlib.contextmanager
def signals_blocked() -> Iterator[None]:
    """Hold SIGTERM, SIGHUP and SIGINT back for a moment (they are delivered when it ends)."""
    if not hasattr(signal, "pthread_sigmask") or not _in_main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
