"""S002 title-link."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lint import Article, Diagnostic, FixAvailability, Rule, Severity
from rules.structure._urls import plain_web_host

# Whitespace as `str.isspace` sees it (`re` uses the same Unicode table).
_SPACE = re.compile(r"\s")


class TitleLink(Rule):
    """## What it does
    Checks that line 2 is the title link `[title](url)`: a non-empty title without
    surrounding spaces or an unescaped `]`, and an absolute `http(s)` URL without spaces.

    ## Why is this bad?
    The title line is the article's heading and its only link back to the original. A
    stray `]` or a space in the URL breaks the Markdown link, so renderers show raw
    brackets and the source can no longer be found.

    ## Example
    ```
    <!--1702517943000-->
    [巴基斯坦寻求美国帮助](www.voachinese.com/a/x.html)
    ------

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Use instead
    ```
    <!--1702517943000-->
    [巴基斯坦寻求美国帮助](https://www.voachinese.com/a/x.html)
    ------

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Trimming spaces around the title and escaping a `]` inside it are safe fixes; URL
    problems are reported only.
    """

    code = "S002"
    name = "title-link"
    summary = "Line 2 is `[title](url)` with a title and an absolute http(s) URL"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        source = article.source
        if source.line_count < 2:
            end = len(source)
            yield self.diagnostic(article, end, end,
                                  "line 2 is missing; it should be the title link `[title](url)`")
            return
        line_start, line_end = source.line_bounds(2)  # (no LineInfo object)
        text = source.text[line_start:line_end].removesuffix("\r")
        title, url = article.header.title, article.header.url
        if title is None:
            yield self.diagnostic(article, line_start, line_start + len(text),
                                  "line 2 should be the title link `[title](url)`")
            return
        yield from self._title(article, title.value, title.start)
        if url is None:
            end = line_start + len(text.rstrip())
            yield self.diagnostic(article, end, end,
                                  "the title has no link: expected `](url)` after it")
            return
        yield from self._url(article, url.value, url.start, url.end, text)

    def _title(self, article: Article, value: str, start: int) -> Iterator[Diagnostic]:
        stripped = value.strip()
        if not stripped:
            yield self.diagnostic(article, start - 1, start + len(value) + 1,
                                  "the title is empty")
            return
        if stripped != value:
            yield self.diagnostic(
                article, start, start + len(value), "spaces around the title",
                fix=self.replace(start, start + len(value), stripped, "Trim the title"))
        if "]" not in value:
            return  # what follows only reports an unescaped `]`
        escaped = False
        for index, char in enumerate(value):
            if char == "]" and not escaped:
                at = start + index
                yield self.diagnostic(
                    article, at, at + 1, "unescaped `]` inside the title ends the link text",
                    fix=self.replace(at, at, "\\", "Escape it as `\\]`"))
            escaped = char == "\\" and not escaped

    def _url(self, article: Article, value: str, start: int, end: int,
             line_text: str) -> Iterator[Diagnostic]:
        if not line_text.rstrip().endswith(")"):
            yield self.diagnostic(article, end, end, "the title link is not closed with `)`")
        found = _SPACE.search(value)
        if found is not None:
            space = found.start()
            yield self.diagnostic(article, start + space, start + space + 1,
                                  "space inside the URL: write it as `%20`")
            return
        if not value:
            yield self.diagnostic(article, start, end, "the URL is empty")
            return
        if plain_web_host(value) is not None:
            return  # an http(s) URL with a host, found without urlsplit
        try:
            parts = urlsplit(value)
            host = parts.hostname
        except ValueError:
            parts, host = None, None
        if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
            yield self.diagnostic(article, start, end,
                                  f"`{value[:80]}` is not an absolute http(s) URL")
