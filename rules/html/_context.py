"""What constrains each element's content, computed once per article and shared by the
H rules (`article.derived(element_context)`): one pass in document order, so 100,000
nested elements cost 100,000 steps, not a walk up the ancestors for each."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from lint import Article, Element

_TAG = attrgetter("tag")


@dataclass(frozen=True, slots=True)
class ElementContext:
    # The elements that have a nearest element allowing only phrasing content around them
    # (through transparent elements such as `<a>`), mapped to it, in document order; an
    # element that may hold blocks is absent (`.get` gives None).
    phrasing_parent: dict[Element, Element]
    # Elements inside `<svg>` or `<math>` (foreign content: not HTML names or rules).
    foreign: frozenset[Element]


def element_context(article: Article) -> ElementContext:
    elements = list(article.elements())
    # Content models depend on the tag alone: ask one element of each tag (the mapping is
    # built in C) instead of every element, then test tags against plain sets.
    samples = dict(zip(map(_TAG, elements), elements))
    phrasing = {tag for tag, sample in samples.items() if sample.holds_phrasing_only}
    transparent = {tag for tag, sample in samples.items() if sample.is_transparent}
    roots = {tag for tag, sample in samples.items() if sample.is_foreign_root}
    # What constrains an element's children; absent when nothing does (most elements), so
    # that the common case costs one lookup and no insertion.
    constraint: dict[Element, Element] = {}
    phrasing_parent: dict[Element, Element] = {}
    for element in elements:  # parents always come before their children
        outer = constraint.get(element.parent)  # type: ignore[arg-type]
        if outer is not None:
            phrasing_parent[element] = outer
        tag = element.tag
        if tag in phrasing:
            constraint[element] = element
        elif outer is not None and tag in transparent:
            constraint[element] = outer
    return ElementContext(phrasing_parent, _foreign(elements, roots) if roots else frozenset())


def _foreign(elements: list[Element], roots: set[str]) -> frozenset[Element]:
    """Elements inside an element whose tag is in `roots` (`<svg>`, `<math>`)."""
    foreign: set[Element] = set()
    holders: set[Element] = set()  # foreign roots and foreign elements: their children are
    for element in elements:
        if element.parent in holders:
            foreign.add(element)
            holders.add(element)
        elif element.tag in roots:
            holders.add(element)
    return frozenset(foreign)
