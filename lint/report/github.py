"""The `github` format: GitHub Actions workflow commands, one per diagnostic, which the
runner turns into annotations on the pull request's diff.

    ::error file=a.md,line=5,col=819,endLine=5,endColumn=821,title=N001 [gloss-case]::message

GitHub's escaping rules (actions/toolkit, command.ts): in the message `%`, CR and LF are
percent-encoded; in property values `:` and `,` are too, since they delimit properties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from lint.engine import FileResult
from lint.models import Severity
from lint.report import Summary
from lint.rows import Row

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
            write(_command(d.path, span.line, span.column, span.end_line, span.end_column,
                           d.code, d.name, COMMANDS[d.severity], d.message))

    def rows(self, rows: Sequence[Row]) -> None:
        write = self.out.write
        for row in rows:
            write(_command(row[4], row[7], row[8], row[9], row[10], row[0], row[1],
                           _COMMAND_OF_VALUE[row[2]], row[3]))

    def finish(self, summary: Summary, statistics: bool) -> None:
        if statistics:
            for (code, name), count in sorted(summary.by_code.items()):
                self.out.write(f"{count:>6}  {code} [{name}]\n")


_COMMAND_OF_VALUE = {severity.value: command for severity, command in COMMANDS.items()}


def _command(path: str, line: int, column: int, end_line: int, end_column: int, code: str,
             name: str, command: str, message: str) -> str:
    properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in (
        ("file", path), ("line", line), ("col", column), ("endLine", end_line),
        ("endColumn", end_column), ("title", f"{code} [{name}]")))
    return f"::{command} {properties}::{escape_data(message)}\n"
