"""T004 repeated-punctuation."""

from __future__ import annotations

import pytest

from lint import Applicability
from rules.typography.repeated_punctuation import RepeatedPunctuationRule as Rule
from tests.support import article_text, fixed, positions, run

CASES = [
    ("<p>专家说，，美国</p>", ["5:7 T004"]),
    ("<p>美国。。</p>", ["5:6 T004"]),
    ("<p>甲、、乙；；丙：：丁</p>", ["5:5 T004", "5:8 T004", "5:11 T004"]),
    ("<p>研发和生产。。。伊朗</p>", ["5:9 T004"]),  # ellipsis (1048059…)
    ("<p>美国，。中国</p>", ["5:6 T004"]),  # two different marks
    ("<p>美国<b>，</b>，中国</p>", ["5:9 T004"]),  # across an inline tag
    ("<p>真的？？不会吧！！！怎么？！</p>", []),  # emphasis is allowed
    ("<p>他说……。还有——这个</p>", []),
    ("<p>美国，中国。</p>", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


FIXES = [
    ("<p>专家说，，美国。。</p>", "<p>专家说，美国。</p>"),
    ("<p>甲、、、乙</p>", "<p>甲、乙</p>"),
    ("<p>研发。。。伊朗</p>", "<p>研发。。。伊朗</p>"),  # unsafe: not applied by default
    ("<p>美国，。中国</p>", "<p>美国，。中国</p>"),  # which one? the author knows
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert fixed(Rule, article_text(before)) == article_text(after)


def test_ellipsis_fix_is_unsafe() -> None:
    (diagnostic,) = run(Rule, article_text("<p>研发。。。伊朗</p>"))
    assert diagnostic.fix is not None and diagnostic.fix.applicability is Applicability.UNSAFE
    assert fixed(Rule, article_text("<p>研发。。。伊朗</p>"), unsafe=True) == article_text(
        "<p>研发……伊朗</p>")


def test_a_long_stretch_is_one_diagnostic() -> None:
    (diagnostic,) = run(Rule, article_text("<p>" + "，" * 5000 + "</p>"))
    assert fixed(Rule, article_text("<p>" + "，" * 5000 + "</p>")) == article_text("<p>，</p>")
    assert diagnostic.span.end_offset - diagnostic.span.offset == 5000
