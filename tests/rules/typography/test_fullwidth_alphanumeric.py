"""T006 fullwidth-alphanumeric."""

from __future__ import annotations

import pytest

from rules.typography.fullwidth_alphanumeric import FullwidthAlphanumericRule as Rule
from tests.support import article_text, fixed, positions, run

CASES = [
    ("<p>大约３００万人</p>", ["5:6 T006"]),
    ("<p>华为参与未来5Ｇ网络</p>", ["5:11 T006"]),  # regression-style case (1047963…)
    ("<p>海事局６月２７日</p>", ["5:7 T006", "5:9 T006"]),
    ("<p>ＣＩＡ和ｆｂｉ</p>", ["5:4 T006", "5:8 T006"]),
    ("<p>大约300万人，ＣＩＡ的（）：；</p>", ["5:12 T006"]),
    ("<p>大约300万人。</p>", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


FIXES = [
    ("<p>大约３００万人</p>", "<p>大约300万人</p>"),
    ("<p>ＣＩＡ和ｆｂｉ，5Ｇ</p>", "<p>CIA和fbi，5G</p>"),
    ("<p>大约&#xFF13;００万人</p>", "<p>大约300万人</p>"),
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert fixed(Rule, article_text(before)) == article_text(after)
