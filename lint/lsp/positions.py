"""Code-point offsets <-> LSP positions in the negotiated position encoding.

Our offsets count Unicode code points. LSP positions are (line, character) where
`character` counts UTF-16 code units by default, or UTF-8 bytes / UTF-32 code points when
client and server agree on it (LSP 3.17 `positionEncoding`). Lines end at `\\r\\n`, `\\r` or
`\\n` for LSP (unlike our SourceText, which splits on LF only), so a stray CR inside the
one-line body is a line break to the editor and must be one here too.
"""

from __future__ import annotations

import re
from bisect import bisect_right

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)

_BREAK = re.compile(r"\r\n|\r|\n")  # alternatives of fixed length: linear, no backtracking


def negotiate(offered: list[str] | None) -> str:
    """The client's most preferred encoding that we support; UTF-16 when it offers none
    (the LSP default, and the only one every client supports)."""
    for name in offered or ():
        if name in ENCODINGS:
            return name
    return UTF16


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` `text` takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    # A character outside the BMP is a surrogate pair: two UTF-16 code units.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class LineIndex:
    """Line starts of one text by LSP rules, and the conversions in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self.starts = [0]
        self.ends: list[int] = []  # offset of each line's terminator (or len(text))
        for match in _BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character), both 0-based, of code-point `offset`."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        # An offset inside a line terminator (between CR and LF) is the end of its line.
        end = min(offset, self.ends[line])
        return line, units(self.text[start:end], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position. Past the end of a line means its end
        (LSP says so); past the last line means the end of the text; a position inside a
        character (half a surrogate pair, the middle of a UTF-8 sequence) rounds down."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        if character <= 0:
            return start
        if self.encoding == UTF32:
            return min(start + character, end)
        count = 0
        for index in range(start, end):
            count += units(self.text[index], self.encoding)
            if count > character:
                return index
            if count == character:
                return index + 1
        return end

    def end(self) -> tuple[int, int]:
        """The position just past the last character."""
        return self.position(len(self.text))
