"""T001 halfwidth-punctuation."""

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
    Prepared,
    is_ascii_alnum,
    is_chinese_side,
    is_cjk,
    quote,
)
from rules.typography._index import joined, positions

FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CLOSING_CHINESE = frozenset("）》」』】〕〉")
_SEARCHES = 8  # see _CjkIndex


@cache
def _cjk_letter() -> re.Pattern[str]:
    """One CJK letter. Compiled on first use (its class costs start-up ~1.5 ms): only a
    text with more than _SEARCHES ASCII pairs lists its letters with it."""
    return re.compile(f"[{CJK_CLASS}]")


class HalfwidthPunctuationRule(Rule):
    """## What it does
    Finds ASCII punctuation `, ( ) : ; ? !` used in Chinese text: a comma, colon, semicolon,
    question or exclamation mark written right after a CJK character (or after a Chinese
    closing bracket), or right before one; and a pair of ASCII parentheses next to CJK text
    or around it, as in `运动(TTP)`. ASCII and full-width parentheses are matched together,
    so a mixed pair (`高硕泰（左)`), a stray `)` before the real `）` (`（OFAC)）`) and
    ASCII parentheses doubled inside full-width ones (`（(…)）`) are found too.

    Punctuation inside Latin text keeps its ASCII form: an English sentence quoted in a
    Chinese article (`他说："I think, therefore I am."`), numbers such as `1,000` and
    `3:30`, subsection labels such as `第212(A)(3)(C)条`, and URLs or e-mail addresses
    written in the text are never flagged.

    ## Why is this bad?
    Chinese text uses full-width punctuation (GB/T 15834). Half-width marks look cramped
    next to Chinese characters and are a sign of text typed in an English input mode.

    ## Example
    ```
    <p>巴基斯坦塔利班运动(TTP)构成威胁,美国说。</p>
    ```

    ## Use instead
    ```
    <p>巴基斯坦塔利班运动（TTP）构成威胁，美国说。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Safe: the fix replaces the mark with its full-width form. Parentheses are converted as a
    pair, both halves in one fix, never one half alone; where the other half is already
    full-width, converting the ASCII half completes the pair; doubled parentheses lose the
    inner ASCII pair. An unpaired or stray ASCII parenthesis is reported without a fix. A
    mark written as a character reference is replaced as a whole.
    """

    code = "T001"
    name = "halfwidth-punctuation"
    summary = "ASCII punctuation in Chinese text"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        # The marks are rare: find them in all texts at once with `str.find` (see _index),
        # then report text by text, each text's sentence marks before its parentheses.
        found = joined(article)
        value = found.value
        marks: dict[int, list[int]] = {}  # text place -> its sentence marks in Chinese
        # Most marks stand in Latin text (`1,000`, English): a neighbour below U+2E80 on
        # both sides rules a mark out (CJK letters and Chinese closing brackets are all
        # above) in a comprehension, without a call each.
        near_chinese = [index for index in found.positions(",;:?!")
                        if value[index - 1:index] >= "\u2e80"
                        or value[index + 1:index + 2] >= "\u2e80"]
        for index in near_chinese:
            # A separator is neither CJK nor a digit: the same answer as at a text's edge.
            if _in_chinese(value, index):
                k = found.order(index)
                marks.setdefault(k, []).append(index - found.starts[k])
        parentheses = {*found.holding("("), *found.holding(")")}
        for k in sorted(marks.keys() | parentheses):
            text = found.text(k)
            for index in marks.get(k, ()):
                if not text.in_url(index):
                    yield self._sentence_mark(article, text, index)
            if k in parentheses:
                yield from self._parentheses(article, text)

    def _sentence_mark(self, article: Article, text: Prepared, index: int) -> Diagnostic:
        char = text.text[index]
        (start, end), span = text.spans(index, index + 1)
        wanted = FULLWIDTH[char]
        fix = None if span is None else self.replace(
            *span, wanted, f"Replace with `{wanted}`")
        return self.diagnostic(
            article, start, end,
            f"half-width `{char}` in Chinese text; use the full-width `{wanted}`", fix=fix)

    def _parentheses(self, article: Article, text: Prepared) -> Iterator[Diagnostic]:
        """Match ASCII and full-width parentheses together, innermost first, so that a
        pair with one ASCII half (`（左)`) is found as a pair too."""
        value = text.text
        cjk = _CjkIndex(value)
        opened: list[int] = []
        for index in positions(value, "()（）"):  # str.find: see _index
            char = value[index]
            if char in "()" and text.in_url(index):
                continue
            if char in "(（":
                opened.append(index)
            elif opened:
                start = opened.pop()
                found = self._closed(article, text, start, index, cjk)
                if found is not None:
                    yield found
            elif char == ")" and _next_to_cjk(value, index):
                yield self._unpaired(article, text, index, stray=False)
        for start in opened:
            if value[start] == "(" and _next_to_cjk(value, start):
                yield self._unpaired(article, text, start, stray=False)

    def _closed(self, article: Article, text: Prepared, start: int, end: int,
                cjk: _CjkIndex) -> Diagnostic | None:
        value = text.text
        ascii_open, ascii_close = value[start] == "(", value[end] == ")"
        if not ascii_open and not ascii_close:
            return None
        if ascii_open != ascii_close:
            # One half is full-width already: converting the other completes the pair,
            # unless the ASCII closer is a stray before the real one, as in `（OFAC)）`.
            half = start if ascii_open else end
            if ascii_close and value[end + 1:end + 2] == "）":
                return self._unpaired(article, text, half, stray=True)
            return self._half(article, text, half)
        if 0 < start and value[start - 1] == "（" and value[end + 1:end + 2] == "）":
            return self._doubled(article, text, start, end)
        # Asked only here: most pairs are full-width and were answered above.
        cjk_inside = cjk.within(start, end)
        if not cjk_inside and _is_label(value, start, end):
            return None
        if cjk_inside or _next_to_cjk(value, start) or _next_to_cjk(value, end):
            return self._pair(article, text, start, end)
        return None

    def _pair(self, article: Article, text: Prepared, start: int, end: int) -> Diagnostic:
        value = text.text
        (source_start, _), left = text.spans(start, start + 1)
        (_, source_end), right = text.spans(end, end + 1)
        inner = value[start + 1:end]
        fix = None
        if left is not None and right is not None:
            fix = self.replace_all(((*left, "（"), (*right, "）")),
                                   "Replace both parentheses with `（` and `）`")
        return self.diagnostic(
            article, source_start, source_end,
            f"half-width parentheses {quote('(' + inner + ')')} in Chinese text; use "
            f"full-width {quote('（' + inner + '）')}", fix=fix)

    def _half(self, article: Article, text: Prepared, index: int) -> Diagnostic:
        char = text.text[index]
        wanted = FULLWIDTH[char]
        (start, end), span = text.spans(index, index + 1)
        fix = None if span is None else self.replace(*span, wanted, f"Replace with `{wanted}`")
        return self.diagnostic(
            article, start, end,
            f"half-width `{char}` paired with a full-width bracket; use `{wanted}`", fix=fix)

    def _doubled(self, article: Article, text: Prepared, start: int, end: int) -> Diagnostic:
        (source_start, _), left = text.spans(start, start + 1)
        (_, source_end), right = text.spans(end, end + 1)
        fix = None
        if left is not None and right is not None:
            fix = self.replace_all(((*left, ""), (*right, "")),
                                   "Remove the inner half-width parentheses")
        return self.diagnostic(
            article, source_start, source_end,
            "half-width parentheses doubled inside full-width ones `（(…)）`; keep only "
            "`（…）`", fix=fix)

    def _unpaired(self, article: Article, text: Prepared, index: int,
                  stray: bool) -> Diagnostic:
        start, end = text.span(index, index + 1)
        char = text.text[index]
        if stray:
            message = f"stray half-width `{char}` before the full-width `）`"
        else:
            message = (f"unpaired half-width `{char}` in Chinese text; pair it and use "
                       "full-width `（）`")
        return self.diagnostic(article, start, end, message)


def _is_label(value: str, start: int, end: int) -> bool:
    """A subsection label in a reference such as `第212(A)(3)(C)条`: short ASCII content
    right after a letter, a digit or another label. It keeps its ASCII parentheses."""
    before = value[start - 1] if start > 0 else ""
    inner = value[start + 1:end]
    return (before == ")" or is_ascii_alnum(before)) and 0 < len(inner) <= 3 and all(
        is_ascii_alnum(c) for c in inner)


class _CjkIndex:
    """Answers "is there a CJK letter between these two offsets?". The first few questions
    search between the offsets; after that the letters' offsets are listed once and each
    answer is a bisect, so nested pairs never rescan (linear time)."""

    def __init__(self, value: str) -> None:
        self.value = value
        self.offsets: list[int] | None = None
        self.searches = 0

    def within(self, start: int, end: int) -> bool:
        if self.offsets is None and self.searches < _SEARCHES:
            self.searches += 1
            return _holds_cjk(self.value[start + 1:end])
        if self.offsets is None:
            self.offsets = [m.start() for m in _cjk_letter().finditer(self.value)]
        k = bisect_right(self.offsets, start)
        return k < len(self.offsets) and self.offsets[k] < end


def _holds_cjk(inner: str) -> bool:
    """`_cjk_letter().search(inner) is not None` without the regex: most pairs hold only
    ASCII (one C-level `max` says so) or begin with a CJK letter (`any` stops there)."""
    return max(inner, default="") >= "\u2e80" and any(map(is_cjk, inner))


def _in_chinese(value: str, index: int) -> bool:
    """A sentence mark belongs to Chinese text when the character right before it is CJK
    (or a Chinese closing bracket), or the one right after it is CJK. Between two digits
    it is part of a number (`1,000`, `3:30`)."""
    before = value[index - 1] if index > 0 else ""
    after = value[index + 1] if index + 1 < len(value) else ""
    if before.isdigit() and after.isdigit():
        return False
    return bool(before) and (is_cjk(before) or before in _CLOSING_CHINESE) or (
        bool(after) and is_cjk(after))


def _next_to_cjk(value: str, index: int) -> bool:
    """The parenthesis at `index` touches Chinese text on its outer side."""
    neighbour = index - 1 if value[index] == "(" else index + 1
    return 0 <= neighbour < len(value) and is_chinese_side(value[neighbour])
