"""What constrains each element's content, computed once per article and shared by the
H rules (`article.derived(element_context)`): one pass in document order, so 100,000
nested elements cost 100,000 steps, not a walk up the ancestors for each."""

from __future__ import annotations

from lint import Article, Element


class ElementContext:
    """A plain slotted class: creating a dataclass costs ~0.3 ms of every start-up."""

    __slots__ = ("phrasing_parent", "foreign")

    def __init__(self, phrasing_parent: dict[Element, Element],
                 foreign: frozenset[Element]) -> None:
        # The elements that have a nearest element allowing only phrasing content around
        # them (through transparent elements such as `<a>`), mapped to it, in document
        # order; an element that may hold blocks is absent (`.get` gives None).
        self.phrasing_parent = phrasing_parent
        # Elements inside `<svg>` or `<math>` (foreign content: not HTML names or rules).
        self.foreign = foreign


def element_context(article: Article) -> ElementContext:
    elements = list(article.elements())
    # Content models depend on the tag alone: ask one element of each tag (the mapping is
    # built in one comprehension) instead of every element, then test tags against plain
    # sets.
    samples = {element.tag: element for element in elements}
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


def misplaced_blocks(article: Article) -> list[tuple[Element, Element]]:
    """(block, the element allowing only phrasing content around it) for each block
    element in such a place, in document order, foreign content left out: what
    `element_context` says of the blocks alone. A block's parent is tested first (a
    set look-up), so the usual body, whose blocks sit in the body or in a `<div>`,
    costs no map of every element."""
    elements = article.body.elements if article.body is not None else []
    samples = {element.tag: element for element in elements}
    blocks = {tag for tag, sample in samples.items() if sample.is_block}
    if not blocks:
        return []
    phrasing = {tag for tag, sample in samples.items() if sample.holds_phrasing_only}
    transparent = {tag for tag, sample in samples.items() if sample.is_transparent}
    inside = phrasing | transparent  # a block elsewhere is in place
    found = []
    memo: dict[Element, Element | None] = {}
    # Only blocks in a phrasing-only or transparent parent (every element has a parent:
    # the root, at least) are looked at further.
    candidates = [element for element in elements if element.tag in blocks
                  and element.parent.tag in inside]  # type: ignore[union-attr]
    for element in candidates:
        outer = _constraint(element.parent, phrasing, transparent, memo)  # type: ignore[arg-type]
        if outer is not None:
            found.append((element, outer))
    if found and any(sample.is_foreign_root for sample in samples.values()):
        foreign = article.derived(element_context).foreign
        found = [pair for pair in found if pair[0] not in foreign]
    return found


def _constraint(node: Element, phrasing: set[str], transparent: set[str],
                memo: dict[Element, Element | None]) -> Element | None:
    """The element that allows only phrasing content in `node` (itself, or through
    transparent elements its nearest such ancestor), or None; remembered for each
    transparent element walked, so that nested `<a>`s are walked once."""
    path = []
    found: Element | None = None
    current: Element | None = node
    while current is not None:
        tag = current.tag
        if tag in phrasing:
            found = current
            break
        if tag not in transparent:
            break
        if current in memo:
            found = memo[current]
            break
        path.append(current)
        current = current.parent
    for step in path:
        memo[step] = found
    return found
