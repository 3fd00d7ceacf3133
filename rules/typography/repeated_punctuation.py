"""T004 repeated-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from lint import Applicability, Article, Diagnostic, FixAvailability, Rule, Severity

from rules.typography._cjk import Prepared
from rules.typography._index import joined

# Marks that never stand twice in a row. `？` and `！` are left out: GB/T 15834 allows them
# doubled or tripled for emphasis (`真的？？`, `！！！`), and `……` / `——` are one mark each.
MARKS = "，、；：。"
_STRETCH = re.compile(f"[{MARKS}]{{2,}}")  # one character class repeated: linear
_PAIRS = [re.compile(f"{mark}[{MARKS}]") for mark in MARKS]


class RepeatedPunctuationRule(Rule):
    """## What it does
    Finds Chinese punctuation marks that stand twice in a row: the same mark doubled
    (`，，`, `。。`, `、、`, `；；`, `：：`) or two different marks of `，、；：。` side by
    side (`，。`). Three or more `。` in a row are reported as a makeshift ellipsis.
    `？？`, `！！` and `？！` are not reported: the standard allows them for emphasis.

    ## Why is this bad?
    A doubled mark is a typing slip (GB/T 15834 allows no doubled comma, enumeration comma,
    semicolon, colon or full stop); `。。。` is an ellipsis typed with full stops, where
    Chinese writes `……`.

    ## Example
    ```
    <p>专家说，，巴基斯坦寻求美国帮助。。</p>
    ```

    ## Use instead
    ```
    <p>专家说，巴基斯坦寻求美国帮助。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Keeping one of a doubled mark is safe. Replacing `。。。` with `……` is unsafe (the
    author may have meant a full stop). Two different marks side by side get no fix: only
    the author knows which one was meant.
    """

    code = "T004"
    name = "repeated-punctuation"
    summary = "Doubled Chinese punctuation such as `，，` or `。。`"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        found = joined(article)
        # Any stretch starts with a mark followed by a mark: a search per first mark, each
        # a quick C scan for that one character, rules out nearly every article.
        if not any(pair.search(found.value) for pair in _PAIRS):
            return
        for text, start, end in found.hits(_STRETCH):
            yield from self._stretch(article, text, start, text.text[start:end])

    def _stretch(self, article: Article, text: Prepared, offset: int,
                 marks: str) -> Iterator[Diagnostic]:
        groups = [(char, len(list(items))) for char, items in groupby(marks)]
        if len(groups) > 1:
            start, end = text.span(offset, offset + len(marks))
            yield self.diagnostic(
                article, start, end,
                f"punctuation marks `{_short(marks)}` in a row; keep the one that is meant")
        position = offset
        for char, count in groups:
            if count > 1:
                yield self._doubled(article, text, position, char, count)
            position += count

    def _doubled(self, article: Article, text: Prepared, offset: int, char: str,
                 count: int) -> Diagnostic:
        (start, end), span = text.spans(offset, offset + count)
        written = char * count
        if char == "。" and count >= 3:
            fix = None if span is None else self.replace(
                *span, "……", "Replace with `……`", Applicability.UNSAFE)
            return self.diagnostic(
                article, start, end,
                f"`{_short(written)}` used as an ellipsis; write `……`", fix=fix)
        fix = None if span is None else self.replace(*span, char, f"Keep one `{char}`")
        return self.diagnostic(article, start, end,
                               f"`{char}` repeated {count} times; keep one", fix=fix)


def _short(marks: str) -> str:
    return marks if len(marks) <= 8 else marks[:3] + "…" + marks[-3:]
