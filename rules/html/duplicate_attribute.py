"""H003 duplicate-attribute."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from lint import Article, Attribute, Diagnostic, Element, FixAvailability, Rule, Severity
from rules.html._limit import CappedOptions, Finding, capped

_WS = " \t\n\f\r"


class DuplicateAttribute(Rule):
    """## What it does
    Reports an attribute written twice on one element (names compare case-insensitively:
    `class` and `CLASS` are the same attribute). Each repetition is reported at its name,
    with the position of the first one.

    ## Why is this bad?
    HTML keeps the first value and silently drops the others, so the second `class` or
    `src` that someone added never takes effect; often the two values were meant to be one
    (`class="a" class="b"` for `class="a b"`).

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p class="lead" class="intro">正文。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p class="lead intro">正文。</p>
    ```

    ## Options
    `max-diagnostics` (default 200, 0 for no limit): after this many reports in one file,
    one more counts the rest.

    ## Fix safety
    Removing a repetition is safe: browsers already ignore it, so the page does not
    change. Merging the values is for a person to decide.
    """

    code = "H003"
    name = "duplicate-attribute"
    summary = "No attribute repeated on one element"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    class Options(CappedOptions):
        pass

    def check(self, article: Article) -> Iterator[Diagnostic]:
        # Only elements with two attributes or more (most have none) can repeat one; a
        # body without any needs no capping generators.
        several = [e for e in article.elements() if len(e.attributes) > 1]
        if several:
            yield from capped(self, article, self._findings(article, several),
                              "repeated attributes")

    def _findings(self, article: Article, several: list[Element]) -> Iterator[Finding]:
        text = article.text
        for element in several:
            first: dict[str, Attribute] = {}
            for attribute in element.attributes:
                original = first.setdefault(attribute.name, attribute)
                if original is attribute:
                    continue
                line, column = article.source.position(original.name_start)
                start = attribute.name_start
                while start > element.start and text[start - 1] in _WS:
                    start -= 1  # remove the space before it too
                name = text[attribute.name_start:attribute.name_end]
                shown = name if len(name) <= 40 else name[:39] + "…"
                yield Finding(
                    attribute.name_start, attribute.name_end,
                    f"`{shown}` is repeated on `<{element.tag}>` (first at {line}:{column}); "
                    "browsers ignore this one: remove it or merge the values",
                    partial(self.replace, start, attribute.end, "",
                            f"Remove the repeated `{shown}`"))
