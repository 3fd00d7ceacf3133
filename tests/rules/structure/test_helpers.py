"""The structure family's shared helpers agree with the definitions they speed up."""

from __future__ import annotations

import sys

import pytest

from rules.structure._paragraphs import _WHITESPACE, is_blank, paragraphs
from rules.structure._figures import _index, caption_selectors, caption_text_element
from lint import DEFAULT_PROFILES
from tests.support import article_text, parse


def test_the_whitespace_list_is_what_isspace_accepts() -> None:
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace())
    assert sorted(_WHITESPACE) == sorted(every)


@pytest.mark.parametrize("text", ["", " ", "\u3000\t\n", "\u200b", " \ufeff \u2060 ", "a",
                                  " \u200b x", "\u00a0", "\u200e", "·"])
def test_is_blank_is_whitespace_or_invisible(text: str) -> None:
    invisible = "\u200b\u200c\u200d\u2060\ufeff"
    assert is_blank(text) == all(char.isspace() or char in invisible for char in text)


def test_sibling_index_per_parent() -> None:
    article = parse(article_text('<div><p>a</p> <img src="x"> <p>b</p></div><p>c</p>'))
    for element in article.elements():
        siblings = element.parent.children if element.parent is not None else []
        expected = next(i for i, node in enumerate(siblings) if node is element)
        assert _index(article, element) == expected


def test_caption_selectors_split_tags_and_classes() -> None:
    assert caption_selectors(("div>small", "span.imageCaption")) == (
        (("div", ""), ("small", "")), (("span", "imageCaption"),))


def test_caption_markup_needs_the_only_child() -> None:
    voa = DEFAULT_PROFILES["voa"]
    body = ('<div><small>说明</small></div><div> <small>说明</small> </div>'
            '<div><small>a</small><small>b</small></div><div>x<small>c</small></div>')
    article = parse(article_text(body))
    found = [caption_text_element(e, voa) for e in article.elements("div")]
    assert [e is not None for e in found] == [True, True, False, False]


@pytest.mark.parametrize("body", [
    "<p> </p>", "<p>\u200b</p>", "<p>&nbsp;\ufeff</p>", "<p>a</p>", "<p> <b> </b>\u3000</p>",
    "<p><i>\u200b</i> x</p>", "<p></p>", "<p><br>\u2060<br></p>", "<p>\u200e</p>",
])
def test_paragraph_blank_is_whitespace_or_invisible_runs(body: str) -> None:
    invisible = "\u200b\u200c\u200d\u2060\ufeff"
    article = parse(article_text(body))
    for paragraph in paragraphs(article):
        expected = all(char.isspace() or char in invisible
                       for run in paragraph.runs for char in run.text)
        assert paragraph.blank == expected
        assert paragraph.text == " ".join(" ".join(r.text for r in paragraph.runs).split())


@pytest.mark.parametrize("body", [
    "<p>a<br>b</p><div>c<p>d</p>e</div><p><span>f</span><i>g</i></p>",
    "<div><div>x</div><p>y<div>z</div>w</p></div><p></p><p> </p>",
    "<p><b>a</b><div><div>b</div></div>c</p>x<p><br></p>",
])
def test_paragraph_index_owns_each_run_by_its_nearest_paragraph(body: str) -> None:
    """The index groups runs without a walk per run: the same grouping as the
    definition (a run belongs to the nearest `<p>` at or above its block)."""
    article = parse(article_text(body))

    def nearest(node: object) -> object:
        while node is not None and getattr(node, "tag", None) != "p":
            node = node.parent  # type: ignore[attr-defined]
        return node

    found = paragraphs(article)
    assert [p.element for p in found] == list(article.elements("p"))
    for paragraph in found:
        assert paragraph.runs == [r for r in article.runs if nearest(r.block) is paragraph.element]


def test_is_size_matches_its_definition() -> None:
    """S006's size test, written with string methods, accepts what the pattern
    `[0-9]+(\\.[0-9]+)?%` or `[0-9]+` accepts, and nothing else."""
    import itertools
    import re

    from rules.structure.image import is_size

    definition = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?%|[0-9]+)\Z")
    for length in range(6):
        for chars in itertools.product("05.%x²٣ ", repeat=length):
            value = "".join(chars)
            assert is_size(value) == bool(definition.match(value)), value


@pytest.mark.parametrize("url", [
    "https://www.voachinese.com/a/x-20231213/7397500.html", "http://a.b", "https://A.B/c",
    "https://gdb.voanews.com/x.jpg?w=1#f", "https://a.b?x", "https://a.b#x", "https://",
    "http:///x", "https://user@a.b/", "https://a.b:80/", "https://[::1]/", "https://a.b\t/",
    "HTTPS://a.b/", "https:/a.b", "ftp://a.b/", "https://例子.cn/", "https://a_b.c/",
    " https://a.b/", "https://a.b /", "//a.b/x", "https://.../", "https://a%41.b/",
])
def test_plain_web_host_is_urlsplit_hostname(url: str) -> None:
    """The fast host of S002 is urlsplit's, for http(s) URLs; None sends the rest
    to urlsplit."""
    from urllib.parse import urlsplit

    from rules.structure._urls import plain_web_host

    host = plain_web_host(url)
    if host is not None:
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and parts.hostname == host


def test_plain_web_host_agrees_on_every_short_url() -> None:
    import itertools
    from urllib.parse import urlsplit

    from rules.structure._urls import plain_web_host

    for length in range(5):
        for chars in itertools.product("aZ.-/?#:@[ ", repeat=length):
            url = "https://" + "".join(chars)
            host = plain_web_host(url)
            if host is not None:
                assert urlsplit(url).hostname == host, url
    assert plain_web_host("https://a.b/") == "a.b"
    assert plain_web_host("http://Www.X-1.com/?q") == "www.x-1.com"
    assert plain_web_host("http://a.b?q") is None  # (left to urlsplit)


def test_only_right_weekday_never_hides_a_wrong_one() -> None:
    """S005's shortcut says "nothing to report" only where `weekday_tokens` finds no
    weekday other than the date's."""
    import itertools

    from lint import weekday_tokens
    from rules.structure.date_weekday import _only_right

    pieces = ["Thu", "thursday", "TUE", "Mon", "sat", "urday", ", ", "1", "x", "星期四",
              "周二", "ſun", "Wed"]
    said_yes = 0
    for count in range(4):
        for chosen in itertools.product(pieces, repeat=count):
            raw = "".join(chosen)
            found = weekday_tokens(raw)
            for actual in range(7):
                if _only_right(raw, actual):
                    said_yes += 1
                    assert all(token.index == actual for token in found), (raw, actual)
    assert said_yes > 1000
