"""`articlelint check`: replay the last identical run when nothing it read has changed
(`lint.fastpath`), else configure, find files, lint (and fix) them, report and choose the
exit code (`lint.check_run`).

Only the standard library and the light fast-path modules are imported here, so that a
replayed run never pays for pydantic, the rules, lxml or rich."""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported at run time: it costs milliseconds
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator
    from typing import TextIO

    from lint.batch import Job
    from lint.fix_run import Mode, Outcome
    from lint.settings import Settings


def run_check(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from lint.fastpath_key import now_ns

    started = now_ns()  # before anything is read: the recorder's reference time
    _validate(args)
    from lint.fastpath import replay

    code = replay(args, out)
    if code is not None:
        return code
    from lint.check_run import run_full

    return run_full(args, out, stdin, started)


def _validate(args: argparse.Namespace) -> None:
    from lint.cli import UsageError

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    if args.diff and args.write_baseline:
        raise UsageError("--write-baseline records diagnostics; it cannot be combined "
                         "with --diff")


def lint_outcomes(jobs: list[Job], settings: list[Settings], mode: Mode,
                  workers: int) -> Iterator[Outcome]:
    """What `check` computes for `jobs`, in their order, corpus rules included, with their
    texts: for other commands (`report`) that need the same results without `check`'s
    output. It bypasses the cache, whose entries do not keep `mode.summarize`'s output."""
    from lint.check_run import lint_outcomes as outcomes

    return outcomes(jobs, settings, mode, workers)
