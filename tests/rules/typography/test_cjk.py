"""The shared definition of Chinese context (rules/typography/_cjk.py)."""

from __future__ import annotations

import pytest

from rules.typography._cjk import (
    find_urls,
    is_cjk,
    is_fullwidth_punctuation,
    is_headline_like,
    quote,
)
from rules.typography._index import texts
from tests.support import article_text, parse


@pytest.mark.parametrize("char", ["中", "〇", "々", "㐀", "𠀀", "あ", "カ", "ㄅ", "丽", "⺀"])
def test_cjk_letters(char: str) -> None:
    assert is_cjk(char)


@pytest.mark.parametrize("char", ["a", "1", "，", "・", "·", "가", "Ａ", " ", "\u3000", "“"])
def test_not_cjk_letters(char: str) -> None:
    assert not is_cjk(char)


@pytest.mark.parametrize("char", ["，", "。", "、", "（", "）", "《", "》", "「", "：", "？", "・"])
def test_fullwidth_punctuation(char: str) -> None:
    assert is_fullwidth_punctuation(char)


@pytest.mark.parametrize("char", ["Ａ", "１", "ａ", ",", "中", "“", "\u3000"])
def test_not_fullwidth_punctuation(char: str) -> None:
    assert not is_fullwidth_punctuation(char)


@pytest.mark.parametrize(("text", "urls"), [
    ("见https://x.com/a?b=1。和", ["https://x.com/a?b=1"]),
    ("(www.voa.com)及", ["www.voa.com"]),
    ("写信到a.b@c.com, 谢谢", ["a.b@c.com"]),
    ("https://en.wikipedia.org/wiki/A_(b)。", ["https://en.wikipedia.org/wiki/A_(b)"]),
    ("1,000人在3:30到达", []),
    ("邮箱@不是地址", []),
])
def test_find_urls(text: str, urls: list[str]) -> None:
    assert [text[a:b] for a, b in find_urls(text)] == urls


def test_find_urls_is_linear_on_many_anchors() -> None:
    text = "a@" * 50_000 + "://" * 50_000
    assert isinstance(find_urls(text), list)


def test_texts_hold_the_title_then_the_runs() -> None:
    article = parse(article_text("<p>正文<b>加粗</b>继续</p><p>第二段</p>"))
    found = texts(article)
    assert found[0].is_title and found[0].text == article.header.title.value  # type: ignore[union-attr]
    assert [t.text for t in found[1:]] == ["正文加粗继续", "第二段"]
    title = found[0]
    start, end = title.span(0, 2)
    assert article.text[start:end] == title.text[:2]
    # Shared by the rules of one article: the same objects every time.
    assert all(again is first for again, first in zip(texts(article), found, strict=True))


def test_edit_span_covers_whole_references_only() -> None:
    article = parse(article_text("<p>中&nbsp;文&amp;字</p>"))
    run = texts(article)[1]
    assert run.text == "中\u00a0文&字"
    start, end = run.edit_span(1, 2)  # type: ignore[misc]
    assert article.text[start:end] == "&nbsp;"
    assert run.edit_span(0, 1) is not None


def test_headline_like() -> None:
    assert is_headline_like("示威规模前所未有 警察旁观")
    assert not is_headline_like("荣剑 最近表示，他的微信被封。")


def test_quote_shortens_long_snippets() -> None:
    assert quote("abc") == "`abc`"
    assert quote("x" * 100).count("…") == 1
