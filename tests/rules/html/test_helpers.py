"""The HTML family's shared helpers agree with the definitions they speed up."""

from __future__ import annotations

import itertools

import pytest

from rules.html._context import element_context, misplaced_blocks
from rules.html._urls import scheme_of
from tests.support import article_text, parse


def _scheme_by_definition(value: str) -> str:
    colon = value.find(":")
    if colon <= 0:
        return ""
    scheme = value[:colon]
    if not scheme[0].isascii() or not scheme[0].isalpha():
        return ""
    if not all(char.isascii() and (char.isalnum() or char in "+-.") for char in scheme):
        return ""
    return scheme


def test_scheme_of_matches_its_definition() -> None:
    alphabet = "aZ0+-.:/é\u212a\t x_"
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            value = "".join(chars)
            assert scheme_of(value) == _scheme_by_definition(value), value
    for value in ("javascript:alert(1)", "https://a.b/c", "data:text/html,x", "a+b.c-d:x",
                  "1http:x", ":x", "jav ascript:x", "ｊavascript:x"):
        assert scheme_of(value) == _scheme_by_definition(value), value


@pytest.mark.parametrize("body", [
    "<p>a<div>b</div></p><div><a href='x'><div>c</div></a></div>",
    "<p><a><ins><a><div>d</div></a></ins></a></p><span><ul><li>e</li></ul></span>",
    "<i><svg><g><div>f</div></g></svg><div>g</div></i><h2><p>h</p></h2>",
    "<div><p>i</p><blockquote>j</blockquote></div><a><p>k</p></a>",
])
def test_misplaced_blocks_agree_with_the_element_context(body: str) -> None:
    """H002 tests only the blocks and their parents: the same blocks, with the same
    containers, as the full context map says."""
    article = parse(article_text(body))
    context = element_context(article)
    expected = [(element, outer) for element, outer in context.phrasing_parent.items()
                if element.is_block and element not in context.foreign]
    assert misplaced_blocks(article) == expected


@pytest.mark.parametrize("value", ["http://a.b/c", "https://x", "http://\tjavascript:x",
                                   "https://\x00data:text/html,x ", "http://"])
def test_web_urls_have_a_web_scheme(value: str) -> None:
    """H004 skips values starting `http://` or `https://` without normalising them: as
    normalised, their scheme is `http`/`https`, which it never reports."""
    from rules.html._urls import normalise

    assert scheme_of(normalise(value)) in ("http", "https")
