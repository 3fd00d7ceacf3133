"""N002 gloss-parts."""

from __future__ import annotations

import pytest

from rules.names.gloss_parts import GlossParts
from tests.support import SAMPLE, article_text, positions, run


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>部长简·阿恰克扎伊（Achakzai）说</p>", ["5:14 N002"]),
    ("<p>部长简·阿恰克扎伊（Jan Achakzai）说</p>", []),
    ("<p>总理特鲁多（Justin Trudeau）</p>", []),
    ("<p>舍利·阿奇拉（Shirley Dennise Aquilar Barrera）</p>", []),
    ("<p>奥萨马·本·拉登（Osama bin Laden）</p>", []),
    ("<p>国防部长马克·埃斯珀（Mark T. Esper）</p>", []),
    ("<p>约翰·罗伯特·史密斯（John Smith）</p>", ["5:15 N002"]),
    ("<p>约翰·菲茨杰拉德·肯尼迪（John F. Kennedy）</p>", []),
    ("<p>约翰·菲茨杰拉德·肯尼迪（Sen. John Kennedy）</p>", ["5:17 N002"]),
])
def test_table(body: str, expected: list[str]) -> None:
    assert positions(run(GlossParts, article_text(body))) == expected


def test_sample_is_clean() -> None:
    assert run(GlossParts, SAMPLE.read_text("utf-8")) == []


def test_allow() -> None:
    text = article_text("<p>部长简·阿恰克扎伊（Achakzai）说</p>")
    assert run(GlossParts, text, allow=("简·阿恰克扎伊",)) == []
