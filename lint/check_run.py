"""A whole `articlelint check` run (when `lint.fastpath` could not replay it): configure,
find files, lint (and fix) them, report, choose the exit code."""

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
from lint.cache import Cache
from lint.cache_key import fingerprint
from lint.cache_setup import cache_folder
from lint.cached_run import clock_codes, run_cached
from lint.cli import EXIT_FAILURE, EXIT_FOUND, EXIT_OK, UsageError
from lint.config import ConfigError
from lint.corpus_run import corpus_pass
from lint.discovery import PathNotFound
from lint.engine_rules import InternalError
from lint.fastpath_key import eligible
from lint.fastpath_record import SnapshotRecorder, Watched
from lint.fix_run import Mode, Outcome
from lint.inputs import Inputs
from lint.plan import Planner
from lint.progress import track
from lint.registry import Registry, RegistryError
from lint.report import RowsReporter, Summary, default_format, make_reporter
from lint.rule import CorpusRule
from lint.settings import Selection, Settings


def run_full(args: argparse.Namespace, out: TextIO, stdin: TextIO, started: int) -> int:
    """A whole `check` run. `started`: when it began, before anything was read; a run
    that may be replayed records itself (`lint.fastpath_record`)."""
    recorder = _recorder(args, out, started)
    planner, jobs = _plan(args, stdin, recorder.inputs if recorder is not None else None)
    baseline = _load_baseline(args.baseline)
    run = _Run(args, recorder.tee(out) if recorder is not None else out, jobs, baseline)
    folder = recorder.folder if recorder is not None else None
    for job, outcome in zip(jobs, _all_outcomes(args, planner, jobs, run.format, out,
                                                folder)):
        run.take(job, outcome)
    code = run.finish()
    if recorder is not None:
        volatile = {c for s in planner.settings for c in clock_codes(s)}
        # A finding that the date alone may change (Rule.depends_on_clock) is found
        # again on the next run, never replayed.
        recorder.finish(code, run.errors, _watched(args, planner, jobs),
                        replayable=not volatile & run.codes)
    return code


def _plan(args: argparse.Namespace, stdin: TextIO,
          inputs: Inputs | None) -> tuple[Planner, list[Job]]:
    try:
        planner = Planner(Registry.default(), Selection(args.select, args.ignore,
                                                        args.extend_select), args.config,
                          inputs=inputs)
        return planner, _jobs(args, planner, stdin)
    except (ConfigError, RegistryError) as error:
        raise UsageError(str(error)) from None
    except PathNotFound as missing:
        raise UsageError(f"no such file or directory: {missing}") from None


def _all_outcomes(args: argparse.Namespace, planner: Planner, jobs: list[Job],
                  output: str, out: TextIO, folder: Path | None) -> Iterator[Outcome]:
    """Every file's outcome, corpus rules included, in job order."""
    settings = planner.settings
    deferred = frozenset(rule.code for s in settings for rule in s.rules
                         if isinstance(rule, CorpusRule))
    mode = Mode(fix=args.fix, unsafe=args.unsafe_fixes, diff=args.diff, deferred=deferred)
    # Frames (full), SARIF fix regions and baselines quote the text; other outputs do not
    # need it once a file is linted (with --fix, what is on disk may not be what was linted).
    keep_source = output in ("full", "sarif") or bool(
        args.baseline or args.write_baseline or args.fix or args.diff)
    cache = None if args.no_cache else Cache(folder or cache_folder(args))
    if cache is None:
        mode = replace(mode, hash_content=False)
    # Outcomes may come as rows (`Outcome.rows`): `_Run.take` prints them as they are or
    # builds models where its output needs them.
    outcomes = track(_outcomes(args, jobs, settings, mode, keep_source, cache), len(jobs),
                     out)
    if deferred:
        outcomes = corpus_pass(outcomes, jobs, settings, keep_source, lean=True)
    return outcomes


def _recorder(args: argparse.Namespace, out: TextIO, started: int) -> SnapshotRecorder | None:
    if not eligible(args):
        return None
    inputs = Inputs()
    return SnapshotRecorder(args, out, started, cache_folder(args, inputs), inputs)


def _watched(args: argparse.Namespace, planner: Planner, jobs: list[Job]) -> Watched:
    """What the run read besides configuration and folders: the files it linted, the
    baseline, the files rule options name (glossaries) and the plugins' modules."""
    watched = Watched()
    for job in jobs:
        if job.path is not None:
            watched.present(str(job.path))
    if args.baseline:
        watched.present(args.baseline)
    for settings in planner.settings:
        for rule in settings.rules:
            paths = getattr(rule.options, "paths", None)
            if isinstance(paths, (list, tuple)):
                for path in paths:
                    watched.present(str(path))
    for rule_class in planner.registry.rules:
        module = sys.modules.get(rule_class.__module__)
        where = getattr(module, "__file__", None)
        if where:
            watched.present(where)
    return watched


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
        # Rows go straight to a reporter that prints them (no models built) unless a
        # baseline needs the models.
        self.rows_reporter: RowsReporter | None = None
        if isinstance(self.reporter, RowsReporter) and not (args.baseline
                                                            or args.write_baseline):
            self.rows_reporter = self.reporter
        self.summary = Summary()
        self.recorder = Recorder() if args.write_baseline else None
        self.anchor = Path(args.baseline or args.write_baseline or ".")
        self.internal = self.changed = False
        self.errors: list[str] = []  # what went to stderr (a replay repeats it)
        self.codes: set[str] = set()  # of the diagnostics reported

    def take(self, job: Job, outcome: Outcome) -> None:
        args = self.args
        rows = outcome.rows if self.rows_reporter is not None else None
        result = outcome.checked.result if rows is not None else outcome.built()
        for note in outcome.notes:
            self._warn(f"articlelint: warning: {note}")
        if rows is not None:
            self.internal = self.internal or any(row[0] == InternalError.code
                                                 for row in rows)
        else:
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
            key = relative(Path(job.path or job.display), self.anchor)
            if self.baseline is not None:
                result.diagnostics = self.baseline.filter(key, result.diagnostics,
                                                          result.source)
            if self.recorder is not None:
                self.recorder.add(key, result.diagnostics, result.source)
                return
        self.summary.files += 1
        if rows is not None and self.rows_reporter is not None:
            self.summary.add_rows(rows)
            self.codes.update([row[0] for row in rows])
            self.rows_reporter.rows(rows)
            return
        for diagnostic in result.diagnostics:
            self.summary.add(diagnostic)
            self.codes.add(diagnostic.code)
        self.reporter.file(result)

    def _warn(self, line: str) -> None:
        print(line, file=sys.stderr)
        self.errors.append(line + "\n")

    def finish(self) -> int:
        args, summary = self.args, self.summary
        if self.recorder is not None:
            return _write_baseline(self.recorder, args, self.internal)
        if args.diff:
            return _diff_exit(args, self.changed, self.internal, summary)
        self.reporter.finish(summary, args.statistics)
        if args.fix and not args.quiet and self.format != "json":
            self._warn(f"articlelint: fixed {summary.fixed} problem(s)")
        if not args.quiet and self.format != "full" and summary.files == 0:
            self._warn("articlelint: warning: no files to check")
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
              mode: Mode, keep_source: bool, cache: Cache | None) -> Iterator[Outcome]:
    workers = args.jobs or default_jobs()
    if cache is None:
        return run_jobs(jobs, settings, mode, workers, keep_source, lazy=True)
    fingerprints = [fingerprint(s, mode.deferred) for s in settings]
    return run_cached(jobs, settings, mode, workers, cache, fingerprints, keep_source,
                      lazy=True)


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
