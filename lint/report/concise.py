"""`path:line:col: CODE [name] message`, one line per diagnostic (editors, grep)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from lint.engine import FileResult
from lint.report import Summary
from lint.rows import Row


class ConciseReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        if result.diagnostics:  # one write per file: the stream may be a tee (replays)
            self.out.write("".join([
                _line(d.path, d.span.line, d.span.column, d.code, d.name, d.message)
                for d in result.diagnostics]))

    def rows(self, rows: Sequence[Row]) -> None:
        if rows:
            self.out.write("".join([_line(row[4], row[7], row[8], row[0], row[1], row[3])
                                    for row in rows]))

    def finish(self, summary: Summary, statistics: bool) -> None:
        if statistics:
            for (code, name), count in sorted(summary.by_code.items()):
                self.out.write(f"{count:>6}  {code} [{name}]\n")


def _line(path: str, line: int, column: int, code: str, name: str, message: str) -> str:
    message = message.replace("\n", " ")
    return f"{path}:{line}:{column}: {code} [{name}] {message}\n"
