"""Figures shared by the image and caption rules: which elements are media, which are
captions (in the source profile's caption markup), and what a caption says."""

from __future__ import annotations

from bisect import bisect_left

from lint import Article, Element, Profile, TextNode

MEDIA = frozenset({"img", "video", "audio", "iframe", "picture", "object", "embed", "svg"})
# Wrappers that carry an image without being a figure of their own: `<a><img></a>`.
_WRAPPERS = frozenset({"a", "picture"})
# Containers whose image children stand as figures (not images inside running text).
_FIGURE_PARENTS = frozenset({"div", "figure", "section", "article", "center"})
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def next_element(article: Article, element: Element) -> Element | None:
    """The next sibling element, when only whitespace separates the two."""
    siblings = _siblings(element)
    for position in range(_index(article, element) + 1, len(siblings)):
        node = siblings[position]
        if isinstance(node, Element):
            return node
        if not node.is_whitespace:
            return None
    return None


def previous_element(article: Article, element: Element) -> Element | None:
    """The previous sibling element, when only whitespace separates the two."""
    siblings = _siblings(element)
    for position in range(_index(article, element) - 1, -1, -1):
        node = siblings[position]
        if isinstance(node, Element):
            return node
        if not node.is_whitespace:
            return None
    return None


def _siblings(element: Element) -> list[Element | TextNode]:
    return element.parent.children if element.parent is not None else []


def _index(article: Article, element: Element) -> int:
    return article.derived(_sibling_indexes).get(element, -1)


def _sibling_indexes(article: Article) -> dict[Element, int]:
    """Each element's index among its parent's children, built once per article so that
    looking at neighbours stays linear however many figures a body holds."""
    indexes: dict[Element, int] = {}
    if article.body is None:
        return indexes
    for parent in [article.body.root, *article.elements()]:
        for index, node in enumerate(parent.children):
            if isinstance(node, Element):
                indexes[node] = index
    return indexes


def figure_unit(image: Element) -> Element | None:
    """The element that stands for `image` among its siblings (the image itself or an
    `<a>`/`<picture>` that holds only it), when the image is a figure: directly in the
    body or in a block container, not inside running text."""
    unit = image
    while (unit.parent is not None and unit.parent.tag in _WRAPPERS
           and len(unit.parent.element_children()) == 1):
        unit = unit.parent
    parent = unit.parent
    if parent is None or parent.parent is None or parent.tag in _FIGURE_PARENTS:
        return unit
    return None


def holds_media(element: Element) -> bool:
    if element.tag in MEDIA:
        return True
    if element.tag in _WRAPPERS:
        children = element.element_children()
        return bool(children) and holds_media(children[-1])
    return False


def caption_text_element(element: Element, profile: Profile) -> Element | None:
    """When `element` is a caption in one of the profile's markups (`div>small`,
    `span.imageCaption`), the innermost element of that markup (the one holding the
    text); else None."""
    for selector in profile.caption_markup:
        inner = _match(element, selector.split(">"))
        if inner is not None:
            return inner
    return None


def _match(element: Element, steps: list[str]) -> Element | None:
    tag, _, wanted = steps[0].partition(".")
    if element.tag != tag:
        return None
    if wanted and wanted not in (element.attr("class") or "").split():
        return None
    if len(steps) == 1:
        return element
    children = [c for c in element.children if isinstance(c, Element) or not c.is_whitespace]
    if len(children) != 1 or not isinstance(children[0], Element):
        return None
    return _match(children[0], steps[1:])


def caption_after(article: Article, unit: Element,
                  profile: Profile) -> tuple[Element, Element] | None:
    """(caption element, its text element) right after a figure unit, or None."""
    following = next_element(article, unit)
    if following is None:
        return None
    inner = caption_text_element(following, profile)
    return None if inner is None else (following, inner)


def visible_text(article: Article, element: Element) -> str:
    """The visible text inside `element`, runs joined by a space, spaces collapsed."""
    start, end = element.content_start, element.content_end
    runs = article.runs
    pieces = []
    for index in range(bisect_left(article.derived(_run_starts), start), len(runs)):
        run = runs[index]
        if run.start >= end:
            break
        if run.end <= end:
            pieces.append(run.text)
    return " ".join(" ".join(pieces).split())


def _run_starts(article: Article) -> list[int]:
    return [run.start for run in article.runs]


def is_blank(text: str) -> bool:
    return all(char.isspace() or char in _INVISIBLE for char in text)
