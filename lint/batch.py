"""Runs the per-file pipeline (`lint.fix_run`) over many files, in this process or in
worker processes, yielding outcomes in the order of the jobs so that output never depends
on `--jobs`. Each job names the settings (one per configuration file) that apply to it."""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.cache import digest, stat_key
from lint.engine import FileResult, check_bytes, unreadable
from lint.engine_rules import InternalError
from lint.fix_run import (
    ChangedOnDisk,
    Checked,
    Mode,
    Outcome,
    fix_text,
    overridden,
    write_atomically,
)
from lint.models import Diagnostic, Severity
from lint.rows import from_rows, to_rows
from lint.settings import Settings
from lint.source import DecodeError, SourceText

if TYPE_CHECKING:  # the pool is imported only by runs that use one
    from concurrent.futures import Executor, Future

# Collect the youngest objects every GC_YOUNG allocations instead of Python's 700 while
# files are being checked: an article's tree is thousands of objects that live until its
# file is done, and every early collection scans (and promotes) them again. Measured
# under callgrind on 100 files: -2.7 % instructions per file; the extra garbage held is
# a few MB at most.
GC_YOUNG = 10_000

# Worker processes cost ~50 ms to start (importing the pool, forking), each pays the
# first-use costs (tables, regexes: ~50 ms) again, and pickling results costs too: only
# use them when every worker gets at least this many files (~80 ms of checking). With
# 8, 20 files went to two workers and took longer than in one process.
MIN_FILES_PER_WORKER = 32


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Job:
    display: str  # the path as reported
    # As a str, not a Path: a run holds every job to the end, and a Path object is
    # ~170 bytes more a file (~8 MiB of the main process at 50,000 files).
    path: str | None  # None: `data` came from stdin
    settings: int  # index into the run's list of Settings
    ignored: frozenset[str] = frozenset()  # per-file-ignores
    data: bytes | None = None


_worker: tuple[Sequence[Settings], Mode, bool] = ((), Mode(), True)
# The run's jobs, given to each worker when it starts (inherited, not pickled, where
# processes fork): the parent then sends index ranges, not a pickled Job per file.
_worker_jobs: Sequence[Job] = ()


def process(job: Job, settings: Sequence[Settings], mode: Mode) -> Outcome:
    stat = None
    if job.path is None:
        data = job.data or b""
    else:
        try:
            stat, data = read_file(job.path)
        except OSError as error:
            reason = error.strerror or str(error)
            return _engine_only(unreadable(job.display, reason), job, settings)
    try:
        source = SourceText.decode(data)
    except DecodeError:
        return _engine_only(check_bytes(job.display, data, ()), job, settings)
    outcome = fix_text(job.display, source, settings[job.settings], job.ignored, mode)
    if stat is not None and mode.hash_content:
        outcome.content, outcome.stat = digest(data), stat_key(stat)
    if mode.fix and not mode.diff and outcome.text is not None and job.path is not None:
        assert stat is not None
        try:
            write_atomically(Path(job.path).resolve(), data, stat, outcome.text.encode("utf-8"))
            outcome.written = True
        except ChangedOnDisk:
            outcome.notes.append(f"{job.display}: changed on disk while it was being "
                                 "fixed; not written")
        except OSError as error:
            outcome.notes.append(f"{job.display}: cannot write the fixed file: "
                                 f"{error.strerror or error}")
        if not outcome.written:
            # Nothing was written: report the file as it is on disk (its problems are
            # still there), not as the fixes would have left it.
            unfixed = fix_text(job.display, source, settings[job.settings], job.ignored,
                               replace(mode, fix=False))
            outcome.checked, outcome.fixed, outcome.text = unfixed.checked, 0, None
    return outcome


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # O_BINARY: Windows only


def read_file(path: str | Path) -> tuple[os.stat_result, bytes]:
    """The file's `stat` and its bytes, through one descriptor: `Path.stat` and
    `Path.read_bytes` cost two path conversions, a second open's look-up and a buffered
    reader (~5 µs a file of ~8 KB)."""
    handle = os.open(path, _READ_FLAGS)
    try:
        stat = os.fstat(handle)
        data = os.read(handle, stat.st_size + 1)  # one byte more shows a file that grew
        if len(data) > stat.st_size:  # grown since, or a special file: read to the end
            chunks = [data]
            while chunk := os.read(handle, 1 << 16):
                chunks.append(chunk)
            data = b"".join(chunks)
    finally:
        os.close(handle)
    return stat, data


def _engine_only(result: FileResult, job: Job, settings: Sequence[Settings]) -> Outcome:
    """A file that could not be read or decoded: its X003, if selected for it."""
    chosen = settings[job.settings]
    codes = chosen.codes - job.ignored
    result.diagnostics = overridden([d for d in result.diagnostics if d.code in codes], chosen)
    return Outcome(Checked(result, None))


@contextmanager
def young_gc_threshold() -> Iterator[None]:
    """GC_YOUNG as the collector's first threshold for the duration (see GC_YOUNG), and
    what exists before the files (modules, rules, settings, schemas: ~30,000 objects)
    kept out of the collector's full passes, as in a worker (`_init_worker`): each one
    scanned them all again (~15 ms)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_YOUNG), *before[1:])
    freeze = gc.get_freeze_count() == 0  # not someone else's frozen objects, if any
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        if freeze:
            gc.unfreeze()
        gc.set_threshold(*before)


def _init_worker(settings: Sequence[Settings], mode: Mode, keep_source: bool,
                 jobs: Sequence[Job]) -> None:
    global _worker, _worker_jobs
    _worker, _worker_jobs = (settings, mode, keep_source), jobs
    gc.set_threshold(max(gc.get_threshold()[0], GC_YOUNG), *gc.get_threshold()[1:])
    # What the forked worker inherited (modules, settings, schemas) lives as long as it
    # does: keep the collector from scanning it again and again (and from touching its
    # pages, which would copy them).
    gc.freeze()


# What a worker sends back for a file: plain values, (path, source, rows, facts, summary,
# suppressions, fixed, text, diff, written, notes, content, stat). No models (rows,
# `lint.rows`: pickling models costs ~3x as much on each side, and building them again
# in the parent more) and no dataclasses (pickling those runs Python-level
# `__getstate__`/`__setstate__` on both sides).
_Sent = tuple[Any, ...]


def _process_in_worker(job: Job) -> _Sent:
    settings, mode, keep_source = _worker
    outcome = process(job, settings, mode)
    checked = outcome.checked
    result = checked.result
    # The parent's output does not quote the text: do not pickle it back (~2x the bytes
    # of the file). A corpus diagnostic that lands here re-reads it.
    source = result.source if keep_source or job.path is None else None
    return (result.path, source, to_rows(result.diagnostics), result.facts, result.summary,
            checked.suppressions, outcome.fixed, outcome.text, outcome.diff,
            outcome.written, outcome.notes, outcome.content, outcome.stat)


def _received(sent: _Sent, lazy: bool) -> Outcome:
    """A worker's outcome. `lazy` (the consumer takes rows: a corpus pass, which parks
    them, or `check`'s output): its diagnostics stay rows (`Outcome.rows`), so the parent
    does not build models only to take them apart again or print their fields; the
    parent's time competes with the workers' for the same cores."""
    path, source, rows, facts, summary, suppressions, fixed, text, diff, written, notes, \
        content, stat = sent
    result = FileResult(path, source, [] if lazy else from_rows(rows), facts, summary)
    return Outcome(Checked(result, suppressions), fixed, text, diff, written, notes, content,
                   stat, rows if lazy else None)


def run_jobs(jobs: Sequence[Job], settings: Sequence[Settings], mode: Mode,
             workers: int, keep_source: bool = True, lazy: bool = False) -> Iterator[Outcome]:
    """Each job's outcome, in job order. `lazy`: the consumer accepts outcomes whose
    diagnostics are `Outcome.rows` (see `Outcome.built`); files checked in this process
    come with models all the same."""
    workers = min(workers, len(jobs) // MIN_FILES_PER_WORKER)
    if workers <= 1:
        with young_gc_threshold():
            for job in jobs:
                yield process(job, settings, mode)
        return
    # One-file runs do not pay for importing the process pool.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(32, len(jobs) // (workers * 4)))
    done = 0
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(tuple(settings), mode, keep_source, jobs)) as pool:
        try:
            for sent in _in_order(pool, jobs, chunk, window=workers * 4):
                done += 1
                yield _received(sent, lazy)
        except BrokenProcessPool:
            # A worker died (a plugin called os._exit, a crash in C code, the OOM killer):
            # the files it had not delivered get an internal error instead of a traceback.
            for job in jobs[done:]:
                yield _engine_only(_worker_died(job.display), job, settings)


def _in_order(pool: Executor, jobs: Sequence[Job], chunk: int,
              window: int) -> Iterator[_Sent]:
    """What the workers send for `jobs` (which they hold: `_worker_jobs`), in job order,
    with at most `window` chunks of `chunk` jobs submitted and not yet taken.
    `Executor.map` submits every job at once and keeps each result until it is taken:
    with workers ahead of the parent, 50,000 files made the parent grow by their
    results; a window keeps it flat and the workers busy."""
    pending: deque[Future[list[_Sent]]] = deque()
    for start in range(0, len(jobs), chunk):
        pending.append(pool.submit(_process_chunk, start, min(start + chunk, len(jobs))))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _process_chunk(start: int, stop: int) -> list[_Sent]:
    jobs = _worker_jobs
    return [_process_in_worker(jobs[index]) for index in range(start, stop)]


def _worker_died(path: str) -> FileResult:
    span = SourceText("").span(0, 0)
    return FileResult(path, None, [Diagnostic(
        code=InternalError.code, name=InternalError.name, severity=Severity.ERROR,
        message="a worker process died while checking this file (or one before it in its "
                "batch); run with --jobs 1 to find the rule", span=span, path=path)])
