"""T003 unmatched-pair."""

from __future__ import annotations

import pytest

from rules.typography.unmatched_pair import UnmatchedPairRule as Rule
from tests.support import HEADER, article_text, positions, run

CASES = [
    ("<p>他说，“美国支持。</p>", ["5:7 T003"]),
    ("<p>他说，美国支持。”</p>", ["5:12 T003"]),
    ("<p>《香港基本法</p>", ["5:4 T003"]),
    ("<p>（TTP和</p>", ["5:4 T003"]),
    ("<p>“a（b”c）</p>", ["5:6 T003", "5:10 T003"]),  # crossed pairs
    ("<p>“美国”和（TTP）、《书》「引」『引』【注】‘单’</p>", []),
    ("<p>“外‘内’外”</p>", []),
    ("<p>“粗体<b>跨标签</b>”</p>", []),  # one paragraph across inline tags
    ("<p>第一行“<br>第二行”</p>", []),  # `<br>` stays inside the paragraph
    ("<p>（左)和(右）</p>", []),  # ASCII halves pair; T001 reports them
    ("<p>办公室（OFAC)）一天前</p>", []),  # a stray `)` (1047935…): T001 reports it
    ("<p>自由（(根据联合声明)）</p>", []),  # doubled (1048035…): T001 reports it
    ("<p>他说don’t和Xi’an和Biden’s，</p>", []),  # apostrophes
    # Wrong-direction quotes (tests/fixtures/voa/1047811…): both reported.
    ("<p>走近“世界舞台中央“，好</p>", ["5:6 T003", "5:13 T003"]),
    # Identical marks side by side are one problem.
    ("<p>（（（</p>", ["5:4 T003"]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Rule, article_text(body))) == expected


def test_quotation_over_several_paragraphs_by_convention() -> None:
    body = "<p>他说：“第一段。</p><p>“第二段。</p><p>“第三段。”</p>"
    assert positions(run(Rule, article_text(body))) == []


def test_quotation_closed_in_a_later_paragraph() -> None:
    # Regression (1047851…): a statement quoted in full, opened in its first paragraph and
    # closed in its last, with balanced quotes in between.
    body = "<p>\u00a0“长期以来。</p><p>国“可能会”，不得进入。”</p><p>下一段。</p>"
    assert positions(run(Rule, article_text(body))) == []


def test_quotation_never_closed_after_all() -> None:
    body = "<p>他说：“第一段。</p><p>第二段。</p>"
    assert positions(run(Rule, article_text(body))) == ["5:7 T003"]


def test_curly_quote_closed_by_ascii_quote_says_so() -> None:
    # Regression (1048187…): `‘顺民'` is a mixed pair, not a lost quote.
    (diagnostic,) = run(Rule, article_text("<p>做回‘顺民'，可能</p>"))
    assert "ASCII `'`" in diagnostic.message


def test_title_is_its_own_paragraph() -> None:
    header = HEADER.replace("[巴基斯坦寻求美国帮助]", "[美国“帮助]")
    text = article_text("<p>正文”。</p>", header=header)
    assert positions(run(Rule, text)) == ["2:4 T003", "5:6 T003"]


def test_many_identical_marks_give_one_diagnostic() -> None:
    (diagnostic,) = run(Rule, article_text("<p>" + "（" * 1000 + "</p>"))
    assert "1000" in diagnostic.message
    assert diagnostic.span.end_offset - diagnostic.span.offset == 1000
