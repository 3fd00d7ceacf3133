"""The body's elements grouped by tag, once per article: several structure rules look
for every `<p>` or `<img>`, and each `article.elements(tag)` walks all the elements."""

from __future__ import annotations

from collections.abc import KeysView

from lint import Article, Element


def tagged(article: Article, tag: str) -> list[Element]:
    """Every body element with this tag, in document order."""
    return article.derived(_by_tag).get(tag, [])


def tags_present(article: Article) -> KeysView[str]:
    """The tags of the body's elements."""
    return article.derived(_by_tag).keys()


def _by_tag(article: Article) -> dict[str, list[Element]]:
    # One loop in document order. (A sort and `groupby` keyed by `attrgetter`, run in C,
    # cost four times as much on Python 3.11: an attribute read in the loop is
    # specialised, a call of `attrgetter` per element is not.)
    groups: dict[str, list[Element]] = {}
    for element in article.elements():
        tag = element.tag
        group = groups.get(tag)
        if group is None:
            groups[tag] = [element]
        else:
            group.append(element)
    return groups
