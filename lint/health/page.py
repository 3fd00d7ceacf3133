"""The HTML report: one self-contained page (inline CSS and SVG, no script, no external
resource; a Content-Security-Policy forbids fetching anything even so). Article text —
titles, paths, messages, code frames — is escaped everywhere (`svg.esc`)."""

from __future__ import annotations

import json

from lint.health.collect import Collected, RunInfo
from lint.health.files_html import top_files_section
from lint.health.ruledocs import anchor, rule_html
from lint.health.svg import (
    MonthBar,
    RuleBar,
    esc,
    heat_map,
    number,
    per_100,
    rule_bars,
    timeline,
)
from lint.health.tally import FAMILIES, Counts, Tally

# Months between the first and the last one are filled in (so that the axis is linear)
# only up to this span; a stray date decades away must not make a page of empty months.
MAX_FILLED_MONTHS = 240

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'none'")

CSS = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1180px;padding:0 24px 48px;
color:#222;line-height:1.45}
h1{margin:24px 0 4px}h2{margin-top:40px;border-bottom:1px solid #ddd;padding-bottom:4px}
nav a{margin-right:14px}.muted{color:#666}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;
padding:10px 16px;min-width:120px}.card b{display:block;font-size:1.6em}
.sev-error{color:#c62828}.sev-warning{color:#a66600}.sev-info{color:#1e78c2}
.scroll{overflow-x:auto}svg.chart a:hover rect.hit{fill:#f3f6fa}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;
text-align:left;vertical-align:top}td.n,th.n{text-align:right}
.file{border:1px solid #ddd;border-radius:6px;padding:4px 14px;margin:12px 0}
.file h3{margin:8px 0 2px;font-size:1em;word-break:break-all}
.file .title{margin:2px 0;font-size:1.05em}
pre.frame{background:#f6f8fa;padding:6px 8px;margin:4px 0 10px;white-space:pre;
overflow-x:auto;font-size:13px}
pre.frame mark{background:#ffd5d5;outline:1px solid #c62828}
pre.frame mark.empty{display:inline-block;width:2px;padding:0;background:#c62828}
.rule-doc{border-left:3px solid #ccd;padding:0 14px;margin:18px 0}
.rule-doc pre{background:#f6f8fa;padding:6px 8px;overflow-x:auto}
.config pre{background:#f6f8fa;padding:6px 8px}
"""

SECTIONS = (("totals", "Totals"), ("rules", "Rules"), ("outlets", "Outlets"),
            ("timeline", "Timeline"), ("files", "Files"), ("config", "Configuration"),
            ("docs", "Rule docs"))


def render_page(collected: Collected) -> str:
    tally, info = collected.tally, collected.info
    nav = " ".join(f'<a href="#{key}">{label}</a>' for key, label in SECTIONS)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>articlelint report: {number(tally.files)} files</title>",
        f"<style>{CSS}</style></head><body>",
        '<h1 id="top">Archive health report</h1>',
        f'<p class="muted">articlelint {esc(info.version)} · {esc(info.generated)} · '
        f"configuration {esc(info.fingerprint)}</p>",
        f"<nav>{nav}</nav>",
        totals_section(tally),
        rules_section(collected),
        outlets_section(tally),
        timeline_section(tally),
        top_files_section(tally.top_files(), set(collected.pages), tally.top),
        config_section(info),
        docs_section(collected),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def totals_section(tally: Tally) -> str:
    c = tally.counts
    cards = [("files", number(tally.files), ""),
             ("files with diagnostics", number(tally.files_with_diagnostics), ""),
             ("errors", number(c.errors), "sev-error"),
             ("warnings", number(c.warnings), "sev-warning"),
             ("infos", number(c.infos), "sev-info"),
             ("diagnostics per 100 articles", number(per_100(c.total, tally.files)), "")]
    html = "".join(f'<div class="card {css}"><b>{value}</b>{label}</div>'
                   for label, value, css in cards)
    return f'<section id="totals"><h2>Totals</h2><div class="cards">{html}</div></section>'


def rules_section(collected: Collected) -> str:
    tally = collected.tally
    rows = [RuleBar(code, tally.names.get(code, ""), counts,
                    collected.summaries.get(code, ""),
                    anchor(code) if code in collected.pages else "")
            for code, counts in sorted(tally.rules.items(),
                                       key=lambda item: (-item[1].total, item[0]))]
    chart = (f'<div class="scroll">{rule_bars(rows)}</div>' if rows
             else "<p>No diagnostics.</p>")
    return ('<section id="rules"><h2>Diagnostics per rule</h2>'
            '<p class="muted">Split by severity; a bar links to the rule\'s documentation.'
            f"</p>{chart}</section>")


def outlets_section(tally: Tally) -> str:
    outlets = sorted(tally.outlets.items(), key=lambda item: (-item[1], item[0]))
    families = [(letter, FAMILIES.get(letter, letter)) for letter in tally.families()]
    if not outlets or not families:
        chart = "<p>No diagnostics.</p>" if outlets else "<p>No files.</p>"
    else:
        chart = f'<div class="scroll">{heat_map(outlets, families, tally.cells)}</div>'
    return ('<section id="outlets"><h2>Outlets × rule families</h2>'
            '<p class="muted">Diagnostics per 100 of the outlet\'s articles; the outlet is '
            "the source profile of the title URL's host.</p>"
            f"{chart}</section>")


def month_bars(tally: Tally) -> list[MonthBar]:
    months = sorted(tally.months)
    if not months:
        return []
    names = months
    first, last = _index(months[0]), _index(months[-1])
    if last - first < MAX_FILLED_MONTHS:
        names = [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(first, last + 1)]
    bars = []
    for name in names:
        row = tally.months.get(name)
        bars.append(MonthBar(name, row.articles, row.counts) if row is not None
                    else MonthBar(name, 0, Counts()))
    return bars


def _index(month: str) -> int:
    year, number_ = month.split("-")
    return int(year) * 12 + int(number_) - 1


def timeline_section(tally: Tally) -> str:
    bars = month_bars(tally)
    chart = f'<div class="scroll">{timeline(bars)}</div>' if bars else "<p>No dated files.</p>"
    dated = tally.dated
    note = (f"{number(dated['published'])} dated by their date element, "
            f"{number(dated['archived'])} by their archive timestamp, "
            f"{number(dated['undated'])} undated (not shown).")
    rows = "".join(f'<tr><td>{esc(b.month)}</td><td class="n">{number(b.articles)}</td>'
                   f'<td class="n">{number(b.counts.total)}</td><td class="n">'
                   f"{number(per_100(b.counts.total, b.articles))}</td></tr>"
                   for b in bars if b.articles)
    table = ('<details><summary>as a table</summary><table><tr><th>month</th>'
             '<th class="n">articles</th><th class="n">diagnostics</th>'
             f'<th class="n">per 100</th></tr>{rows}</table></details>')
    return ('<section id="timeline"><h2>Per month of publication</h2>'
            f'<p class="muted">Diagnostics per 100 articles. {note}</p>{chart}{table}'
            "</section>")


def config_section(info: RunInfo) -> str:
    rows = "".join(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>"
                   for label, value in info.rows())
    configs = []
    for config in info.configs:
        table = json.dumps(config.table, indent=2, ensure_ascii=False, sort_keys=True)
        configs.append(f"<h3>{esc(config.source)}</h3><p>{number(config.files)} files; "
                       f"{len(config.rules)} rules: {esc(' '.join(config.rules))}</p>"
                       f"<pre>{esc(table)}</pre>")
    return ('<section id="config" class="config"><h2>Configuration</h2>'
            '<p class="muted">Two reports with the same fingerprint ran the same version with '
            f"the same rules and settings.</p><table>{rows}</table>{''.join(configs)}"
            "</section>")


def docs_section(collected: Collected) -> str:
    docs = [f'<section class="rule-doc" id="{esc(anchor(code))}">{rule_html(page)}'
            '<p><a href="#rules">back to the chart</a></p></section>'
            for code, page in sorted(collected.pages.items())]
    body = "".join(docs) or "<p>No rule fired.</p>"
    return ('<section id="docs"><h2>Rule documentation</h2><p class="muted">The '
            "<code>articlelint rule CODE</code> page of every rule in this report.</p>"
            f"{body}</section>")
