"""S011 body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint import Article, Diagnostic, FixAvailability, Rule, Severity
from rules.structure._tags import tagged

# Anything but whitespace as `str.strip` sees it (`re` uses the same Unicode table):
# searching for it stops at the first character instead of copying the body line.
_VISIBLE = re.compile(r"\S")


class BodyRule(Rule):
    """## What it does
    Checks that the article has a body on line 5 that holds at least one paragraph `<p>`,
    and that nothing follows the body line but an optional final newline.

    ## Why is this bad?
    An article without a body is a failed download. Lines after the body line are usually
    a second, truncated copy or a stray fragment of another file; the archive format keeps
    the whole body on one line.

    ## Example
    ```
    <!--1702517943000-->
    [Title](https://www.voachinese.com/a/x.html)
    ------

    ```

    ## Use instead
    ```
    <!--1702517943000-->
    [Title](https://www.voachinese.com/a/x.html)
    ------

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Removing blank lines after the body is safe. Other content after the body is reported
    only: joining it to the body could duplicate text.
    """

    code = "S011"
    name = "body"
    summary = "A one-line body with at least one paragraph, and nothing after it"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        source = article.source
        body = article.body
        if source.line_count < 5:
            at = len(source)
            yield self.diagnostic(article, at, at, "the article has no body on line 5")
            return
        line_start, line_end = source.line_bounds(5)  # (no LineInfo object)
        if body is None or _VISIBLE.search(source.text, line_start, line_end) is None:
            yield self.diagnostic(article, line_start, line_start,
                                  "the article has no body on line 5")
            return
        if not tagged(article, "p"):
            yield self.diagnostic(article, line_start, line_end,
                                  "the body holds no paragraph `<p>`")
        if source.line_count > 5:
            yield from self._trailing(article, line_end)

    def _trailing(self, article: Article, body_end: int) -> Iterator[Diagnostic]:
        text = article.text
        rest = text[body_end:]
        # One final newline is allowed; anything else after the body line is not.
        if rest in ("\n", ""):
            return
        extra = rest.removeprefix("\n")
        start = body_end + 1
        if not extra.strip():
            yield self.diagnostic(
                article, start, len(text), "blank lines after the body",
                fix=self.replace(body_end, len(text), "\n", "Remove the blank lines"))
            return
        lead = len(extra) - len(extra.lstrip())
        lines = extra.strip("\n").count("\n") + 1
        yield self.diagnostic(
            article, start + lead, len(text.rstrip()),
            f"{lines} more line{'s' * (lines != 1)} after the body line; the body must be "
            "a single line")
