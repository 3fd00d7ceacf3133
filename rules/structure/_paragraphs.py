"""Paragraphs and their visible text, indexed once per article for S009 and S010."""

from __future__ import annotations

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
# What is left of a blank text once its spaces are collapsed (`Paragraph.text`).
COLLAPSED_BLANKS = " " + _INVISIBLE
_TEXT = attrgetter("text")


def is_blank(text: str) -> bool:
    """Only whitespace and invisible characters (zero-width spaces, BOM…), or nothing."""
    return not text.lstrip(BLANKS)


class Paragraph:
    """One `<p>`, its runs and its text. Plain slotted classes here and below: creating
    a dataclass costs ~0.3 ms of every start-up."""

    __slots__ = ("element", "runs", "text")

    def __init__(self, element: Element, runs: list[TextRun], text: str = "") -> None:
        self.element = element
        self.runs = runs
        # Visible text with runs joined by a space and spaces collapsed.
        self.text = text

    @property
    def blank(self) -> bool:
        """Only whitespace and invisible characters. The collapsed text keeps every
        character that is not whitespace, and separates them by single spaces."""
        return not self.text.lstrip(COLLAPSED_BLANKS)


class ParagraphIndex:
    """Every `<p>` in document order, at the same positions its text (`Paragraph.text`),
    and the runs of each one holding any. Parallel lists, not an object per paragraph:
    S009 and S010 read the texts of all paragraphs, and little else."""

    __slots__ = ("elements", "texts", "runs")

    def __init__(self, elements: list[Element], texts: list[str],
                 runs: dict[Element, list[TextRun]]) -> None:
        self.elements = elements
        self.texts = texts
        self.runs = runs


def paragraph_index(article: Article) -> ParagraphIndex:
    """The paragraphs' index (memoised)."""
    return article.derived(_index)


def paragraphs(article: Article) -> list[Paragraph]:
    """Every `<p>` in document order with the text runs it holds and its text."""
    index = article.derived(_index)
    return [Paragraph(element, index.runs.get(element, []), text)
            for element, text in zip(index.elements, index.texts)]


def _index(article: Article) -> ParagraphIndex:
    elements = tagged(article, "p")
    grouped: dict[Element, list[TextRun]] = {}
    if not elements:
        return ParagraphIndex(elements, [], grouped)
    # A run's paragraph is its block's nearest `<p>`: mostly the block itself. Other
    # blocks (a `<div>` of text) are walked up once each, and each walk stops at a block
    # already walked, so deep nesting stays linear.
    owner: dict[Element, Element | None] = {}
    for run in article.runs:
        block = run.block
        if block is None:
            continue
        if block.tag != "p":
            block = owner[block] if block in owner else _owner(block, owner)
            if block is None:
                continue
        bucket = grouped.get(block)
        if bucket is None:
            grouped[block] = [run]
        else:
            bucket.append(run)
    return ParagraphIndex(elements, _texts(elements, grouped), grouped)


def _texts(elements: list[Element], grouped: dict[Element, list[TextRun]]) -> list[str]:
    """Each paragraph's runs joined by a space, spaces collapsed. A paragraph of one run
    (most) needs one split, not a join of its texts first."""
    texts = []
    get = grouped.get
    for element in elements:
        runs = get(element)
        if runs is None:
            texts.append("")
        elif len(runs) == 1:
            texts.append(" ".join(runs[0].text.split()))
        else:
            texts.append(" ".join(" ".join(map(_TEXT, runs)).split()))
    return texts


def _owner(block: Element, owner: dict[Element, Element | None]) -> Element | None:
    """The nearest `<p>` at or above `block`, remembered for every element on the way."""
    path = []
    node: Element | None = block
    found: Element | None = None
    while node is not None:
        if node.tag == "p":
            found = node
            break
        if node in owner:
            found = owner[node]
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
