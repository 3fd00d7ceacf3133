"""Figures shared by the image and caption rules: which elements are media, which are
captions (in the source profile's caption markup), and what a caption says."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from lint import Article, Element, Profile, TextNode, profile_for
from rules.structure._tags import tagged

MEDIA = frozenset({"img", "video", "audio", "iframe", "picture", "object", "embed", "svg"})
# Wrappers that carry an image without being a figure of their own: `<a><img></a>`.
_WRAPPERS = frozenset({"a", "picture"})
# Containers whose image children stand as figures (not images inside running text).
_FIGURE_PARENTS = frozenset({"div", "figure", "section", "article", "center"})


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
    """`element`'s index among its parent's children. Children are in document order, so
    a binary search on their start offsets finds it (an empty text node may share its
    start: step over those); linear however many figures a parent holds."""
    siblings = _siblings(element)
    index = bisect_left(siblings, element.start, key=_start)
    while index < len(siblings) and siblings[index].start == element.start:
        if siblings[index] is element:
            return index
        index += 1
    # Not where document order puts it (never seen): look the slow way.
    return next((i for i, node in enumerate(siblings) if node is element), -1)


_start = attrgetter("start")


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


Step = tuple[str, str]  # (tag, class or "") of one `>`-separated selector step


@lru_cache(maxsize=64)
def caption_selectors(markup: tuple[str, ...]) -> tuple[tuple[Step, ...], ...]:
    """The profile's caption markup (`div>small`, `span.imageCaption`) as steps, split
    once per profile rather than once per element looked at."""
    selectors = []
    for selector in markup:
        steps = []
        for step in selector.split(">"):
            tag, _, wanted = step.partition(".")
            steps.append((tag, wanted))
        selectors.append(tuple(steps))
    return tuple(selectors)


@lru_cache(maxsize=64)
def caption_tags(markup: tuple[str, ...]) -> frozenset[str]:
    """The tags a caption can start with: any other element is not one."""
    return frozenset(steps[0][0] for steps in caption_selectors(markup))


def caption_text_element(element: Element, profile: Profile) -> Element | None:
    """When `element` is a caption in one of the profile's markups (`div>small`,
    `span.imageCaption`), the innermost element of that markup (the one holding the
    text); else None."""
    if element.tag not in caption_tags(profile.caption_markup):
        return None
    for steps in caption_selectors(profile.caption_markup):
        inner = _match(element, steps)
        if inner is not None:
            return inner
    return None


def _match(element: Element, steps: tuple[Step, ...]) -> Element | None:
    for depth, (tag, wanted) in enumerate(steps):
        if element.tag != tag:
            return None
        if wanted and wanted not in (element.attr("class") or "").split():
            return None
        if depth == len(steps) - 1:
            return element
        only = _only_child(element)
        if only is None:
            return None
        element = only
    return None


def _only_child(element: Element) -> Element | None:
    """The one child element when nothing else but whitespace is inside, else None."""
    only: Element | TextNode | None = None
    for child in element.children:
        if isinstance(child, Element) or not child.is_whitespace:
            if only is not None:
                return None
            only = child
    return only if isinstance(only, Element) else None


def captions(article: Article) -> dict[Element, Element]:
    """Every caption in the profile's caption markup, mapped to its text element, in
    document order (memoised: S007 and S008 both look for them)."""
    return article.derived(_captions)


def _captions(article: Article) -> dict[Element, Element]:
    profile = profile_for(article)
    tags = caption_tags(profile.caption_markup)
    # Only elements of the tags a caption starts with, in document order.
    candidates = [element for tag in tags for element in tagged(article, tag)]
    if len(tags) > 1:
        candidates.sort(key=_start)
    found: dict[Element, Element] = {}
    for element in candidates:
        inner = caption_text_element(element, profile)
        if inner is not None:
            found[element] = inner
    return found


# An `<img>`, its figure unit (None inside running text) and the caption right after
# that unit, as (caption element, its text element), or None.
Figure = tuple[Element, Element | None, tuple[Element, Element] | None]


def figures(article: Article) -> list[Figure]:
    """Every `<img>` in document order as a `Figure` (memoised: S007 and S008 both ask
    where each image's caption is)."""
    return article.derived(_figure_list)


def _figure_list(article: Article) -> list[Figure]:
    images = tagged(article, "img")
    if not images:
        return []
    found = captions(article)
    result: list[Figure] = []
    for image in images:
        unit = figure_unit(image)
        caption = None
        if unit is not None:
            following = next_element(article, unit)
            if following is not None and following in found:
                caption = (following, found[following])
        result.append((image, unit, caption))
    return result


def caption_text(article: Article, inner: Element) -> str:
    """`visible_text` of a caption's text element, memoised per article (S007 uses it
    as `alt`, S008 tests that it is not blank)."""
    memo = article.derived(_caption_texts)
    text = memo.get(inner)
    if text is None:
        text = memo[inner] = visible_text(article, inner)
    return text


def _caption_texts(article: Article) -> dict[Element, str]:
    return {}


def visible_text(article: Article, element: Element) -> str:
    """The visible text inside `element`, runs joined by a space, spaces collapsed."""
    start, end = element.content_start, element.content_end
    runs = article.runs
    pieces = []
    # Runs are in document order: a binary search finds the first (log n key reads, no
    # list of every run's start built per article).
    for index in range(bisect_left(runs, start, key=_run_start), len(runs)):
        run = runs[index]
        if run.start >= end:
            break
        if run.end <= end:
            pieces.append(run.text)
    return " ".join(" ".join(pieces).split())


_run_start = attrgetter("start")
