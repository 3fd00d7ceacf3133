"""T008 space-around-fullwidth."""

from __future__ import annotations

import pytest

from rules.typography.space_around_fullwidth import SpaceAroundFullwidthRule as Rule
from tests.support import HEADER, article_text, fixed, positions, run

CASES = [
    ("<p>韦斯特说，“美国支持，” 巴基斯坦</p>", ["5:16 T008"]),
    ("<p>他说： 美国</p>", ["5:7 T008"]),
    ("<p>他说 ：美国</p>", ["5:6 T008"]),
    ("<p>（TTP） 和。</p>", ["5:9 T008"]),
    ("<p>美国。&nbsp;中国</p>", ["5:7 T008"]),
    ("<p>组织“ 公民力量 ”的。</p>", ["5:7 T008", "5:12 T008"]),  # 1047879…
    ("<p>国际人权组织 “人权观察” 一天前。</p>", ["5:10 T008", "5:17 T008"]),
    ("<p>美国，<b> </b>中国</p>", ["5:10 T008"]),  # across inline tags
    # English quotes in Chinese text: the quote marks are English there.
    ("<p>他说 “hello” 然后走了</p>", []),
    ("<p>He said “yes” and left.</p>", []),
    ("<p>\u00a0“长期以来，美国。” </p>", []),  # leading / trailing space
    ("<p>美国，中国。</p>", []),
    # Regression (1048155…, title of 1047855…): in a headline a space next to a quote or
    # bracket separates clauses.
    ("<p><strong>“反送中”变“依法送中” 国安法敲击港人自由之心</strong></p>", []),
    # Regression (1047827…): a caption's date credit after a space.
    ('<div><small style="color: #999;">建筑工地的吊塔 （2020年7月16日）</small></div>', []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


def test_title_is_checked_but_headline_separators_are_not() -> None:
    comma = HEADER.replace("[巴基斯坦寻求美国帮助]", "[美司法部长全面声讨中国， 是冷战檄文？]")
    assert positions(run(Rule, article_text("<p>正文。</p>", header=comma))) == ["2:14 T008"]
    quoted = HEADER.replace("[巴基斯坦寻求美国帮助]", "[百余件中国产品贴“台湾制造” 为避税]")
    assert run(Rule, article_text("<p>正文。</p>", header=quoted)) == []


FIXES = [
    ("<p>韦斯特说，“美国支持，” 巴基斯坦</p>", "<p>韦斯特说，“美国支持，”巴基斯坦</p>"),
    ("<p>他说：&nbsp; 美国</p>", "<p>他说：美国</p>"),
    ("<p>组织“ 公民力量 ”的。</p>", "<p>组织“公民力量”的。</p>"),
    ("<p>美国，<b> </b>中国</p>", "<p>美国，<b></b>中国</p>"),
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert fixed(Rule, article_text(before)) == article_text(after)
