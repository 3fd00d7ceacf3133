"""H003 duplicate-attribute."""

from __future__ import annotations

import pytest

from rules.html.duplicate_attribute import DuplicateAttribute
from tests.support import SAMPLE, article_text, fixed, positions, run


@pytest.mark.parametrize(("body", "expected"), [
    ('<p class="a" id="b" lang="zh" xml:lang="zh">x</p>', []),
    ('<p class="a" class="b">x</p>', ["5:14 H003"]),
    ('<p class="a" CLASS="b" Class=c>x</p>', ["5:14 H003", "5:24 H003"]),
    ('<img src="a" alt="" src="b" alt>', ["5:21 H003", "5:29 H003"]),
    ('<video controls controls></video>', ["5:17 H003"]),
])
def test_positions(body: str, expected: list[str]) -> None:
    assert positions(run(DuplicateAttribute, article_text(body))) == expected


def test_message_points_at_the_first() -> None:
    (diagnostic,) = run(DuplicateAttribute, article_text('<p class="a" class="b">x</p>'))
    assert diagnostic.message == ("`class` is repeated on `<p>` (first at 5:4); browsers "
                                  "ignore this one: remove it or merge the values")


@pytest.mark.parametrize(("before", "after"), [
    ('<p class="a" class="b">x</p>', '<p class="a">x</p>'),
    ('<p class="a"  class="b" id=c>x</p>', '<p class="a" id=c>x</p>'),
    ('<p class="a" class="b" class=c>x</p>', '<p class="a">x</p>'),
    ('<video controls controls></video>', '<video controls></video>'),
])
def test_fix_removes_the_ignored_repetition(before: str, after: str) -> None:
    assert fixed(DuplicateAttribute, article_text(before)) == article_text(after)


def test_the_sample_is_clean() -> None:
    assert run(DuplicateAttribute, SAMPLE.read_text(encoding="utf-8")) == []
