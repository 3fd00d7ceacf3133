"""The report's list of the files with the most errors: an index table, then each file
with its title, outlet, counts per code and its top diagnostics with code frames."""

from __future__ import annotations

from collections.abc import Sequence, Set
from urllib.parse import urlsplit

from lint.health.ruledocs import anchor
from lint.health.svg import esc, number
from lint.health.tally import Excerpt, TopFile


def source_link(url: str) -> str:
    """A link to the article's original page, only for a plain http(s) URL (a title URL
    such as `javascript:…` stays text). It is a link, never fetched by the page."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc or any(
            ch.isspace() or ord(ch) < 0x20 or ch in "<>\"'`" for ch in url):
        return ""
    return (f' · <a class="source" href="{esc(url)}" rel="noopener noreferrer nofollow" '
            'referrerpolicy="no-referrer">original article</a>')


def _code(code: str, documented: Set[str]) -> str:
    if code in documented:
        return f'<a class="code" href="#{esc(anchor(code))}">{esc(code)}</a>'
    return f'<span class="code">{esc(code)}</span>'


def _excerpt(item: Excerpt, documented: Set[str]) -> str:
    if item.marked:
        mark = f"<mark>{esc(item.marked)}</mark>"
    else:
        mark = '<mark class="empty"></mark>'
    frame = (f'<pre class="frame">{esc(item.before)}{mark}{esc(item.after)}</pre>'
             if item.before or item.marked or item.after else "")
    severity = item.severity.value
    return (f'<li><span class="loc">{item.line}:{item.column}</span> '
            f'{_code(item.code, documented)} <span class="muted">[{esc(item.name)}]</span> '
            f'<span class="sev-{severity}">{severity}</span> '
            f'<span class="msg">{esc(item.message)}</span>{frame}</li>')


def _file(rank: int, entry: TopFile, documented: Set[str]) -> str:
    c = entry.counts
    codes = ", ".join(f"{_code(code, documented)} ×{count}" for code, count in entry.codes)
    shown = len(entry.excerpts)
    more = (f'<p class="muted">and {number(c.total - shown)} more</p>'
            if c.total > shown else "")
    excerpts = "".join(_excerpt(item, documented) for item in entry.excerpts)
    title = (f'<p class="title">{esc(entry.title)}</p>' if entry.title else "")
    return (f'<article class="file" id="file-{rank}"><h3>{rank}. <code>{esc(entry.path)}'
            f"</code></h3>{title}"
            f'<p class="muted">{esc(entry.outlet)} · {esc(entry.month or "undated")} · '
            f'<span class="sev-error">{number(c.errors)} errors</span>, '
            f"{number(c.warnings)} warnings, {number(c.infos)} infos"
            f"{source_link(entry.url)}</p><p>{codes}</p><ol>{excerpts}</ol>{more}</article>")


def top_files_section(entries: Sequence[TopFile], documented: Set[str], limit: int) -> str:
    if not entries:
        return '<section id="files"><h2>Files</h2><p>No file has diagnostics.</p></section>'
    index = "".join(
        f'<tr><td class="n">{rank}</td><td><a href="#file-{rank}">{esc(e.path)}</a></td>'
        f"<td>{esc(e.outlet)}</td><td class=\"n\">{number(e.counts.errors)}</td>"
        f'<td class="n">{number(e.counts.warnings)}</td>'
        f'<td class="n">{number(e.counts.infos)}</td></tr>'
        for rank, e in enumerate(entries, 1))
    files = "".join(_file(rank, e, documented) for rank, e in enumerate(entries, 1))
    return (f'<section id="files"><h2>The {len(entries)} files with the most errors</h2>'
            f'<p class="muted">At most {limit}: most errors first, then most warnings; '
            "each with its top diagnostics (one per rule first).</p>"
            '<table><tr><th class="n">#</th><th>file</th><th>outlet</th>'
            '<th class="n">errors</th><th class="n">warnings</th><th class="n">infos</th></tr>'
            f"{index}</table>{files}</section>")
