"""S010 duplicate-paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Article, Diagnostic, FixAvailability, Rule, Severity
from rules.structure._paragraphs import paragraph_index


class DuplicateParagraph(Rule):
    """## What it does
    Checks that no paragraph's visible text appears twice in one article (spaces are
    collapsed before comparing; empty paragraphs are left to `empty-paragraph`).

    ## Why is this bad?
    A repeated paragraph is a copy-paste or feed-merge accident: readers see the same
    sentences twice and text statistics are skewed.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>第一段。</p><p>第二段。</p><p>第一段。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>第一段。</p><p>第二段。</p>
    ```

    ## Options
    None.

    ## Fix safety
    No fix: which copy to keep (and whether the repeat is intended) is an editor's call.
    """

    code = "S010"
    name = "duplicate-paragraph"
    summary = "No paragraph repeated verbatim in one article"
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        index = paragraph_index(article)
        texts = index.texts
        # All texts differ but the empty ones, which do not count (counted in C):
        # nothing repeats.
        if len(set(texts)) == len(texts) - max(texts.count("") - 1, 0):
            return
        seen: dict[str, int] = {}
        for element, text in zip(index.elements, texts):
            if not text:
                continue
            first = seen.setdefault(text, element.start)
            if first == element.start:
                continue
            where = article.source.position(first)
            shown = text if len(text) <= 30 else text[:30] + "…"
            yield self.diagnostic(
                article, element.start, element.outer_end,
                f"this paragraph repeats the one at {where[0]}:{where[1]} (`{shown}`)")
