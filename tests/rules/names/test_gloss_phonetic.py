"""N003 gloss-phonetic: tables, the fix, the sample and the 135 real VOA files."""

from __future__ import annotations

import pytest

from rules.names.gloss_phonetic import GlossPhonetic
from tests.support import SAMPLE, article_text, fixed, positions, run


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>部长简·阿恰克扎伊（an Achakzai）说</p>", ["5:14 N003"]),
    ("<p>部长简·阿恰克扎伊（Jan Achakzai）说</p>", []),
    ("<p>主任迈克尔·库格曼（Michael Kugelman）说</p>", []),
    ("<p>托马斯·韦斯特（Thomas West）</p>", []),
    ("<p>托马斯·韦斯特（Bomas West）</p>", ["5:12 N003"]),
    ("<p>阿西姆•穆尼尔（Asim Unir）</p>", ["5:17 N003"]),
    ("<p>阿西姆•穆尼尔（sim Munir）</p>", ["5:12 N003"]),
    ("<p>总理特鲁多（Justin Trudeau）</p>", []),
    ("<p>总理特鲁多（Justin Rudeau）</p>", ["5:17 N003"]),
    ("<p>参议员范·荷伦（Sen. Chris Van Hollen, D-MD）</p>", []),
    ("<p>前总统理查德·尼克松（Richard Nixon）</p>", []),
    ("<p>约翰·菲茨杰拉德·肯尼迪（John F. Kennedy）</p>", []),
    ("<p>约翰·菲茨杰拉德·肯尼迪（John T. Kennedy）</p>", ["5:22 N003"]),
    ("<p>会见了理查森（Richardson）</p>", []),
    ("<p>代理信息部長簡·阿恰克扎伊（an Achakzai）</p>", ["5:18 N003"]),  # traditional
    ("<p>代理信息部長簡·阿恰克扎伊（Jan Achakzai）</p>", []),
    # Not name glosses: nothing to compare.
    ("<p>法治（rule of law）</p>", []),
    ("<p>前白宫官员包道格（Douglas Paal）</p>", []),
])
def test_table(body: str, expected: list[str]) -> None:
    assert positions(run(GlossPhonetic, article_text(body))) == expected


@pytest.mark.parametrize(("body", "after"), [
    ("<p>部长简·阿恰克扎伊（an Achakzai）说</p>", "<p>部长简·阿恰克扎伊（Jan Achakzai）说</p>"),
    ("<p>阿西姆•穆尼尔（Asim Unir）</p>", "<p>阿西姆•穆尼尔（Asim Munir）</p>"),
    ("<p>托马斯·韦斯特（Bomas West）</p>", "<p>托马斯·韦斯特（Bomas West）</p>"),
])
def test_unsafe_fix(body: str, after: str) -> None:
    text = article_text(body)
    assert fixed(GlossPhonetic, text) == text
    assert fixed(GlossPhonetic, text, unsafe=True) == article_text(after)


def test_sample() -> None:
    """5:819 `an Achakzai` is the only one; the correct glosses (Asim Munir, Michael
    Kugelman, Lloyd Austin, Ayman al-Zawahiri, Thomas West, Robert Grenier, Imran Khan)
    pass."""
    found = run(GlossPhonetic, SAMPLE.read_text("utf-8"))
    assert positions(found) == ["5:819 N003"]
    assert found[0].fix is not None
    assert found[0].fix.edits[0].content == "Jan"
    assert "`简` (jiǎn)" in found[0].message


@pytest.mark.parametrize("allow", [
    "an Achakzai", "简·阿恰克扎伊", "简•阿恰克扎伊", "简·阿恰克扎伊（an Achakzai）",
    "简·阿恰克扎伊(an Achakzai)",
])
def test_allow(allow: str) -> None:
    text = article_text("<p>部长简·阿恰克扎伊（an Achakzai）说</p>")
    assert run(GlossPhonetic, text, allow=(allow,)) == []
    assert run(GlossPhonetic, text, allow=("Jan Achakzai",)) != []
