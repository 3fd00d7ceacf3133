"""The gloss finder as it was before its speed-up (a plain per-character reading of each
`（`), kept only as the reference that `test_candidates_equivalence` compares the fast
finder with. Not used by any rule."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rules.names._tables import (
    BOUNDARY_WORDS,
    CHINESE_SURNAMES,
    HYPHEN_PARTICLES,
    PARTICLES,
    SEPARATORS,
    TITLES,
    TRANSLITERATION,
)

OPENERS = frozenset("（(")
_OPENER = re.compile("[（(]")
MAX_GLOSS = 80  # characters between the brackets
MAX_TOKENS = 6
MIN_PART_RATIO = 0.5
LEAD = 3
# English function words: a gloss holding one is a phrase, not a person's name. (`an` is
# not among them: `（an Achakzai）` is the sample's name that lost its J.)
FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "at", "to", "with",
                            "from", "by", "or"})  # share of transliteration characters in a non-final part


@dataclass(frozen=True, slots=True)
class Piece:
    """`text` at `start:end` of the run's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token(Piece):
    kind: str  # "name", "particle", "lower" (lower-case, not a particle), "initial"


@dataclass(frozen=True, slots=True)
class Gloss:
    parts: tuple[Piece, ...]  # the Chinese name's parts, separators excluded
    separators: tuple[str, ...]
    tokens: tuple[Token, ...]  # the gloss's name tokens, titles and tails dropped
    inner: Piece  # the whole text between the brackets
    # Up to LEAD Han characters right before the name: where the name really starts is
    # a guess (理查德 has a 理 that is not a transliteration character, 总理 does too), so
    # a part that does not fit is also tried with them.
    lead: str = ""


def find_glosses(text: str) -> list[Gloss]:
    found = []
    for match in _OPENER.finditer(text):  # a C-speed scan; most runs hold no bracket
        gloss = _gloss_at(text, match.start())
        if gloss is not None:
            found.append(gloss)
    return found


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _gloss_at(text: str, open_at: int) -> Gloss | None:
    close_at = _closing(text, open_at)
    if close_at is None:
        return None
    inner = Piece(text[open_at + 1:close_at], open_at + 1, close_at)
    tokens = tokenize(inner)
    if tokens is None:
        return None
    name = _name_before(text, open_at)
    if name is None:
        return None
    parts, separators = name
    return Gloss(parts, separators, tokens, inner, _lead(text, parts[0].start))


def _lead(text: str, first: int) -> str:
    """Han characters right before the name that may still belong to it: none when the
    text before the name ends with a word that ends right before names (总理, 的)."""
    start = first
    while start > 0 and first - start < LEAD and is_han(text[start - 1]):
        start -= 1
    if any(text[max(0, first - size):first] in BOUNDARY_WORDS for size in (1, 2, 3)):
        return ""
    return text[start:first]


def _closing(text: str, open_at: int) -> int | None:
    """The closing bracket; a mixed pair `（Harinder Singh)` is common in real
    articles (the typography rules report it) and still closes the gloss."""
    for index in range(open_at + 1, min(len(text), open_at + 1 + MAX_GLOSS)):
        char = text[index]
        if char in "）)":
            return index
        if char in OPENERS:
            return None
    return None


def _is_latin(char: str) -> bool:
    if char.isascii():
        return char.isalpha()
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def tokenize(inner: Piece) -> tuple[Token, ...] | None:
    """The name tokens of a gloss, or None when it is not a name gloss."""
    text = inner.text
    cut = len(text)
    for stop in ",，;；":  # `Mike Gallagher, R-WI`, `…，简称CEBC`
        at = text.find(stop)
        if at != -1:
            cut = min(cut, at)
    body = text[:cut]
    if not body.strip() or any(c.isdigit() or c in "/:@_=&" for c in body):
        return None
    if any(not (_is_latin(c) or c.isspace() or c in ".-'’‘\"“”") for c in body):
        return None
    tokens: list[Token] = []
    index = 0
    while index < len(body):
        if body[index].isspace():
            index += 1
            continue
        end = index
        while end < len(body) and not body[end].isspace():
            end += 1
        token = _classify(body[index:end], inner.start + index)
        if token is not None:
            tokens.append(token)
        index = end
    if any(t.kind == "lower" and t.text.lower() in FUNCTION_WORDS for t in tokens):
        return None  # 塔利班（the Taliban）, 纽瓦克港（Port of Newark）: not a person
    names = [t for t in tokens if t.kind == "name"]
    lower = [t for t in tokens if t.kind == "lower"]
    if not names or len(lower) > 1 or len(tokens) > MAX_TOKENS:
        return None
    if all(_is_acronym(t.text) for t in names):
        return None
    return tuple(tokens)


def _classify(raw: str, start: int) -> Token | None:
    """A gloss word as a token, or None for titles (`Sen.`) and nicknames in quotes."""
    if raw[0] in "\"“‘'" and raw[-1] in "\"”’'":
        return None
    word = raw.strip("\"“”‘’'")
    if not word:
        return None
    offset = raw.find(word[0])
    start += offset
    bare = word.rstrip(".").lower()
    if bare in TITLES and (word.endswith(".") or word[0].isupper()):
        return None
    if len(word.rstrip(".")) == 1 and word[0].isupper():
        return Token(word, start, start + len(word), "initial")
    if word[0].islower():
        prefixed = next((p for p in HYPHEN_PARTICLES if bare.startswith(p)), "")
        if prefixed and len(word) > len(prefixed) and word[len(prefixed)].isupper():
            return Token(word, start, start + len(word), "name")  # al-Zawahiri
        particle = bare in PARTICLES or bool(prefixed)
        return Token(word, start, start + len(word), "particle" if particle else "lower")
    if not _is_latin(word[0]):
        return None
    return Token(word, start, start + len(word), "name")


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _name_before(text: str, end: int) -> tuple[tuple[Piece, ...], tuple[str, ...]] | None:
    """The transliterated name that ends at `end`, split into parts."""
    chunks: list[Piece] = []
    separators: list[str] = []
    position = end
    while True:
        start = position
        while start > 0 and is_han(text[start - 1]):
            start -= 1
        if start == position:
            return None
        chunks.append(Piece(text[start:position], start, position))
        if start >= 2 and text[start - 1] in SEPARATORS and is_han(text[start - 2]):
            separators.append(text[start - 1])
            position = start - 1
            continue
        break
    chunks.reverse()
    separators.reverse()
    return _trim(chunks, separators)


def _trim(chunks: list[Piece], separators: list[str]
          ) -> tuple[tuple[Piece, ...], tuple[str, ...]] | None:
    """Keep the parts that read as a transliteration, from the end backwards."""
    last = chunks[-1]
    if len(chunks) == 1:
        suffix = _suffix(last)
        if suffix is None or len(suffix.text) < 2:
            return None
        before = last.text[len(last.text) - len(suffix.text) - 1:][:1]
        if len(suffix.text) == 2 and before and before in CHINESE_SURNAMES:
            return None  # a Chinese-style name such as 包道格 or 郦英杰
        return (suffix,), ()
    if last.text[-1] not in TRANSLITERATION:
        return None
    if _ratio(last.text) < MIN_PART_RATIO:
        return _trim([last], [])
    kept = [last]
    for index in range(len(chunks) - 2, -1, -1):
        chunk = chunks[index]
        if index and _ratio(chunk.text) >= MIN_PART_RATIO and chunk.text[0] in TRANSLITERATION:
            kept.append(chunk)
            continue
        suffix = _suffix(chunk)
        if suffix is not None:
            kept.append(suffix)
        break
    kept.reverse()
    if len(kept) == 1:
        return _trim([kept[0]], [])
    return tuple(kept), tuple(separators[len(separators) - len(kept) + 1:])


def _suffix(chunk: Piece) -> Piece | None:
    start = len(chunk.text)
    while start > 0 and chunk.text[start - 1] in TRANSLITERATION:
        start -= 1
    if start == len(chunk.text):
        return None
    return Piece(chunk.text[start:], chunk.start + start, chunk.end)


def _ratio(text: str) -> float:
    return sum(c in TRANSLITERATION for c in text) / len(text)
