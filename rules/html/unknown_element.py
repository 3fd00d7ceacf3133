"""H005 unknown-element."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from lint import (
    KNOWN_ELEMENTS,
    Article,
    Diagnostic,
    FixAvailability,
    Rule,
    Severity,
)
from rules.html._context import element_context, tag_kinds
from rules.html._limit import CappedOptions, Finding, capped


class UnknownElement(Rule):
    """## What it does
    Reports an element whose name is not defined by the HTML Living Standard: a typo
    (`<stong>`), markup leaked from another format (`<o:p>` from Word, `<fb:post>`), or a
    custom element (`<twitter-widget>`) whose defining script is not in the archive.
    Obsolete but standard elements (`<font>`, `<center>`, `<big>`…) are known and not
    reported; nor is anything inside `<svg>` or `<math>`, whose element names come from
    SVG and MathML. Names the tokenizer could not read at all are syntax errors (reported
    by `html-syntax`), not unknown elements.

    ## Why is this bad?
    Browsers render an unknown element as a bare inline box without meaning: a typo loses
    its formatting silently, and leaked markup from editors or embeds shows nothing useful
    (a custom element without its script is empty chrome around its text).

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p><stong>美国回应</stong></p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p><strong>美国回应</strong></p>
    ```

    ## Options
    `allowed-elements` (list of names, default empty): extra element names to accept
    (e.g. `["o:p"]`). `allow-custom-elements` (default `false`): accept every valid custom
    element name (a lower-case name with a hyphen, such as `<my-widget>`); off by default
    because an archived article does not carry the scripts that define them.
    `max-diagnostics` (default 200, 0 for no limit): after this many reports in one file,
    one more counts the rest.

    ## Fix safety
    No fix: the right element depends on what was meant.
    """

    code = "H005"
    name = "unknown-element"
    summary = "Every element is defined by HTML"
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE

    class Options(CappedOptions):
        allowed_elements: tuple[str, ...] = Field((), alias="allowed-elements")
        allow_custom_elements: bool = Field(False, alias="allow-custom-elements")

    options: Options

    def check(self, article: Article) -> Iterator[Diagnostic]:
        # The body's distinct tags (shared with H002): most bodies use only known ones,
        # and then no element needs a look of its own (nor any capping generator).
        unknown = tag_kinds(article).samples.keys() - KNOWN_ELEMENTS
        if unknown:
            unknown -= {name.lower() for name in self.options.allowed_elements}
        if unknown:
            yield from capped(self, article, self._findings(article, unknown),
                              "unknown elements")

    def _findings(self, article: Article, unknown: set[str]) -> Iterator[Finding]:
        context = None
        hints: dict[str, str] = {}
        for element in article.elements():
            tag = element.tag
            if tag not in unknown or not _readable(tag):
                continue
            if self.options.allow_custom_elements and _custom(tag):
                continue
            context = context or article.derived(element_context)
            if element in context.foreign:
                continue
            hint = hints.get(tag)
            if hint is None:
                hint = hints[tag] = _hint(tag)
            yield Finding(element.start, element.end, f"`<{tag}>` is not an HTML element{hint}")


def _readable(tag: str) -> bool:
    """A name the tokenizer accepted (bad names are syntax errors, reported elsewhere)."""
    return tag[:1].isascii() and tag[:1].isalpha() and all(
        char.isascii() and (char.isalnum() or char in "-:.") for char in tag)


def _custom(tag: str) -> bool:
    return "-" in tag and ":" not in tag and tag[0].isalpha()


def _hint(tag: str) -> str:
    """What to do, with a near known name for a likely typo."""
    import difflib

    if ":" in tag:
        return ("; it is namespaced markup from another format (Word, an embed): remove "
                "the tags and keep their text")
    if "-" in tag:
        return ("; it is a custom element whose script is not archived: replace it with "
                "standard markup, or set `allow-custom-elements`")
    close = difflib.get_close_matches(tag, sorted(KNOWN_ELEMENTS), n=1, cutoff=0.75)
    if close:
        return f"; did you mean `<{close[0]}>`?"
    return "; replace it with a standard element or remove the tags and keep their text"
