"""`path:line:col: CODE [name] message`, one line per diagnostic (editors, grep)."""

from __future__ import annotations

from typing import TextIO

from lint.engine import FileResult
from lint.report import Summary


class ConciseReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        write = self.out.write
        for d in result.diagnostics:
            message = d.message.replace("\n", " ")
            write(f"{d.path}:{d.span.line}:{d.span.column}: {d.code} [{d.name}] {message}\n")

    def finish(self, summary: Summary, statistics: bool) -> None:
        if statistics:
            for (code, name), count in sorted(summary.by_code.items()):
                self.out.write(f"{count:>6}  {code} [{name}]\n")
