"""T002 name-separator."""

from __future__ import annotations

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint import Applicability
from rules.typography.name_separator import NameSeparatorRule as Rule
from rules.typography._cjk import is_cjk
from tests.support import article_text, fixed, parse, positions, run

CASES = [
    ("<p>阿西姆•穆尼尔</p>", ["5:7 T002"]),
    ("<p>索菲・理查森</p>", ["5:6 T002"]),
    ("<p>乔治‧华盛顿</p>", ["5:6 T002"]),
    ("<p>范.荷伦说</p>", ["5:5 T002"]),
    ("<p>乔治•华盛顿、托马斯•杰弗逊</p>", ["5:6 T002", "5:14 T002"]),
    ("<p>阿西姆<b>•</b>穆尼尔</p>", ["5:10 T002"]),  # across inline tags
    ("<p>阿西姆·穆尼尔</p>", []),
    ("<p>• 第一条</p>", []),  # a list bullet
    ("<p>美国 • 中国</p>", []),  # a separator with spaces
    ("<p>H.W.布什</p>", []),
    ("<p>网址www.美国.com</p>", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


def test_configured_separator_makes_the_middle_dot_wrong() -> None:
    text = article_text("<p>阿西姆·穆尼尔和艾曼•扎瓦希里</p>")
    assert positions(run(Rule, text, separator="•")) == ["5:7 T002"]
    assert fixed(Rule, text, separator="•") == article_text("<p>阿西姆•穆尼尔和艾曼•扎瓦希里</p>")


@pytest.mark.parametrize("bad", ["", "ab", "x", " "])
def test_separator_option_is_validated(bad: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        Rule.Options(separator=bad)


FIXES = [
    ("<p>阿西姆•穆尼尔和艾曼・扎瓦希里</p>", "<p>阿西姆·穆尼尔和艾曼·扎瓦希里</p>"),
    ("<p>乔治&bull;华盛顿</p>", "<p>乔治·华盛顿</p>"),
    # The ASCII full stop may be a sentence's end: its fix is unsafe.
    ("<p>范.荷伦说</p>", "<p>范.荷伦说</p>"),
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fixes(before: str, after: str) -> None:
    assert fixed(Rule, article_text(before)) == article_text(after)


def test_full_stop_fix_is_unsafe() -> None:
    (diagnostic,) = run(Rule, article_text("<p>范.荷伦说</p>"))
    assert diagnostic.fix is not None and diagnostic.fix.applicability is Applicability.UNSAFE
    assert fixed(Rule, article_text("<p>范.荷伦说</p>"), unsafe=True) == article_text(
        "<p>范·荷伦说</p>")


@given(st.text(alphabet="中国a1.•・·\u2e7f\u2e80", max_size=20))
def test_reports_each_dot_between_two_cjk_letters(body: str) -> None:
    # The rule passes over dots with a neighbour below U+2E80 before asking is_cjk; it
    # must report exactly the dots a plain scan of the text finds between CJK letters.
    wanted = [index for index in range(1, len(body) - 1)
              if body[index] in "•・." and is_cjk(body[index - 1]) and is_cjk(body[index + 1])]
    found = list(Rule().check(parse(article_text(f"<p>{body}</p>"))))
    assert [f"`{body[i - 1:i + 2]}`" in d.message for i, d in zip(wanted, found)] == [
        True] * len(wanted)
    assert len(found) == len(wanted)
