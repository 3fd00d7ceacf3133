"""The parsed article: header fields with spans and the body's elements and text runs.

An `Article` is built once per file and shared, read-only, by every rule. This is the only
module that touches lxml (for rules that want XPath over the body); the offsets come from
`lint.html`, whose tree the lxml tree mirrors element for element.
"""

from __future__ import annotations

import re
from html import unescape
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from reprlib import recursive_repr
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from lint.html import Comment, Element, HtmlProblem, ParsedBody, parse_fragment
from lint.records import FRESH, Shown
from lint.source import SourceText
from lint.textrun import TextRun

if TYPE_CHECKING:
    from lxml import etree

T = TypeVar("T")

BODY_LINE = 5  # lines 1-4 are the header (timestamp, title, underline, blank)

_TITLE_OPEN = "["
_RELEASED: Any = ()  # the children of every element of a released article
_TITLE_CLOSE = "]("


@dataclass(frozen=True, slots=True)
class Field:
    """A header value and its source offsets (`text[start:end] == value`)."""

    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Header:
    """What lines 1-4 hold. A field is None when its line is missing or does not have the
    field's shape at all; rules report why."""

    timestamp: Field | None  # the text between `<!--` and `-->` on line 1
    title: Field | None  # the text between `[` and `](` on line 2
    url: Field | None  # the text between `](` and the final `)` on line 2
    underline: Field | None  # line 3 without a trailing CR


# `Field(...)` and `Header(...)` as their frozen `__init__`s would make them, at half the
# cost: each slot is set through its descriptor, not through `object.__setattr__` (five
# per file, on the parse path).
_new = object.__new__
_SET_VALUE, _SET_START, _SET_END = (getattr(Field, name).__set__
                                    for name in ("value", "start", "end"))
_SET_TIMESTAMP, _SET_TITLE, _SET_URL, _SET_UNDERLINE = (
    getattr(Header, name).__set__ for name in ("timestamp", "title", "url", "underline"))


def _field(value: str, start: int, end: int) -> Field:
    made: Field = _new(Field)
    _SET_VALUE(made, value)
    _SET_START(made, start)
    _SET_END(made, end)
    return made


def _header(timestamp: Field | None, title: Field | None, url: Field | None,
            underline: Field | None) -> Header:
    made: Header = _new(Header)
    _SET_TIMESTAMP(made, timestamp)
    _SET_TITLE(made, title)
    _SET_URL(made, url)
    _SET_UNDERLINE(made, underline)
    return made


class Body(Shown):
    """A plain class with slots rather than a dataclass (~0.5 ms of start-up to create),
    as `@dataclass(slots=True, eq=False)` made it: identity for equality."""

    __slots__ = __match_args__ = ("start", "end", "parsed")

    start: int  # offset of line 5
    end: int  # end of the text, less one final newline
    parsed: ParsedBody

    def __init__(self, start: int, end: int, parsed: ParsedBody) -> None:
        self.start = start
        self.end = end
        self.parsed = parsed

    @property
    def root(self) -> Element:
        return self.parsed.root

    @property
    def elements(self) -> list[Element]:
        return self.parsed.elements

    @property
    def runs(self) -> list[TextRun]:
        return self.parsed.runs

    @property
    def comments(self) -> list[Comment]:
        return self.parsed.comments

    @property
    def problems(self) -> list[HtmlProblem]:
        return self.parsed.problems


class Article:
    """A plain class with slots rather than a dataclass, as `@dataclass(slots=True,
    eq=False)` made it (its private fields out of its repr)."""

    __slots__ = ("path", "source", "header", "body", "profiles", "_derived", "_lxml")
    __match_args__ = ("path", "source", "header", "body", "profiles", "_derived", "_lxml")

    path: str
    source: SourceText
    header: Header
    body: Body | None
    # The source profiles in force (a `lint.profiles.ProfileSet` from config); None means the
    # built-in ones. Kept untyped here so that the article model does not depend on them.
    profiles: Any
    _derived: dict[Callable[..., Any], Any]
    _lxml: tuple[Any, dict[Any, Element]] | None

    def __init__(self, path: str, source: SourceText, header: Header, body: Body | None,
                 profiles: Any = None, _derived: dict[Callable[..., Any], Any] = FRESH,
                 _lxml: tuple[Any, dict[Any, Element]] | None = None) -> None:
        self.path = path
        self.source = source
        self.header = header
        self.body = body
        self.profiles = profiles
        self._derived = {} if _derived is FRESH else _derived
        self._lxml = _lxml

    @recursive_repr()
    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(path={self.path!r}, source={self.source!r}, " \
               f"header={self.header!r}, body={self.body!r}, profiles={self.profiles!r})"

    @classmethod
    def parse(cls, source: SourceText, path: str = "-", profiles: Any = None) -> Article:
        return cls(path, source, _parse_header(source), _parse_body(source), profiles)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def host(self) -> str:
        """The lower-cased host of the title URL, or "" when there is none."""
        if self.header.url is None:
            return ""
        try:
            return (urlsplit(self.header.url.value.strip()).hostname or "").lower()
        except ValueError:
            return ""

    def elements(self, *tags: str) -> Iterator[Element]:
        """Body elements in document order, optionally only those with the given tags."""
        if self.body is None:
            return iter(())
        if not tags:
            return iter(self.body.elements)
        return (element for element in self.body.elements if element.tag in tags)

    @property
    def runs(self) -> list[TextRun]:
        return [] if self.body is None else self.body.runs

    def derived(self, compute: Callable[[Article], T]) -> T:
        """`compute(self)`, computed once per article and shared by every rule that asks
        (e.g. a family's index of candidate names). `compute` must be a module-level
        function so that the cache key is stable."""
        try:
            return self._derived[compute]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[compute] = compute(self)
            return value

    def release(self) -> None:
        """Break the article's reference cycles once nothing will read it again: every
        element's `parent` and `children`, the derived values (which may point back at the
        article) and the lxml tree. Reference counting then frees the article at once;
        otherwise every file's tree waits for the cycle collector, whose passes scan the
        garbage of many files (~0.1 ms a file, ~6 % of a long run, and most collections
        of the run). The article must not be used afterwards."""
        self._derived.clear()
        self._lxml = None
        if self.body is not None:
            # An empty tuple, not a new list each: nothing may add to a released tree.
            self.body.root.children = _RELEASED
            for element in self.body.elements:
                element.parent = None
                element.children = _RELEASED

    def lxml_tree(self) -> tuple[etree._Element, dict[etree._Element, Element]]:
        """The body as an lxml tree (built lazily from the same tokens) and a map from
        each lxml element back to its `Element`, for XPath-minded rules and plugins."""
        if self._lxml is None:
            self._lxml = _to_lxml(self)
        return self._lxml


def _parse_header(source: SourceText) -> Header:
    timestamp = title = url = underline = None
    # Lines 1-3 from the line table, less a trailing CR each (splitting the text at its
    # first three LFs would also copy the whole body, once more, as the fourth part).
    text, starts = source.text, source.line_starts
    count = len(starts)
    first = text[:starts[1] - 1 if count > 1 else len(text)].removesuffix("\r")
    found = _timestamp(first)
    if found is not None:
        timestamp = _field(first[found[0]:found[1]], found[0], found[1])
    if count > 1:
        start = starts[1]
        second = text[start:starts[2] - 1 if count > 2 else len(text)]
        title, url = _parse_title_link(second.removesuffix("\r"), start)
    if count > 2:
        start = starts[2]
        third = text[start:starts[3] - 1 if count > 3 else len(text)].removesuffix("\r")
        underline = _field(third, start, start + len(third))
    return _header(timestamp, title, url, underline)


def _parse_title_link(text: str, start: int) -> tuple[Field | None, Field | None]:
    """`[title](url)`: the title runs to the last `](`, the URL to the final `)`."""
    stripped = text.rstrip()
    if not stripped.startswith(_TITLE_OPEN):
        return None, None
    middle = stripped.rfind(_TITLE_CLOSE)
    if middle == -1:
        inner = stripped[1:-1] if stripped.endswith("]") else stripped[1:]
        return _field(inner, start + 1, start + 1 + len(inner)), None
    title = _field(stripped[1:middle], start + 1, start + middle)
    url_start = middle + len(_TITLE_CLOSE)
    url_end = len(stripped) - 1 if stripped.endswith(")") else len(stripped)
    url = _field(stripped[url_start:url_end], start + url_start, start + url_end)
    return title, url


def _parse_body(source: SourceText) -> Body | None:
    if source.line_count < BODY_LINE:
        return None
    start = source.line_bounds(BODY_LINE)[0]
    end = len(source.text)
    if source.text.endswith("\n") and end - 1 >= start:
        end -= 1
    return Body(start, end, parse_fragment(source.text, start, end))


def _to_lxml(article: Article) -> tuple[Any, dict[Any, Element]]:
    from lxml import etree

    root = etree.Element("body")
    mapping: dict[Any, Element] = {}
    if article.body is None:
        return root, mapping
    text = article.text
    pending: list[tuple[Element, Any]] = [(article.body.root, root)]
    while pending:
        ours, theirs = pending.pop()
        last: Any = None
        for child in ours.children:
            if isinstance(child, Element):
                name = child.tag if _XML_NAME.match(child.tag) else "unknown"
                node = etree.SubElement(theirs, name)
                for attribute in child.attributes:
                    if _XML_NAME.match(attribute.name) and attribute.name not in node.attrib:
                        node.set(attribute.name, _xml_safe(attribute.value or ""))
                mapping[node] = child
                pending.append((child, node))
                last = node
            else:
                piece = _xml_safe(unescape(text[child.start : child.end]))
                if last is None:
                    theirs.text = (theirs.text or "") + piece
                else:
                    last.tail = (last.tail or "") + piece
    return root, mapping


_XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _timestamp(line: str) -> tuple[int, int] | None:
    """The span of the first `<!--…-->` comment's content on the line (two `find`s: a
    regex search restarted at every `<!--` of a line without `-->` was quadratic)."""
    opening = line.find("<!--")
    if opening == -1:
        return None
    closing = line.find("-->", opening + 4)
    return None if closing == -1 else (opening + 4, closing)


def _xml_safe(value: str) -> str:
    return _XML_UNSAFE.sub("\ufffd", value)
