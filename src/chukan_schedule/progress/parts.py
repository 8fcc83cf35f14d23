"""A large sheet read in parts, one per process, and written as if it had been read in one.

A CSV or tab-separated sheet in UTF-8 or CP932 is cut where a segment of
:data:`~.report.SEGMENT_LINES` lines starts, near equal sizes.  This process reads the first
part as usual; each other process reads its part from its first byte, checks its rows and
writes them (:func:`.writers.write_part`) to a temporary file, with its rows in error to
another and its totals returned.  After its own part, this process writes each later part's
output after its own, adds the rows in error and counts in the totals.  What is written is
byte for byte what one process writes: a block of rows never spans two segments, and the
text table is aligned afresh in each.

The cut is checked: the first part must end where a row starts on the later part's first
line.  When it does not (a quoted cell over several lines spans the cut), the first part
reads on to the end and the later parts are thrown away; a later part that ends the same
way reads on to the end and the parts after it are thrown away.  (A carriage return alone
inside a line is a quoted cell's own, or else the csv module refuses the sheet there: it
never ends a row, so no part counts its lines another way.)

The temporary files are in the system's temporary folder (``TMPDIR``), removed at the end,
also when the command fails or is stopped.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any, NamedTuple

from ..atomic import signals_blocked
from .report import PartOfSheet, Sheet, Tally, file_identity
from .sheeterror import SheetError, said_name

__all__ = ["PartDone", "Parts", "cut_points", "start"]

_SCAN = 1 << 22


class PartDone(NamedTuple):
    """A later part, read: its output and its rows in error (files), what the first part joins
    it on (see :func:`.writers.write_part`), its totals."""

    output: str
    errors: str
    seam: object
    tally: Tally

    def copy_output(self, write: Callable[[str], object]) -> None:
        """Write the part's output with ``write``, or as the bytes are, when ``write`` is the
        method of an object whose ``utf8_writer()`` gives a function that takes them."""
        writer = getattr(getattr(write, "__self__", None), "utf8_writer", None)
        put = writer() if writer is not None else None
        if put is not None:
            with open(self.output, "rb") as raw:
                while data := raw.read(1 << 20):
                    put(data)
            return
        with open(self.output, encoding="utf-8", errors="surrogatepass", newline="") as f:
            while chunk := f.read(1 << 20):
                write(chunk)


def _nth_line_start(data: bytes, n: int) -> int:
    """The index just after the ``n``-th ``\\n`` of ``data`` (which has at least ``n``)."""
    at = 0
    while True:  # a stride at a time, then line by line
        found = data.count(b"\n", at, at + (1 << 16))
        if found >= n:
            break
        n -= found
        at += 1 << 16
    for _ in range(n):
        at = data.index(b"\n", at) + 1
    return at


Cut = tuple[int, int]


def cut_points(name: str, first_line: int, segment_lines: int, parts: int) -> tuple[list[Cut], tuple[int, ...]]:
    """Where to cut the file ``name`` into up to ``parts`` parts of near equal sizes: a list of
    (line, byte offset) of segment starts on line ``first_line`` or later (lines end at ``\\n``),
    and the file's identity.  The file is read as far as the last cut."""
    starts: list[tuple[int, int]] = []  # the segments' starts
    line = max(1, -(-(first_line - 1) // segment_lines)) * segment_lines + 1  # the first segment start to find
    with open(name, "rb") as f:
        status = os.fstat(f.fileno())
        size = status.st_size
        last = size * (parts - 1) // parts  # the last cut is near here
        counted = 0  # the newlines before this chunk
        offset = 0  # this chunk's first byte
        while not (starts and starts[-1][1] > last) and (chunk := f.read(_SCAN)):
            n = chunk.count(b"\n")
            while line - 1 - counted <= n:
                starts.append((line, offset + _nth_line_start(chunk, line - 1 - counted)))
                line += segment_lines
            counted += n
            offset += len(chunk)
    usable = [s for s in starts if 0 < s[1] < size]
    cuts: list[tuple[int, int]] = []
    for k in range(1, parts):
        if not usable:
            break
        target = size * k // parts
        best = min(usable, key=lambda s: abs(s[1] - target))
        if not cuts or best[1] > cuts[-1][1]:
            cuts.append(best)
    return cuts, file_identity(status)


def _context() -> Any:
    """fork where it is safe (a POSIX system, one thread, not macOS), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class _Job(NamedTuple):
    spec: PartOfSheet
    kind: str
    lang: str | None
    output: str
    errors: str
    field_limit: int


#: The signals held back while a part's process starts (:func:`~chukan_schedule.atomic.signals_blocked`),
#: until it has its own handlers: a new process inherits the first one's, which may be the
#: atomic writer's, raising an exception.
_HELD = {getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)}


def _run(job: _Job, conn: Connection, counter: Any) -> None:
    """A later part, in its own process: read, check and write it; send back how it went."""
    import csv
    import gc

    for name in ("SIGINT", "SIGHUP"):  # the first process stops this one (Ctrl+C reaches both)
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):  # (to the whole group: `timeout`, systemd) its files go with it

        def stopped(signum: int, frame: object) -> None:
            _remove(job)
            os._exit(128 + signum)

        signal.signal(signal.SIGTERM, stopped)
    if _HELD and hasattr(signal, "pthread_sigmask"):  # now that this process has its own handlers
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    csv.field_size_limit(job.field_limit)
    gc.set_threshold(max(gc.get_threshold()[0], 200_000))
    _watch_parent(job)
    try:
        from .writers import results_of, write_part

        sheet = Sheet.part(job.spec)

        def tick(n: int) -> None:
            counter.value = n

        with (
            open(job.output, "w", encoding="utf-8", errors="surrogatepass", newline="") as out,
            open(job.errors, "w", encoding="utf-8", errors="surrogatepass", newline="") as errs,
        ):
            seam = write_part(job.kind, results_of(sheet, tick), job.lang, out.write, errs.write)
        counter.value = sheet.tally.rows_read
        answer: tuple[object, ...] = ("done", seam, sheet.tally, sheet.split_ok or job.spec.stop_line is None)
    except SheetError as e:
        answer = ("error", e)
    except OSError as e:  # writing the part's files (a full disk ...)
        from ..messages import msg, os_problem

        where = said_name(os.path.dirname(os.path.dirname(job.output)))  # TMPDIR
        answer = (
            "error",
            SheetError(msg("progress.part_failed", name=said_name(job.spec.name), folder=where, reason=os_problem(e))),
        )
    except BaseException as e:  # a defect: said as such by the first process
        import traceback

        answer = ("defect", "".join(traceback.format_exception(e)))
    # The files stay until the first process has copied them: it says so (or ends, however it
    # ends: see _watch_parent).  Then they are removed.
    try:
        conn.send(answer)
        conn.recv()
    except (EOFError, OSError):
        pass
    finally:
        _remove(job)
        conn.close()


def _remove(job: _Job) -> None:
    """Remove a part's files, and the folder if they were the last ones in it."""
    for path in (job.output, job.errors):
        with contextlib.suppress(OSError):
            os.remove(path)
    with contextlib.suppress(OSError):
        os.rmdir(os.path.dirname(job.output))


def _watch_parent(job: _Job) -> None:
    """Should the first process end without stopping this one (killed by a signal, say), this
    one removes what it wrote and ends too: nothing is left running or lying in the temporary folder."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        _remove(job)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _died(job: _Job, code: int | None) -> SheetError:
    """The error for a later part's process that ended without saying how it went."""
    from ..lang import Text
    from ..messages import msg

    if code is not None and code < 0:
        how = Text(f"signal {-code}", f"シグナル {-code}")
    else:
        how = Text(f"exit status {code}", f"終了ステータス {code}")
    return SheetError(msg("progress.part_died", name=said_name(job.spec.name), how=how))


class Parts:
    """The later parts of a sheet, each read by its own process."""

    def __init__(self, folder: str, kept: int) -> None:
        self.folder = folder
        self.kept = kept  # the sheet's file, open while the parts read it
        self.running: list[tuple[Any, Connection, Any, _Job]] = []
        self.answered: set[int] = set()  # the connections of the parts that said how they went

    def rows_read(self) -> int:
        """The rows the later parts have read so far (as last told)."""
        return sum(int(counter.value) for _, _, counter, _ in self.running)

    def wait(self, tick: Callable[[int], None] | None) -> Iterator[PartDone]:
        """Each later part, in order, as it is done; :class:`SheetError` as it would be raised in one process."""
        try:
            for process, conn, _, job in self.running:
                while not conn.poll(0.25):
                    if not process.is_alive() and not conn.poll(0):
                        raise _died(job, process.exitcode)
                    if tick is not None:
                        tick(self.rows_read())
                try:
                    answer = conn.recv()
                except (EOFError, OSError):  # it ended without a word (killed, out of memory ...)
                    process.join(timeout=1)
                    raise _died(job, process.exitcode) from None
                self.answered.add(id(conn))
                if answer[0] == "error":  # the error one process would have met there
                    raise answer[1]
                if answer[0] == "defect":
                    raise RuntimeError(f"a process reading {job.spec.name} failed:\n{answer[1]}")
                _, seam, tally, to_its_stop = answer
                yield PartDone(job.output, job.errors, seam, tally)
                if not to_its_stop:  # it read on to the end: the parts after it are not needed
                    break
        finally:
            self.close()

    def close(self) -> None:
        """Let each later part that is done remove its files and end; stop those still at work
        (they remove their files too)."""
        for process, conn, _, _ in self.running:
            if id(conn) not in self.answered and not conn.poll(0):
                process.terminate()
            with contextlib.suppress(OSError):
                conn.send(None)  # (a forked part holds copies of these ends too: no end of file reaches it)
            conn.close()
        for process, _, _, _ in self.running:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        self.running = []
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.kept >= 0:
            with contextlib.suppress(OSError):
                os.close(self.kept)
            self.kept = -1


def start(sheet: Sheet, jobs: int, kind: str, lang: str | None) -> Parts | None:
    """Start reading the later parts of ``sheet`` in ``jobs - 1`` other processes, each written
    by the writer ``kind``; ``sheet`` then reads the first part.  ``None`` (and nothing started)
    when the sheet is not to be cut: not CSV or text in UTF-8 or CP932, or shorter than two segments."""
    if jobs < 2 or sheet.decoding() is None:
        return None
    opened = sheet.opened()
    if opened is None:
        return None
    path, identity, kept = opened
    try:
        cuts, scanned = cut_points(path, sheet.next_line, sheet.segment_lines, jobs)
    except OSError:
        cuts, scanned = [], identity
    if not cuts or scanned != identity:  # (replaced already: its name is another file now)
        os.close(kept)
        return None
    import csv

    try:
        parts = Parts(tempfile.mkdtemp(prefix="chukan-progress-"), kept)
    except OSError:  # no temporary folder to write in: one process reads it all
        os.close(kept)
        return None
    context = _context()
    try:
        for i, (line, offset) in enumerate(cuts):
            stop = cuts[i + 1][0] if i + 1 < len(cuts) else None
            job = _Job(
                spec=sheet.part_of(path, line, offset, stop, identity),
                kind=kind,
                lang=lang,
                output=os.path.join(parts.folder, f"{i}.out"),
                errors=os.path.join(parts.folder, f"{i}.err"),
                field_limit=csv.field_size_limit(),
            )
            receive, send = context.Pipe()
            counter = context.Value("q", 0, lock=False)
            process = context.Process(target=_run, args=(job, send, counter), daemon=True)
            with signals_blocked():
                process.start()
            send.close()
            parts.running.append((process, receive, counter, job))
    except (OSError, ValueError, RuntimeError, ImportError):  # no process could be started: one reads it all
        parts.close()
        return None
    except BaseException:
        parts.close()
        raise
    sheet.stop_line = cuts[0][0]
    return parts
