"""N001 gloss-case."""

from __future__ import annotations

import pytest

from rules.names.gloss_case import GlossCase
from tests.support import SAMPLE, article_text, fixed, positions, run


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>部长简·阿恰克扎伊（an Achakzai）说</p>", ["5:14 N001"]),
    ("<p>部长简·阿恰克扎伊（Jan Achakzai）说</p>", []),
    ("<p>首领艾曼·扎瓦希里（Ayman al-Zawahiri）</p>", []),
    ("<p>参议员范·荷伦（Chris van Hollen）</p>", []),
    ("<p>奥萨马·本·拉登（Osama bin Laden）</p>", []),
    ("<p>运动(TTP)</p>", []),
    ("<p>硬杀（hard kill）</p>", []),
    ("<p>托马斯·韦斯特（thomas West）</p>", ["5:12 N001"]),
    ("<p>托马斯·韦斯特（<a href=\"x\">omas</a> West）</p>", ["5:24 N001"]),
])
def test_table(body: str, expected: list[str]) -> None:
    assert positions(run(GlossCase, article_text(body))) == expected


@pytest.mark.parametrize(("body", "after"), [
    ("<p>部长简·阿恰克扎伊（an Achakzai）说</p>", "<p>部长简·阿恰克扎伊（Jan Achakzai）说</p>"),
    ("<p>托马斯·韦斯特（thomas West）</p>", "<p>托马斯·韦斯特（Thomas West）</p>"),
])
def test_unsafe_fix(body: str, after: str) -> None:
    text = article_text(body)
    assert fixed(GlossCase, text) == text  # nothing safe
    assert fixed(GlossCase, text, unsafe=True) == article_text(after)


def test_sample_an_achakzai() -> None:
    found = run(GlossCase, SAMPLE.read_text("utf-8"))
    assert positions(found) == ["5:819 N001"]
    fix = found[0].fix
    assert fix is not None and fix.applicability.value == "unsafe"
    assert [(e.offset, e.end_offset, e.content) for e in fix.edits] == [(948, 950, "Jan")]


def test_allow() -> None:
    text = article_text("<p>部长简·阿恰克扎伊（an Achakzai）说</p>")
    assert run(GlossCase, text, allow=("an Achakzai",)) == []
