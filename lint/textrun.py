"""Visible text with a map back to the source, and HTML character-reference decoding.

A `TextRun` is the visible text of one stretch of a block (a paragraph, a caption, a list
item), joined across inline tags such as `<strong>` and `<a>`: typography rules read it as
one sentence. Every code point of `run.text` maps back to its source range, so a rule that
finds something at `run.text[i:j]` reports `run.source_span(i, j)`. A character that came
from a reference (`&amp;`) maps to the whole reference.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from html.entities import html5
from typing import Any

from lint.html_names import INLINE_ELEMENTS
from lint.html_tree import Element, HtmlProblem, ProblemKind

_REFERENCE = re.compile(r"&(?:#[xX]([0-9A-Fa-f]*)|#([0-9]*)|([A-Za-z][A-Za-z0-9]*))(;?)")

# HTML §13.2.5.80: numeric references to C1 controls mean the windows-1252 character.
_C1_REPLACEMENTS = {
    0x80: "\u20ac", 0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026",
    0x86: "\u2020", 0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160",
    0x8B: "\u2039", 0x8C: "\u0152", 0x8E: "\u017d", 0x91: "\u2018", 0x92: "\u2019",
    0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
    0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153",
    0x9E: "\u017e", 0x9F: "\u0178",
}


@dataclass(frozen=True, slots=True)
class Segment:
    """`text[text_start:text_start+length]` comes from `source[start:end]`. A literal
    segment maps code point to code point; a reference maps all its text to its source."""

    text_start: int
    start: int
    end: int
    literal: bool


@dataclass(slots=True, eq=False)
class TextRun:
    text: str
    block: Element | None  # the innermost non-inline element that holds the run
    segments: list[Segment] = field(repr=False)
    _keys: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._keys = [segment.text_start for segment in self.segments]

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end

    def _segment(self, index: int) -> Segment:
        return self.segments[bisect_right(self._keys, index) - 1]

    def char_start(self, index: int) -> int:
        """Source offset where `text[index]` begins (index == len(text) gives the end)."""
        if index >= len(self.text):
            return self.end
        segment = self._segment(index)
        return segment.start + (index - segment.text_start) if segment.literal else segment.start

    def char_end(self, index: int) -> int:
        """Source offset just past `text[index]`."""
        segment = self._segment(index)
        if segment.literal:
            return segment.start + (index - segment.text_start) + 1
        return segment.end

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of `text[start:end]` (an empty range maps to a point)."""
        begin = self.char_start(start)
        if end <= start:
            return begin, begin
        return begin, self.char_end(end - 1)

    def is_literal(self, start: int, end: int) -> bool:
        """True when `text[start:end]` is written as-is in the source (no references
        inside), so an edit of that source range replaces exactly those characters."""
        if end <= start:
            return True
        first = bisect_right(self._keys, start) - 1
        last = bisect_right(self._keys, end - 1) - 1
        return all(self.segments[k].literal for k in range(first, last + 1))


@dataclass(slots=True)
class Decoded:
    text: str
    segments: list[Segment]


def decode_references(
    source: str,
    start: int,
    end: int,
    in_attribute: bool,
    report: Callable[[HtmlProblem], Any],
    text_base: int = 0,
) -> Decoded:
    """Decode `source[start:end]` as HTML text or attribute value (HTML §13.2.5.72-80)."""
    amp = source.find("&", start, end)
    if amp == -1:
        piece = source[start:end]
        return Decoded(piece, [Segment(text_base, start, end, True)] if piece else [])
    parts: list[str] = []
    segments: list[Segment] = []
    length = text_base
    pos = start

    def literal(upto: int) -> None:
        nonlocal length
        if upto > pos:
            parts.append(source[pos:upto])
            segments.append(Segment(length, pos, upto, True))
            length += upto - pos

    while amp != -1:
        match = _REFERENCE.match(source, amp, end)
        decoded: str | None = None
        ref_end = amp + 1
        if match is not None:
            decoded, problem, ref_end = _decode_one(match, source, end, in_attribute)
            if problem:
                report(HtmlProblem(ProblemKind.BAD_CHARACTER_REFERENCE, amp, ref_end, problem))
        if decoded is None:
            amp = source.find("&", amp + 1, end)
            continue
        literal(amp)
        parts.append(decoded)
        segments.append(Segment(length, amp, ref_end, False))
        length += len(decoded)
        pos = ref_end
        amp = source.find("&", pos, end)
    literal(end)
    return Decoded("".join(parts), segments)


# The longest named references that may appear without `;` (HTML's legacy names).
_LEGACY_MAX = max(len(name) for name in html5 if not name.endswith(";"))


def snip(text: str, limit: int = 40) -> str:
    """`text`, shortened for a message (hostile input can be megabytes long)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decode_one(
    match: re.Match[str], source: str, end: int, in_attribute: bool
) -> tuple[str | None, str, int]:
    """(decoded text or None to keep it literal, problem description or "", end offset of
    the reference) for one `&…` match (HTML §13.2.5.72-80)."""
    hex_digits, dec_digits, name, semicolon = match.groups()
    whole = snip(match.group())
    if name is not None:
        return _decode_named(match, name, semicolon, source, end, in_attribute)
    digits = hex_digits if hex_digits is not None else dec_digits
    if not digits:
        return None, f"`{whole}` is a numeric character reference without digits; " \
            "write `&amp;` for a literal `&`", match.end()
    significant = digits.lstrip("0") or "0"
    base = 16 if hex_digits is not None else 10
    value = int(significant, base) if len(significant) <= 8 else -1
    missing = "" if semicolon else "; it also lacks its `;`"
    if value <= 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "\ufffd", f"`{whole}` is not a valid code point (it shows as U+FFFD){missing}", \
            match.end()
    if value in _C1_REPLACEMENTS:
        return _C1_REPLACEMENTS[value], (
            f"`{whole}` is a C1 control code (browsers show `{_C1_REPLACEMENTS[value]}`; "
            f"write that character){missing}"), match.end()
    if value < 0x20 and value not in (0x09, 0x0A, 0x0C) or 0x7F <= value <= 0x9F:
        return chr(value), f"`{whole}` is a control character{missing}", match.end()
    if 0xFDD0 <= value <= 0xFDEF or value & 0xFFFE == 0xFFFE:
        return chr(value), f"`{whole}` is a Unicode noncharacter{missing}", match.end()
    if not semicolon:
        return chr(value), f"character reference `{whole}` lacks its `;`", match.end()
    return chr(value), "", match.end()


def _decode_named(
    match: re.Match[str], name: str, semicolon: str, source: str, end: int, in_attribute: bool
) -> tuple[str | None, str, int]:
    amp = match.start()
    if semicolon and name + ";" in html5:
        return html5[name + ";"], "", match.end()
    # Legacy names also match without `;`, as the longest prefix (`&copy2020` is ©2020).
    for length in range(min(len(name), _LEGACY_MAX), 0, -1):
        if name[:length] in html5:
            ref_end = amp + 1 + length
            following = source[ref_end] if ref_end < end else ""
            if in_attribute and (following.isalnum() or following == "="):
                # `?a=1&copy=2` in a URL: HTML keeps attribute text like this as it is.
                return None, "", match.end()
            legacy = name[:length]
            literal = "" if legacy == "amp" else f", or `&amp;{legacy}` for a literal `&`"
            return html5[legacy], (
                f"character reference `&{legacy}` lacks its `;`; write `&{legacy};`"
                f"{literal}"), ref_end
    if semicolon:
        whole = snip(match.group())
        return None, (f"unknown character reference `{whole}`; write `&amp;` for a literal "
                      "`&`"), match.end()
    return None, "", match.end()  # a plain ampersand followed by a word: not a reference


class RunBuilder:
    """Collects text runs while the tree is built: inline tags continue the current run,
    every other tag (blocks, `<br>`, `<img>`, unknown elements) ends it."""

    def __init__(self, source: str, report: Callable[[HtmlProblem], Any]) -> None:
        self.source = source
        self.report = report
        self.runs: list[TextRun] = []
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.block: Element | None = None
        self._blocks: dict[Element, Element | None] = {}

    def add_text(self, start: int, end: int, parent: Element) -> None:
        if not self.segments:
            self.block = _block_of(parent, self._blocks)
        decoded = decode_references(self.source, start, end, False, self.report, self.length)
        if decoded.segments:
            self.parts.append(decoded.text)
            self.segments.extend(decoded.segments)
            self.length += len(decoded.text)

    def boundary_open(self, element: Element) -> None:
        if element.tag not in INLINE_ELEMENTS:
            self.flush()

    def boundary_close(self, element: Element) -> None:
        if element.tag not in INLINE_ELEMENTS:
            self.flush()

    def flush(self) -> None:
        if self.segments:
            self.runs.append(TextRun("".join(self.parts), self.block, self.segments))
        self.parts, self.segments, self.length, self.block = [], [], 0, None

    def finish(self) -> list[TextRun]:
        self.flush()
        return self.runs


def _block_of(element: Element, memo: dict[Element, Element | None]) -> Element | None:
    """The innermost non-inline element around `element` (None for the fragment root).
    Memoised per parse: 100,000 nested inline tags must not cost a walk per text."""
    walked: list[Element] = []
    node: Element | None = element
    found: Element | None
    while True:
        if node is None:
            found = None
            break
        if node in memo:
            found = memo[node]
            break
        if node.tag not in INLINE_ELEMENTS:
            found = None if node.parent is None else node  # the root has no parent
            break
        walked.append(node)
        node = node.parent
    for item in walked:
        memo[item] = found
    return found
