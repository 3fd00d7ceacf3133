"""Reporters turn file results into output. They receive results one file at a time (so
output streams) and a summary at the end."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO, runtime_checkable

from lint.engine import FileResult
from lint.models import Diagnostic, Severity
from lint.rows import Row


@dataclass(slots=True)
class Summary:
    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    fixed: int = 0
    by_code: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, diagnostic: Diagnostic) -> None:
        if diagnostic.severity is Severity.ERROR:
            self.errors += 1
        elif diagnostic.severity is Severity.WARNING:
            self.warnings += 1
        else:
            self.infos += 1
        self.by_code[(diagnostic.code, diagnostic.name)] += 1

    def add_rows(self, rows: Sequence[Row]) -> None:
        """`add` for each diagnostic of `rows` (`lint.rows`)."""
        by_code = self.by_code
        for row in rows:
            severity = row[2]
            if severity == "error":
                self.errors += 1
            elif severity == "warning":
                self.warnings += 1
            else:
                self.infos += 1
            by_code[(row[0], row[1])] += 1


class Reporter(Protocol):
    def file(self, result: FileResult) -> None: ...

    def finish(self, summary: Summary, statistics: bool) -> None: ...


@runtime_checkable
class RowsReporter(Reporter, Protocol):
    """A reporter that also prints diagnostics given as rows (`lint.rows`), the same as
    it prints them given as models: a worker's or a spooled file's diagnostics then never
    become models in the parent."""

    def rows(self, rows: Sequence[Row]) -> None: ...


FORMATS = ("full", "concise", "json", "sarif", "github", "junit")


def default_format(out: TextIO) -> str:
    """`github` inside GitHub Actions (annotations), `full` on a terminal, else `concise`."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "full" if out.isatty() else "concise"


def make_reporter(name: str, out: TextIO, color: bool) -> Reporter:
    if name == "concise":
        from lint.report.concise import ConciseReporter

        return ConciseReporter(out)
    if name == "json":
        from lint.report.json_report import JsonReporter

        return JsonReporter(out)
    if name == "sarif":
        from lint.report.sarif import SarifReporter

        return SarifReporter(out)
    if name == "github":
        from lint.report.github import GithubReporter

        return GithubReporter(out)
    if name == "junit":
        from lint.report.junit import JunitReporter

        return JunitReporter(out)
    from lint.report.full import FullReporter  # rich is imported only here

    return FullReporter(out, color)
