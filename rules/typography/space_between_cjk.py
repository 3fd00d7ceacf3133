"""T005 space-between-cjk."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from lint import (
    Article,
    Diagnostic,
    FixAvailability,
    Rule,
    Severity,
)

from rules.typography._cjk import (
    CJK_CLASS,
    SPACE_CLASS,
    WHITE,
    Prepared,
    is_cjk,
    quote,
)
from rules.typography._index import Joined, joined, positions

# White space between CJK letters; letters spaced out one by one (`中 国 人`) make one
# stretch. A lookbehind anchors each try and a failed try gives back at most one letter
# and its gap, so matching is linear. Compiled on first use: its three CJK classes cost
# every run's start-up ~3 ms, and it is needed only where white space is dense (the
# rule matches at the shared white stretches in Python otherwise, see _stretch_end).


@cache
def _stretch_pattern() -> re.Pattern[str]:
    return re.compile(f"(?<=[{CJK_CLASS}])[{SPACE_CLASS}]+(?:[{CJK_CLASS}][{SPACE_CLASS}]+)*"
                      f"(?=[{CJK_CLASS}])")


_DELIMITERS = "，。；“”「」"


class SpaceBetweenCjkRule(Rule):
    """## What it does
    Finds white space (a space, a tab, `&nbsp;`, the ideographic space U+3000) between two
    CJK characters in body text: `巴基斯坦 塔利班`. Characters spaced out one by one
    (`中 国 人`) are reported once.

    Headline-like text is not checked, because Chinese headlines use a space where running
    text would have a comma (`时事大家谈：公知微信频遭封号 中国打压言论已无底线？`): the
    title, any text stretch without a `，`, `。` or `；` (section headings such as
    `<p><strong>示威规模前所未有 警察旁观</strong></p>`, captions and links that repeat a
    headline), and a quoted phrase without punctuation (a slogan or a title quoted in a
    sentence: `以“光复香港 时代革命”为标题`).

    ## Why is this bad?
    Chinese is written without spaces between words, so a space inside Chinese text shows
    as a gap in the middle of a sentence; it is usually left over from editing or from a
    line break in the original.

    ## Example
    ```
    <p>巴基斯坦 塔利班运动构成威胁。</p>
    ```

    ## Use instead
    ```
    <p>巴基斯坦塔利班运动构成威胁。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Safe: the fix deletes the white space (an `&nbsp;` as a whole). A gap that only partly
    comes from a character reference is reported without a fix.
    """

    code = "T005"
    name = "space-between-cjk"
    summary = "White space between two CJK characters"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        delimiters: dict[int, list[int]] = {}  # a text's, listed on its first hit
        for text, start, end in _stretches(joined(article)):
            value = text.text
            found = delimiters.get(id(text))
            if found is None:
                found = delimiters[id(text)] = _delimiters(value)
            if not (found and _quoted_phrase(value, start, found)):
                yield self._report(article, text, start, end)

    def _report(self, article: Article, text: Prepared, first: int,
                last: int) -> Diagnostic:
        start, end = text.span(first, last)
        value = text.text
        stretch = value[first:last]
        spaced = WHITE.fullmatch(stretch) is None  # CJK characters inside: `中 国 人`
        fix = None
        if text.source.is_literal(first, last):
            # One edit for the whole stretch keeps a long letter-spaced run cheap.
            fix = self.replace(start, end, WHITE.sub("", stretch) if spaced else "",
                               "Remove the white space")
        else:
            gaps = [(first + m.start(), first + m.end()) for m in WHITE.finditer(stretch)]
            spans = [text.edit_span(a, b) for a, b in gaps]
            if all(span is not None for span in spans):
                fix = self.replace_all(((*span, "") for span in spans if span is not None),
                                       "Remove the white space")
        snippet = quote(value[first - 1:last + 1])
        what = "characters spaced out" if spaced else "white space"
        return self.diagnostic(article, start, end,
                               f"{what} between CJK characters in {snippet}; remove it",
                               fix=fix)


def _stretches(found: Joined) -> Iterator[tuple[Prepared, int, int]]:
    """What `_stretch_pattern().finditer` finds in each body text that is not headline-like
    (a heading, a caption that repeats the title), as (text, start, end). It is tried only
    where a shared white stretch (see _index) begins after a CJK letter: no regex pass
    over the text. A match may take in several stretches (`中 国 人`); those are passed
    over, as finditer goes on after the end of a match."""
    stretches = found.white()
    if stretches is None:  # dense white space: the regex pass is cheaper
        yield from found.sentence_hits(_stretch_pattern())
        return
    value = found.value
    # Most stretches follow a Latin letter or a digit: a comprehension and a comparison
    # pass over them without a call each (CJK_RANGES begin at U+2E80).
    after_cjk = [k for k, (first, _) in enumerate(stretches)
                 if first and value[first - 1] >= "\u2e80" and is_cjk(value[first - 1])]
    done = 0
    for k in after_cjk:
        first = stretches[k][0]
        if first < done:
            continue
        text, start = found.locate(first)
        if text.is_title or text.headline:
            continue
        end = _stretch_end(value, stretches, k)
        if end is not None:
            done = end
            yield text, start, start + end - first


def _stretch_end(value: str, stretches: list[tuple[int, int]], k: int) -> int | None:
    """Where `_stretch_pattern().match(value, stretches[k][0])` ends (None: no match), from
    the stretches (maximal, in order) instead of the regex. The pattern takes the whole
    stretch, then as many `letter + stretch` units as follow (a unit's stretch begins
    right after its letter), then wants a CJK letter; when the letter after the last unit
    is not CJK, it gives back that last unit, whose letter is CJK."""
    end = stretches[k][1]
    before: int | None = None  # the end before the last unit taken
    while (k + 1 < len(stretches) and stretches[k + 1][0] == end + 1
           and is_cjk(value[end])):
        k += 1
        before, end = end, stretches[k][1]
    if end < len(value) and is_cjk(value[end]):
        return end
    return before


def _delimiters(value: str) -> list[int]:
    """Offsets of the marks that bound a quoted phrase; none without an opening quote."""
    if "“" not in value and "「" not in value:
        return []
    return positions(value, _DELIMITERS)  # str.find: see _index


def _quoted_phrase(value: str, gap: int, delimiters: list[int]) -> bool:
    """The gap is inside a quotation with no punctuation of its own, such as a slogan or
    a title (`以“光复香港 时代革命”为标题`): headline conventions apply there."""
    k = bisect_right(delimiters, gap) - 1
    if k < 0 or k + 1 >= len(delimiters):
        return False
    return value[delimiters[k]] in "“「" and value[delimiters[k + 1]] in "”」"
