"""Reads the transliterated name that ends right before a gloss's bracket (see
`_candidates`): the Han stretches joined by separators, read backwards, each part kept
while it reads as a transliteration, the first keeping only its transliteration-character
suffix (`部长简` -> `简`), and the `lead` of Han characters before it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple, cast

from rules.names._tables import (
    BOUNDARY_WORDS,
    CHINESE_SURNAMES,
    SEPARATORS,
    TRANSLITERATION,
)

HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # as `_candidates.is_han`
_SEPARATORS = re.escape("".join(sorted(SEPARATORS)))
_TRANSLITERATIONS = "".join(sorted(TRANSLITERATION))


# A Han stretch read backwards from its end (in the reversed text): its transliteration
# characters (group 1), then the rest of it (2). A name is a few of them joined by
# separators: `name_before` reads them one call each. (One pattern of the whole name
# repeated the Han class four times, and compiling that class costs ~1.5 ms each:
# `re` fills a 65,536-entry table in a Python loop. Compiled on first use, since many
# articles hold no gloss.)
@cache
def _stretch() -> Callable[..., re.Match[str]]:
    # (cast: both groups may be empty, so the pattern matches wherever it starts)
    return cast("Callable[..., re.Match[str]]",
                re.compile(f"([{_TRANSLITERATIONS}]*+)([{HAN}]*+)").match)


@cache
def _separator() -> re.Pattern[str]:
    return re.compile(f"[{_SEPARATORS}]")


MIN_PART_RATIO = 0.5  # share of transliteration characters in a non-final part
LEAD = 3
_new = tuple.__new__  # a named tuple without its Python-level `__new__` (see _candidates)


class Piece(NamedTuple):
    """`text` at `start:end` of the run's text."""

    text: str
    start: int
    end: int


# Boundary words by their last character: the character before a name, then a C-level
# `endswith` over the few words it ends, without slicing the lead three times.
_ENDING_WITH: dict[str, tuple[str, ...]] = {}
for _word in sorted(BOUNDARY_WORDS):
    _ENDING_WITH[_word[-1]] = (*_ENDING_WITH.get(_word[-1], ()), _word)
del _word


def _lead(text: str, floor: int, first: int) -> str:
    """Han characters right before the name that may still belong to it (up to LEAD,
    from the Han stretch that starts at `floor`): none when the text before the name
    ends with a word that ends right before names (总理, 的). Such a word is all Han, so
    within the lead if anywhere (and at most LEAD long: a test checks)."""
    begin = max(floor, first - LEAD)
    if begin < first:
        words = _ENDING_WITH.get(text[first - 1])
        if words is not None and text.endswith(words, begin, first):
            return ""
    return text[begin:first]


Name = tuple[tuple[Piece, ...], tuple[str, ...], str]  # parts, separators, lead
Bounds = tuple[int, int]  # start, end of a part in the run's text


def name_before(text: str, reverse: str, end: int) -> Name | None:
    """The transliterated name that ends at `end` (right after a Han character), split
    into parts, with its `lead`. `reverse` is `text[::-1]`: the Han stretch that ends at
    `end` is one forward match there, found at C speed however long the sentence before
    the name is, and a name of one or two parts (most) needs no other scan."""
    size = len(text)
    stretch = _stretch()
    found = stretch(reverse, size - end)  # (always a match: both groups may be empty)
    last = size - found.end(2)  # where the last part starts
    suffix = size - found.end(1)  # where its transliteration characters start
    after = found.end(2)  # (in `reverse`)
    if not _joined(reverse, after, size):
        return _named(text, _one_part(text, last, suffix, end), [], last)
    before = stretch(reverse, after + 1)  # the part before the separator
    if _joined(reverse, before.end(2), size):  # three parts or more: the general reading
        begin = before.end(2)
        while _joined(reverse, begin, size):
            begin = stretch(reverse, begin + 1).end(2)
        return _many_parts(text, reverse, size - begin, end)
    if suffix == end:
        return None  # the last part does not end with a transliteration character
    if suffix > last and _ratio(text, last, end) < MIN_PART_RATIO:
        return _named(text, _one_part(text, last, suffix, end), [], last)
    first = size - before.end(1)  # the first part's transliteration suffix
    if first == last - 1:  # (it has none)
        return _named(text, _one_part(text, last, suffix, end), [], last)
    return _named(text, [(first, last - 1), (last, end)], [reverse[after]],
                  size - before.end(2))


def _joined(reverse: str, at: int, size: int) -> bool:
    """A separator at `reverse[at]` with a Han character beyond it (another part)?"""
    if at + 1 >= size or reverse[at] not in SEPARATORS:
        return False
    char = reverse[at + 1]
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _named(text: str, kept: list[Bounds] | None, separators: list[str], floor: int
           ) -> Name | None:
    """The name of the parts `kept`, whose first is in a Han stretch that starts at
    `floor`."""
    if kept is None:
        return None
    return (tuple([_new(Piece, (text[s:e], s, e)) for s, e in kept]), tuple(separators),
            _lead(text, floor, kept[0][0]))


def _many_parts(text: str, reverse: str, begin: int, end: int) -> Name | None:
    """`_name_before` of a name of three parts or more, `text[begin:end]`."""
    spans: list[Bounds] = []
    separators: list[str] = []
    start = begin
    for separator in _separator().finditer(text, begin, end):
        spans.append((start, separator.start()))
        separators.append(separator.group())
        start = separator.end()
    spans.append((start, end))
    kept = _trim(text, reverse, spans, separators)
    if kept is None:
        return None
    first = kept[0][0][0]
    return _named(text, kept[0], kept[1], max(s for s, _ in spans if s <= first))


def _trim(text: str, reverse: str, spans: list[Bounds], separators: list[str]
          ) -> tuple[list[Bounds], list[str]] | None:
    """Keep the parts that read as a transliteration, from the end backwards."""
    start, end = spans[-1]
    if text[end - 1] not in TRANSLITERATION:
        return None
    if _ratio(text, start, end) < MIN_PART_RATIO:
        return _last_alone(text, reverse, start, end)
    kept = [(start, end)]
    for index in range(len(spans) - 2, -1, -1):
        start, end = spans[index]
        if index and _ratio(text, start, end) >= MIN_PART_RATIO and \
                text[start] in TRANSLITERATION:
            kept.append((start, end))
            continue
        begin = _suffix(reverse, start, end)
        if begin < end:
            kept.append((begin, end))
        break
    kept.reverse()
    if len(kept) == 1:
        return _last_alone(text, reverse, *kept[0])
    return kept, separators[len(separators) - len(kept) + 1:]


def _last_alone(text: str, reverse: str, start: int, end: int
                ) -> tuple[list[Bounds], list[str]] | None:
    kept = _one_part(text, start, _suffix(reverse, start, end), end)
    return None if kept is None else (kept, [])


def _one_part(text: str, start: int, begin: int, end: int) -> list[Bounds] | None:
    """A name of one part, `text[start:end]` whose transliteration suffix starts at
    `begin`: that suffix, if it has at least two characters."""
    if end - begin < 2:
        return None
    # The character before the suffix (the chunk's last when the suffix is all of it,
    # which is a transliteration character, so never a surname).
    before = text[begin - 1] if begin > start else text[end - 1]
    if end - begin == 2 and before in CHINESE_SURNAMES:
        return None  # a Chinese-style name such as 包道格 or 郦英杰
    return [(begin, end)]


def _suffix(reverse: str, start: int, end: int) -> int:
    """Where the transliteration characters that end `text[start:end]` begin (`end`
    when there are none)."""
    size = len(reverse)
    return size - _stretch()(reverse, size - end, size - start).end(1)


def _ratio(text: str, start: int, end: int) -> float:
    """Share of transliteration characters in `text[start:end]`."""
    return sum(map(TRANSLITERATION.__contains__, text[start:end])) / (end - start)
