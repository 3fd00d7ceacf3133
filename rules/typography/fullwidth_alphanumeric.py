"""T006 fullwidth-alphanumeric."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint import Article, Diagnostic, FixAvailability, Rule, Severity

from rules.typography._cjk import quote
from rules.typography._index import joined

# Halfwidth and Fullwidth Forms (Unicode Blocks.txt): FF10-FF19 digits, FF21-FF3A and
# FF41-FF5A Latin letters; each is its ASCII form plus 0xFEE0.
_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")  # one class: linear
_OFFSET = 0xFEE0
_LETTERS_AND_DIGITS = "".join(chr(code) for code in range(0xFF10, 0xFF5B)
                              if _FULLWIDTH.fullmatch(chr(code)))


def to_ascii(text: str) -> str:
    return "".join(chr(ord(char) - _OFFSET) for char in text)


class FullwidthAlphanumericRule(Rule):
    """## What it does
    Finds full-width Latin letters and digits (`ＡＢＣ１２３`, U+FF10-U+FF19,
    U+FF21-U+FF3A, U+FF41-U+FF5A). A stretch of them is reported once.

    ## Why is this bad?
    Chinese text writes Latin letters and Arabic numerals in their ordinary (half-width)
    form (GB/T 15835 on numbers). Full-width forms look stretched, and they defeat searching
    the archive: `２０２３` does not match `2023`, `ＣＩＡ` does not match `CIA`.

    ## Example
    ```
    <p>大约３００万阿富汗人生活在巴基斯坦。</p>
    ```

    ## Use instead
    ```
    <p>大约300万阿富汗人生活在巴基斯坦。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Safe: each character becomes its ASCII form, which is its Unicode compatibility
    decomposition (NFKC), so the text reads the same. A stretch written with character
    references is replaced as a whole.
    """

    code = "T006"
    name = "fullwidth-alphanumeric"
    summary = "Full-width Latin letters or digits such as `ＡＢＣ１２３`"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        found = joined(article)
        if not found.holds_any(_LETTERS_AND_DIGITS):
            return  # none at all (nearly every article): no regex pass needed
        for text, first, last in found.hits(_FULLWIDTH):
            written = text.text[first:last]
            (start, end), span = text.spans(first, last)
            wanted = to_ascii(written)
            fix = None if span is None else self.replace(
                *span, wanted, f"Replace with `{wanted}`")
            yield self.diagnostic(
                article, start, end,
                f"full-width letters or digits {quote(written)}; write "
                f"{quote(wanted)}", fix=fix)
