"""The body's elements grouped by tag, once per article: several structure rules look
for every `<p>` or `<img>`, and each `article.elements(tag)` walks all the elements."""

from __future__ import annotations

from collections.abc import KeysView
from itertools import groupby
from operator import attrgetter

from lint import Article, Element

_TAG = attrgetter("tag")


def tagged(article: Article, tag: str) -> list[Element]:
    """Every body element with this tag, in document order."""
    return article.derived(_by_tag).get(tag, [])


def tags_present(article: Article) -> KeysView[str]:
    """The tags of the body's elements."""
    return article.derived(_by_tag).keys()


def _by_tag(article: Article) -> dict[str, list[Element]]:
    # A stable sort by tag keeps document order within each tag; sorting and grouping
    # run in C, so the Python work is per tag, not per element.
    ordered = sorted(article.elements(), key=_TAG)
    return {tag: list(group) for tag, group in groupby(ordered, key=_TAG)}
