"""Paragraphs and their visible text, indexed once per article for S009 and S010."""

from __future__ import annotations

from dataclasses import dataclass

from lint import Article, Element, TextRun

# Elements that show something without text: a paragraph holding one is not empty.
SHOWS_CONTENT = frozenset({"img", "video", "audio", "iframe", "picture", "object", "embed",
                           "svg", "canvas", "math", "input", "button", "select", "textarea",
                           "meter", "progress"})
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


@dataclass(slots=True)
class Paragraph:
    element: Element
    runs: list[TextRun]

    @property
    def text(self) -> str:
        """Visible text with runs joined by a space and spaces collapsed."""
        return " ".join(" ".join(run.text for run in self.runs).split())

    @property
    def blank(self) -> bool:
        return all(char.isspace() or char in _INVISIBLE
                   for run in self.runs for char in run.text)


def paragraphs(article: Article) -> list[Paragraph]:
    """Every `<p>` in document order with the text runs it holds (memoised)."""
    return article.derived(_index)


def _index(article: Article) -> list[Paragraph]:
    found = [Paragraph(p, []) for p in article.elements("p")]
    by_element = {paragraph.element: paragraph for paragraph in found}
    for run in article.runs:
        node = run.block
        while node is not None and node.tag != "p":
            node = node.parent
        if node is not None:
            by_element[node].runs.append(run)
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
