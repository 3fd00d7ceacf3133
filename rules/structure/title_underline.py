"""S003 title-underline."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Article, Diagnostic, FixAvailability, Rule, Severity


class TitleUnderline(Rule):
    """## What it does
    Checks that line 3 is a run of `-` (the setext underline that makes line 2 a heading)
    and that line 4 is empty, so that the body starts on line 5.

    ## Why is this bad?
    Without the underline the title is an ordinary paragraph; without the blank line,
    Markdown glues the body's first line to the heading and tools that read line 5 as the
    body miss it.

    ## Example
    ```
    <!--1702517943000-->
    [Title](https://www.voachinese.com/a/x.html)
    ======

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
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
    Removing spaces after the dashes and inserting the missing blank line 4 are safe: no
    text changes. A wrong underline is not rewritten.
    """

    code = "S003"
    name = "title-underline"
    summary = "Line 3 is a run of `-` and line 4 is empty"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        source = article.source
        if source.line_count < 3:
            end = len(source)
            yield self.diagnostic(article, end, end,
                                  "line 3 is missing; it should be the underline `------`")
            return
        line_start, line_end = source.line_bounds(3)  # (no LineInfo object)
        text = source.text[line_start:line_end].removesuffix("\r")
        dashes = text.rstrip(" \t")
        if not dashes or dashes.strip("-"):
            yield self.diagnostic(article, line_start, line_start + max(len(text), 0),
                                  "line 3 should be a run of `-` under the title"
                                  if dashes else "line 3 is empty; expected `------`")
        elif dashes != text:
            yield self.diagnostic(
                article, line_start + len(dashes), line_start + len(text),
                "trailing spaces after the underline",
                fix=self.replace(line_start + len(dashes), line_start + len(text), "",
                                 "Remove the trailing spaces"))
        if source.line_count < 4:
            return
        fourth_start, fourth_end = source.line_bounds(4)
        rest = source.text[fourth_start:fourth_end].removesuffix("\r")
        if rest.strip():
            yield self.diagnostic(
                article, fourth_start, fourth_start + len(rest),
                "line 4 should be empty: the body starts on line 5",
                fix=self.replace(fourth_start, fourth_start, "\n",
                                 "Insert an empty line before it"))
        elif rest:
            yield self.diagnostic(
                article, fourth_start, fourth_start + len(rest),
                "line 4 holds only spaces; it should be empty",
                fix=self.replace(fourth_start, fourth_start + len(rest), "",
                                 "Remove the spaces"))
