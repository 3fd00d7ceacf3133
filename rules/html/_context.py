"""What constrains each element's content, computed once per article and shared by the
H rules (`article.derived(element_context)`): one pass in document order, so 100,000
nested elements cost 100,000 steps, not a walk up the ancestors for each."""

from __future__ import annotations

from dataclasses import dataclass

from lint import Article, Element


@dataclass(frozen=True, slots=True)
class ElementContext:
    # The elements that have a nearest element allowing only phrasing content around them
    # (through transparent elements such as `<a>`), mapped to it, in document order; an
    # element that may hold blocks is absent (`.get` gives None).
    phrasing_parent: dict[Element, Element]
    # Elements inside `<svg>` or `<math>` (foreign content: not HTML names or rules).
    foreign: frozenset[Element]


def element_context(article: Article) -> ElementContext:
    # What constrains an element's children; absent when nothing does (most elements), so
    # that the common case costs one lookup and no insertion.
    constraint: dict[Element, Element] = {}
    phrasing_parent: dict[Element, Element] = {}
    foreign: set[Element] = set()
    for element in article.elements():  # parents always come before their children
        parent = element.parent
        outer = constraint.get(parent) if parent is not None else None
        if outer is not None:
            phrasing_parent[element] = outer
        if parent is not None and (parent in foreign or parent.is_foreign_root):
            foreign.add(element)
        if element.holds_phrasing_only:
            constraint[element] = element
        elif outer is not None and element.is_transparent:
            constraint[element] = outer
    return ElementContext(phrasing_parent, frozenset(foreign))
