"""`articlelint check`: select rules, find files, lint them, report, choose the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from itertools import chain
from typing import TextIO

from lint.cli import EXIT_FAILURE, EXIT_FOUND, EXIT_OK, UsageError
from lint.discovery import PathNotFound, discover
from lint.engine import FileResult, check_bytes, check_corpus
from lint.pipeline import check_targets, default_jobs
from lint.registry import Registry, RegistryError
from lint.report import Summary, default_format, make_reporter
from lint.rule import CorpusRule, Rule


def select_rules(args: argparse.Namespace) -> list[Rule]:
    try:
        registry = Registry.default()
        chosen = registry.select(args.select, args.ignore, args.extend_select)
    except RegistryError as error:
        raise UsageError(str(error)) from None
    return [rule() for rule in chosen]


def run_check(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    rules = select_rules(args)
    codes = {rule.code for rule in rules}
    stdin_name = args.stdin_filename or "-"
    files = [p for p in args.paths if p != "-"]
    try:
        targets = discover(files)
    except PathNotFound as missing:
        raise UsageError(f"no such file or directory: {missing}") from None
    fmt = args.output_format or default_format(out)
    color = fmt == "full" and out.isatty() and "NO_COLOR" not in os.environ
    reporter = make_reporter(fmt, out, color)
    summary = Summary()
    internal = False

    def emit(result: FileResult) -> None:
        nonlocal internal
        result.diagnostics = [d for d in result.diagnostics if d.code in codes]
        summary.files += 1
        for diagnostic in result.diagnostics:
            summary.add(diagnostic)
        internal = internal or result.internal_error
        reporter.file(result)

    results: Iterator[FileResult] = check_targets(targets, rules, args.jobs or default_jobs())
    if "-" in args.paths:
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
        results = chain([check_bytes(stdin_name, data, rules)], results)
    if any(isinstance(rule, CorpusRule) for rule in rules):
        # Cross-file rules need every file's facts before any file's output is final.
        held = list(results)
        check_corpus(rules, held)
        results = iter(held)
    for result in results:
        emit(result)
    reporter.finish(summary, args.statistics)
    if not args.quiet and fmt != "full" and summary.files == 0:
        print("articlelint: warning: no files to check", file=sys.stderr)
    if internal:
        return EXIT_FAILURE
    if args.exit_zero:
        return EXIT_OK
    too_many = args.max_warnings is not None and summary.warnings > args.max_warnings
    return EXIT_FOUND if summary.errors or too_many else EXIT_OK
