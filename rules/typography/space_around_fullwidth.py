"""T008 space-around-fullwidth."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lint import Article, Diagnostic, FixAvailability, Rule, Severity

from rules.typography._cjk import (
    CURLY_QUOTES,
    FULLWIDTH_CLASS,
    FULLWIDTH_PUNCTUATION,
    SPACE_CLASS,
    Prepared,
    is_chinese_side,
    is_fullwidth_punctuation,
    quote,
)
from rules.typography._index import Joined, joined

_MARK_SET = FULLWIDTH_PUNCTUATION | CURLY_QUOTES


@cache
def _candidate() -> re.Pattern[str]:
    """White space after, or a whole stretch of it before, a full-width mark or curly
    quote; a lookbehind anchors each try, so a failed one costs at most one stretch:
    linear. The rule finds the same stretches without a regex pass (`_candidates`; a test
    compares), so it is compiled only for dense white space: ~0.5 ms of start-up saved."""
    marks = FULLWIDTH_CLASS + "“”‘’"
    return re.compile(f"(?<=[{marks}])[{SPACE_CLASS}]+"
                      f"|(?<![{SPACE_CLASS}])[{SPACE_CLASS}]+(?=[{marks}])")

_OPENING_QUOTES = frozenset("“‘")
# In a headline a space separates clauses; next to these marks it is that separator
# (`贴“台湾制造” 为避税绕道台湾出口美国`, `建筑工地的吊塔 （2020年7月16日）`).
_HEADLINE_SEPARABLE = frozenset("“”‘’（）《》「」『』【】？！")
_CLOSING_QUOTES = frozenset("”’")


class SpaceAroundFullwidthRule(Rule):
    """## What it does
    Finds white space (a space, `&nbsp;`, U+3000) right before or after full-width
    punctuation: `恐怖主义，” 巴基斯坦`, `他说： 美国`, `（TTP） 和`. The curly quotes
    `“”‘’` count as Chinese punctuation when the text they quote is Chinese: a space after
    `”` is reported when `”` closes Chinese text, a space before `“` when `“` opens Chinese
    text. White space at the very start or end of a paragraph (between a tag and the text)
    is not reported: it does not show between two characters. In headline-like text (the
    title, headings and captions without `，。；`) a space next to a quotation mark, a
    bracket, `？` or `！` separates clauses the way a comma would and is not reported
    either (`百余件中国产品贴“台湾制造” 为避税绕道台湾出口美国`).

    ## Why is this bad?
    Full-width punctuation already carries its own spacing; an extra space shows as a wide
    gap in the middle of a Chinese sentence.

    ## Example
    ```
    <p>韦斯特说，“美国支持巴基斯坦打击地区恐怖主义，” 巴基斯坦塔利班运动构成威胁。</p>
    ```

    ## Use instead
    ```
    <p>韦斯特说，“美国支持巴基斯坦打击地区恐怖主义，”巴基斯坦塔利班运动构成威胁。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Safe: the fix deletes the white space (an `&nbsp;` as a whole). White space that only
    partly comes from a character reference is reported without a fix.
    """

    code = "T008"
    name = "space-around-fullwidth"
    summary = "White space next to full-width punctuation in Chinese text"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        for text, start, end in _candidates(joined(article)):
            if start == 0 or end == len(text.text):
                continue  # leading or trailing: not between two characters
            mark = _mark_beside(text.text, start, end)
            if mark is not None and not (text.headline and mark in _HEADLINE_SEPARABLE):
                yield self._report(article, text, start, end, mark)

    def _report(self, article: Article, text: Prepared, start: int, end: int,
                mark: str) -> Diagnostic:
        where, span = text.spans(start, end)
        fix = None if span is None else self.replace(*span, "", "Remove the white space")
        snippet = quote(text.text[max(start - 2, 0):end + 2])
        return self.diagnostic(
            article, *where,
            f"white space next to full-width `{mark}` in {snippet}; remove it", fix=fix)


def _candidates(found: Joined) -> Iterator[tuple[Prepared, int, int]]:
    """What `_candidate()` finds in each text, (text, start, end): the shared white
    stretches (see _index) with a mark beside them, without a regex pass over the text."""
    stretches = found.white()
    if stretches is None:  # dense white space: the regex pass is cheaper
        yield from found.hits(_candidate())
        return
    value, marks = found.value, _MARK_SET
    # A comprehension, not a loop step per stretch: most stretches have no mark beside
    # them (`value[last:last + 1]` is "" past the end).
    beside = [(first, last) for first, last in stretches
              if first and value[first - 1] in marks or value[last:last + 1] in marks]
    for first, last in beside:
        text, start = found.locate(first)
        yield text, start, start + last - first


def _mark_beside(value: str, start: int, end: int) -> str | None:
    """The full-width mark that makes the white space `value[start:end]` wrong, if any."""
    left, right = value[start - 1], value[end]
    if is_fullwidth_punctuation(left):
        return left
    if is_fullwidth_punctuation(right):
        return right
    if left in CURLY_QUOTES:
        # `，” 巴基斯坦`: a closing quote after Chinese; `“ 公民`: an opening one before it.
        inner = value[start - 2] if left in _CLOSING_QUOTES and start >= 2 else right
        if is_chinese_side(inner):
            return left
    if right in CURLY_QUOTES:
        inner = value[end + 1] if right in _OPENING_QUOTES and end + 1 < len(value) else left
        if is_chinese_side(inner):
            return right
    return None
