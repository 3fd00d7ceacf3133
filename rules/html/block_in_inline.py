"""H002 block-in-inline."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Article, Diagnostic, Element, FixAvailability, Rule, Severity
from rules.html._context import misplaced_blocks
from rules.html._limit import CappedOptions, Finding, capped


class BlockInInline(Rule):
    """## What it does
    Reports a block element (`div p ul ol li dl blockquote h1`–`h6 table figure section
    article header footer pre hr form …`) inside an element that may hold only phrasing
    content: an inline element (`i b em strong small span …`), a paragraph `<p>`, a heading
    or `<pre>`. Transparent elements such as `<a>` take their parent's rule (HTML §3.2.5.3):
    `<div><a href=…><div>…</div></a></div>` is valid, `<p><a href=…><div>` is not. Each
    misplaced block is reported once, at its start tag, naming the element it sits in.

    ## Why is this bad?
    Browsers end a paragraph at the first block inside it (`<p>a<div>b</div></p>` becomes
    two blocks and an empty `<p>`), and styles of an inline element do not carry over
    blocks consistently. Readers, the other rules and downstream converters then see a
    structure other than the one written.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>巴基斯坦<div>寻求美国帮助</div></p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>巴基斯坦</p><div>寻求美国帮助</div>
    ```

    ## Options
    `max-diagnostics` (default 200, 0 for no limit): after this many reports in one file,
    one more counts the rest.

    ## Fix safety
    No fix: whether to close the paragraph, drop the block or turn it into an inline
    element depends on the content.
    """

    code = "H002"
    name = "block-in-inline"
    summary = "No block element inside a paragraph, heading or inline element"
    severity = Severity.ERROR
    fix_availability = FixAvailability.NONE

    class Options(CappedOptions):
        pass

    def check(self, article: Article) -> Iterator[Diagnostic]:
        found = misplaced_blocks(article)
        if found:  # (rarely: no capping generators for a body without any)
            yield from capped(self, article, self._findings(article, found),
                              "blocks inside inline content")

    def _findings(self, article: Article,
                  found: list[tuple[Element, Element]]) -> Iterator[Finding]:
        for element, outer in found:
            line, column = article.source.position(outer.start)
            if outer.tag == "p" or outer.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "pre"):
                advice = f"close the `<{outer.tag}>` before it"
            else:
                advice = (f"close the `<{outer.tag}>` before it and reopen it inside, or use "
                          "an inline element")
            yield Finding(
                element.start, element.end,
                f"block `<{element.tag}>` inside `<{outer.tag}>` (opened at {line}:{column}), "
                f"which holds only inline content; {advice}")
