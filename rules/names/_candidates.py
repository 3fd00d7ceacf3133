"""Finds foreign-name glosses: a transliterated name directly followed by a parenthesised
Latin gloss, `简·阿恰克扎伊（an Achakzai）`. Computed once per article and shared by the
rules of the family (`article.derived(glosses)`).

The name is the longest stretch of transliteration characters that ends at the bracket:
in `巴基斯坦代理信息部长简·阿恰克扎伊（…）` the parts joined by a separator are read back
until a part is no longer made of transliteration characters, and the first part keeps only
its transliteration-character suffix (`部长简` → `简`). A gloss is a name gloss when it is
Latin text without digits, has a capitalised token that is not an acronym, and reads like
a name (few tokens, at most one lower-case word that is not a particle); `（TTP）`,
`（hard kill）`, `（rule of law）` and dates are not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from lint import Article, TextRun
from rules.names._name_parts import Piece, name_before
from rules.names._tables import HYPHEN_PARTICLES, PARTICLES, SEPARATORS, TITLES

MAX_GLOSS = 80  # the closing bracket is at most this many characters after the opening one
# Characters a gloss body may hold (`_body`), ASCII only: the common case in one
# C-level match; a body with anything else takes the exact per-character test.
_PUNCTUATION = ".-'’‘\"“”"
# (`\s` is exactly `str.isspace`: a test checks every character.)
_PLAIN = r"[A-Za-z\s.\-'’‘\"“”]"
_PLAIN_BODY = re.compile(f"{_PLAIN}*")
# The only places a gloss can be: a bracket right after a Han character (the name ends
# there), closed (`）` or a mixed `)`: `（Harinder Singh)` is common in real articles and
# the typography rules report it) before another opener. One C-level scan of a run per
# kind of opener it holds finds them (a pattern that starts with its literal opener is
# scanned for at memchr speed; a class of the two openers cost ~20x more per character)
# and splits what `_body` needs: group 1 is the text between the brackets, group 2 its
# plain body (`_PLAIN` up to a `_CUT` character) when it has one; otherwise group 2 is
# None, group 3 is the body and `_marked_body` reads it character by character. The length limit (MAX_GLOSS) is
# tested on the match: as a bound in the pattern it would not give the alternatives
# one shared limit.
# Group 3 stops at a digit (`\d` is a category: no table), where `_marked_body` would
# fail: dates and sums (`（7月16日）`, the most common non-name brackets) are no match.
# The lookbehind wants a letter that is no ASCII one (`\W`, `\d` and `_` are categories and
# ASCII is a 256-entry map): a class of the Han ranges would cost ~1.5 ms to compile
# (`re` fills a 65,536-entry table in a Python loop), twice. It holds every Han
# character (a test checks), and `find_glosses` tests that the character is one.
# (No match holds an opener after its own, so a match after another letter never hides
# one after a Han character.)
_LETTER_BEFORE = r"[^\W\d_a-zA-Z]"


def _candidate_pattern(opener: str) -> re.Pattern[str]:
    bracket = re.escape(opener)
    return re.compile(f"{bracket}(?<={_LETTER_BEFORE}{bracket})"
                      f"((?:({_PLAIN}*+)|([^（()）,，;；\\d]*+))(?:[,，;；][^（()）]*+)?+)[）)]")


_FULL_WIDTH = _candidate_pattern("（")
_HALF_WIDTH = _candidate_pattern("(")
_START = re.Match.start
_CUT = re.compile("[,，;；]")  # `Mike Gallagher, R-WI`, `…，简称CEBC`: the name ends there
_ASCII_ACRONYM = re.compile("[A-Z]*[a-z]?[A-Z]*")  # `_is_acronym` of an ASCII word
MAX_TOKENS = 6
# English function words: a gloss holding one is a phrase, not a person's name. (`an` is
# not among them: `（an Achakzai）` is the sample's name that lost its J.)
FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "at", "to", "with",
                            "from", "by", "or"})


# The values below are named tuples, not frozen dataclasses: as immutable, compared and
# hashed by value, but built ~3x faster, and an article has a few dozen of them per gloss.


class Token(NamedTuple):
    """A gloss word: a `Piece` with a kind."""

    text: str
    start: int
    end: int
    kind: str  # "name", "particle", "lower" (lower-case, not a particle), "initial"


class Gloss(NamedTuple):
    parts: tuple[Piece, ...]  # the Chinese name's parts, separators excluded
    separators: tuple[str, ...]
    tokens: tuple[Token, ...]  # the gloss's name tokens, titles and tails dropped
    inner: Piece  # the whole text between the brackets
    # Up to LEAD Han characters right before the name: where the name really starts is
    # a guess (理查德 has a 理 that is not a transliteration character, 总理 does too), so
    # a part that does not fit is also tried with them.
    lead: str = ""

    @property
    def name(self) -> str:
        """The Chinese name with the standard separator (the key for consistency)."""
        return "·".join([part.text for part in self.parts])

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def english(self) -> str:
        """The gloss's name as written, without titles and initials."""
        return " ".join([t.text for t in self.tokens if t.kind != "initial"])

    def allowed(self, allow: tuple[str, ...]) -> bool:
        """Listed in a rule's `allow` option: by its gloss (`an Achakzai`), its Chinese
        name (`简·阿恰克扎伊`, any separator) or both (`简·阿恰克扎伊（an Achakzai）`)."""
        if not allow:
            return False
        inner = self.inner.text.strip()
        forms = {inner, self.english, self.name, f"{self.name}（{inner}）"}
        return any(_normal(item) in forms for item in allow)

    @property
    def words(self) -> tuple[Token, ...]:
        """Tokens that a Chinese part may transcribe (no initials)."""
        return tuple(t for t in self.tokens if t.kind != "initial")


class RunGloss(NamedTuple):
    run: TextRun
    gloss: Gloss

    def span(self, piece: Piece | Token) -> tuple[int, int]:
        return self.run.source_span(piece.start, piece.end)


# `_new(Token, (text, start, end, kind))` is `Token(text, start, end, kind)` without the
# named tuple's Python-level `__new__` (its fields are given in order, all of them):
# a finder of a few dozen per article builds them at less than half the cost.
_new = tuple.__new__


def glosses(article: Article) -> list[RunGloss]:
    """Every name gloss of the article's visible text, in order (use `article.derived`)."""
    found = []
    for run in article.runs:
        text = run.text
        if "（" in text or "(" in text:  # most runs hold no bracket: skip the call
            for gloss in find_glosses(text):
                found.append(_new(RunGloss, (run, gloss)))
    return found


def _normal(item: str) -> str:
    item = item.strip().replace("(", "（").replace(")", "）")
    return "".join(
        "·" if c in SEPARATORS and 0 < i < len(item) - 1 and is_han(item[i - 1])
        and is_han(item[i + 1]) else c for i, c in enumerate(item))


def _candidates(text: str) -> Iterable[re.Match[str]]:
    """Where glosses may be, in order (see `_FULL_WIDTH`)."""
    if "(" not in text:
        return _FULL_WIDTH.finditer(text)
    if "（" not in text:
        return _HALF_WIDTH.finditer(text)
    # (A match of either kind holds no bracket between its own: they never overlap.)
    return sorted([*_FULL_WIDTH.finditer(text), *_HALF_WIDTH.finditer(text)], key=_START)


def find_glosses(text: str) -> list[Gloss]:
    found = []
    reverse = ""  # the text backwards, made once a run holds a gloss (see `_name_before`)
    for match in _candidates(text):
        start, end = match.span(1)
        if end - start >= MAX_GLOSS:
            continue
        before = text[start - 2]  # (the lookbehind's letter: `start` is 2 or more)
        if not ("\u4e00" <= before <= "\u9fff" or "\u3400" <= before <= "\u4dbf"):
            continue  # (`is_han`, inline)
        body = match.group(2)  # the cheap tests first: most candidates fail one of them
        if body is None:
            body = match.group(3)  # (not all `_PLAIN`: ASCII, it holds a digit or such)
            if body.isascii() or not _marked_body(body):
                continue
        elif not body or body.isspace() or body.islower():
            continue  # (ASCII without a capital: no token can be a name)
        if not reverse:
            reverse = text[::-1]
        name = name_before(text, reverse, start - 1)
        if name is None:
            continue
        tokens = (_plain_tokens(body, start) if _PLAIN_NAMES(body) is not None
                  else _body_tokens(body, start))
        if tokens is None:
            continue
        parts, separators, lead = name
        found.append(_new(Gloss, (parts, separators, tokens,
                                  _new(Piece, (match.group(1), start, end)), lead)))
    return found


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _is_latin(char: str) -> bool:
    if char.isascii():
        return char.isalpha()
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def tokenize(inner: Piece) -> tuple[Token, ...] | None:
    """The name tokens of a gloss, or None when it is not a name gloss."""
    body = _body(inner.text)
    return None if body is None else _body_tokens(body, inner.start)


def _body(inner: str) -> str | None:
    """The part of a gloss that holds the name, if it may be one: Latin letters, spaces
    and name punctuation only (so no digits, `/:@_=&` or Han), up to a comma."""
    cut = _CUT.search(inner)
    body = inner[:cut.start()] if cut is not None else inner
    if not body or body.isspace():
        return None
    if _PLAIN_BODY.fullmatch(body) is None and not all(
            _is_latin(c) or c.isspace() or c in _PUNCTUATION for c in body):
        return None
    return body


def _marked_body(body: str) -> bool:
    """`_body` of a body with a character outside `_PLAIN`: Latin letters, spaces and name
    punctuation only?"""
    return not body.isspace() and all(
        _is_latin(c) or c.isspace() or c in _PUNCTUATION for c in body)


# A body of capitalised ASCII words joined by single spaces (most glosses: `Asim Munir`):
# `_plain_tokens` reads it without `_body_tokens`'s per-word tests.
_PLAIN_NAMES = re.compile("[A-Z][a-z]+(?: [A-Z][a-z]+)*").fullmatch


def _plain_tokens(body: str, offset: int) -> tuple[Token, ...] | None:
    """`_body_tokens` of a body that `_PLAIN_NAMES` matches: each word is a name token
    unless it is a title; one of more than two letters is no acronym (`Ab` is one)."""
    tokens = []
    named = False
    start = offset
    for raw in body.split(" "):
        end = start + len(raw)
        if raw.lower() not in TITLES:
            tokens.append(_new(Token, (raw, start, end, "name")))
            named = named or end - start > 2
        start = end + 1
    if not named or len(tokens) > MAX_TOKENS:
        return None
    return tuple(tokens)


def _body_tokens(body: str, offset: int) -> tuple[Token, ...] | None:
    """The tokens of a `_body` that starts at `offset`, or None when they do not read
    as a person's name. An ASCII word (most) is classified here as `_classify_marked`
    would (no title is one letter; `at` is a particle before a function word)."""
    tokens: list[Token] = []
    named = False  # a name token that is not an acronym: `（TTP）` is not a name
    lower = 0
    position = 0
    for raw in body.split():  # `str.split` splits at `str.isspace`, as `_body` reads
        position = body.find(raw, position)  # (only spaces before it)
        start = offset + position
        position += len(raw)
        if raw.isascii() and raw.isalpha():
            bare = raw.lower()
            if raw[0] < "a":  # a capital
                if len(raw) == 1:
                    tokens.append(_new(Token, (raw, start, start + 1, "initial")))
                elif bare not in TITLES:
                    tokens.append(_new(Token, (raw, start, start + len(raw), "name")))
                    # Not an acronym: two lower-case letters or more (`Asim`: at once).
                    named = named or len(raw) > 2 and raw[1:].islower() or \
                        _ASCII_ACRONYM.fullmatch(raw) is None
                continue
            if bare in PARTICLES:
                tokens.append(_new(Token, (raw, start, start + len(raw), "particle")))
                continue
            token = _new(Token, (raw, start, start + len(raw), "lower"))
        else:
            marked = _classify_marked(raw, start)
            if marked is None:
                continue
            if marked.kind != "lower":
                tokens.append(marked)
                named = named or marked.kind == "name" and not _is_acronym(marked.text)
                continue
            token = marked
        if token.text.lower() in FUNCTION_WORDS:
            return None  # 塔利班（the Taliban）, 纽瓦克港（Port of Newark）: not a person
        tokens.append(token)
        lower += 1
    if not named or lower > 1 or len(tokens) > MAX_TOKENS:
        return None
    return tuple(tokens)


def _classify_marked(raw: str, start: int) -> Token | None:
    """A gloss word with quotes, dots, hyphens or non-ASCII letters as a token, or None
    for titles (`Sen.`) and nicknames in quotes."""
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
        return _new(Token, (word, start, start + len(word), "initial"))
    if word[0].islower():
        prefixed = next((p for p in HYPHEN_PARTICLES if bare.startswith(p)), "")
        if prefixed and len(word) > len(prefixed) and word[len(prefixed)].isupper():
            return _new(Token, (word, start, start + len(word), "name"))  # al-Zawahiri
        particle = bare in PARTICLES or bool(prefixed)
        return _new(Token, (word, start, start + len(word),
                            "particle" if particle else "lower"))
    if not _is_latin(word[0]):
        return None
    return _new(Token, (word, start, start + len(word), "name"))


def _is_acronym(word: str) -> bool:
    if word.isascii() and word.isalpha():  # most names: at most one lower-case letter?
        return len(word) >= 2 and _ASCII_ACRONYM.fullmatch(word) is not None
    letters = list(filter(str.isalpha, word))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) >= len(letters) - 1
