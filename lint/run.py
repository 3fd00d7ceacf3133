"""`articlelint check`: configure, find files, lint (and fix) them, report, choose the
exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from lint.baseline import Baseline, BaselineError, Recorder, relative
from lint.batch import Job, default_jobs, run_jobs
from lint.cache_key import fingerprint
from lint.cache_setup import open_cache
from lint.cached_run import run_cached
from lint.cli import EXIT_FAILURE, EXIT_FOUND, EXIT_OK, UsageError
from lint.config import ConfigError
from lint.corpus_run import corpus_pass
from lint.discovery import PathNotFound
from lint.fix_run import Mode, Outcome
from lint.plan import Planner
from lint.progress import track
from lint.registry import Registry, RegistryError
from lint.report import Summary, default_format, make_reporter
from lint.rule import CorpusRule
from lint.settings import Selection, Settings


def run_check(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    if args.diff and args.write_baseline:
        raise UsageError("--write-baseline records diagnostics; it cannot be combined "
                         "with --diff")
    try:
        planner = Planner(Registry.default(), Selection(args.select, args.ignore,
                                                        args.extend_select), args.config)
        jobs = _jobs(args, planner, stdin)
    except (ConfigError, RegistryError) as error:
        raise UsageError(str(error)) from None
    except PathNotFound as missing:
        raise UsageError(f"no such file or directory: {missing}") from None
    run = _Run(args, out, jobs, _load_baseline(args.baseline))
    settings = planner.settings
    deferred = frozenset(rule.code for s in settings for rule in s.rules
                         if isinstance(rule, CorpusRule))
    mode = Mode(fix=args.fix, unsafe=args.unsafe_fixes, diff=args.diff, deferred=deferred)
    # Frames (full), SARIF fix regions and baselines quote the text; other outputs do not
    # need it once a file is linted (with --fix, what is on disk may not be what was linted).
    keep_source = run.format in ("full", "sarif") or bool(
        args.baseline or args.write_baseline or args.fix or args.diff)
    outcomes = track(_outcomes(args, jobs, settings, mode, keep_source), len(jobs), out)
    if deferred:
        outcomes = corpus_pass(outcomes, jobs, settings, keep_source)
    for job, outcome in zip(jobs, outcomes):
        run.take(job, outcome)
    return run.finish()


def lint_outcomes(jobs: list[Job], settings: list[Settings], mode: Mode,
                  workers: int) -> Iterator[Outcome]:
    """What `check` computes for `jobs`, in their order, corpus rules included, with their
    texts: for other commands (`report`) that need the same results without `check`'s
    output. It bypasses the cache, whose entries do not keep `mode.summarize`'s output."""
    deferred = frozenset(rule.code for s in settings for rule in s.rules
                         if isinstance(rule, CorpusRule))
    mode = replace(mode, deferred=deferred)
    outcomes = run_jobs(jobs, settings, mode, workers, keep_source=True)
    if deferred:
        outcomes = corpus_pass(outcomes, jobs, settings, keep_source=True)
    return outcomes


class _Run:
    """Output and bookkeeping of one `check` run, fed one file outcome at a time."""

    def __init__(self, args: argparse.Namespace, out: TextIO, jobs: list[Job],
                 baseline: Baseline | None) -> None:
        self.args, self.out, self.baseline = args, out, baseline
        # Format-on-save: the fixed text goes to stdout, so diagnostics go to stderr.
        self.to_stdout = args.fix and not args.diff and any(j.path is None for j in jobs)
        report_to = sys.stderr if self.to_stdout else out
        self.format = args.output_format or default_format(report_to)
        color = self.format == "full" and report_to.isatty() and "NO_COLOR" not in os.environ
        self.reporter = make_reporter(self.format, report_to, color)
        self.summary = Summary()
        self.recorder = Recorder() if args.write_baseline else None
        self.anchor = Path(args.baseline or args.write_baseline or ".")
        self.internal = self.changed = False

    def take(self, job: Job, outcome: Outcome) -> None:
        args, result = self.args, outcome.checked.result
        for note in outcome.notes:
            print(f"articlelint: warning: {note}", file=sys.stderr)
        self.internal = self.internal or result.internal_error
        self.summary.fixed += outcome.fixed
        self.changed = self.changed or outcome.text is not None
        if job.path is None and self.to_stdout:
            _write_text(self.out, outcome.text, job.data or b"")
        if args.diff:
            self.out.write(outcome.diff)
            return
        if self.baseline is not None or self.recorder is not None:
            # Only baselines need the path relative to the baseline file (a relpath per
            # file is a tenth of a warm run).
            key = relative(job.path or Path(job.display), self.anchor)
            if self.baseline is not None:
                result.diagnostics = self.baseline.filter(key, result.diagnostics,
                                                          result.source)
            if self.recorder is not None:
                self.recorder.add(key, result.diagnostics, result.source)
                return
        self.summary.files += 1
        for diagnostic in result.diagnostics:
            self.summary.add(diagnostic)
        self.reporter.file(result)

    def finish(self) -> int:
        args, summary = self.args, self.summary
        if self.recorder is not None:
            return _write_baseline(self.recorder, args, self.internal)
        if args.diff:
            return _diff_exit(args, self.changed, self.internal, summary)
        self.reporter.finish(summary, args.statistics)
        if args.fix and not args.quiet and self.format != "json":
            print(f"articlelint: fixed {summary.fixed} problem(s)", file=sys.stderr)
        if not args.quiet and self.format != "full" and summary.files == 0:
            print("articlelint: warning: no files to check", file=sys.stderr)
        if self.internal:
            return EXIT_FAILURE
        if args.exit_zero:
            return EXIT_OK
        too_many = args.max_warnings is not None and summary.warnings > args.max_warnings
        return EXIT_FOUND if summary.errors or too_many else EXIT_OK


def _jobs(args: argparse.Namespace, planner: Planner, stdin: TextIO) -> list[Job]:
    files = [p for p in args.paths if p != "-"]
    jobs = planner.jobs(files) if files or "-" not in args.paths else []
    if "-" in args.paths:
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
        jobs.insert(0, planner.stdin_job(args.stdin_filename or "-", args.stdin_filename,
                                         data))
    return jobs


def _outcomes(args: argparse.Namespace, jobs: list[Job], settings: list[Settings],
              mode: Mode, keep_source: bool) -> Iterator[Outcome]:
    workers = args.jobs or default_jobs()
    cache = open_cache(args)
    if cache is None:
        return run_jobs(jobs, settings, mode, workers, keep_source)
    fingerprints = [fingerprint(s, mode.deferred) for s in settings]
    return run_cached(jobs, settings, mode, workers, cache, fingerprints, keep_source)


def _load_baseline(name: str | None) -> Baseline | None:
    if name is None:
        return None
    try:
        return Baseline.load(Path(name))
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _write_text(out: TextIO, text: str | None, original: bytes) -> None:
    """Format-on-save: the fixed text, or the original bytes untouched."""
    data = text.encode("utf-8") if text is not None else original
    if hasattr(out, "buffer"):
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
    else:
        out.write(data.decode("utf-8", errors="surrogateescape"))


def _write_baseline(recorder: Recorder, args: argparse.Namespace, internal: bool) -> int:
    try:
        count = recorder.write(Path(args.write_baseline))
    except BaselineError as error:
        raise UsageError(str(error)) from None
    if not args.quiet:
        print(f"articlelint: recorded {count} diagnostic(s) in {args.write_baseline}",
              file=sys.stderr)
    return EXIT_FAILURE if internal else EXIT_OK


def _diff_exit(args: argparse.Namespace, changed: bool, internal: bool,
               summary: Summary) -> int:
    if not args.quiet:
        print(f"articlelint: would fix {summary.fixed} problem(s)" if changed
              else "articlelint: nothing to fix", file=sys.stderr)
    if internal:
        return EXIT_FAILURE
    return EXIT_FOUND if changed else EXIT_OK
