"""T005 space-between-cjk."""

from __future__ import annotations

import pytest

from rules.typography.space_between_cjk import SpaceBetweenCjkRule as Rule
from tests.support import HEADER, article_text, fixed, positions, run

CASES = [
    ("<p>荣剑 最近表示，好。</p>", ["5:6 T005"]),
    ("<p>荣剑&nbsp;最近表示，好。</p>", ["5:6 T005"]),
    ("<p>荣剑\u3000最近表示，好。</p>", ["5:6 T005"]),
    ("<p>荣剑<b> </b>最近表示，好。</p>", ["5:9 T005"]),  # across inline tags
    ("<p>中 国 人，好。</p>", ["5:5 T005"]),  # letter-spaced: one diagnostic
    ("<p>在 新冠疫情 今年，好。</p>", ["5:5 T005", "5:10 T005"]),
    ("<p>美国 CIA 说，好。</p>", []),  # CJK and Latin: T007's business
    ("<p>荣剑，最近表示。</p>", []),
    ("<p>中<br>国，好。</p>", []),
    # Regression (1047875…, 1047947…): section headings use a space as a comma.
    ("<p><strong>示威规模前所未有 警察旁观</strong></p>", []),
    # Regression (1047879…): a caption that repeats the headline.
    ('<div><small style="color: #999;">公知微信频遭封号 中国打压言论已无底线？</small></div>',
     []),
    # Regression (1047879…): a related-article link that repeats a headline.
    ('<p><a href="/a/5.html" target="_blank">公知微信频遭封号 中国打压言论已无底线？</a></p>',
     []),
    # Regression (1048055…): a slogan quoted in a sentence.
    ("<p>以“光复香港 时代革命”为标题，好。</p>", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


def test_title_is_a_headline() -> None:
    header = HEADER.replace("[巴基斯坦寻求美国帮助]", "[公知微信频遭封号 中国打压言论]")
    assert run(Rule, article_text("<p>正文。</p>", header=header)) == []


FIXES = [
    ("<p>荣剑 最近表示，他的微信 公众号。</p>", "<p>荣剑最近表示，他的微信公众号。</p>"),
    ("<p>荣剑&nbsp;最近表示，好。</p>", "<p>荣剑最近表示，好。</p>"),
    ("<p>中 国  人，好。</p>", "<p>中国人，好。</p>"),
    ("<p>中 国&nbsp;人，好。</p>", "<p>中国人，好。</p>"),
    ("<p>荣剑<b> </b>最近表示，好。</p>", "<p>荣剑<b></b>最近表示，好。</p>"),
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert fixed(Rule, article_text(before)) == article_text(after)
