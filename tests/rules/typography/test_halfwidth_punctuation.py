"""T001 halfwidth-punctuation."""

from __future__ import annotations

import pytest

from rules.typography.halfwidth_punctuation import HalfwidthPunctuationRule as Rule
from tests.support import HEADER, article_text, fixed, positions, run

# The body line starts with `<p>`, so its first character is column 4.
CASES = [
    ("<p>运动(TTP)和</p>", ["5:6 T001"]),
    ("<p>伊斯兰国呼罗珊(ISIS-K)分支</p>", ["5:11 T001"]),
    ("<p>运动<b>(TTP)</b>和</p>", ["5:9 T001"]),  # one sentence across an inline tag
    ("<p>专家说,巴基斯坦</p>", ["5:7 T001"]),
    ("<p>真的吗?</p>", ["5:7 T001"]),
    ("<p>注意:今天</p>", ["5:6 T001"]),
    ("<p>今天;明天</p>", ["5:6 T001"]),
    ("<p>好!走吧</p>", ["5:5 T001"]),
    ("<p>TTP,和平</p>", ["5:7 T001"]),  # right before a CJK character
    ("<p>（TTP）,和平</p>", ["5:9 T001"]),  # right after a Chinese closing bracket
    ("<p>运动(TTP</p>", ["5:6 T001"]),  # unpaired: reported, never half-fixed
    ("<p>高硕泰（左)卸任</p>", ["5:9 T001"]),  # the ASCII half of a mixed pair
    ("<p>星期五(7月3日）表示</p>", ["5:7 T001"]),
    ("<p>办公室（OFAC)）一天前</p>", ["5:12 T001"]),  # stray `)` before the real `）`
    ("<p>自由（(根据联合声明)）</p>", ["5:7 T001"]),  # doubled parentheses
    ("<p>照片(美国之音/汤惠芸)</p>", ["5:6 T001"]),
    # Not Chinese context.
    ("<p>他说：“I think, therefore I am.”</p>", []),
    ('<p>他说："I think, therefore I am."</p>', []),
    ("<p>他说：“Really? Yes! (Maybe.)”</p>", []),
    ("<p>约有1,000人在3:30到达。</p>", []),
    ("<p>网址https://example.com/a?b=1,c:d(e)。</p>", []),
    ("<p>见 www.voa.com/a?x=1;y=2 网站</p>", []),
    ("<p>伊斯兰国呼罗珊（ISIS-K）分支</p>", []),
    ("<p>Hello, world! (English only)</p>", []),
    # Regression (tests/fixtures/voa/1047851…): a legal reference keeps ASCII labels.
    ("<p>根据“移民和国籍法”第212(A)(3)(C)条，</p>", []),
    # Regression (1047863…): an English name list inside a Chinese gloss keeps its comma.
    ("<p>处长郦英杰（Brent Christensen, 左）</p>", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


def test_title_is_checked_with_direct_offsets() -> None:
    header = HEADER.replace("[巴基斯坦寻求美国帮助]", "[蓬佩奥声明:欢迎英国]")
    assert positions(run(Rule, article_text("<p>正文。</p>", header=header))) == ["2:7 T001"]


FIXES = [
    ("<p>运动(TTP)和</p>", "<p>运动（TTP）和</p>"),
    ("<p>运动<b>(TTP)</b>和</p>", "<p>运动<b>（TTP）</b>和</p>"),
    ("<p>专家说,巴基斯坦:真的吗?好!今天;</p>", "<p>专家说，巴基斯坦：真的吗？好！今天；</p>"),
    ("<p>高硕泰（左)卸任</p>", "<p>高硕泰（左）卸任</p>"),
    ("<p>星期五(7月3日）表示</p>", "<p>星期五（7月3日）表示</p>"),
    ("<p>自由（(根据联合声明)）</p>", "<p>自由（根据联合声明）</p>"),
    ("<p>外((内)外)中</p>", "<p>外（（内）外）中</p>"),
    # A reference is replaced as a whole: the edit is right for the source.
    ("<p>运动&#40;TTP&#41;和</p>", "<p>运动（TTP）和</p>"),
    # Never one half alone.
    ("<p>运动(TTP</p>", "<p>运动(TTP</p>"),
    ("<p>办公室（OFAC)）一天前</p>", "<p>办公室（OFAC)）一天前</p>"),
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert fixed(Rule, article_text(before)) == article_text(after)


def test_pair_fix_edits_both_brackets() -> None:
    (diagnostic,) = run(Rule, article_text("<p>运动(TTP)和</p>"))
    assert diagnostic.fix is not None
    assert [edit.content for edit in diagnostic.fix.edits] == ["（", "）"]
