"""A checked article is freed by reference counting (`Article.release`), not left to the
cycle collector: a long run otherwise spends its collections scanning the trees of many
files. With the collector off, checking files must leave no unreachable object behind."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lint import SourceText
from lint.engine import check_bytes
from lint.fix_run import lint_text
from lint.registry import Registry
from lint.settings import Selection, build_settings
from tests.support import article_text

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = build_settings(Registry.default(), Selection(["ALL"], (), ()), None)
# Real articles, and bodies that take the parser's careful paths (quotes inside values,
# a `<` in a quoted value, unclosed and stray tags, a comment, raw text, foreign content).
TEXTS = [path.read_text(encoding="utf-8") for path in sorted(
    [*ROOT.glob("examples/*.md"), *ROOT.glob("tests/fixtures/voa/*.md")])[:40]] + [
    article_text('<p title="a "b" c">x</p><p><img alt="1 < 2" src=x.jpg></p>'),
    article_text("<div><p>未闭合<b>粗体</p></i><!-- 注释 --><script>if (a<b) {}</script>"),
    article_text("<p>简·阿恰克扎伊（an Achakzai）<svg><p>x</p></svg><math><mi>y"),
    article_text("<p>中文 (English) 句子。<a href='x' href='y'>链接</a></p>"),
]


@contextmanager
def _collector_off() -> Iterator[None]:
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unreachable_after(check: Callable[[str, str], object]) -> int:
    for number, text in enumerate(TEXTS):  # once first: validators, caches, tables
        check(f"{number}.md", text)
    with _collector_off():
        for number, text in enumerate(TEXTS):
            check(f"{number}.md", text)
        return gc.collect()


@pytest.mark.parametrize("check", [
    lambda path, text: check_bytes(path, text.encode(), SETTINGS.rules),
    lambda path, text: lint_text(path, SourceText(text), SETTINGS, frozenset()),
], ids=["check_bytes", "lint_text"])
def test_checking_leaves_no_cycles(check: Callable[[str, str], object]) -> None:
    assert _unreachable_after(check) == 0


def test_an_article_is_unusable_but_intact_after_release() -> None:
    from tests.support import parse

    article = parse(TEXTS[-1])
    tags = [element.tag for element in article.elements()]
    article.release()
    assert [element.tag for element in article.elements()] == tags
    assert all(element.parent is None and not element.children
               for element in article.elements())
