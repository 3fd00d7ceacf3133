"""`articlelint report --format text`: the report as rich tables, for a shell."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lint.health.collect import Collected
from lint.health.page import month_bars
from lint.health.svg import number, per_100
from lint.health.tally import FAMILIES, SEVERITIES, Counts, Tally

BAR_CELLS = 30
STYLES = {"error": "red", "warning": "yellow", "info": "cyan"}
PARTS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")  # eighths of a cell


def console(width: int, color: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                   highlight=False, emoji=False, soft_wrap=False), buffer


def bar(value: float, peak: float, cells: int = BAR_CELLS) -> str:
    """A bar of block characters, eighths included."""
    if peak <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / peak * cells * 8))
    return "█" * (eighths // 8) + PARTS[eighths % 8]


def _severity_columns(table: Table) -> None:
    for severity in SEVERITIES:
        table.add_column(f"{severity.value}s", justify="right", style=STYLES[severity.value])


def _counts(counts: Counts) -> list[str]:
    return [number(counts.of(s)) for s in SEVERITIES]


def rules_table(tally: Tally) -> Table:
    table = Table(title="Diagnostics per rule", title_justify="left")
    table.add_column("code")
    table.add_column("name")
    _severity_columns(table)
    table.add_column("total", justify="right")
    table.add_column("")
    rows = sorted(tally.rules.items(), key=lambda item: (-item[1].total, item[0]))
    peak = max((counts.total for _, counts in rows), default=0)
    for code, counts in rows:
        table.add_row(escape(code), escape(tally.names.get(code, "")), *_counts(counts),
                      number(counts.total), bar(counts.total, peak))
    return table


def outlets_table(tally: Tally) -> Table:
    table = Table(title="Diagnostics per 100 articles, per outlet and rule family",
                  title_justify="left")
    table.add_column("outlet")
    table.add_column("articles", justify="right")
    families = tally.families()
    for letter in families:
        table.add_column(f"{letter} {FAMILIES.get(letter, letter)}", justify="right")
    for outlet, articles in sorted(tally.outlets.items(), key=lambda i: (-i[1], i[0])):
        cells = [number(per_100(tally.cells.get((outlet, f), Counts()).total, articles))
                 for f in families]
        table.add_row(escape(outlet), number(articles), *cells)
    return table


def timeline_table(tally: Tally) -> Table:
    table = Table(title="Per month of publication", title_justify="left")
    for name, justify in (("month", "left"), ("articles", "right"),
                          ("diagnostics", "right"), ("per 100", "right"), ("", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    bars = [b for b in month_bars(tally) if b.articles]
    peak = max((per_100(b.counts.total, b.articles) for b in bars), default=0.0)
    for b in bars:
        rate = per_100(b.counts.total, b.articles)
        table.add_row(b.month, number(b.articles), number(b.counts.total), number(rate),
                      bar(rate, peak))
    return table


def files_table(tally: Tally) -> Table:
    table = Table(title=f"Files with the most errors (top {tally.top})", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("file", overflow="fold")
    table.add_column("outlet")
    _severity_columns(table)
    table.add_column("codes", overflow="fold")
    for rank, entry in enumerate(tally.top_files(), 1):
        codes = " ".join(f"{code}×{count}" for code, count in entry.codes[:6])
        if len(entry.codes) > 6:
            codes += " …"
        table.add_row(str(rank), escape(entry.path), escape(entry.outlet),
                      *_counts(entry.counts), escape(codes))
    return table


def config_table(collected: Collected) -> Table:
    table = Table(title="Configuration", title_justify="left", show_header=False)
    table.add_column("key", style="bold")
    table.add_column("value", overflow="fold")
    for label, value in collected.info.rows():
        table.add_row(escape(label), escape(value))
    for config in collected.info.configs:
        table.add_row("config", escape(f"{config.source}: {config.files} files, "
                                       f"{len(config.rules)} rules"))
    return table


def render_text(collected: Collected, width: int, color: bool) -> str:
    tally = collected.tally
    out, buffer = console(width, color)
    c = tally.counts
    out.print(f"[bold]Archive health report[/]: {number(tally.files)} files, "
              f"{number(tally.files_with_diagnostics)} with diagnostics; "
              f"[red]{number(c.errors)} errors[/], [yellow]{number(c.warnings)} warnings[/], "
              f"[cyan]{number(c.infos)} infos[/] "
              f"({number(per_100(c.total, tally.files))} per 100 articles)")
    tables: Iterable[Table] = (rules_table(tally), outlets_table(tally),
                               timeline_table(tally), files_table(tally),
                               config_table(collected))
    for table in tables:
        out.print()
        out.print(table)
    return buffer.getvalue()
