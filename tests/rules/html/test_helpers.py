"""The HTML family's shared helpers agree with the definitions they speed up."""

from __future__ import annotations

import itertools

from rules.html._urls import scheme_of


def _scheme_by_definition(value: str) -> str:
    colon = value.find(":")
    if colon <= 0:
        return ""
    scheme = value[:colon]
    if not scheme[0].isascii() or not scheme[0].isalpha():
        return ""
    if not all(char.isascii() and (char.isalnum() or char in "+-.") for char in scheme):
        return ""
    return scheme


def test_scheme_of_matches_its_definition() -> None:
    alphabet = "aZ0+-.:/é\u212a\t x_"
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            value = "".join(chars)
            assert scheme_of(value) == _scheme_by_definition(value), value
    for value in ("javascript:alert(1)", "https://a.b/c", "data:text/html,x", "a+b.c-d:x",
                  "1http:x", ":x", "jav ascript:x", "ｊavascript:x"):
        assert scheme_of(value) == _scheme_by_definition(value), value
