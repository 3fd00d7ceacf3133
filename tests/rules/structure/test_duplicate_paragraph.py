"""S010 duplicate-paragraph."""

from __future__ import annotations

import pytest

from rules.structure.duplicate_paragraph import DuplicateParagraph
from tests.support import SAMPLE, article_text, positions, run

A, B = "<p>第一段。</p>", "<p>第二段。</p>"


@pytest.mark.parametrize(("body", "expected"), [
    (A + B, []),
    (A + B + A, ["5:23 S010"]),  # the repeat, not the first
    (A + A + A, ["5:12 S010", "5:23 S010"]),
    (A + "<p>第一段。 </p>", ["5:12 S010"]),  # spaces collapsed
    (A + "<p><strong>第一段。</strong></p>", ["5:12 S010"]),  # same visible text
    (A + "<p>第一段</p>", []),
    ("<p>&nbsp;</p><p>&nbsp;</p>", []),  # empty ones are S009's
    (A + "<div>第一段。</div>", []),  # only paragraphs
])
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(DuplicateParagraph, article_text(body))) == expected


def test_message_points_at_the_first() -> None:
    [found] = run(DuplicateParagraph, article_text(A + B + A))
    assert found.message == "this paragraph repeats the one at 5:1 (`第一段。`)"


def test_sample_has_none() -> None:
    assert run(DuplicateParagraph, SAMPLE.read_text(encoding="utf-8")) == []
