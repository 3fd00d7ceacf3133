"""The `github` format: GitHub Actions workflow commands, one per diagnostic, which the
runner turns into annotations on the pull request's diff.

    ::error file=a.md,line=5,col=819,endLine=5,endColumn=821,title=N001 [gloss-case]::message

GitHub's escaping rules (actions/toolkit, command.ts): in the message `%`, CR and LF are
percent-encoded; in property values `:` and `,` are too, since they delimit properties.
"""

from __future__ import annotations

from typing import TextIO

from lint.engine import FileResult
from lint.models import Severity
from lint.report import Summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        write = self.out.write
        for d in result.diagnostics:
            span = d.span
            properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in (
                ("file", d.path), ("line", span.line), ("col", span.column),
                ("endLine", span.end_line), ("endColumn", span.end_column),
                ("title", f"{d.code} [{d.name}]")))
            write(f"::{COMMANDS[d.severity]} {properties}::{escape_data(d.message)}\n")

    def finish(self, summary: Summary, statistics: bool) -> None:
        if statistics:
            for (code, name), count in sorted(summary.by_code.items()):
                self.out.write(f"{count:>6}  {code} [{name}]\n")
