"""A code frame for one long line: a window of display cells around the span, with a
caret line under the span. East Asian wide characters take two cells."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ELLIPSIS = "…"


def cell_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _visible(char: str) -> str:
    """Control characters would move the cursor: show them as symbols instead."""
    if char == "\t":
        return "→"
    if char == "\r":
        return "␍"
    if ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0:
        return "�"
    if unicodedata.category(char) in ("Cf", "Zl", "Zp"):  # bidi controls, ZWJ…
        return "·"
    return char


@dataclass(frozen=True, slots=True)
class Frame:
    text: str  # the window of the line, with ellipses where it was cut
    carets: str  # spaces then `^` under the span (at least one caret)


def make_frame(line: str, start: int, end: int, width: int = 80) -> Frame:
    """`start:end` are 0-based code-point indices into `line` (end may pass the line end
    when the span continues on later lines)."""
    end = max(min(end, len(line)), start)
    span_cells = sum(cell_width(_visible(c)) for c in line[start:end])
    budget = max(width - min(span_cells, width // 2), 20)
    left, right = start, end
    used = 0
    # Grow the window outwards, a little more context before the span than after it.
    while used < budget and (left > 0 or right < len(line)):
        if left > 0 and (right >= len(line) or (start - left) <= (right - end) * 2):
            left -= 1
            used += cell_width(_visible(line[left]))
        else:
            used += cell_width(_visible(line[right]))
            right += 1
    shown_end = min(end, start + max(width // 2, 1)) if end - start > width // 2 else end
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(line) else ""
    text = prefix + "".join(_visible(c) for c in line[left:right]) + suffix
    lead = len(prefix) + sum(cell_width(_visible(c)) for c in line[left:start])
    marked = sum(cell_width(_visible(c)) for c in line[start:min(shown_end, right)])
    return Frame(text, " " * lead + "^" * max(marked, 1))
