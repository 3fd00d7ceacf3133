"""All texts of an article in one string, so that each T rule scans an article once.

An article has ~40 texts (the title and the body's text runs). Scanning each text on its
own costs a call and a Python loop step per text and rule; scanning them joined costs one
C-level pass, and the rare hits are mapped back to their text by a bisect.

Even one regex pass costs ~10 ns a character (the regex engine tests a character class at
every position), while `str.find` and `in` scan ~50 times faster. So the rules look for the
characters they care about with `positions` and `white` when those are rare (ASCII
punctuation, white space), and only then ask their regex at the few places found
(`pattern.match(value, pos)`, which sees the characters before `pos` for a lookbehind).

Even a `str.find` costs a call and a scan of the whole value (~1 µs on ~3,000 characters),
and the rules ask for ~20 characters, most of them absent from most articles. So one
`keep_only` pass (`Joined.rare`) lists, in order, every occurrence of every such
character (RARE) at once; it tells which are present (`holds`) without a scan each, and it
is what T003 and T006 scan instead of the text.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import accumulate, compress
from operator import add, attrgetter
from typing import Any

from lint import Article

from rules.typography._cjk import SPACE_CLASS, SPACES, WHITE, Prepared, TitleText

# Joins the texts. It is in no character class of any T pattern, so a pattern never matches
# across it, and a lookaround that meets it fails or succeeds exactly as at the start or end
# of a text. A text may hold it too (it is an ordinary character there); code that counts
# separators checks the count.
SEPARATOR = "\x00"
# The characters some T rule looks for that are rare in Chinese text (see the module
# docstring): T003's brackets and quotes, T006's full-width letters and digits, T002's dots,
# T001's ASCII marks, the rarer kinds of white space (SPACE_CLASS less the plain space).
RARE = ("（）“”‘’《》「」『』【】()"
        + "".join(chr(code) for code in range(0xFF10, 0xFF5B)
                  if not 0xFF1A <= code <= 0xFF20 and not 0xFF3B <= code <= 0xFF40)
        + "\u2022\u30fb\u2027\uff65\u2219\u22c5\u00b7." + ",;:?!" + "\t\u00a0\u3000")
_RARE_CODES = {char: code for code, char in enumerate(RARE, 1)}
_TEXT = attrgetter("text")
# White space is dense when there is more than one stretch of it in this many characters
# (and more than 16 in all).
_DENSE = 64


class Joined:
    """Every text of an article (the title first, when there is one) joined by SEPARATOR.
    `texts[k]` begins at `value[starts[k]]`; its `Prepared` is made when first asked for.
    (A plain class: a dataclass costs start-up ~1 ms to build.)"""

    __slots__ = ("value", "sources", "starts", "_prepared", "_dense", "_white", "_rare")

    def __init__(self, value: str, sources: list[Any], starts: list[int],
                 prepared: list[Prepared | None]) -> None:
        self.value = value
        self.sources = sources  # Text: a TitleText or a TextRun
        self.starts = starts
        self._prepared = prepared  # one per text, None until asked for
        self._dense: bool | None = None  # white space is dense (see white)
        self._white: list[tuple[int, int]] | None = None
        self._rare: bytes | None = None

    def rare(self) -> bytes:
        """`keep_only(self.value, RARE)`, worked out once: every RARE character of the
        texts (byte `rare_code(char)`) and the separators (byte 0), in order."""
        if self._rare is None:
            self._rare = keep_only(self.value, RARE)
        return self._rare

    def holds(self, char: str) -> bool:
        """`char in self.value`; for a character of RARE without a scan of the value."""
        code = _RARE_CODES.get(char)
        if code is None:
            return char in self.value
        rare = self._rare  # (asked ~20 times an article: no method call once known)
        return code in (self.rare() if rare is None else rare)

    def holds_any(self, chars: str) -> bool:
        """Any of `chars` (all of RARE) is in `self.value`."""
        return bool(self.rare().translate(None, _deleting_all_but(chars)))

    def only(self, chars: str) -> bytes:
        """`rare()` with only `chars` (all of RARE) and the separators left."""
        return self.rare().translate(None, _deleting_all_but("\x00" + chars))

    def positions(self, chars: str) -> list[int]:
        """`positions(self.value, chars)`, without a scan for a RARE character that is
        not there."""
        codes = _codes(chars)
        if codes is None:
            return positions(self.value, "".join(filter(self.holds, chars)))
        # All of RARE: which are present is read off `rare()` in C, without a call each.
        rare = self._rare
        if rare is None:
            rare = self.rare()
        return positions(self.value, "".join(compress(chars, map(rare.__contains__, codes))))

    def text(self, k: int) -> Prepared:
        prepared = self._prepared[k]
        if prepared is None:
            source = self.sources[k]
            title = isinstance(source, TitleText)
            prepared = self._prepared[k] = Prepared(
                source, None if title else source.block, title)
        return prepared

    def order(self, index: int) -> int:
        """The place (k) of the text that holds `value[index]`."""
        return bisect_right(self.starts, index) - 1

    def locate(self, index: int) -> tuple[Prepared, int]:
        """The text that holds `value[index]`, and the index within that text."""
        k = bisect_right(self.starts, index) - 1
        return self.text(k), index - self.starts[k]

    def hits(self, pattern: re.Pattern[str]) -> Iterator[tuple[Prepared, int, int]]:
        """(text, start, end) of every match of `pattern` over the joined value, in that
        text's offsets: the same matches as `pattern.finditer(text.text)` for each text in
        turn, as long as no class of `pattern` holds SEPARATOR."""
        for match in pattern.finditer(self.value):
            start, end = match.span()
            text, local = self.locate(start)
            yield text, local, local + end - start

    def white(self) -> list[tuple[int, int]] | None:
        """(start, end) in `value` of every maximal stretch of white space (SPACES), in
        order; shared by the spacing rules. None when white space is dense (text spaced
        out letter by letter): a step per stretch would then cost more than a regex pass,
        and the rules scan with their patterns instead."""
        if self._dense is None:
            kinds = "".join(filter(self.holds, SPACE_CLASS))  # the plain space is not RARE
            self._white = _white_stretches(self.value, 16 + len(self.value) // _DENSE, kinds)
            self._dense = self._white is None
        return self._white

    def sentence_hits(self, pattern: re.Pattern[str]) -> Iterator[tuple[Prepared, int, int]]:
        """`hits`, but only in body texts that are not headline-like (is_headline_like),
        scanned text by text: the others are skipped unscanned."""
        for k in range(len(self.sources)):
            text = self.text(k)
            if not text.is_title and not text.headline:
                for match in pattern.finditer(text.text):
                    yield text, match.start(), match.end()

    def holding(self, char: str) -> Iterator[int]:
        """The places (k) of the texts that hold `char`, in order: a `str.find` per text
        at most, however many times a text holds it."""
        value, starts = self.value, self.starts
        pos = value.find(char) if self.holds(char) else -1
        while pos != -1:
            k = bisect_right(starts, pos) - 1
            yield k
            if k + 1 == len(starts):
                return
            pos = value.find(char, starts[k + 1])


def join_texts(article: Article) -> Joined:
    title = article.header.title
    sources: list[Any] = list(article.runs)
    if title is not None and title.value:
        sources.insert(0, TitleText(title.value, title.start))
    values = list(map(_TEXT, sources))
    # Text k begins after the k texts before it and their k separators. (map and
    # accumulate: no Python step per text.)
    starts = list(map(add, accumulate(map(len, values), initial=0), range(len(values))))
    return Joined(SEPARATOR.join(values), sources, starts, [None] * len(sources))


def joined(article: Article) -> Joined:
    """`join_texts`, computed once and shared by the rules of one article."""
    return article.derived(join_texts)


def texts(article: Article) -> list[Prepared]:
    """The title (when there is one) and every body run, in source order."""
    found = joined(article)
    return [found.text(k) for k in range(len(found.sources))]


def positions(value: str, chars: str) -> list[int]:
    """The sorted offsets of every occurrence of any of `chars` in `value`: one `str.find`
    scan per character present, then a step per occurrence."""
    found: list[int] = []
    kinds = 0
    for char in chars:
        pos = value.find(char)
        kinds += pos != -1
        while pos != -1:
            found.append(pos)
            pos = value.find(char, pos + 1)
    if kinds > 1:
        found.sort()
    return found


def rare_code(char: str) -> int:
    """The byte that stands for `char` (one of RARE) in `Joined.rare`."""
    return _RARE_CODES[char]


@cache
def _codes(chars: str) -> tuple[int, ...] | None:
    """`rare_code` of each of `chars`, or None when one of them is not in RARE."""
    if not all(char in _RARE_CODES for char in chars):
        return None
    return tuple(_RARE_CODES[char] for char in chars)


@cache
def _deleting_all_but(chars: str) -> bytes:
    """The bytes to delete from `Joined.rare` to keep only `chars` (SEPARATOR for byte 0)."""
    kept = {0 if char == SEPARATOR else _RARE_CODES[char] for char in chars}
    return bytes(code for code in range(256) if code not in kept)


def _white_stretches(value: str, limit: int,
                     kinds: str = SPACE_CLASS) -> list[tuple[int, int]] | None:
    """Each stretch is found from its first character; a stretch met in its middle (a kind
    of space that is not its first) is skipped in one step, so the work is linear. None
    as soon as there are more than `limit`. `kinds`: the kinds of SPACES that occur."""
    lone = _lone_spaces(value, limit, kinds)
    if lone is not None:
        return lone
    found: list[tuple[int, int]] = []
    kinds_found = 0
    for char in kinds:
        pos = value.find(char)
        kinds_found += pos != -1
        while pos != -1:
            end = pos + 1
            if end < len(value) and value[end] in SPACES:  # most stretches are one space
                end = WHITE.match(value, pos).end()  # type: ignore[union-attr]
            if pos == 0 or value[pos - 1] not in SPACES:
                found.append((pos, end))
                if len(found) > limit:
                    return None
            pos = value.find(char, end)
    if kinds_found > 1:
        found.sort()
    return found


def _lone_spaces(value: str, limit: int, kinds: str) -> list[tuple[int, int]] | None:
    """`_white_stretches` when there are at most `limit` spaces and no two of them stand
    side by side (nearly every article), else None. Each space is then a stretch of its
    own, listed by one `split` and C-level arithmetic on the pieces' lengths (the i-th
    space follows the first i + 1 pieces and the i spaces between them) instead of a
    `find` and a Python step each."""
    spaced = value  # every kind of space as a plain one: same places, one for one
    for kind in kinds:
        if kind != " ":
            spaced = spaced.replace(kind, " ")
    pieces = spaced.split(" ", limit + 1)  # (dense text: no more pieces than needed)
    if len(pieces) > limit + 1 or "" in pieces[1:-1]:
        return None  # (an empty piece: two spaces side by side)
    starts = list(map(add, accumulate(map(len, pieces)), range(len(pieces) - 1)))
    return list(zip(starts, map(_NEXT, starts)))


_NEXT = (1).__add__  # i -> i + 1, without a Python call


@cache
def _encoding_map(alphabet: str) -> Any:
    # Byte 0 is SEPARATOR ("\x00"; a map whose byte 0 is not "\x00" is built as a dict,
    # many times slower), byte k is alphabet[k - 1], the rest decode to nothing (U+FFFE).
    return codecs.charmap_build(SEPARATOR + alphabet + "\ufffe" * (255 - len(alphabet)))


def keep_only(value: str, alphabet: str) -> bytes:
    """`value` with every character left out but SEPARATOR (as byte 0) and those of
    `alphabet` (at most 255 distinct characters of the Basic Multilingual Plane, not
    U+FFFE; byte k stands for alphabet[k - 1]). A charmap encoding that
    ignores what it cannot encode does this in C, several times faster than a regex pass.
    Places are lost; the order stays."""
    return codecs.charmap_encode(value, "ignore", _encoding_map(alphabet))[0]
