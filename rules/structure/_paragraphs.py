"""Paragraphs and their visible text, indexed once per article for S009 and S010."""

from __future__ import annotations

from dataclasses import dataclass

from lint import Article, Element, TextRun

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


def is_blank(text: str) -> bool:
    """Only whitespace and invisible characters (zero-width spaces, BOM…), or nothing."""
    return not text.lstrip(BLANKS)


@dataclass(slots=True)
class Paragraph:
    element: Element
    runs: list[TextRun]

    @property
    def text(self) -> str:
        """Visible text with runs joined by a space and spaces collapsed."""
        runs = self.runs
        if len(runs) == 1:
            return " ".join(runs[0].text.split())
        return " ".join(" ".join([run.text for run in runs]).split())

    @property
    def blank(self) -> bool:
        for run in self.runs:
            if run.text.lstrip(BLANKS):
                return False
        return True


def paragraphs(article: Article) -> list[Paragraph]:
    """Every `<p>` in document order with the text runs it holds (memoised)."""
    return article.derived(_index)


def _index(article: Article) -> list[Paragraph]:
    found = [Paragraph(p, []) for p in article.elements("p")]
    if not found:
        return found
    by_element = {paragraph.element: paragraph for paragraph in found}
    # A run's paragraph is its block's nearest `<p>` (or the block itself): runs share a
    # handful of blocks, so each block's walk up is done once.
    owner: dict[Element | None, Paragraph | None] = {None: None}
    for run in article.runs:
        block = run.block
        try:
            paragraph = owner[block]
        except KeyError:
            node = block
            while node is not None and node.tag != "p":
                node = node.parent
            paragraph = owner[block] = None if node is None else by_element[node]
        if paragraph is not None:
            paragraph.runs.append(run)
    return found


def shows_content(article: Article, element: Element) -> bool:
    """Does `element` hold an image, a video or other embedded content?"""
    return element in article.derived(_holding_content)


def _holding_content(article: Article) -> set[Element]:
    """Every element with embedded content inside, marked bottom-up from each embed and
    stopping at an already marked ancestor: linear however deep the body nests."""
    marked: set[Element] = set()
    for element in article.elements(*SHOWS_CONTENT):
        node = element.parent
        while node is not None and node not in marked:
            marked.add(node)
            node = node.parent
    return marked
