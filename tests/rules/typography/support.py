"""Helpers for the typography tests."""

from __future__ import annotations

import unicodedata

from tests.support import parse


def visible_letters(text: str) -> str:
    """The letters (CJK and Latin alike) a reader sees, compatibility-normalised: a fix may
    turn `Ａ` into `A` (same letter) but must never add, drop or change one."""
    article = parse(text)
    pieces = [article.header.title.value] if article.header.title else []
    pieces += [run.text for run in article.runs]
    normal = unicodedata.normalize("NFKC", "".join(pieces))
    return "".join(char for char in normal if char.isalpha())
