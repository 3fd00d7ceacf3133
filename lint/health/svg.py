"""The report's charts as plain inline SVG: no script, no fonts or images to fetch, and
readable as they are (every bar and cell carries its number as text or as a `<title>`
tooltip). Every piece of text goes through `esc`."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from lint.health.tally import SEVERITIES, Counts
from lint.models import Severity

COLORS = {Severity.ERROR: "#c62828", Severity.WARNING: "#e08a00", Severity.INFO: "#1e78c2"}
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def number(value: float) -> str:
    """`1,234` for counts, one decimal for rates (none from 100 up)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def per_100(count: float, articles: int) -> float:
    return 100 * count / articles if articles else 0.0


def _svg(width: float, height: float, label: str, body: list[str], css: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" role="img" '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'{FONT} aria-label="{esc(label)}">' + "".join(body) + "</svg>")


def legend(x: float, y: float) -> list[str]:
    parts = []
    for severity in SEVERITIES:
        parts.append(f'<rect x="{x:.0f}" y="{y - 10:.0f}" width="12" height="12" '
                     f'fill="{COLORS[severity]}"/><text x="{x + 16:.0f}" y="{y:.0f}">'
                     f"{severity.value}</text>")
        x += 90
    return parts


def _stack(x: float, y: float, height: float, scale: float, values: Sequence[float],
           css: str, vertical: bool = False) -> tuple[list[str], float]:
    """Rectangles for one stacked bar of per-severity `values` (errors first); returns
    them and the bar's length."""
    parts, offset = [], 0.0
    for severity, value in zip(SEVERITIES, values):
        length = value * scale
        if length <= 0:
            continue
        if vertical:
            box = (f'x="{x:.1f}" y="{y - offset - length:.1f}" width="{height:.1f}" '
                   f'height="{length:.1f}"')
        else:
            box = f'x="{x + offset:.1f}" y="{y:.1f}" width="{length:.1f}" height="{height:.1f}"'
        parts.append(f'<rect class="{css} sev-{severity.value}" {box} '
                     f'fill="{COLORS[severity]}"/>')
        offset += length
    return parts, offset


def _values(counts: Counts) -> list[float]:
    return [float(counts.of(severity)) for severity in SEVERITIES]


@dataclass(frozen=True, slots=True)
class RuleBar:
    code: str
    name: str
    counts: Counts
    summary: str = ""
    target: str = ""  # the id of the rule's docs ("" when there are none)


def rule_bars(rows: Sequence[RuleBar]) -> str:
    """Horizontal bars, one per rule, split by severity; each row links to the docs."""
    label_w, bar_w, row_h, top = 290, 520, 22, 28
    width, height = label_w + bar_w + 90, top + row_h * len(rows) + 6
    peak = max((row.counts.total for row in rows), default=0) or 1
    scale = bar_w / peak
    body = legend(label_w, 16)
    for index, row in enumerate(rows):
        y = top + index * row_h
        tip = f"{row.code} {row.name}: {_split(row.counts)}"
        if row.summary:
            tip += f" — {row.summary}"
        bars, length = _stack(label_w, y + 4, 14, scale, _values(row.counts), "bar")
        inner = (f"<title>{esc(tip)}</title>"
                 f'<rect class="hit" x="0" y="{y:.0f}" width="{width}" height="{row_h}" '
                 f'fill="transparent"/>'
                 f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
                 f'<tspan font-weight="bold">{esc(row.code)}</tspan> {esc(row.name)}</text>'
                 + "".join(bars) +
                 f'<text x="{label_w + length + 6:.1f}" y="{y + 15}">'
                 f"{number(row.counts.total)}</text>")
        if row.target:
            body.append(f'<a class="rule-bar" data-code="{esc(row.code)}" '
                        f'href="#{esc(row.target)}">{inner}</a>')
        else:
            body.append(f'<g class="rule-bar" data-code="{esc(row.code)}">{inner}</g>')
    return _svg(width, height, "diagnostics per rule, split by severity", body, "chart rules")


def _split(counts: Counts) -> str:
    return ", ".join(f"{number(counts.of(s))} {s.value}" for s in SEVERITIES
                     if counts.of(s)) or "none"


def heat_color(share: float) -> tuple[str, str]:
    """Fill and text colour for a cell: white to dark red, on a square-root scale so that
    small values stay visible next to one large one."""
    t = math.sqrt(max(0.0, min(share, 1.0)))
    low, high = (255, 245, 240), (165, 15, 21)
    rgb = tuple(round(a + (b - a) * t) for a, b in zip(low, high))
    return "#%02x%02x%02x" % rgb, ("#ffffff" if t > 0.6 else "#222222")


def heat_map(outlets: Sequence[tuple[str, int]], families: Sequence[tuple[str, str]],
             cells: dict[tuple[str, str], Counts]) -> str:
    """Rows: outlets (with their article counts); columns: rule families; each cell the
    family's diagnostics per 100 of the outlet's articles."""
    label_w, count_w, cell_w, cell_h, top = 150, 80, 96, 30, 40
    width = label_w + count_w + cell_w * len(families) + 4
    height = top + cell_h * len(outlets) + 4
    rates = [per_100(cells[(o, f)].total, n) for o, n in outlets for f, _ in families
             if (o, f) in cells]
    peak = max(rates, default=0.0) or 1.0
    body = [f'<text x="{label_w - 8}" y="{top - 12}" text-anchor="end" '
            f'font-weight="bold">outlet</text>',
            f'<text x="{label_w + count_w - 8}" y="{top - 12}" text-anchor="end" '
            f'font-weight="bold">articles</text>']
    for column, (letter, label) in enumerate(families):
        x = label_w + count_w + column * cell_w + cell_w / 2
        body.append(f'<text x="{x:.0f}" y="{top - 12}" text-anchor="middle" '
                    f'font-weight="bold">{esc(letter)} {esc(label)}</text>')
    for row, (outlet, articles) in enumerate(outlets):
        y = top + row * cell_h
        body.append(f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end">{esc(outlet)}'
                    f'</text><text x="{label_w + count_w - 8}" y="{y + 19}" '
                    f'text-anchor="end">{number(articles)}</text>')
        for column, (letter, label) in enumerate(families):
            counts = cells.get((outlet, letter), Counts())
            rate = per_100(counts.total, articles)
            fill, ink = heat_color(rate / peak)
            x = label_w + count_w + column * cell_w
            tip = (f"{outlet} × {label}: {number(counts.total)} diagnostics in "
                   f"{number(articles)} articles ({number(rate)} per 100; {_split(counts)})")
            body.append(f'<g class="heat" data-outlet="{esc(outlet)}" data-family="{esc(letter)}">'
                        f"<title>{esc(tip)}</title>"
                        f'<rect class="cell" x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" '
                        f'height="{cell_h - 2}" fill="{fill}" stroke="#dddddd"/>'
                        f'<text x="{x + cell_w / 2:.0f}" y="{y + 19}" text-anchor="middle" '
                        f'fill="{ink}">{number(rate)}</text></g>')
    return _svg(width, height, "diagnostics per 100 articles, per outlet and rule family",
                body, "chart heat")


@dataclass(frozen=True, slots=True)
class MonthBar:
    month: str  # YYYY-MM
    articles: int
    counts: Counts


def timeline(months: Sequence[MonthBar]) -> str:
    """Vertical bars per month of publication: diagnostics per 100 articles, stacked by
    severity. Months without articles keep their place on the axis, empty."""
    left, top, plot_h, bottom = 64, 28, 220, 62
    step = max(6.0, min(48.0, 840 / max(len(months), 1)))
    bar = max(3.0, step * 0.75)
    # At least as wide as the legend, however few the months.
    width, height = max(left + step * len(months) + 20, 340), top + plot_h + bottom
    rates = [per_100(m.counts.total, m.articles) for m in months]
    peak = _nice(max(rates, default=0.0))
    scale = plot_h / peak
    base = top + plot_h
    body = legend(left, 16)
    for tick in (0.0, peak / 2, peak):
        y = base - tick * scale
        body.append(f'<line x1="{left}" x2="{width - 10:.0f}" y1="{y:.1f}" y2="{y:.1f}" '
                    f'stroke="#e0e0e0"/><text x="{left - 6}" y="{y + 4:.1f}" '
                    f'text-anchor="end">{number(tick)}</text>')
    every = 1 if len(months) <= 18 else (3 if len(months) <= 48 else 12)
    shown_year = ""
    for index, m in enumerate(months):
        x = left + index * step + (step - bar) / 2
        per = [per_100(count, m.articles) for count in _values(m.counts)]
        bars, _ = _stack(x, base, bar, scale, per, "month-bar", vertical=True)
        tip = (f"{m.month}: {number(m.articles)} articles, {number(m.counts.total)} "
               f"diagnostics ({number(per_100(m.counts.total, m.articles))} per 100)")
        body.append(f'<g class="month" data-month="{esc(m.month)}"><title>{esc(tip)}</title>'
                    f'<rect x="{x:.1f}" y="{top}" width="{bar:.1f}" height="{plot_h}" '
                    f'fill="transparent"/>' + "".join(bars) + "</g>")
        # Long timelines label years (at their first month shown), shorter ones months.
        show = m.month[:4] != shown_year if every == 12 else index % every == 0
        if show:
            shown_year = m.month[:4]
            label = m.month if every < 12 else m.month[:4]
            body.append(f'<text x="{x + bar / 2:.1f}" y="{base + 16}" text-anchor="end" '
                        f'transform="rotate(-45 {x + bar / 2:.1f} {base + 16})">'
                        f"{esc(label)}</text>")
    body.append(f'<line x1="{left}" x2="{width - 10:.0f}" y1="{base}" y2="{base}" '
                f'stroke="#888888"/>')
    return _svg(width, height, "diagnostics per 100 articles, per month of publication",
                body, "chart timeline")


def _nice(value: float) -> float:
    """A round axis maximum at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= value:
            return float(factor * power)
    return float(10 * power)


GOOD, BAD = "#2e7d32", "#c62828"


def diverging(rows: Sequence[tuple[str, str, int, str]]) -> str:
    """Bars left (fewer diagnostics: better) or right (more: worse) of a centre line, one
    per (key, label, change, link target) row."""
    label_w, half, row_h, top = 290, 260, 22, 10
    # Room for a number on either side of the longest bars.
    width, height = label_w + 2 * half + 140, top + row_h * len(rows) + 6
    peak = max((abs(change) for _, _, change, _ in rows), default=0) or 1
    centre = label_w + half + 70
    body = []
    for index, (key, label, change, target) in enumerate(rows):
        y = top + index * row_h
        length = abs(change) * half / peak
        x = centre - length if change < 0 else centre
        sign = "+" if change > 0 else ("−" if change < 0 else "±")
        text_x = x - 6 if change < 0 else x + length + 6
        anchor = "end" if change < 0 else "start"
        kind = "better" if change < 0 else "worse"
        inner = (f"<title>{esc(key)} {esc(label)}: {sign}{number(abs(change))}</title>"
                 f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end"><tspan '
                 f'font-weight="bold">{esc(key)}</tspan> {esc(label)}</text>'
                 f'<rect class="delta {kind}" x="{x:.1f}" y="{y + 4}" width="{length:.1f}" '
                 f'height="14" fill="{GOOD if change < 0 else BAD}"/>'
                 f'<text x="{text_x:.1f}" y="{y + 15}" text-anchor="{anchor}">'
                 f"{sign}{number(abs(change))}</text>")
        if target:
            body.append(f'<a class="delta-row" href="#{esc(target)}">{inner}</a>')
        else:
            body.append(f'<g class="delta-row">{inner}</g>')
    body.append(f'<line x1="{centre}" x2="{centre}" y1="{top}" y2="{height - 4}" '
                f'stroke="#888888"/>')
    return _svg(width, height, "change in diagnostics per rule", body, "chart delta")
