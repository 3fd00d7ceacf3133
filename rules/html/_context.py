"""What constrains each element's content, computed once per article and shared by the
H rules (`article.derived(element_context)`): one pass in document order, so 100,000
nested elements cost 100,000 steps, not a walk up the ancestors for each."""

from __future__ import annotations

from dataclasses import dataclass

from lint import Article, Element


@dataclass(frozen=True, slots=True)
class ElementContext:
    # For each element: the nearest element that allows only phrasing content around it
    # (through transparent elements such as `<a>`), or None when it may hold blocks.
    phrasing_parent: dict[Element, Element | None]
    # Elements inside `<svg>` or `<math>` (foreign content: not HTML names or rules).
    foreign: frozenset[Element]


def element_context(article: Article) -> ElementContext:
    constraint: dict[Element, Element | None] = {}  # what constrains an element's children
    phrasing_parent: dict[Element, Element | None] = {}
    foreign: set[Element] = set()
    for element in article.elements():  # parents always come before their children
        parent = element.parent
        outer = constraint.get(parent) if parent is not None else None
        phrasing_parent[element] = outer
        if parent is not None and (parent in foreign or parent.is_foreign_root):
            foreign.add(element)
        if element.holds_phrasing_only:
            constraint[element] = element
        elif element.is_transparent:
            constraint[element] = outer
        else:
            constraint[element] = None
    return ElementContext(phrasing_parent, frozenset(foreign))
