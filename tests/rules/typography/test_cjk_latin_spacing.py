"""T007 cjk-latin-spacing (off by default)."""

from __future__ import annotations

import pydantic
import pytest

from rules.typography.cjk_latin_spacing import CjkLatinSpacingRule as Rule
from tests.support import article_text, fixed, positions, run

NONE_CASES = [
    ("<p>美国 CIA 说，好。</p>", ["5:6 T007", "5:10 T007"]),
    ("<p>无人机 2022 年7月，好。</p>", ["5:7 T007", "5:12 T007"]),
    ("<p>美国&nbsp;CIA说，好。</p>", ["5:6 T007"]),
    ("<p>美国CIA说，好。</p>", []),
    ("<p>见 https://x.com 网站，好。</p>", []),  # a URL is not Latin text
    ("<p><strong>美国 CIA 说</strong></p>", []),  # headline-like
]

SPACE_CASES = [
    ("<p>美国CIA说</p>", ["5:5 T007", "5:8 T007"]),
    ("<p>大约300万</p>", ["5:5 T007", "5:8 T007"]),
    ("<p>美国 CIA 说</p>", []),
    ("<p>见https://x.com/中文网站</p>", []),  # a URL is not Latin text
    ("<p>美国，CIA。</p>", []),  # punctuation, not CJK letters
]


@pytest.mark.parametrize(("body", "expected"), NONE_CASES)
def test_none_style(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


@pytest.mark.parametrize(("body", "expected"), SPACE_CASES)
def test_space_style(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body), style="space")) == expected


def test_off_by_default_and_style_validated() -> None:
    assert Rule.enabled_by_default is False
    with pytest.raises(pydantic.ValidationError):
        Rule.Options(style="tabs")  # type: ignore[arg-type]


def test_fixes() -> None:
    assert fixed(Rule, article_text("<p>美国 CIA 说，好。</p>")) == article_text(
        "<p>美国CIA说，好。</p>")
    assert fixed(Rule, article_text("<p>美国CIA说<b>300</b>万</p>"), style="space") == (
        article_text("<p>美国 CIA 说<b> 300</b> 万</p>"))
