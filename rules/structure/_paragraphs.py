"""Paragraphs and their visible text, indexed once per article for S009 and S010."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from lint import Article, Element, TextRun
from rules.structure._tags import tagged, tags_present

# Elements that show something without text: a paragraph holding one is not empty.
SHOWS_CONTENT = frozenset({"img", "video", "audio", "iframe", "picture", "object", "embed",
                           "svg", "canvas", "math", "input", "button", "select", "textarea",
                           "meter", "progress"})
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# Every character for which `str.isspace()` is true (a test checks the list against the
# whole of Unicode), then the invisible ones: text is blank when stripping these leaves
# nothing. `lstrip` stops at the first visible character, where a per-character loop in
# Python cost a microsecond per paragraph.
_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003"
               "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
BLANKS = _WHITESPACE + _INVISIBLE
_SPACE_OR_INVISIBLE = " " + _INVISIBLE
_TEXT = attrgetter("text")
_UNSEEN = object()
_BLOCK = attrgetter("block")


def is_blank(text: str) -> bool:
    """Only whitespace and invisible characters (zero-width spaces, BOM…), or nothing."""
    return not text.lstrip(BLANKS)


@dataclass(slots=True)
class Paragraph:
    element: Element
    runs: list[TextRun]
    # Visible text with runs joined by a space and spaces collapsed (set by the index).
    text: str = ""

    @property
    def blank(self) -> bool:
        """Only whitespace and invisible characters. The collapsed text keeps every
        character that is not whitespace, and separates them by single spaces."""
        return not self.text.lstrip(_SPACE_OR_INVISIBLE)


def paragraphs(article: Article) -> list[Paragraph]:
    """Every `<p>` in document order with the text runs it holds (memoised)."""
    return article.derived(_index)


def _index(article: Article) -> list[Paragraph]:
    found = [Paragraph(p, []) for p in tagged(article, "p")]
    if not found:
        return found
    by_element = {paragraph.element: paragraph for paragraph in found}
    # A run's paragraph is its block's nearest `<p>`: mostly the block itself. Other
    # blocks (a `<div>` of text) are walked up once each, and each walk stops at a block
    # already walked, so deep nesting stays linear.
    owner: dict[Element, Paragraph | None] = {}
    for block, group in groupby(article.runs, key=_BLOCK):
        if block is None:
            continue
        if block.tag == "p":
            paragraph: Paragraph | None = by_element[block]
        else:
            paragraph = owner.get(block, _UNSEEN)  # type: ignore[arg-type]
            if paragraph is _UNSEEN:
                paragraph = _owner(block, owner, by_element)
        if paragraph is not None:
            paragraph.runs.extend(group)
    for paragraph in found:  # S010 compares every text, S009 tests every one
        paragraph.text = " ".join(" ".join(map(_TEXT, paragraph.runs)).split())
    return found


def _owner(block: Element, owner: dict[Element, Paragraph | None],
           by_element: dict[Element, Paragraph]) -> Paragraph | None:
    """The paragraph of the nearest `<p>` at or above `block`, remembered for every
    element on the way."""
    path = []
    node: Element | None = block
    found: Paragraph | None = None
    while node is not None:
        if node.tag == "p":
            found = by_element[node]
            break
        known = owner.get(node, _UNSEEN)  # type: ignore[arg-type]
        if known is not _UNSEEN:
            found = known  # type: ignore[assignment]
            break
        path.append(node)
        node = node.parent
    for step in path:
        owner[step] = found
    return found


def shows_content(article: Article, element: Element) -> bool:
    """Does `element` hold an image, a video or other embedded content?"""
    return element in article.derived(_holding_content)


def _holding_content(article: Article) -> set[Element]:
    """Every element with embedded content inside, marked bottom-up from each embed and
    stopping at an already marked ancestor: linear however deep the body nests."""
    marked: set[Element] = set()
    for tag in SHOWS_CONTENT.intersection(tags_present(article)):
        for element in tagged(article, tag):
            _mark_ancestors(element, marked)
    return marked


def _mark_ancestors(element: Element, marked: set[Element]) -> None:
    node = element.parent
    while node is not None and node not in marked:
        marked.add(node)
        node = node.parent
