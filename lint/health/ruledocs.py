"""Rule documentation embedded in the report: each `articlelint rule CODE` page rendered
from its Markdown, with raw HTML, links and images turned off (the docs quote article
HTML in code blocks; nothing in them may become markup or fetch anything)."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).disable(["link", "image", "autolink"])


def rule_html(page: str, shift: int = 2) -> str:
    """`page` (Markdown) as HTML, headings moved `shift` levels down so that the page's
    `#` title sits under the report's own headings."""
    md = _markdown()
    tokens = md.parse(page)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1:]) + shift)}"
    return str(md.renderer.render(tokens, md.options, {}))


def anchor(code: str) -> str:
    """The id of a rule's docs in the page."""
    return f"rule-{code}"
