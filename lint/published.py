"""The publication date of an article: its profile's date element, found and read once.

Shared by the structure rules (is the date element there, does it parse, is its weekday
right) and the metadata rules (is the archive timestamp consistent with it). Computed once
per article through `article.derived`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from functools import lru_cache
from html import unescape

from lint.article import Article
from lint.dates import NAMED_FORMATS, ParsedDate, parse_date
from lint.profiles import DEFAULT_PROFILES, Profile, profile_for

_TEMPLATE_PART = re.compile(r"(<[^<>]*>|\{date\}|\{author\})")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)[^<>]*>")


@dataclass(frozen=True, slots=True)
class DateElement:
    """The date element that opens the body, matched by one of the profile's templates."""

    template: str
    start: int  # source offsets of the whole element
    end: int
    text: str  # the date text, references decoded, spaces trimmed
    text_start: int  # source offsets of the trimmed date text
    text_end: int
    date: ParsedDate | None  # None: the text is not a date in any of the profile's formats


@dataclass(frozen=True, slots=True)
class DateLookup:
    profile: Profile
    element: DateElement | None  # None: no template matched the opening of the body
    other: DateElement | None = None  # a date element in another outlet's markup

    @property
    def date(self) -> ParsedDate | None:
        return None if self.element is None else self.element.date


def date_lookup(article: Article) -> DateLookup:
    """The profile's date element of `article` (memoised)."""
    return article.derived(_lookup)


def publication_date(article: Article) -> ParsedDate | None:
    """The publication date read from the date element, or None."""
    return date_lookup(article).date


def archive_time(article: Article) -> datetime | None:
    """The line-1 archive timestamp as a UTC datetime, when it is a 13-digit number
    (memoised: M001 and M002 both ask)."""
    return article.derived(_archive_time)


def _archive_time(article: Article) -> datetime | None:
    field = article.header.timestamp
    if field is None:
        return None
    digits = field.value.strip()
    if len(digits) != 13 or not (digits.isascii() and digits.isdigit()):
        return None
    try:
        return datetime.fromtimestamp(int(digits) / 1000, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _lookup(article: Article) -> DateLookup:
    profile = profile_for(article)
    body = article.body
    if body is None:
        return DateLookup(profile, None)
    text = article.text
    start = body.start
    while start < body.end and text[start] in " \t\r\n":
        start += 1
    zone = profile.zone
    first: DateElement | None = None
    for template in profile.date_markup:
        element = _match(text, start, body.end, template, profile.date_formats, zone)
        if element is not None and element.date is not None:
            return DateLookup(profile, element)
        first = first or element
    if first is not None:
        return DateLookup(profile, first)
    # Another outlet's markup (every one the built-in generic profile knows) holding a
    # date: say what was found instead of only what is missing.
    for template in DEFAULT_PROFILES.generic.date_markup:
        if template in profile.date_markup:
            continue
        other = _match(text, start, body.end, template, tuple(NAMED_FORMATS), zone)
        if other is not None and other.date is not None:
            return DateLookup(profile, None, other)
    return DateLookup(profile, None)


def _match(text: str, start: int, end: int, template: str, formats: tuple[str, ...],
           zone: tzinfo) -> DateElement | None:
    match = _compiled(template).match(text, start, end)
    if match is None:
        return None
    raw_start, raw_end = match.span("date")
    raw = text[raw_start:raw_end]
    lead = len(raw) - len(raw.lstrip())
    trimmed = raw.strip()
    value = unescape(trimmed) if "&" in trimmed else trimmed
    date = parse_date(value, formats, zone) if value else None
    return DateElement(template, match.start(), match.end(), " ".join(value.split()),
                       raw_start + lead, raw_start + lead + len(trimmed), date)


@lru_cache(maxsize=64)
def _compiled(template: str) -> re.Pattern[str]:
    """A template as an anchored regex: tags match whatever their attributes, spacing and
    a self-closing slash; slots match text without `<`, so nothing can backtrack far."""
    parts = []
    for piece in _TEMPLATE_PART.split(template):
        if not piece:
            continue
        if piece in ("{date}", "{author}"):
            parts.append(f"(?P<{piece[1:-1]}>[^<]*)")
            continue
        tag = _TAG.fullmatch(piece)
        if tag is None:
            parts.append(r"\s*".join(re.escape(word) for word in piece.split()) or r"\s*")
        elif tag.group(1):
            parts.append(rf"</{re.escape(tag.group(2))}\s*>")
        else:
            parts.append(rf"<{re.escape(tag.group(2))}(?:[\s/][^<>]*)?>")
    return re.compile("".join(parts), re.IGNORECASE)
