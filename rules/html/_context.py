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


class TagKinds:
    """The body's tags (each with one element of that tag, in order of first use) and
    which of them are blocks, allow only phrasing content, are transparent or foreign
    roots. Content models depend on the tag alone: one element of each tag is asked
    instead of every element, and H002 and H005 share the one pass."""

    __slots__ = ("samples", "blocks", "phrasing", "transparent", "roots")

    def __init__(self, samples: dict[str, Element]) -> None:
        self.samples = samples
        self.blocks: set[str] = set()
        self.phrasing: set[str] = set()
        self.transparent: set[str] = set()
        self.roots: set[str] = set()
        for tag, sample in samples.items():
            block, phrasing, transparent, root = _kind(tag, sample)
            if block:
                self.blocks.add(tag)
            if phrasing:
                self.phrasing.add(tag)
            if transparent:
                self.transparent.add(tag)
            if root:
                self.roots.add(tag)


def tag_kinds(article: Article) -> TagKinds:
    """The body's `TagKinds` (memoised)."""
    return article.derived(_tag_kinds)


def _tag_kinds(article: Article) -> TagKinds:
    # (The mapping is built in one comprehension.)
    return TagKinds({element.tag: element for element in article.elements()})


Kind = tuple[bool, bool, bool, bool]
# Each tag's `Kind` as its elements' properties tell it (the same for every element of a
# tag), asked once per tag name and process rather than three properties per tag and
# file: a pure function of the name, bounded so that made-up tags cannot grow it without
# end.
_KINDS: dict[str, Kind] = {}


def _kind(tag: str, sample: Element) -> Kind:
    kind = _KINDS.get(tag)
    if kind is None:
        kind = (sample.is_block, sample.holds_phrasing_only, sample.is_transparent,
                sample.is_foreign_root)
        if len(_KINDS) < 1024:
            _KINDS[tag] = kind
    return kind


def element_context(article: Article) -> ElementContext:
    elements = list(article.elements())
    kinds = tag_kinds(article)
    # Tags tested against plain sets.
    phrasing, transparent, roots = kinds.phrasing, kinds.transparent, kinds.roots
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
    kinds = tag_kinds(article)
    blocks = kinds.blocks
    if not blocks:
        return []
    phrasing, transparent = kinds.phrasing, kinds.transparent
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
    if found and kinds.roots:
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
