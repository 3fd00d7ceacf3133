"""T003 unmatched-pair."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lint import Article, Diagnostic, FixAvailability, Rule, Severity

from rules.typography._cjk import Prepared, TitleText
from rules.typography._index import Joined, joined, rare_code

PAIRS = {"（": "）", "“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "【": "】"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
# ASCII parentheses may stand for one half of a full-width pair (`（左)`): T001 reports
# that; here they only take part in the matching.
_ASCII = {"(": "（", ")": "）"}
_QUOTES = frozenset("“‘「『")
_QUOTE_MARKS = _QUOTES | {PAIRS[q] for q in _QUOTES}
# A run of one mark: one character class test per position, then a repeat of that one
# character (a backreference to a single character cannot backtrack): linear.
_TOKENS = re.compile("([" + re.escape("".join([*PAIRS, *CLOSERS, "(", ")"])) + "])\\1*")
# The marks as bytes, for a quick test of balance (see _unbalanced_texts): byte 0 is the
# separator between texts, byte `rare_code(char)` a mark (see _index.Joined.rare).
_ALPHABET = "".join([*PAIRS, *CLOSERS, "(", ")"])
# ASCII parentheses side by side are matched too (a `)` is a stray only after a `（`).
_PAIR_BYTES = [bytes([rare_code(open_), rare_code(close)])
               for open_, close in [*PAIRS.items(), ("(", ")")]]
_LEFT_OVER = re.compile(b"[^\x00]+")
_ROUNDS = 8  # nesting deeper than this is left to the scan
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class _Mark(NamedTuple):
    """`size` identical marks from `text.text[start]` on (runs keep long stretches of
    one mark cheap)."""

    order: int  # the text's place in the article: marks sort by (order, start)
    start: int
    size: int
    char: str  # the full-width bracket it stands for
    text: Prepared


class UnmatchedPairRule(Rule):
    """## What it does
    Finds an opening bracket or quotation mark `（ “ ‘ 《 「 『 【` without its closing
    partner in the same paragraph, and a closing one `） ” ’ 》 」 』 】` without its
    opening partner. A paragraph is a block element's visible text (the runs of one `<p>`,
    caption or list item, `<br>` included); the title is checked on its own.

    Not reported: a paragraph that leaves a `“` or `「` open when the next paragraph starts
    with the same mark (the convention for a quotation that runs over several paragraphs),
    a quotation opened in one paragraph and closed in a later one,
    and `’` used as an apostrophe after a Latin letter (`don’t`, `Xi’an`, `Biden’s`).
    ASCII parentheses can pair with full-width ones (T001 reports the mix). A stretch of
    identical unmatched marks is reported once.

    ## Why is this bad?
    An unbalanced bracket or quote leaves the reader unsure where a gloss or a quotation
    ends, and usually means that text was lost or pasted twice.

    ## Example
    ```
    <p>韦斯特说，“美国支持巴基斯坦打击地区恐怖主义。</p>
    ```

    ## Use instead
    ```
    <p>韦斯特说，“美国支持巴基斯坦打击地区恐怖主义。”</p>
    ```

    ## Options
    None.

    ## Fix safety
    No fix: only the author knows where the missing half belongs.
    """

    code = "T003"
    name = "unmatched-pair"
    summary = "An unbalanced Chinese bracket or quotation mark within a paragraph"
    severity = Severity.ERROR
    fix_availability = FixAvailability.NONE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        found_texts = joined(article)
        found: list[_Mark] = []
        # Quotation marks left open by earlier paragraphs: a quotation may run on for
        # several paragraphs and close in a later one (without the per-paragraph `“`).
        pending: list[_Mark] = []
        # Only the paragraphs that may hold an unmatched mark are scanned: any other has
        # nothing to report or to carry.
        done = -1  # the last text of the last paragraph scanned
        for order in sorted(_unbalanced_texts(found_texts)):
            if order <= done:
                continue
            first, done = _paragraph(found_texts, order)
            following = done + 1
            texts = [(k, found_texts.text(k)) for k in range(first, done + 1)]
            unmatched, last = _unmatched(texts, _first_char(found_texts, following))
            if texts[0][1].is_title:
                found.extend(unmatched)
                continue
            _carry(unmatched, last, pending, found)
        found.extend(pending)
        yield from self._report(article, found)

    def _report(self, article: Article, marks: list[_Mark]) -> Iterator[Diagnostic]:
        marks.sort(key=lambda m: (m.order, m.start))
        k = 0
        while k < len(marks):
            first = marks[k]
            last = k
            # Identical marks side by side are one problem (and keep the output small).
            while (last + 1 < len(marks) and marks[last + 1].text is first.text
                   and marks[last + 1].start == marks[last].start + marks[last].size
                   and marks[last + 1].char == first.char):
                last += 1
            count = sum(mark.size for mark in marks[k:last + 1])
            final = marks[last].start + marks[last].size - 1
            start, _ = first.text.span(first.start, first.start + 1)
            _, end = first.text.span(final, final + 1)
            written = first.text.text[first.start]
            ascii_close = _ascii_close(first) if count == 1 else ""
            if ascii_close:
                what = f"`{written}` is closed by an ASCII `{ascii_close}`"
                hint = f"use `{PAIRS[first.char]}`"
            elif first.char in PAIRS:
                partner = PAIRS[first.char]
                what = f"`{written}` is never closed" if count == 1 else (
                    f"{count} `{written}` are never closed")
                hint = f"add the closing `{partner}` or remove it"
            else:
                partner = CLOSERS[first.char]
                what = f"`{written}` has no opening `{partner}`" if count == 1 else (
                    f"{count} `{written}` have no opening `{partner}`")
                hint = f"add the opening `{partner}` or remove it"
            yield self.diagnostic(article, start, end,
                                  f"{what} in this paragraph; {hint}")
            k = last + 1


def _paragraph(found: Joined, order: int) -> tuple[int, int]:
    """The places of the first and last text of the paragraph that holds text `order`: the
    texts around it held by the same block. The title stands alone."""
    sources = found.sources
    if isinstance(sources[order], TitleText):
        return order, order
    block = sources[order].block
    first = last = order
    while first > 0 and not isinstance(sources[first - 1], TitleText) and (
            sources[first - 1].block is block):
        first -= 1
    while last + 1 < len(sources) and sources[last + 1].block is block:
        last += 1
    return first, last


def _carry(unmatched: list[_Mark], last: _Mark | None, pending: list[_Mark],
           found: list[_Mark]) -> None:
    """Sort one body paragraph's unmatched marks: a closer that ends a quotation left open
    by an earlier paragraph takes it off `pending`; an opener left open up to the
    paragraph's end goes onto `pending`; everything else is `found`."""
    # Every quotation before a paragraph's first unmatched closer is balanced, so that
    # closer may end a quotation left open by an earlier paragraph.
    first = next((m for m in unmatched if m.char in CLOSERS), None)
    for mark in unmatched:
        if (mark is first and mark.char in _QUOTE_MARKS and pending
                and pending[-1].char == CLOSERS[mark.char]):
            # Closes a quotation opened in an earlier paragraph.
            if pending[-1].size > 1:
                pending[-1] = pending[-1]._replace(size=pending[-1].size - 1)
            else:
                pending.pop()
        elif mark.char in _QUOTES and _ends_at(mark, last):
            pending.append(mark)  # open up to the paragraph's end
        else:
            found.append(mark)


def _unbalanced_texts(found: Joined) -> set[int]:
    """The places of the texts that may hold an unmatched mark; in every other text, each
    mark is matched within the text, so its paragraph has nothing to report or carry.

    The marks alone (Joined.only: no pass over the text) lose their places but keep their
    order and the separators between texts. Pairs that stand side by side there have
    nothing but non-marks between them and are matched; taking them out a few rounds
    undoes nesting. Marks left over point at the texts to scan (the scan decides; a text
    pointed at needlessly costs time, not a different answer). So does a `’` before a
    Latin letter (it may be an apostrophe, `don’t`, which the scan passes over)."""
    value = found.value
    marks = found.only(_ALPHABET)
    if not marks.strip(b"\x00"):
        return set()
    if marks.count(0) != len(found.sources) - 1:  # a text holds the separator itself
        return set(range(len(found.sources)))
    for _ in range(_ROUNDS):
        reduced = marks
        for pair in _PAIR_BYTES:  # (a `bytes.replace` each: faster than one regex `sub`)
            reduced = reduced.replace(pair, b"")
        if reduced == marks:
            break
        marks = reduced
    # The separators before a mark left over count the texts before its text.
    unbalanced = {marks.count(0, 0, left.start()) for left in _LEFT_OVER.finditer(marks)}
    for index in found.positions("’"):
        if value[index + 1:index + 2] in _LATIN:
            unbalanced.add(found.order(index))
    return unbalanced


def _first_char(found: Joined, first: int) -> str:
    """The first visible character of the paragraph that begins with text `first`."""
    sources = found.sources
    if first >= len(sources):
        return ""
    block = sources[first].block
    k = first
    while k < len(sources) and sources[k].block is block:
        stripped = sources[k].text.lstrip()
        if stripped:
            return stripped[0]  # type: ignore[no-any-return]
        k += 1
    return ""


def _unmatched(paragraph: list[tuple[int, Prepared]],
               next_start: str) -> tuple[list[_Mark], _Mark | None]:
    """The marks of one paragraph that have no partner (a linear scan with a stack of runs
    of openers), and the paragraph's last quotation mark."""
    last: _Mark | None = None
    stack: list[_Mark] = []
    open_count = dict.fromkeys(PAIRS, 0)
    unmatched: list[_Mark] = []
    for order, text in paragraph:
        value = text.text
        for token in _TOKENS.finditer(value):
            index, written = token.start(), value[token.start()]
            count = token.end() - index
            if (written == ")" and count == 1 and value[index + 1:index + 2] == "）"
                    and stack and stack[-1].text.text[stack[-1].start] == "（"):
                continue  # a stray `)` before the real `）`, as in `（OFAC)）` (T001's)
            char = _ASCII.get(written, written)
            if char in PAIRS:
                stack.append(_Mark(order, index, count, char, text))
                open_count[char] += count
                if char in _QUOTE_MARKS:
                    last = _Mark(order, token.end() - 1, 1, char, text)
                continue
            if written == "’" and count == 1 and _is_apostrophe(value, index):
                if index + 1 < len(value) and value[index + 1].isascii() and (
                        value[index + 1].isalpha()):
                    continue  # inside a word: `don’t`, `Xi’an`
                if open_count["‘"] == 0:
                    continue  # `Biden’s`, `students’`
            if char in _QUOTE_MARKS:
                last = _Mark(order, token.end() - 1, 1, char, text)
            opener = CLOSERS[char]
            matched = 0
            while matched < count and open_count[opener] > 0:
                _close(stack, open_count, opener, unmatched)
                matched += 1
            if matched < count and written != ")":
                unmatched.append(_Mark(order, index + matched, count - matched, char, text))
    for mark in stack:
        if mark.text.text[mark.start] == "(":
            continue
        if mark.char in "“「" and next_start == mark.char:
            continue  # a quotation that goes on in the next paragraph
        unmatched.append(mark)
    return unmatched, last


def _close(stack: list[_Mark], open_count: dict[str, int], opener: str,
           unmatched: list[_Mark]) -> None:
    """Close the nearest open `opener`; openers crossed on the way are unmatched (`“a（b”`
    leaves `（` open). Each run is popped once, so the whole scan stays linear."""
    while stack[-1].char != opener:
        crossed = stack.pop()
        open_count[crossed.char] -= crossed.size
        if crossed.text.text[crossed.start] != "(":
            unmatched.append(crossed)
    top = stack[-1]
    if top.size > 1:  # the innermost of the run is matched
        stack[-1] = top._replace(size=top.size - 1)
    else:
        stack.pop()
    open_count[opener] -= 1


def _ends_at(mark: _Mark, last: _Mark | None) -> bool:
    """`mark` (a run) ends with the paragraph's last quotation mark."""
    return last is not None and mark.order == last.order and (
        mark.start + mark.size - 1 == last.start)


def _ascii_close(mark: _Mark) -> str:
    """The ASCII quote that closes an open curly quote (`‘顺民'`) nearby, or ""."""
    ascii_quote = {"“": '"', "‘": "'"}.get(mark.char, "")
    if not ascii_quote:
        return ""
    value = mark.text.text
    # A bounded look-ahead keeps the scan linear however many marks are open.
    window = value[mark.start + 1:mark.start + 200]
    end = window.find(ascii_quote)
    return ascii_quote if end != -1 and mark.char not in window[:end] else ""


def _is_apostrophe(value: str, index: int) -> bool:
    """`’` right after a Latin letter or digit: `don’t`, `Xi’an`, `Biden’s`, `90’s`."""
    return value[index] == "’" and index > 0 and value[index - 1].isascii() and (
        value[index - 1].isalnum())
