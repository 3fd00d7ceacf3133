"""The `full` format: location, code and message, then a code frame of the long line
around the span. The only module that uses rich; colour only on a terminal."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape

from lint.engine import FileResult
from lint.models import Severity
from lint.report import Summary
from lint.report.frame import make_frame

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class FullReporter:
    def __init__(self, out: TextIO, color: bool) -> None:
        self.console = Console(file=out, force_terminal=color, no_color=not color,
                               highlight=False, soft_wrap=True, emoji=False)

    def file(self, result: FileResult) -> None:
        source = result.source
        print_ = self.console.print
        for d in result.diagnostics:
            style = _STYLE[d.severity]
            fixable = " [dim]\\[*][/]" if d.fix is not None else ""
            print_(f"[bold]{escape(d.path)}:{d.span.line}:{d.span.column}:[/] "
                   f"[{style}]{d.code}[/] [dim]\\[{d.name}][/] {escape(d.message)}{fixable}")
            if source is None or d.span.line > source.line_count:
                continue
            line = source.line(d.span.line)
            text = source.text[line.start:line.end]
            frame = make_frame(text, d.span.column - 1, d.span.end_offset - line.start,
                               width=max(40, min(self.console.width, 120) - 10))
            gutter = str(d.span.line)
            print_(f"[blue]{gutter} │[/] {escape(frame.text)}")
            print_(f"[blue]{' ' * len(gutter)} │[/] [{style}]{frame.carets}[/]")
            print_("")

    def finish(self, summary: Summary, statistics: bool) -> None:
        if statistics and summary.by_code:
            from rich.table import Table  # only --statistics draws a table

            table = Table(show_edge=False, box=None)
            table.add_column("count", justify="right")
            table.add_column("code")
            table.add_column("name")
            for (code, name), count in sorted(summary.by_code.items()):
                table.add_row(str(count), code, name)
            self.console.print(table)
        total = summary.errors + summary.warnings + summary.infos
        if total == 0:
            self.console.print(f"[green]All checks passed[/] ({summary.files} files).")
            return
        parts = [f"{summary.errors} error{'s' * (summary.errors != 1)}",
                 f"{summary.warnings} warning{'s' * (summary.warnings != 1)}"]
        if summary.infos:
            parts.append(f"{summary.infos} info")
        self.console.print(f"Found {', '.join(parts)} in {summary.files} files.")
