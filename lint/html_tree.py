"""The body's tree: elements, attributes, text nodes, comments and syntax problems.

Built by the tokenizer in `lint.html` (which re-exports every name here); rules read it
through `article.body`. Offsets are code-point indices into the whole file's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from lint.html_names import (
    BLOCK_ELEMENTS,
    FOREIGN_ROOTS,
    INLINE_ELEMENTS,
    KNOWN_ELEMENTS,
    PHRASING_CONTAINERS,
    TRANSPARENT_ELEMENTS,
    VOID_ELEMENTS,
)
from lint.records import FRESH, Shown


class ProblemKind(str, Enum):
    UNCLOSED_ELEMENT = "unclosed-element"
    MISNESTED_END_TAG = "misnested-end-tag"
    STRAY_END_TAG = "stray-end-tag"
    VOID_END_TAG = "void-end-tag"
    SELF_CLOSING_NON_VOID = "self-closing-non-void"
    END_TAG_ATTRIBUTES = "end-tag-attributes"
    BAD_TAG_NAME = "bad-tag-name"
    MISSING_SPACE_IN_TAG = "missing-space-in-tag"
    BAD_ATTRIBUTE = "bad-attribute"
    UNTERMINATED_QUOTE = "unterminated-quote"
    UNTERMINATED_TAG = "unterminated-tag"
    UNTERMINATED_COMMENT = "unterminated-comment"
    BOGUS_MARKUP = "bogus-markup"
    DOCTYPE = "doctype"
    BARE_LESS_THAN = "bare-less-than"
    BAD_CHARACTER_REFERENCE = "bad-character-reference"


@dataclass(frozen=True, slots=True)
class HtmlProblem:
    """A syntax problem at source offsets `start:end`. `detail` is a complete message
    (positions in it are `line:col`). `related` is another offset it refers to: the end tag
    that ended an unclosed element, the start tag of a misnested one, for
    `missing-space-in-tag` the end of the recovered element name (where the space goes),
    for a `bad-attribute` about unescaped quotes the quote that really ends the value."""

    kind: ProblemKind
    start: int
    end: int
    detail: str
    related: int | None = None


# Attributes, text nodes, comments and elements are plain classes with slots rather than
# dataclasses (creating a dataclass compiles its generated methods: ~0.5 ms each of every
# run's start-up). Each keeps what its `@dataclass(slots=True, eq=False)` had: the same
# `__init__`, `__repr__` and `__match_args__`, and identity for equality and hashing.


class Attribute(Shown):
    __slots__ = __match_args__ = ("name", "name_start", "name_end", "value", "value_start",
                                  "value_end", "quote", "end")

    name: str  # lower-cased
    name_start: int
    name_end: int
    value: str | None  # decoded; None when written without `=`
    value_start: int | None  # raw value, quotes excluded
    value_end: int | None
    quote: str
    end: int  # just past the whole attribute (closing quote included, if any)

    def __init__(self, name: str, name_start: int, name_end: int, value: str | None = None,
                 value_start: int | None = None, value_end: int | None = None,
                 quote: str = "", end: int = -1) -> None:
        self.name = name
        self.name_start = name_start
        self.name_end = name_end
        self.value = value
        self.value_start = value_start
        self.value_end = value_end
        self.quote = quote
        self.end = end

    @property
    def start(self) -> int:
        return self.name_start


class TextNode(Shown):
    __slots__ = __match_args__ = ("start", "end", "raw", "parent")

    start: int
    end: int
    raw: str
    parent: Element

    def __init__(self, start: int, end: int, raw: str, parent: Element) -> None:
        self.start = start
        self.end = end
        self.raw = raw
        self.parent = parent

    @property
    def is_whitespace(self) -> bool:
        return not self.raw.strip()


class Comment(Shown):
    __slots__ = __match_args__ = ("start", "end", "content_start", "content_end", "content")

    start: int
    end: int
    content_start: int
    content_end: int
    content: str

    def __init__(self, start: int, end: int, content_start: int, content_end: int,
                 content: str) -> None:
        self.start = start
        self.end = end
        self.content_start = content_start
        self.content_end = content_end
        self.content = content


class Element(Shown):
    """An element of the body. `start:end` is the start tag; `close_start:close_end` the
    end tag (None when the element is void, self-closed or never closed)."""

    __slots__ = __match_args__ = ("tag", "start", "end", "parent", "attributes", "children",
                                  "self_closing", "close_start", "close_end", "depth",
                                  "_content_end")

    tag: str
    start: int
    end: int
    parent: Element | None
    attributes: list[Attribute]
    children: list[Element | TextNode]
    self_closing: bool
    close_start: int | None
    close_end: int | None
    depth: int
    _content_end: int | None

    def __init__(self, tag: str, start: int, end: int, parent: Element | None = None,
                 attributes: list[Attribute] = FRESH,
                 children: list[Element | TextNode] = FRESH,
                 self_closing: bool = False, close_start: int | None = None,
                 close_end: int | None = None, depth: int = 0,
                 _content_end: int | None = None) -> None:
        self.tag = tag
        self.start = start
        self.end = end
        self.parent = parent
        self.attributes = [] if attributes is FRESH else attributes
        self.children = [] if children is FRESH else children
        self.self_closing = self_closing
        self.close_start = close_start
        self.close_end = close_end
        self.depth = depth
        self._content_end = _content_end

    @property
    def is_void(self) -> bool:
        return self.tag in VOID_ELEMENTS

    @property
    def is_known(self) -> bool:
        return self.tag in KNOWN_ELEMENTS

    @property
    def is_inline(self) -> bool:
        return self.tag in INLINE_ELEMENTS

    @property
    def is_block(self) -> bool:
        """Flow content that is not phrasing content (`div p ul li blockquote h2 table…`)."""
        return self.tag in BLOCK_ELEMENTS

    @property
    def holds_phrasing_only(self) -> bool:
        """No block may sit inside (`p h1-h6 pre` and inline elements such as `i`)."""
        return self.tag in PHRASING_CONTAINERS

    @property
    def is_transparent(self) -> bool:
        """Takes its parent's content model (`a ins del map object video audio…`)."""
        return self.tag in TRANSPARENT_ELEMENTS

    @property
    def is_foreign_root(self) -> bool:
        """`<svg>` or `<math>`: its descendants are SVG or MathML, not HTML."""
        return self.tag in FOREIGN_ROOTS

    @property
    def content_start(self) -> int:
        return self.end

    @property
    def content_end(self) -> int:
        """Where the content ends: the end tag, or the end of the last descendant."""
        if self.close_start is not None:
            return self.close_start
        return self._content_end if self._content_end is not None else self.end

    @property
    def outer_end(self) -> int:
        return self.close_end if self.close_end is not None else self.content_end

    def get(self, name: str) -> Attribute | None:
        """The first attribute called `name` (lower case)."""
        for attribute in self.attributes:
            if attribute.name == name:
                return attribute
        return None

    def attr(self, name: str) -> str | None:
        attribute = self.get(name)
        return None if attribute is None else attribute.value

    def element_children(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def iter(self) -> Iterator[Element]:
        """This element's descendants in document order (iterative: bodies nest deep)."""
        stack: list[Iterator[Element | TextNode]] = [iter(self.children)]
        while stack:
            for child in stack[-1]:
                if isinstance(child, Element):
                    yield child
                    stack.append(iter(child.children))
                    break
            else:
                stack.pop()

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None and node.tag != ROOT_TAG:
            yield node
            node = node.parent


ROOT_TAG = "#fragment"
