"""Each S and M rule of issue 3 finds a defect seeded into the real sample at its exact
line:column (the unseeded sample is silent for all of them but the opt-in S007)."""

from __future__ import annotations

import re

import pytest

from lint.registry import Registry
from tests.support import SAMPLE, positions, run

REGISTRY = Registry.default()
TEXT = SAMPLE.read_text(encoding="utf-8")
FIRST_P = TEXT.index("</p>") + len("</p>")
ADVERT = '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>'

SEEDED = [
    # a day that does not exist: at the date text
    ("S004", TEXT.replace("Thu, 14 Dec", "Thu, 41 Dec", 1), "5:9"),
    # `Thu,` → `Tue,` on a Thursday: at the weekday
    ("S005", TEXT.replace("<i>Thu,", "<i>Tue,", 1), "5:9"),
    # the proxy URL loses its image: at the `src` value
    ("S006", re.sub(r"\?url=[^\"]*", "?url=", TEXT, count=1), "5:58"),
    # the lead image has no alt (a real defect of the sample): at the `<img>`
    ("S007", TEXT, "5:48"),
    # the caption removed: at its `<img>`
    ("S008", re.sub(r"<div><small[^>]*>[^<]*</small></div>", "", TEXT, count=1), "5:48"),
    # a spacer paragraph after the first one: at the `<p>`
    ("S009", TEXT[:FIRST_P] + "<p>&nbsp;</p>" + TEXT[FIRST_P:], "5:319"),
    # the first paragraph repeated at the end: at the repeat
    ("S010", TEXT.rstrip("\n") + TEXT[TEXT.index("<p>"):FIRST_P] + "\n", "5:2240"),
    # a feed advert appended: at its `<br>`
    ("S012", TEXT.rstrip("\n") + ADVERT + "\n", "5:2240"),
    # archived an hour before the GMT date: at the timestamp
    ("M001", TEXT.replace("<!--1702517943000-->", "<!--1702511943000-->"), "1:5"),
    # archived 58 days later: at the timestamp
    ("M002", TEXT.replace("<!--1702517943000-->", "<!--1707517943000-->"), "1:5"),
    # the URL's year typo'd: at the eight digits
    ("M003", TEXT.replace("-20231213/", "-20221213/"), "2:79"),
]


@pytest.mark.parametrize(("code", "text", "where"), SEEDED, ids=[s[0] for s in SEEDED])
def test_seeded_defect_found_at_its_position(code: str, text: str, where: str) -> None:
    rule = REGISTRY.get(code)
    assert rule is not None
    assert positions(run(rule, text)) == [f"{where} {code}"]
    if code != "S007":
        assert run(rule, TEXT) == []
