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
from dataclasses import dataclass
from html.entities import html5
from typing import Any, Literal

from lint.html_names import INLINE_ELEMENTS
from lint.html_tree import Element, HtmlProblem, ProblemKind, TextNode

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


class TextRun:
    """`text` and, for each of its pieces, where it came from. A `Segment` object per
    piece cost more than tokenizing it, and rules only ask for offsets, so the map is kept
    compact and `segments` is built on first use: a run that is one literal piece (most
    are) is just its source range `_start:_end`; any other keeps two tuples, `_keys` (each
    piece's start in `text`) and `_spans` (its source start, end and literal flag, flat)."""

    __slots__ = ("text", "block", "_start", "_end", "_keys", "_spans", "_segments")

    text: str
    block: Element | None  # the innermost non-inline element that holds the run

    def __init__(self, text: str, block: Element | None, segments: list[Segment]) -> None:
        self.text = text
        self.block = block
        self._keys: tuple[int, ...] | None = tuple(segment.text_start for segment in segments)
        self._spans: tuple[int, ...] | None = tuple(
            field for segment in segments
            for field in (segment.start, segment.end, segment.literal))
        if segments:  # (without any, `start` and `end` fail, as they always did)
            self._start, self._end = segments[0].start, segments[-1].end
        self._segments: list[Segment] | None = segments

    @classmethod
    def _from_map(cls, text: str, block: Element | None, keys: tuple[int, ...],
                  spans: tuple[int | bool, ...]) -> TextRun:
        """The parser's constructor for any other run (see the class docstring)."""
        run = cls.__new__(cls)
        run.text, run.block, run._keys, run._spans, run._segments = text, block, keys, spans, None
        run._start, run._end = spans[0], spans[-2]
        return run

    def __repr__(self) -> str:
        return f"TextRun(text={self.text!r}, block={self.block!r})"

    @property
    def segments(self) -> list[Segment]:
        if self._segments is None:
            if self._keys is None:
                self._segments = [Segment(0, self._start, self._end, True)]
            else:
                spans = self._spans
                assert spans is not None  # set together with `_keys`
                self._segments = [
                    Segment(key, spans[3 * k], spans[3 * k + 1], bool(spans[3 * k + 2]))
                    for k, key in enumerate(self._keys)]
        return self._segments

    @property
    def start(self) -> int:
        return self._start

    @property
    def end(self) -> int:
        return self._end

    def char_start(self, index: int) -> int:
        """Source offset where `text[index]` begins (index == len(text) gives the end)."""
        if index >= len(self.text):
            return self._end
        keys = self._keys
        if keys is None:
            return self._start + index
        k = bisect_right(keys, index) - 1
        start: int = self._spans[3 * k]  # type: ignore[index, assignment]
        return start + (index - keys[k]) if self._spans[3 * k + 2] else start  # type: ignore[index]

    def char_end(self, index: int) -> int:
        """Source offset just past `text[index]`."""
        keys = self._keys
        if keys is None:
            return self._start + index + 1
        k = bisect_right(keys, index) - 1
        spans: tuple[int, ...] = self._spans  # type: ignore[assignment]
        return spans[3 * k] + (index - keys[k]) + 1 if spans[3 * k + 2] else spans[3 * k + 1]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of `text[start:end]` (an empty range maps to a point)."""
        begin = self.char_start(start)
        if end <= start:
            return begin, begin
        return begin, self.char_end(end - 1)

    def is_literal(self, start: int, end: int) -> bool:
        """True when `text[start:end]` is written as-is in the source (no references
        inside), so an edit of that source range replaces exactly those characters."""
        keys = self._keys
        if end <= start or keys is None:
            return True
        first = bisect_right(keys, start) - 1
        last = bisect_right(keys, end - 1) - 1
        spans: tuple[int, ...] = self._spans  # type: ignore[assignment]
        return all(spans[3 * k + 2] for k in range(first, last + 1))


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
    pieces = _Pieces(text_base)
    _decode_into(pieces, source, start, end, amp, in_attribute, report)
    spans = pieces.spans
    segments = [Segment(key, spans[3 * k], spans[3 * k + 1], bool(spans[3 * k + 2]))
                for k, key in enumerate(pieces.keys)]
    return Decoded("".join(pieces.parts), segments)


class _Pieces:
    """Decoded text in the making: its pieces and the map of a `TextRun` as lists."""

    __slots__ = ("parts", "keys", "spans", "length")

    def __init__(self, length: int = 0) -> None:
        self.parts: list[str] = []
        self.keys: list[int] = []
        self.spans: list[int | bool] = []  # source start, end, literal: per piece
        self.length = length

    def add(self, piece: str, start: int, end: int, literal: bool) -> None:
        self.parts.append(piece)
        self.keys.append(self.length)
        self.spans += start, end, literal
        self.length += len(piece)


def _decode_into(pieces: _Pieces, source: str, start: int, end: int, amp: int,
                 in_attribute: bool, report: Callable[[HtmlProblem], Any]) -> None:
    """Append `source[start:end]`, decoded, to `pieces`; `amp` is its first `&`."""
    pos = start
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
        if amp > pos:
            pieces.add(source[pos:amp], pos, amp, True)
        pieces.add(decoded, amp, ref_end, False)
        pos = ref_end
        amp = source.find("&", pos, end)
    if end > pos:
        pieces.add(source[pos:end], pos, end, True)


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


class RunBuilder(_Pieces):
    """Collects text runs while the tree is built: inline tags continue the current run,
    every other tag (blocks, `<br>`, `<img>`, unknown elements) ends it.

    `pending` says whether a run is open: None when not; the run's only text node while it
    is one literal piece (most runs: the parser sets it itself, and nothing is copied);
    True once its pieces are in `parts`, `keys` and `spans` (`block` is then set)."""

    __slots__ = ("source", "report", "runs", "block", "pending", "_blocks")

    def __init__(self, source: str, report: Callable[[HtmlProblem], Any]) -> None:
        super().__init__()
        self.source = source
        self.report = report
        self.runs: list[TextRun] = []
        self.block: Element | None = None
        self.pending: TextNode | Literal[True] | None = None
        self._blocks: dict[Element, Element | None] = {}

    def add_text(self, start: int, end: int, parent: Element, raw: str | None = None) -> None:
        """Add `source[start:end]` (`raw`, when the caller has that slice already)."""
        pending = self.pending
        if pending is None:
            self.block = self.block_of(parent)
        elif pending is not True:  # the run so far is one literal text node: list it
            self.block = self.block_of(pending.parent)
            self.add(pending.raw, pending.start, pending.end, True)
        if raw is None:
            raw = self.source[start:end]
        if "&" in raw:
            _decode_into(self, self.source, start, end, start + raw.index("&"), False,
                         self.report)
        elif raw:  # no reference: one literal piece
            self.add(raw, start, end, True)
        self.pending = True if self.keys else None

    def block_of(self, parent: Element) -> Element | None:
        """The block of a run whose first text is a child of `parent`."""
        if parent.tag in INLINE_ELEMENTS:
            return _block_of(parent, self._blocks)
        return None if parent.parent is None else parent  # (the root is no block)

    def end_block(self, block: Element) -> None:
        """End the open run where `block` closes. The usual run (`<p>text</p>`: one
        literal text node, a child of the block that ends it) needs no block look-up."""
        pending = self.pending
        if pending is not True and pending is not None and pending.parent is block:
            self.runs.append(_range_run(pending.raw, block, pending.start, pending.end))
            self.pending = None
        else:
            self.flush()

    def flush(self) -> None:
        pending = self.pending
        if pending is True:
            self.flush_pieces()
        elif pending is not None:  # one literal text node: the run is that text, as it is
            parent = pending.parent
            if parent.tag in INLINE_ELEMENTS:  # (= `block_of`, inline: the usual case)
                block = _block_of(parent, self._blocks)
            else:
                block = None if parent.parent is None else parent
            self.runs.append(_range_run(pending.raw, block, pending.start, pending.end))
            self.pending = None

    def flush_pieces(self) -> None:
        spans = self.spans
        if len(spans) == 3 and spans[2]:
            # A run of one literal piece (`a & b`: no reference after all) is just its range.
            run = _range_run(self.parts[0], self.block, spans[0], spans[1])
        else:
            run = TextRun._from_map("".join(self.parts), self.block, tuple(self.keys),
                                    tuple(spans))
        self.runs.append(run)
        self.parts.clear()
        self.keys.clear()
        spans.clear()
        self.length = 0
        self.pending = None
        self.block = None

    def finish(self) -> list[TextRun]:
        self.flush()
        return self.runs


_new = object.__new__


def _range_run(text: str, block: Element | None, start: int, end: int) -> TextRun:
    """The run of one literal piece, `source[start:end]` as it is: only its range is
    kept, and its segments are built if a rule asks for them (most runs, most files)."""
    run = _new(TextRun)
    run.text, run.block, run._start, run._end = text, block, start, end
    run._keys = run._spans = run._segments = None
    return run


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
