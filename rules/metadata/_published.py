"""How the metadata rules quote a publication date in their messages."""

from __future__ import annotations

from datetime import datetime

from lint import DateElement, ParsedDate, Precision

_UTC_SUFFIXES = ("GMT", "UTC", "UT", "Z", "+0000", "+00:00")


def when(element: DateElement, date: ParsedDate) -> str:
    """The date as written, plus its reading in UTC unless it is written in UTC."""
    written = f"`{element.text}`"
    if date.precision is Precision.DAY:
        return f"{written} (a day starting {utc(date.value)})"
    if element.text.endswith(_UTC_SUFFIXES):
        return written
    return f"{written} (= {utc(date.value)})"


def utc(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC")
