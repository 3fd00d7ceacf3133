"""S012 feed-advert."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from lint import Article, Diagnostic, Element, FixAvailability, Rule, RuleOptions, Severity

# What may stand between the last paragraph and the advert box: `<br><hr>`.
_LEAD_IN = frozenset({"br", "hr"})


class FeedAdvert(Rule):
    """## What it does
    Checks whether the body ends with a feed aggregator's advert block, such as
    `<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" …>…</a></div>` (about one
    archived file in six carries it). Off by default: select it to clean an archive.

    ## Why is this bad?
    The advert is not part of the article: it repeats in thousands of files, pollutes
    full-text search and word counts, and links to a third-party site.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a></div>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    `markers` (default `["获取更多RSS"]`): the text an advert block's visible text starts
    with.

    ## Fix safety
    Safe: the fix removes the advert `<div>` and the `<br>`/`<hr>` right before it, and
    nothing else; the block is identified by its text and by standing last in the body.
    A block that holds a comment (perhaps a suppression) is reported without a fix.
    """

    code = "S012"
    name = "feed-advert"
    summary = "The body ends with a feed advert block"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE
    enabled_by_default = False

    class Options(RuleOptions):
        markers: tuple[str, ...] = Field(default=("获取更多RSS",), min_length=1)

    def check(self, article: Article) -> Iterator[Diagnostic]:
        body = article.body
        if body is None:
            return
        children = body.root.children
        index = len(children) - 1
        while index >= 0 and not isinstance(children[index], Element) \
                and children[index].is_whitespace:  # type: ignore[union-attr]
            index -= 1
        last = children[index] if index >= 0 else None
        if not isinstance(last, Element) or last.tag != "div" or last.close_end is None:
            return
        text = _text(article, last)
        markers: tuple[str, ...] = self.options.markers  # type: ignore[attr-defined]
        marker = next((m for m in markers if text.startswith("".join(m.split()))), None)
        if marker is None:
            return
        start = last.start
        for node in reversed(children[:index]):
            if isinstance(node, Element) and node.tag in _LEAD_IN:
                start = node.start
            elif isinstance(node, Element) or not node.is_whitespace:
                break
        end = last.close_end
        # A comment inside (perhaps a suppression) is not the feed's: keep it, no fix.
        commented = any(start <= c.start < end for c in body.comments)
        fix = None if commented else self.replace(start, end, "", "Remove the feed advert")
        yield self.diagnostic(article, start, end,
                              f"the body ends with a feed advert (`{marker}…`)", fix=fix)


def _text(article: Article, element: Element) -> str:
    """The text of the runs inside `element`, blanks removed. The element is the body's
    last, so its runs are the last ones: walk back from the end (runs are in document
    order) instead of over the whole body."""
    start, end = element.content_start, element.content_end
    pieces = []
    for run in reversed(article.runs):
        if run.start < start:
            break
        if run.end <= end:
            pieces.append(run.text)
    pieces.reverse()
    return "".join("".join(pieces).split())
