"""Decoded file text and the one place where offsets become lines and columns.

Offsets are 0-based indices into the decoded `str`, i.e. Unicode code points. Lines are
split on LF only (the article format is LF; a stray CR is an ordinary character on its
line, so columns stay stable when a body holds one).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from lint.models import Span, trusted


class DecodeError(Exception):
    """The bytes are not UTF-8; carries the byte offset of the first bad byte."""

    def __init__(self, byte_offset: int, bad: bytes, text_before: str) -> None:
        super().__init__(f"invalid UTF-8 at byte offset {byte_offset}")
        self.byte_offset = byte_offset
        self.bad = bad
        self.text_before = text_before


@dataclass(frozen=True, slots=True)
class LineInfo:
    number: int  # 1-based
    start: int  # offset of the first code point
    end: int  # offset of the LF (or len(text) on the last line)


class SourceText:
    """The whole decoded file, with a table of line starts. A plain class with slots
    rather than a dataclass (~0.5 ms of start-up to create), as `@dataclass(slots=True)`
    made it: compared by its text (and table), unhashable."""

    __slots__ = ("text", "_starts")
    __match_args__ = ("text",)

    text: str
    _starts: list[int]

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(text={self.text!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.text, self._starts) == (other.text, other._starts)  # type: ignore[attr-defined]
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def decode(cls, data: bytes) -> SourceText:
        """Decode UTF-8 strictly; raise DecodeError naming the first bad byte."""
        try:
            return cls(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            before = data[: exc.start].decode("utf-8", errors="replace")
            raise DecodeError(exc.start, data[exc.start : exc.end], before) from None

    def __len__(self) -> int:
        return len(self.text)

    @property
    def line_starts(self) -> list[int]:
        """The offset of every line's first code point (the table itself: do not change
        it)."""
        return self._starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line(self, number: int) -> LineInfo:
        """Line `number` (1-based). Raises IndexError past the last line."""
        return LineInfo(number, *self.line_bounds(number))

    def line_bounds(self, number: int) -> tuple[int, int]:
        """`(line(number).start, line(number).end)`, without building the `LineInfo`."""
        starts = self._starts
        if number < 1 or number > len(starts):
            raise IndexError(number)
        return starts[number - 1], starts[number] - 1 if number < len(starts) else len(self.text)

    def line_text(self, number: int) -> str:
        info = self.line(number)
        return self.text[info.start : info.end]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of `offset` (which may equal len(text))."""
        if offset < 0 or offset > len(self.text):
            raise ValueError(f"offset {offset} outside 0..{len(self.text)}")
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of `position`."""
        return self._starts[line - 1] + column - 1

    def span(self, start: int, end: int) -> Span:
        if type(start) is int and type(end) is int and 0 <= start <= end <= len(self.text):
            # Valid by construction: skip pydantic's validation, and both `position` calls
            # (hot: every diagnostic).
            starts = self._starts
            line = bisect_right(starts, start)
            end_line = bisect_right(starts, end, line - 1)
            span: Span = trusted(Span, offset=start, end_offset=end, line=line,
                                 column=start - starts[line - 1] + 1, end_line=end_line,
                                 end_column=end - starts[end_line - 1] + 1)
            return span
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(
            offset=start,
            end_offset=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
        )
