"""Does a Chinese transliteration sound like its English gloss token?

Readings come from pypinyin's table (the character's default reading, shipped as
`data/readings.txt`), corrected where names use another reading (勒 lè, 伯 bó, 扎 zā/zhā,
汗 hán …). The comparison follows the consonant
correspondences of Xinhua-style transliteration: an English onset (`th`, `ch`, `j`, a
vowel …) may be written with a fixed set of pinyin initials (`th` → s/t/d, `r` → l,
Arabic `h` → x as in 希, a vowel → a zero initial or y/w). Only the onset is a strong
signal: final r/l are often untranscribed (Robert 罗伯特, Kugelman 库格曼) and vowels are
rendered loosely, so the rest of the word is not compared letter by letter.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rules.names._tables import HYPHEN_PARTICLES
from rules.names._userfiles import DATA

# Readings used in transliterated names where pypinyin's default reading differs
# (toneless reading(s), the tone-marked form shown in messages).
NAME_READINGS: dict[str, tuple[tuple[str, ...], str]] = {
    "勒": (("le",), "lè"), "伯": (("bo",), "bó"), "扎": (("za", "zha"), "zā"),
    "汗": (("han",), "hán"), "卜": (("bu",), "bǔ"), "茜": (("xi", "qian"), "xī"),
    "塞": (("sai", "se"), "sài"), "什": (("shi",), "shí"), "伽": (("jia", "ga"), "jiā"),
    "佛": (("fo", "fu"), "fó"), "查": (("cha", "zha"), "chá"), "柏": (("bo", "bai"), "bó"),
    "茨": (("ci",), "cí"), "哈": (("ha",), "hā"), "约": (("yue",), "yuē"),
    "格": (("ge",), "gé"), "奥": (("ao",), "ào"), "汀": (("ting",), "tīng"),
    "斯": (("si",), "sī"), "内": (("nei",), "nèi"), "卡": (("ka",), "kǎ"),
    "单": (("shan", "dan"), "shàn"), "乐": (("le",), "lè"), "莎": (("sha",), "shā"),
}

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
             "j", "q", "x", "r", "z", "c", "s", "y", "w")
_VOWEL_CLASS = frozenset({"", "y", "w"})

# English onset (longest first) -> pinyin initials that may transcribe it.
_ONSETS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (onset, frozenset(i for i in initials.split() if i != "0")
     | ({""} if "0" in initials.split() else set()))
    for onset, initials in (
        ("sch", "sh s x"), ("tch", "q ch"), ("dzh", "j zh"),
        ("sh", "sh x s"), ("ch", "q ch zh k sh x j"), ("th", "s t d"), ("ph", "f"),
        ("kh", "h k"), ("gh", "g"), ("wh", "h w"), ("wr", "l r"), ("kn", "n k"),
        ("ps", "p s"), ("pt", "t p"), ("ts", "c z"), ("tz", "c z"), ("dj", "j zh"),
        ("zh", "zh j r"),
        # Russian soft ти/ди are written 季/吉 (Тимошенко 季莫申科).
        ("ti", "t d j q"), ("ty", "t d j q"), ("di", "d t j"), ("dy", "d t j"),
        # Spanish g before e/i sounds like h (Gerardo 赫拉多).
        ("ge", "g j q zh h r"), ("gi", "g j q zh h r"), ("gy", "g j q zh h r"),
        ("rh", "l r"), ("wa", "w h"), ("gn", "n g"), ("ng", "n w 0"),
        # A syllabic m/n before a consonant is written 姆/恩 (Mbeki 姆贝基, Nkosi 恩科西).
        *((f"m{c}", "m 0") for c in "bcdfghjklmnpqrstvwxz"),
        *((f"n{c}", "n 0") for c in "bcdfhjklmnpqrstvwxz"),
        ("b", "b p"), ("c", "k s x q c ch j"), ("d", "d t"), ("f", "f"),
        ("g", "g j k q zh"), ("h", "h x y 0"), ("j", "j zh y h q ch r"),
        ("k", "k j q g"), ("l", "l"), ("m", "m"), ("n", "n"), ("p", "p b"),
        ("q", "k q g"), ("r", "l r"), ("s", "s x sh c"), ("t", "t d"),
        ("v", "w f"), ("w", "w"), ("x", "x z h q"), ("y", "y 0"),
        ("z", "z zh c s x q"),
        # Vowels: a zero initial, or the y/w of 亚 伊 尤 乌 沃.
        ("a", "0 y"), ("e", "0 y"), ("i", "y 0"), ("o", "0 w"), ("u", "w y 0"),
    )
)
_ONSET_TABLE = dict(_ONSETS)
assert max(len(onset) for onset in _ONSET_TABLE) <= 3
_VOWELS = frozenset("aeiou")

# How each pinyin initial is usually spelled at the start of an English name: the letters
# put back when a gloss lost its first letter.
_SPELLING: dict[str, tuple[str, ...]] = {
    "b": ("B",), "p": ("P",), "m": ("M",), "f": ("F", "V"), "d": ("D",), "t": ("T",),
    "n": ("N",), "l": ("L", "R"), "g": ("G",), "k": ("K", "C"), "h": ("H",),
    "j": ("J", "G"), "q": ("J", "G", "K"), "x": ("S", "H"), "zh": ("J", "Z"),
    "ch": ("Ch",), "sh": ("Sh", "S"), "r": ("R",), "z": ("Z",), "c": ("Ts", "Z"),
    "s": ("S",), "y": ("Y", "I"), "w": ("W", "V"),
}


@lru_cache(maxsize=4096)
def readings(char: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one character as used in names."""
    if char in NAME_READINGS:
        return NAME_READINGS[char][0]
    reading = _default_reading(char)
    return (_toneless(reading).replace("ü", "v"),) if reading else ()


def shown(text: str) -> str:
    """Tone-marked pinyin of `text` for messages (`jiǎn`)."""
    out = []
    for char in text:
        if char in NAME_READINGS:
            out.append(NAME_READINGS[char][1])
        else:
            out.append(_default_reading(char) or char)
    return " ".join(out)


_TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")  # grave, acute, macron, caron


def _default_reading(char: str) -> str:
    """The character's default tone-marked reading ("" if it has none): pypinyin's first
    reading of it, which is what `pinyin(char, style=Style.TONE)` gives.

    Found in the shipped table's text (`data/readings.txt`, one line per reading: the
    reading, a tab, its characters) with one `find`: a character stands there once, after
    the tab of its reading's line, and no reading or comment holds a character of the
    table (a test checks). A few µs a look-up, and no ~42,000-entry table is built for
    the few names a run usually compares."""
    if len(char) != 1 or char == "\n":
        return ""
    text = _table_text()
    at = text.find(char)
    if at == -1:
        return ""
    start = text.rfind("\n", 0, at) + 1
    tab = text.find("\t", start, at)
    return text[start:tab] if tab != -1 else ""  # (no tab before it: not a table entry)


@lru_cache(maxsize=1)
def _table_text() -> str:
    with open(os.path.join(DATA, "readings.txt"), encoding="utf-8") as table:
        return table.read()


def _toneless(reading: str) -> str:
    """`lüè` -> `lüe`: drop tone marks, keep the diaeresis (as Style.NORMAL does)."""
    decomposed = unicodedata.normalize("NFD", reading)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def initial(syllable: str) -> str:
    for candidate in _INITIALS:
        if syllable.startswith(candidate):
            return candidate
    return ""


def fold(token: str) -> str:
    """Lower-case ASCII letters of a token: accents removed, a hyphenated particle
    (`al-`) and leading apostrophes dropped."""
    decomposed = unicodedata.normalize("NFKD", token)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    for prefix in HYPHEN_PARTICLES:
        if letters.startswith(prefix) and len(letters) > len(prefix):
            letters = letters[len(prefix):]
            break
    return "".join(c for c in letters if "a" <= c <= "z" or c == "-").lstrip("-")


def onset_class(word: str) -> tuple[str, frozenset[str]]:
    """The onset of a folded English word and the pinyin initials that may write it."""
    if not word:
        return "", frozenset()
    for size in (3, 2, 1):
        initials = _ONSET_TABLE.get(word[:size])
        if initials is not None:
            return word[:size], initials
    return word[0], frozenset()


def first_initials(part: str) -> frozenset[str]:
    return frozenset(initial(r) for r in readings(part[0])) if part else frozenset()


class Mismatch(NamedTuple):
    """A token whose onset cannot transcribe the part's first syllable. (A named tuple:
    as immutable as a frozen dataclass, at a fifth of the cost to define at import.)"""

    onset: str
    wanted: str  # the part's first initial, "" for a vowel
    repair: str | None  # the token with its lost first letter put back, if that fits


@lru_cache(maxsize=65536)
def compare(part: str, token: str) -> Mismatch | None:
    """None when `token` may be a transcription of the Chinese `part` (by its onset)."""
    word = fold(token)
    if not part or not word:
        return None
    onset, allowed = onset_class(word)
    initials = first_initials(part)
    if not initials or initials & allowed:
        return None
    wanted = sorted(initials)[0]
    return Mismatch(onset, wanted, _repair(part, token, word))


def matches(part: str, token: str) -> bool:
    return compare(part, token) is None


def _repair(part: str, token: str, word: str) -> str | None:
    """`token` with one lost leading letter put back, when that makes it fit: `an` after
    简 (jiǎn) → `Jan`; `sim` after 阿西姆 → `Asim`."""
    if len(word) < 2:
        return None
    rest = token[0].lower() + token[1:]
    for reading in readings(part[0]):
        first = initial(reading)
        if first and word[0] in _VOWELS:
            for spelling in _SPELLING.get(first, ()):
                if first in onset_class(spelling.lower() + word)[1]:
                    return spelling + rest
        if not first and len(part) > 1 and reading[0] in _VOWELS:
            # A vowel-initial first syllable was lost: the token now starts with the
            # second syllable's consonant.
            if first_initials(part[1:]) & onset_class(word)[1]:
                return reading[0].upper() + rest
    return None
