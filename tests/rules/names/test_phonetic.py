"""The phonetic comparison, and its measured false-positive and catch rates on real
name pairs from CC-CEDICT (tests/rules/names/data/cedict_names.tsv, CC BY-SA 4.0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.names._align import aligned
from rules.names._candidates import Gloss, find_glosses
from rules.names._phonetic import compare, readings, shown

PAIRS = Path(__file__).parent / "data" / "cedict_names.tsv"
CONSONANTS = "bcdfghjklmnpqrstvwxyz"


@pytest.mark.parametrize(("part", "token"), [
    ("简", "Jan"), ("阿恰克扎伊", "Achakzai"), ("罗伯特", "Robert"), ("库格曼", "Kugelman"),
    ("马修", "Matthew"), ("扎瓦希里", "al-Zawahiri"), ("阿西姆", "Asim"), ("穆尼尔", "Munir"),
    ("迈克尔", "Michael"), ("劳埃德", "Lloyd"), ("奥斯汀", "Austin"), ("艾曼", "Ayman"),
    ("托马斯", "Thomas"), ("韦斯特", "West"), ("格雷尼尔", "Grenier"), ("伊姆兰", "Imran"),
    ("汗", "Khan"), ("季莫申科", "Tymoshenko"), ("儒勒", "Jules"), ("唐纳德", "Donald"),
    ("培根", "Bacon"), ("何塞", "José"), ("姆贝基", "Mbeki"), ("雨果", "Hugo"),
    ("希拉里", "Hillary"), ("赖特", "Wright"), ("齐达内", "Zidane"),
])
def test_real_pairs_fit(part: str, token: str) -> None:
    assert compare(part, token) is None


@pytest.mark.parametrize(("part", "token", "repair"), [
    ("简", "an", "Jan"),  # the sample
    ("阿西姆", "sim", "Asim"),  # a lost vowel syllable
    ("罗伯特", "obert", "Lobert"),  # L: the usual spelling of 罗 (R is also possible)
    ("穆尼尔", "Unir", "Munir"),
    ("托马斯", "Bomas", None),  # swapped, not truncated
])
def test_mismatches_and_repairs(part: str, token: str, repair: str | None) -> None:
    mismatch = compare(part, token)
    assert mismatch is not None
    assert mismatch.repair == repair


def test_name_readings_are_corrected() -> None:
    assert readings("勒") == ("le",)
    assert readings("伯") == ("bo",)
    assert set(readings("扎")) == {"za", "zha"}
    assert readings("汗") == ("han",)
    assert shown("简") == "jiǎn"


def _rows() -> list[tuple[str, str]]:
    lines = PAIRS.read_text("utf-8").splitlines()
    return [tuple(line.split("\t")[:2]) for line in lines  # type: ignore[misc]
            if line and not line.startswith("#")]


def _gloss(zh: str, en: str) -> Gloss | None:
    found = find_glosses(f"{zh}（{en}）")
    return found[0] if found else None


def _flagged(zh: str, en: str) -> bool:
    gloss = _gloss(zh, en)
    return gloss is None or any(pair.mismatch for pair in aligned(gloss))


def test_false_positive_rate_on_real_names() -> None:
    """Every CC-CEDICT transliterated person name that the detector takes as a name
    gloss; the rate is measured on those (Japanese kanji names such as 小泉 Koizumi are
    not transliterations and are not candidates)."""
    rows = _rows()
    candidates = [(zh, en) for zh, en in rows if _gloss(zh, en) is not None]
    flagged = [(zh, en) for zh, en in candidates if _flagged(zh, en)]
    assert len(rows) > 700 and len(candidates) > 600
    assert len(flagged) / len(candidates) < 0.02, flagged


def _corruptions() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(dropped first letter, swapped first consonant) variants of each fitting pair's
    tokens, as (zh, corrupted English)."""
    dropped, swapped = [], []
    for zh, en in _rows():
        gloss = _gloss(zh, en)
        if gloss is None or any(pair.mismatch for pair in aligned(gloss)):
            continue
        base = len(zh) + 1
        for pair in aligned(gloss):
            token = pair.token.text
            if len(token) < 3 or not token[0].isalpha():
                continue
            start, end = pair.token.start - base, pair.token.end - base

            def variant(new: str) -> str:
                return en[:start] + new + en[end:]

            dropped.append((zh, variant(token[1].upper() + token[2:])))
            if token[0].lower() in CONSONANTS:
                swapped += [(zh, variant(c.upper() + token[1:])) for c in CONSONANTS
                            if c != token[0].lower()]
    return dropped, swapped


def test_catch_rate_for_lost_and_swapped_first_letters() -> None:
    """Every real pair with its first letter dropped (re-capitalised, so that only the
    phonetic check can see it) and with its first consonant replaced by each other
    consonant. Misses are mostly swaps within one transliteration class (r/l, b/p, s/c)."""
    dropped, swapped = _corruptions()
    drop_rate = sum(_flagged(zh, en) for zh, en in dropped) / len(dropped)
    swap_rate = sum(_flagged(zh, en) for zh, en in swapped) / len(swapped)
    assert drop_rate > 0.90, drop_rate
    assert swap_rate > 0.90, swap_rate


def test_the_shipped_table_is_pypinyins() -> None:
    """`data/readings.txt` is what pypinyin's single-character table renders to, and a
    character's default reading is pypinyin's first tone-marked reading of it."""
    from pypinyin import Style, pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    from rules.names._phonetic import _default_reading, _table_text
    from tests.rules.names.readings_source import render

    def entries(text: str) -> list[str]:  # (the header names pypinyin's version)
        return [line for line in text.splitlines() if not line.startswith("#")]

    assert entries(_table_text()) == entries(render()), \
        "pypinyin's table changed: regenerate (see tests/rules/names/readings_source.py)"
    for code, listed in pinyin_dict.items():
        assert _default_reading(chr(code)) == listed.split(",")[0], chr(code)
    for code in list(pinyin_dict)[::97]:  # a spread sample: pinyin() is slow
        char = chr(code)
        assert _default_reading(char) == pinyin(char, style=Style.TONE)[0][0], char


def test_characters_outside_the_table_have_no_reading() -> None:
    """No reading, comment or line break is mistaken for a table entry: every character
    that pypinyin does not list (ASCII, the tab and line break, the pinyin letters of the
    readings themselves, the comments' characters) reads as ""."""
    from pypinyin.pinyin_dict import pinyin_dict

    from rules.names._phonetic import _default_reading, _table_text

    listed = {chr(code) for code in pinyin_dict}
    seen_in_file = set(_table_text())
    for char in (set(map(chr, range(0x3000))) | seen_in_file) - listed:
        assert _default_reading(char) == "", repr(char)
    assert _default_reading("") == _default_reading("中国") == ""
