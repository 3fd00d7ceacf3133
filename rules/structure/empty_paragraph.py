"""S009 empty-paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Article, Diagnostic, Element, Fix, FixAvailability, Rule, Severity
from rules.structure._paragraphs import COLLAPSED_BLANKS, paragraph_index, shows_content


class EmptyParagraph(Rule):
    """## What it does
    Checks that every `<p>` shows something: visible text (not only spaces, `&nbsp;` or
    `<br>`), or an image, video or other embedded content.

    ## Why is this bad?
    Empty paragraphs are spacers left by the feed's editor (`<p>&nbsp;</p>`,
    `<p><br /></p>`): they add blank gaps of random height, and tools that count or
    number paragraphs count them too.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p><p>&nbsp;</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Safe: the fix removes the whole `<p>…</p>`, which shows nothing. A paragraph that is
    not closed or that holds a comment (possibly a suppression) is reported without a fix.
    """

    code = "S009"
    name = "empty-paragraph"
    summary = "No `<p>` without visible text"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        index = paragraph_index(article)
        # `Paragraph.blank` of each text, in a comprehension: most paragraphs hold text,
        # and need no object of their own.
        blank = [element for element, text in zip(index.elements, index.texts)
                 if not text.lstrip(COLLAPSED_BLANKS)]
        for element in blank:
            if shows_content(article, element):
                continue
            yield self.diagnostic(article, element.start, element.outer_end,
                                  "empty paragraph: it holds no visible text",
                                  fix=self._fix(article, element))

    def _fix(self, article: Article, element: Element) -> Fix | None:
        if element.close_end is None:
            return None
        body = article.body
        assert body is not None
        if any(element.start <= c.start < element.close_end for c in body.comments):
            return None
        return self.replace(element.start, element.close_end, "",
                            "Remove the empty paragraph")
