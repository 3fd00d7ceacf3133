"""`report --compare … --format html`: the comparison as one self-contained page, in the
same style as the report (no script, nothing fetched, every text escaped)."""

from __future__ import annotations

from collections.abc import Sequence

from lint.health.compare import FILES_SHOWN, Comparison, Delta
from lint.health.compare_text import by_severity, ordered, signed, totals_line
from lint.health.page import CSP, CSS
from lint.health.svg import diverging, esc, number


def _table(first: str, deltas: Sequence[Delta], names: bool, ids: bool = False) -> str:
    head = (f"<tr><th>{first}</th>{'<th>name</th>' if names else ''}<th class=\"n\">old</th>"
            '<th class="n">new</th><th class="n">change</th><th>by severity</th></tr>')
    rows = []
    for delta in deltas:
        kind = "worse" if delta.change > 0 else ("better" if delta.change < 0 else "same")
        key = f'<td id="delta-{esc(delta.key)}">' if ids else "<td>"
        rows.append(f'<tr class="{kind}">{key}{esc(delta.key)}</td>'
                    + (f"<td>{esc(delta.label)}</td>" if names else "")
                    + f'<td class="n">{number(delta.old.total)}</td>'
                    f'<td class="n">{number(delta.new.total)}</td>'
                    f'<td class="n {kind}">{signed(delta.change)}</td>'
                    f"<td>{esc(by_severity(delta))}</td></tr>")
    return f"<table>{head}{''.join(rows)}</table>" if rows else "<p>No diagnostics.</p>"


def render_compare_page(comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    rules = ordered(comparison.rules)
    chart = diverging([(d.key, d.label, d.change, f"delta-{d.key}") for d in rules
                       if d.change])
    files = [*Comparison.worse(comparison.files)[:FILES_SHOWN],
             *reversed(Comparison.better(comparison.files)[:FILES_SHOWN])]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>articlelint comparison: {esc(old.name)} → {esc(new.name)}</title>",
        f"<style>{CSS}td.worse{{color:#c62828}}td.better{{color:#2e7d32}}</style>",
        "</head><body>",
        f"<h1>{esc(old.name)} → {esc(new.name)}</h1>",
        f'<p class="muted">articlelint {esc(old.version)} ({number(old.files)} files) → '
        f"articlelint {esc(new.version)} ({number(new.files)} files)</p>",
        f"<p>{esc(totals_line(old.counts, new.counts))}</p>",
        '<section id="rules"><h2>Per rule</h2>'
        + (f'<div class="scroll">{chart}</div>' if any(d.change for d in rules) else "")
        + _table("code", rules, True, ids=True) + "</section>",
        '<section id="outlets"><h2>Per outlet</h2>'
        + _table("outlet", ordered(comparison.outlets), False) + "</section>",
        f'<section id="files"><h2>Files that changed most (up to {FILES_SHOWN} each way)</h2>'
        + _table("file", files, False) + "</section>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
