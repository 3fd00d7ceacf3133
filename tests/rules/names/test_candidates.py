"""Candidate detection: which `name（gloss）` pairs are foreign-name glosses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.names._align import aligned
from rules.names._candidates import find_glosses


@pytest.mark.parametrize(("text", "expected"), [
    # The name is the transliteration, not the whole Han run.
    ("巴基斯坦代理信息部长简·阿恰克扎伊（an Achakzai）星期三", [("简·阿恰克扎伊", "an Achakzai")]),
    ("巴基斯坦陆军参谋长阿西姆•穆尼尔（Asim Munir）试图", [("阿西姆·穆尼尔", "Asim Munir")]),
    ("主任迈克尔·库格曼（Michael Kugelman）说", [("迈克尔·库格曼", "Michael Kugelman")]),
    ("前总理伊姆兰·汗（Imran Khan）就说", [("伊姆兰·汗", "Imran Khan")]),
    ("首领艾曼•扎瓦希里（Ayman al-Zawahiri）。", [("艾曼·扎瓦希里", "Ayman al-Zawahiri")]),
    ("参议员范.荷伦（Sen. Chris Van Hollen, D-MD）", [("范·荷伦", "Chris Van Hollen")]),
    ("加拿大总理特鲁多（Justin Trudeau）", [("特鲁多", "Justin Trudeau")]),
    ("前中情局負責人羅伯特·格雷尼爾（Robert Grenier）", [("羅伯特·格雷尼爾", "Robert Grenier")]),
    ("国防部长埃斯珀（Mark T. Esper）", [("埃斯珀", "Mark Esper")]),
    ("half-width (Robert O'Brien) 罗伯特·奥布莱恩(Robert O'Brien)", [
        ("罗伯特·奥布莱恩", "Robert O'Brien")]),
    # Not name glosses: acronyms, common nouns, dates, Chinese-style names, no Latin.
    ("巴基斯坦塔利班运动(TTP)和伊斯兰国呼罗珊(ISIS-K)分支", []),
    ("硬杀（hard kill）", []),
    ("阿富汗塔利班（the Taliban）", []),
    ("法治（rule of law）", []),
    ("穆尼尔星期三（12月13日）还拜会了", []),
    ("会谈（Dec. 13）", []),
    ("前白宫官员包道格（Douglas Paal）", []),
    ("办事处处长郦英杰（Brent Christensen, 左）", []),
    ("澳大利亚前总理陆克文（Kevin Rudd）", []),
    ("通用汽车（General Motors）", []),
    ("（法新社照片）", []),
    ("网址（https://example.com/a）", []),
    ("萨斯特论（Center for Digital Democracy）", []),
])
def test_detects_name_glosses(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(g.name, g.english) for g in find_glosses(text)]
    assert found == expected


def test_positions_point_into_the_text() -> None:
    text = "部长简·阿恰克扎伊（an Achakzai）"
    gloss = find_glosses(text)[0]
    assert [text[p.start:p.end] for p in gloss.parts] == ["简", "阿恰克扎伊"]
    assert [text[t.start:t.end] for t in gloss.tokens] == ["an", "Achakzai"]
    assert [t.kind for t in gloss.tokens] == ["lower", "name"]
    assert gloss.lead == ""  # 部长 ends right before names
    assert find_glosses("前总统理查德·尼克松（Richard Nixon）")[0].lead == "总统理"


@pytest.mark.parametrize("text", ["", "（", "）（", "阿（", "·（A）", "阿·（Ab）", "（" * 50])
def test_odd_input_does_not_raise(text: str) -> None:
    assert find_glosses(text) == []

_ALPHABET = st.sampled_from(list("简阿恰克扎伊罗伯特部长总理包道格·•.（）() anJAa-'’,，Sen.ÉéX1"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_any_text_is_handled(text: str) -> None:
    for gloss in find_glosses(text):
        assert all(text[p.start:p.end] == p.text for p in gloss.parts)
        assert all(text[t.start:t.end] == t.text for t in gloss.tokens)
        for pair in aligned(gloss):
            assert pair.part in gloss.parts and pair.token in gloss.tokens
