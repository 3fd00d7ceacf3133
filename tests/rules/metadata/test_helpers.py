"""The metadata family's shortcuts agree with the definitions they speed up."""

from __future__ import annotations

import random
import re

from rules.metadata.url_date import _DIGITS, _path


def test_eight_digit_runs_are_the_lookaround_definition() -> None:
    """M003 keeps the runs of eight digits or more that have exactly eight: the same
    spans as eight digits with no digit before or after, inside the URL's path."""
    definition = re.compile(r"(?<![0-9])([0-9]{8})(?![0-9])")
    pieces = ["https://a.b", "/", "-", "2023121", "3", "0", "x", "?", "#", "12345678",
              "٣", "a1"]
    generator = random.Random(9)
    for _ in range(20000):
        url = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 8)))
        start, end = _path(url)
        expected = [(m.start(1), m.group(1)) for m in definition.finditer(url, start, end)]
        found = [(m.start(), m.group()) for m in _DIGITS.finditer(url, start, end)
                 if len(m.group()) == 8]
        assert found == expected, url
