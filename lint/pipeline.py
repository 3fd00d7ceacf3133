"""Runs the engine over many files: in this process or in worker processes, always
yielding results in the order of the targets, so output never depends on `--jobs`."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from lint.discovery import Target
from lint.engine import FileResult, check_bytes, unreadable
from lint.rule import Rule

# Worker processes cost ~50 ms to start and pickling results costs too: only use them
# when every worker gets at least this many files.
MIN_FILES_PER_WORKER = 8

_worker_rules: Sequence[Rule] = ()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_target(target: Target, rules: Sequence[Rule]) -> FileResult:
    try:
        data = target.path.read_bytes()
    except OSError as error:
        return unreadable(target.display, error.strerror or str(error))
    return check_bytes(target.display, data, rules)


def _init_worker(rules: Sequence[Rule]) -> None:
    global _worker_rules
    _worker_rules = rules


def _check_in_worker(target: Target) -> FileResult:
    return check_target(target, _worker_rules)


def check_targets(targets: Sequence[Target], rules: Sequence[Rule],
                  jobs: int) -> Iterator[FileResult]:
    workers = min(jobs, len(targets) // MIN_FILES_PER_WORKER)
    if workers <= 1:
        for target in targets:
            yield check_target(target, rules)
        return
    from concurrent.futures import ProcessPoolExecutor  # only runs with workers pay for it

    chunk = max(1, min(32, len(targets) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(tuple(rules),)) as pool:
        yield from pool.map(_check_in_worker, targets, chunksize=chunk)
