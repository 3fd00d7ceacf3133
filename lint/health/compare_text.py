"""`report --compare … --format text`: what got better and worse, as rich tables."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from lint.health.compare import FILES_SHOWN, Comparison, Delta
from lint.health.svg import number
from lint.health.tally import SEVERITIES, Counts
from lint.health.text import console


def signed(value: int) -> str:
    return f"+{number(value)}" if value > 0 else ("±0" if value == 0 else f"−{number(-value)}")


def by_severity(delta: Delta) -> str:
    """`errors −3, warnings +1`: the severities that changed."""
    parts = [f"{s.value}s {signed(delta.new.of(s) - delta.old.of(s))}" for s in SEVERITIES
             if delta.new.of(s) != delta.old.of(s)]
    return ", ".join(parts)


def totals_line(old: Counts, new: Counts) -> str:
    return "; ".join(f"{s.value}s {number(old.of(s))} → {number(new.of(s))} "
                     f"({signed(new.of(s) - old.of(s))})" for s in SEVERITIES)


def ordered(deltas: Sequence[Delta]) -> list[Delta]:
    """Worse first (most added), then unchanged, then better (most removed last)."""
    same = sorted((d for d in deltas if d.change == 0), key=lambda d: d.key)
    return [*Comparison.worse(deltas), *same, *reversed(Comparison.better(deltas))]


def _table(title: str, first: str, deltas: Sequence[Delta], names: bool) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first, overflow="fold")
    if names:
        table.add_column("name")
    for column in ("old", "new", "change"):
        table.add_column(column, justify="right")
    table.add_column("by severity")
    for delta in deltas:
        style = "red" if delta.change > 0 else ("green" if delta.change < 0 else "dim")
        cells = [escape(delta.key), *([escape(delta.label)] if names else []),
                 number(delta.old.total), number(delta.new.total),
                 f"[{style}]{signed(delta.change)}[/]", by_severity(delta)]
        table.add_row(*cells)
    return table


def render_compare_text(comparison: Comparison, width: int, color: bool) -> str:
    out, buffer = console(width, color)
    old, new = comparison.old, comparison.new
    out.print(f"[bold]Compared[/] {escape(old.name)} (articlelint {escape(old.version)}, "
              f"{number(old.files)} files) → {escape(new.name)} (articlelint "
              f"{escape(new.version)}, {number(new.files)} files)")
    out.print(totals_line(old.counts, new.counts))
    for title, first, deltas, names in (
            ("Per rule (worse first)", "code", comparison.rules, True),
            ("Per outlet (worse first)", "outlet", comparison.outlets, False)):
        out.print()
        if deltas:
            out.print(_table(title, first, ordered(deltas), names))
        else:
            out.print(f"{title}: no diagnostics on either side")
    worse = Comparison.worse(comparison.files)[:FILES_SHOWN]
    better = Comparison.better(comparison.files)[:FILES_SHOWN]
    out.print()
    if worse or better:
        out.print(_table(f"Files that changed most (up to {FILES_SHOWN} each way)", "file",
                         [*worse, *reversed(better)], False))
    else:
        out.print("Files: no change")
    return buffer.getvalue()
