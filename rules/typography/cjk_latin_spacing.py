"""T007 cjk-latin-spacing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Literal

from lint import Article, Diagnostic, FixAvailability, Rule, RuleOptions, Severity

from rules.typography._cjk import (
    CJK_CLASS,
    SPACE_CLASS,
    Prepared,
    is_cjk,
    quote,
)
from rules.typography._index import Joined, joined

# Both patterns are compiled on first use: T007 is off by default, and their four CJK
# classes cost every run's start-up ~3 ms to compile.


@cache
def _touching() -> re.Pattern[str]:
    """A CJK character next to an ASCII letter or digit, in either order (two
    one-character alternatives, no repetition: linear)."""
    return re.compile(f"(?=[A-Za-z0-9][{CJK_CLASS}]|[{CJK_CLASS}][A-Za-z0-9])")


@cache
def _spaced_pattern() -> re.Pattern[str]:
    """White space between them (a lookbehind anchors each try: linear)."""
    return re.compile(f"(?<=[{CJK_CLASS}])[{SPACE_CLASS}]+(?=[A-Za-z0-9])"
                      f"|(?<=[A-Za-z0-9])[{SPACE_CLASS}]+(?=[{CJK_CLASS}])")


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class CjkLatinSpacingRule(Rule):
    """## What it does
    Checks the spacing between CJK characters and Latin letters or digits. With
    `style = "none"` (the default, the house style of VOA and most Chinese newsrooms) it
    finds white space between them (`美国 CIA 说`); with `style = "space"` it finds them
    touching (`美国CIA说`). URLs are left alone, and in `none` style so is headline-like
    text (the title, headings, captions without `，。；`), where a space separates clauses.

    ## Why is this bad?
    Either style is fine; mixing them in one archive is not. Pick the archive's style and
    keep to it.

    ## Example
    ```
    <p>一架美国无人机 2022 年7月在喀布尔炸死前基地组织首领。</p>
    ```

    ## Use instead
    ```
    <p>一架美国无人机2022年7月在喀布尔炸死前基地组织首领。</p>
    ```

    ## Options
    `style` (default `"none"`): `"none"` wants no space between CJK and Latin letters or
    digits, `"space"` wants one space.

    ## Fix safety
    Safe: the fix removes the white space (`none`) or inserts one space (`space`); no
    letter changes. The rule is off by default; select it with `T007`.
    """

    code = "T007"
    name = "cjk-latin-spacing"
    summary = "Spacing between CJK characters and Latin letters or digits"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE
    enabled_by_default = False

    class Options(RuleOptions):
        style: Literal["none", "space"] = "none"

    def check(self, article: Article) -> Iterator[Diagnostic]:
        if self.options.style == "space":  # type: ignore[attr-defined]
            return self._missing(article)
        return self._extra(article)

    def _extra(self, article: Article) -> Iterator[Diagnostic]:
        for text, start, end in _spaced(joined(article)):
            if text.in_url(start - 1) or text.in_url(end):
                continue
            where, span = text.spans(start, end)
            fix = None if span is None else self.replace(*span, "", "Remove the space")
            yield self.diagnostic(
                article, *where,
                f"space between CJK and Latin text in {quote(text.text[start - 1:end + 1])}; "
                "remove it", fix=fix)

    def _missing(self, article: Article) -> Iterator[Diagnostic]:
        for text, index, _ in joined(article).hits(_touching()):
            # The boundary is between index and index + 1.
            if text.in_url(index) or text.in_url(index + 1):
                continue
            point, _ = text.span(index + 1, index + 1)
            yield self.diagnostic(
                article, *text.span(index, index + 2),
                f"no space between CJK and Latin text in {quote(text.text[index:index + 2])}; "
                "add one", fix=self.replace(point, point, " ", "Insert a space"))


def _spaced(found: Joined) -> Iterator[tuple[Prepared, int, int]]:
    """What `_spaced_pattern().finditer` finds in each body text that is not
    headline-like (a headline separates clauses with a space), as (text, start, end). It matches whole
    white stretches, so it is tried at each shared white stretch (see _index) only."""
    stretches = found.white()
    if stretches is None:  # dense white space: the regex pass is cheaper
        yield from found.sentence_hits(_spaced_pattern())
        return
    value = found.value
    # `_spaced_pattern()` takes in a whole stretch (they are maximal) or nothing, as its
    # neighbours say: a comprehension tests them, cheapest test first, without a regex
    # call each.
    # A CJK letter on one side and an ASCII one on the other means exactly one side at
    # or above U+2E80 (where CJK_RANGES begin): two comparisons rule out the stretches
    # between Latin words, and most others, before any call.
    size = len(value)
    spaced = [(first, last) for first, last in stretches
              if first and last < size
              and (value[first - 1] >= "\u2e80") != (value[last] >= "\u2e80")
              and (value[last] in _ALNUM and is_cjk(value[first - 1])
                   or value[first - 1] in _ALNUM and is_cjk(value[last]))]
    for first, last in spaced:
        text, start = found.locate(first)
        if not text.is_title and not text.headline:
            yield text, start, start + last - first
