"""H001 html-syntax: one case per kind of problem, with exact positions, messages, fixes."""

from __future__ import annotations

import pytest

from lint import ProblemKind
from rules.html.html_syntax import HtmlSyntax
from tests.support import SAMPLE, article_text, fixed, parse, positions, run


def h001(body: str) -> list[str]:
    return positions(run(HtmlSyntax, article_text(body)))


CASES = [
    ('<div><i>Thu, 14 Dec 2023</i></div><p>正文。<br/>下一行</p><img src="a.jpg"/>', []),
    # unclosed elements: at the start tag
    ("<div><p>x</div>", ["5:6 H001"]),
    ("<p>x", ["5:1 H001"]),
    ("<p>x</p><div><span>", ["5:9 H001", "5:14 H001"]),
    # misnesting: once, at the end tag that comes too late
    ("<p><i>x</p></i>", ["5:12 H001"]),
    ("<p><b><i>x</p></i></b>", ["5:15 H001", "5:19 H001"]),
    # stray end tags, end tags of void elements, attributes on end tags
    ("<p>x</p></div>", ["5:9 H001"]),
    ("<p>a</br>b</p>", ["5:5 H001"]),
    ("<p>x<img src=a></img></p>", ["5:16 H001"]),
    ("<p>x</p class=a>", ["5:5 H001"]),
    ("<p>x</p></>", ["5:9 H001"]),
    # self-closed non-void elements (fine inside svg)
    ("<div/><p>x</p>", ["5:1 H001"]),
    ('<svg><path d="M0 0"/></svg><p>x</p>', []),
    # tag names and attribute syntax
    ('<divclass="x">t</div>', ["5:1 H001"]),
    ("<p><x\"y>z</p>", ["5:4 H001"]),
    ('<p title="a"b">x</p>', ["5:12 H001"]),  # unescaped quote inside the value
    ('<a href="x"target="_blank">y</a>', ["5:12 H001"]),  # no space between attributes
    ('<a href="x"中文>y</a>', ["5:12 H001"]),  # junk after the value
    ("<a href=x\"y>z</a>", ["5:10 H001"]),  # quote in an unquoted value
    ("<p class=>x</p>", ["5:4 H001"]),
    ('<img src="a" / >', ["5:14 H001"]),
    ('<p =x>y</p>', ["5:4 H001"]),
    # unterminated quotes, tags and comments
    ('<p title="x>text</p>', ["5:10 H001"]),
    ('<p>x</p><p title="x', ["5:18 H001"]),
    ("<p>x</p><p", ["5:9 H001"]),
    ("<p>x</p><!-- y", ["5:9 H001"]),
    ("<p>x</p", ["5:5 H001"]),
    # other markup
    ("<!DOCTYPE html><p>x</p>", ["5:1 H001"]),
    ('<?xml version="1.0"?><p>x</p>', ["5:1 H001"]),
    ("<![CDATA[x]]><p>x</p>", ["5:1 H001"]),
    ("<p>a < b</p>", ["5:6 H001"]),
    # character references
    ("<p>&#0;</p>", ["5:4 H001"]),
    ("<p>&#x110000;</p>", ["5:4 H001"]),
    ("<p>&#xD800;</p>", ["5:4 H001"]),
    ("<p>&#128;</p>", ["5:4 H001"]),  # C1 control
    ("<p>&#;&#x;</p>", ["5:4 H001", "5:7 H001"]),
    ("<p>&foo;</p>", ["5:4 H001"]),
    ("<p>AT&amp T</p>", ["5:6 H001"]),
    ("<p>&#39abc</p>", ["5:4 H001"]),
    ("<p>&copy2020</p>", ["5:4 H001"]),
    ('<img src="a.jpg" alt="&foo;">', ["5:23 H001"]),
    # not references, or valid ones
    ('<a href="https://x.org/?a=1&copy=2&b=3">x</a>', []),
    ("<p>AT&T, R&D &amp; &#x4E2D;&#20013;&nbsp;&NotEqualTilde; & x</p>", []),
    ("<p>&#x0000041;</p>", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_positions(body: str, expected: list[str]) -> None:
    assert h001(body) == expected


def test_the_table_covers_every_kind_of_problem() -> None:
    seen = set()
    for body, _ in CASES:
        article = parse(article_text(body))
        assert article.body is not None
        seen.update(problem.kind for problem in article.body.problems)
    assert seen == set(ProblemKind)


def test_positions_on_a_later_line() -> None:
    text = article_text("<p>a\n<i>b</p>")
    assert positions(run(HtmlSyntax, text)) == ["6:1 H001"]


@pytest.mark.parametrize(("body", "message"), [
    ("<div><p>x</div>", "`<p>` opened at 5:6 is never closed before `</div>` at 5:10"),
    ("<p>x", "`<p>` opened at 5:1 is never closed"),
    ("<p><i>x</p></i>", "`</i>` closes `<i>` (opened at 5:4) after `</p>` at 5:8 closed the "
                        "element around it; move `</i>` before `</p>`"),
    ("<p>x</p></div>", "the end tag `</div>` has no open `<div>`; remove it"),
    ("<p>a</br>b</p>", "`</br>`: `<br>` is a void element and takes no end tag; write `<br>`"),
    ('<divclass="x">t</div>', "no space between the element name and the attribute in "
                              "`<divclass`; write `<div class`"),
    ('<p title="a"b">x</p>', "unescaped `\"` inside the value of `title` ends it early; "
                             "write `&quot;` (the value is read up to 5:14)"),
    ("<p>&foo;</p>", "unknown character reference `&foo;`; write `&amp;` for a literal `&`"),
    ("<p>&#x110000;</p>", "`&#x110000;` is not a valid code point (it shows as U+FFFD)"),
])
def test_messages_name_the_element_and_where_it_was_opened(body: str, message: str) -> None:
    (diagnostic,) = run(HtmlSyntax, article_text(body))
    assert diagnostic.message == message


@pytest.mark.parametrize(("before", "after"), [
    ("<p>a</br>b</p>", "<p>a<br>b</p>"),
    ("<p>a<img src=x></img></p>", "<p>a<img src=x></p>"),
    ("<p>AT&amp T &#39x &copy2020</p>", "<p>AT&amp; T &#39;x &copy;2020</p>"),
    ("<p>&foo; &#0;</p>", "<p>&amp;foo; &#0;</p>"),
    ("<p>a < b</p>", "<p>a &lt; b</p>"),
    ('<divclass="x">t</div>', '<divclass="x">t</div>'),  # unsafe: not applied
    ("<p>x</p></div>", "<p>x</p></div>"),
])
def test_safe_fixes(before: str, after: str) -> None:
    assert fixed(HtmlSyntax, article_text(before)) == article_text(after)


@pytest.mark.parametrize(("before", "after"), [
    ('<divclass="x">t</div>', '<div class="x">t</div>'),
    ("<p>x</p></div>", "<p>x</p>"),
    ('<img alt="他说"你好"再见" border="0">', '<img alt="他说&quot;你好&quot;再见" border="0">'),
    ("<img alt='a'b'c'>", "<img alt='a&#39;b&#39;c'>"),
])
def test_unsafe_fixes(before: str, after: str) -> None:
    assert fixed(HtmlSyntax, article_text(before), unsafe=True) == article_text(after)


def test_recovery_keeps_the_rest_of_the_body() -> None:
    """One slip, one diagnostic: the elements after it parse as written."""
    article = parse(article_text(
        '<divclass="a"><img src="x.jpg" alt="他说"你好"再见" border="0"/></div>'
        '<p title="open>文字</p><p>后文</p>'))
    assert article.body is not None
    assert len(article.body.problems) == 3
    div, img, p1, p2 = article.body.elements
    assert (div.tag, div.attr("class")) == ("div", "a") and div.close_start is not None
    assert img.attr("alt") == '他说"你好"再见' and img.attr("border") == "0"
    assert [run.text for run in article.runs] == ["文字", "后文"]
    assert p1.close_start is not None and p2.close_start is not None


def test_the_sample_has_no_syntax_problems() -> None:
    assert run(HtmlSyntax, SAMPLE.read_text(encoding="utf-8")) == []
