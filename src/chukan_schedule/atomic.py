"""Atomic file writes: a file is replaced whole or left untouched, never half-written."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from os import PathLike
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    If anything fails, an existing file at ``path`` is left as it was and no temporary
    file is left behind.  A symbolic link is followed (the link stays, its target is
    replaced); a target that is not a regular file (``/dev/null``, a FIFO) is written to
    directly, since it cannot be replaced; a folder is refused.
    """
    name = os.fspath(path)
    if not name:
        raise FileNotFoundError(errno.ENOENT, "an empty path; give a file name", "")
    if name.endswith(("/", os.sep)):
        raise IsADirectoryError(errno.EISDIR, "names a folder (it ends with a slash); give a file name", name)
    try:
        st = os.stat(name)  # follows links, /dev/stdout's to a pipe included
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder; give a file name", name)
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(name, "wb") as f:  # a device or a pipe: nothing to replace, so write to it
            f.write(data)
        return
    target = Path(os.path.realpath(name))  # a link stays a link: its target is replaced
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:  # name the file the caller asked for, not our temporary one
        raise OSError(exc.errno, exc.strerror, name) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if st is not None:
            mode = st.st_mode & 0o777
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
