"""What "Chinese context" means, defined once for every T rule.

* A **CJK character** is a Han ideograph or a kana or bopomofo letter: the scripts that are
  written without spaces between words. Ranges are the blocks of Unicode 15.1
  `Blocks.txt` (https://www.unicode.org/Public/15.1.0/ucd/Blocks.txt) whose letters have
  script Han, Hiragana, Katakana or Bopomofo in `Scripts.txt`. Hangul is deliberately left
  out: Korean puts spaces between words. The katakana middle dot U+30FB is punctuation, not
  a letter (it is one of T002's wrong name separators).
* **Full-width punctuation** is the punctuation of the CJK Symbols and Punctuation block
  (U+3001-U+303F less its letters) and of the Halfwidth and Fullwidth Forms block
  (U+FF01-U+FF65 less the full-width letters and digits). The curly quotes `“”‘’` are
  shared with English; rules treat them as Chinese only next to CJK text.
* **Adjacent** means adjacent in a text run's visible text: `run.text` is already joined
  across inline tags (`<strong>`, `<a>`, `<span>` …), so `巴基斯坦<b>(TTP)</b>` has `坦`
  right before `(`. A block boundary, `<br>` or `<img>` ends a run, and nothing is
  adjacent across it.
* **Texts**: every body text run, plus the title (line 2, between `[` and `](`), which a
  reader sees as the headline: the T rules check it (a `:` or `， ` in a title is the same
  slip as in the body). Title positions are direct source offsets (the title is written
  as-is, no character references).
* **Headline-like** text is the title and any run without `，`, `。` or `；` (section
  headings `<p><strong>…</strong></p>`, captions and links that repeat a headline).
  Headlines use a space where a sentence has a comma, so the spacing rules (T005, T007 in
  `none` style, and T008 next to quotes and brackets) leave such spaces alone there.
* Nothing inside a URL written in the text (`https://…`, `www.…`, an e-mail address) is
  Chinese context: its ASCII punctuation belongs to the address.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Protocol

from lint import Element

# (first, last) code points, inclusive. Source: Unicode 15.1 Blocks.txt, block names given.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2EFF),  # CJK Radicals Supplement
    (0x2F00, 0x2FDF),  # Kangxi Radicals
    (0x3005, 0x3007),  # 々 〆 〇 (CJK Symbols and Punctuation, script Han)
    (0x3021, 0x3029),  # Hangzhou numerals (script Han)
    (0x3038, 0x303B),  # more Han-script symbols of CJK Symbols and Punctuation
    (0x3041, 0x309F),  # Hiragana (letters)
    (0x30A1, 0x30FA),  # Katakana, letters only (U+30FB middle dot is punctuation)
    (0x30FC, 0x30FF),  # Katakana prolonged sound mark and iteration marks
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),  # Bopomofo Extended
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x2A6DF),  # CJK Unified Ideographs Extension B
    (0x2A700, 0x2EE5F),  # Extensions C, D, E, F, I
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
    (0x30000, 0x323AF),  # Extensions G, H
)
_STARTS = [first for first, _ in CJK_RANGES]

# Full-width punctuation (see the module docstring): the two Unicode blocks, less letters,
# digits, the ideographic space and the Han-script symbols listed in CJK_RANGES.
FULLWIDTH_PUNCTUATION = frozenset(
    [chr(c) for c in range(0x3001, 0x3005)]
    + [chr(c) for c in range(0x3008, 0x3021)]
    + ["\u3030", "\u303D", "\u30FB"]
    + [chr(c) for c in range(0xFF01, 0xFF66)
       if not ("\uFF10" <= chr(c) <= "\uFF19" or "\uFF21" <= chr(c) <= "\uFF3A"
               or "\uFF41" <= chr(c) <= "\uFF5A")]
)
CURLY_QUOTES = frozenset("“”‘’")
FULLWIDTH_CLASS = "".join(re.escape(char) for char in sorted(FULLWIDTH_PUNCTUATION))
# White space that shows as a gap between two characters (`&nbsp;` decodes to U+00A0).
SPACES = frozenset(" \t\u00a0\u3000")
WHITE = re.compile("[ \t\u00a0\u3000]+")  # a stretch of SPACES (one class: linear)


# The same sets as regex classes, to find contexts without a Python step per character.
# Every pattern built from them starts with a one-character lookbehind or is anchored at
# the start of a white-space stretch, so a failed attempt costs at most one stretch: linear.
CJK_CLASS = "".join(f"{chr(first)}-{chr(last)}" for first, last in CJK_RANGES)
SPACE_CLASS = " \t\u00a0\u3000"


def is_cjk(char: str) -> bool:
    """A CJK letter (Han, kana, bopomofo); see CJK_RANGES."""
    code = ord(char)
    if code < 0x2E80:
        return False
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= CJK_RANGES[index][1]


def is_fullwidth_punctuation(char: str) -> bool:
    return char in FULLWIDTH_PUNCTUATION


def is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def is_chinese_side(char: str) -> bool:
    """A CJK letter or full-width punctuation: what makes its neighbour Chinese text."""
    return is_cjk(char) or char in FULLWIDTH_PUNCTUATION


# A text with none of these is headline-like (the title, a section heading, a caption or
# link that repeats a headline): headlines use a space where a sentence has a comma.
SENTENCE_MARKS = "，。；"


def is_headline_like(value: str) -> bool:
    # `in` finds a character with memchr, faster than a regex's character class test.
    return not any(map(value.__contains__, SENTENCE_MARKS))


class Text(Protocol):
    """A stretch of visible text: a body `TextRun` or the title."""

    text: str

    def source_span(self, start: int, end: int) -> tuple[int, int]: ...

    def is_literal(self, start: int, end: int) -> bool: ...

    def char_start(self, index: int) -> int: ...

    def char_end(self, index: int) -> int: ...


class TitleText:
    """The title on line 2: written as-is, so positions are direct offsets. (A plain
    class, not a dataclass: each dataclass costs every run's start-up ~1 ms to build.)"""

    __slots__ = ("text", "start")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.start + start, self.start + max(start, end)

    def is_literal(self, start: int, end: int) -> bool:
        return True

    def char_start(self, index: int) -> int:
        return self.start + index

    def char_end(self, index: int) -> int:
        return self.start + index + 1


# URLs and e-mail addresses written as text are found from their anchors (`://`, `www.`,
# `@`) by walking over ASCII characters, never by a regex that could backtrack: linear time.
_SCHEME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_MAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_MAIL_HOST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_TRAILING = ".,;:!?'\""  # sentence punctuation after a URL is not part of it
_MAX_BACK = 64


def _url_end(text: str, pos: int) -> int:
    end = pos
    while end < len(text) and "!" <= text[end] <= "~":
        end += 1
    keep_paren = "(" in text[pos:end]  # `…/Foo_(bar)` keeps its `)`
    while end > pos and (text[end - 1] in _TRAILING or text[end - 1] == ")" and not keep_paren):
        end -= 1
    return end


def _back(text: str, pos: int, allowed: frozenset[str]) -> int:
    start = pos
    while start > 0 and pos - start < _MAX_BACK and text[start - 1] in allowed:
        start -= 1
    return start


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of URLs (`scheme://…`, `www.…`) and e-mail addresses in `text`, sorted."""
    spans: list[tuple[int, int]] = []
    for anchor in ("://", "www.", "@"):
        pos = text.find(anchor)
        while pos != -1:
            if anchor == "://":
                start = _back(text, pos, _SCHEME)
                while start < pos and not text[start].isalpha():
                    start += 1
                end = _url_end(text, pos + 3) if start < pos else pos
            elif anchor == "www.":
                start = pos
                end = _url_end(text, pos) if pos == 0 or text[pos - 1] not in _SCHEME else pos
            else:
                start = _back(text, pos, _MAIL_LOCAL)
                end = pos + 1
                while end < len(text) and text[end] in _MAIL_HOST:
                    end += 1
                if start == pos or "." not in text[pos:end]:
                    end = pos
            if end > start and end > pos:
                spans.append((start, end))
                pos = text.find(anchor, end)
            else:
                pos = text.find(anchor, pos + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # a `www.` or `@` inside an `https://` URL: keep the outer
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class Prepared:
    """A text with what the rules ask about it. Made only for a text a rule has a hit in
    (see _index.Joined), and what it knows is worked out on the first question."""

    __slots__ = ("source", "text", "block", "is_title", "_headline", "_urls", "_url_starts")

    def __init__(self, source: Any, block: Element | None, is_title: bool) -> None:
        self.source = source  # Text (a TextRun or a TitleText)
        # `source.text`, kept as an attribute: the rules read it at every hit, and a
        # property would cost a call each time.
        self.text: str = source.text
        self.block = block
        self.is_title = is_title
        self._headline: bool | None = None
        self._urls: list[tuple[int, int]] | None = None
        self._url_starts: list[int] | None = None

    @property
    def headline(self) -> bool:
        """`is_headline_like(self.text)`."""
        if self._headline is None:
            self._headline = is_headline_like(self.text)
        return self._headline

    @property
    def urls(self) -> list[tuple[int, int]]:
        """`find_urls(self.text)`."""
        if self._urls is None:
            self._urls = find_urls(self.text)
            self._url_starts = [start for start, _ in self._urls]
        return self._urls

    def in_url(self, index: int) -> bool:
        urls = self._urls
        if urls is None:
            urls = self.urls
        if not urls:
            return False
        k = bisect_right(self._url_starts, index) - 1  # type: ignore[arg-type]
        return k >= 0 and index < urls[k][1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.source.source_span(start, end)  # type: ignore[no-any-return]

    def edit_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Source range of `text[start:end]` when replacing it replaces exactly those
        characters: the range is written literally, or it covers whole character
        references (`&nbsp;` as a unit). None when a reference straddles the edge."""
        return self.spans(start, end)[1]

    def spans(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """`(self.span(start, end), self.edit_span(start, end))`: the second is the first
        or None, so a diagnostic with a fix maps its range once."""
        source = self.source
        span: tuple[int, int] = source.source_span(start, end)
        if source.is_literal(start, end):
            return span, span
        begin, finish = span
        if start > 0 and source.char_end(start - 1) > begin:
            return span, None
        if end < len(self.text) and source.char_start(end) < finish:
            return span, None
        return span, span


def quote(snippet: str, limit: int = 24) -> str:
    """A snippet for a message, in backticks, shortened in the middle when long."""
    snippet = snippet.replace("`", "'").replace("\n", " ")
    if len(snippet) > limit:
        half = limit // 2
        snippet = snippet[:half] + "…" + snippet[-half:]
    return f"`{snippet}`"
