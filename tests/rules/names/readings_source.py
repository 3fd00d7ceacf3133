"""Renders `rules/names/data/readings.txt` from the installed pypinyin:

    python -m tests.rules.names.readings_source > rules/names/data/readings.txt

`test_phonetic` compares the shipped file's entries with this rendering's (a newer
pypinyin whose table changed fails it: regenerate then)."""

from __future__ import annotations

import sys

HEADER = """\
# The default tone-marked pinyin reading of each character, for the phonetic name checks
# (N001, N003): one line per reading, the reading, a tab, then every character whose
# first reading it is. Data: pinyin_dict.json of pypinyin {version}
# (https://github.com/mozillazg/python-pinyin, MIT licence: readings-LICENSE.txt beside
# this file), the first of each character's readings.
# Regenerate: python -m tests.rules.names.readings_source > rules/names/data/readings.txt
"""


def render() -> str:
    """The file's text for the installed pypinyin (readings and characters in order)."""
    import pypinyin
    from pypinyin.pinyin_dict import pinyin_dict

    by_reading: dict[str, list[str]] = {}
    for code in sorted(pinyin_dict):
        first = pinyin_dict[code].split(",")[0]
        if first:
            by_reading.setdefault(first, []).append(chr(code))
    lines = [f"{reading}\t{''.join(chars)}\n" for reading, chars in sorted(by_reading.items())]
    return HEADER.format(version=pypinyin.__version__) + "".join(lines)


if __name__ == "__main__":
    sys.stdout.write(render())
