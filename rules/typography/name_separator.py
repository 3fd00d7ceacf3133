"""T002 name-separator."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from pydantic import Field, field_validator

from lint import (
    Applicability,
    Article,
    Diagnostic,
    FixAvailability,
    Rule,
    RuleOptions,
    Severity,
)

from rules.typography._cjk import Prepared, is_cjk
from rules.typography._index import joined

# Dots that stand in for the middle dot between the parts of a transliterated name:
# U+2022 bullet, U+30FB katakana middle dot, U+2027 hyphenation point, U+FF65 halfwidth
# katakana middle dot, U+2219 bullet operator, U+22C5 dot operator, U+00B7 middle dot (wrong
# only when another separator is configured), and the ASCII full stop.
CANDIDATES = frozenset("\u2022\u30fb\u2027\uff65\u2219\u22c5\u00b7.")
_NAMES = {"\u2022": "U+2022 bullet", "\u30fb": "U+30FB katakana middle dot",
          "\u2027": "U+2027 hyphenation point", "\uff65": "U+FF65 half-width katakana dot",
          "\u2219": "U+2219 bullet operator", "\u22c5": "U+22C5 dot operator",
          "\u00b7": "U+00B7 middle dot", ".": "an ASCII full stop"}


class NameSeparatorRule(Rule):
    """## What it does
    Finds the parts of a transliterated foreign name joined by a look-alike dot instead of
    the middle dot `·` U+00B7: `•` U+2022, `・` U+30FB, `‧` U+2027, `･` U+FF65, `∙` U+2219,
    `⋅` U+22C5 or an ASCII `.`, written directly between two CJK characters
    (`阿西姆•穆尼尔`). A dot with spaces around it (a list bullet, a headline separator) is
    not a name separator and is left alone.

    ## Why is this bad?
    The interpunct `·` U+00B7 is the separator of foreign names in Chinese (GB/T 15834
    §4.15). Look-alikes render at different heights and widths, and they break searching
    the archive for a name.

    ## Example
    ```
    <p>巴基斯坦陆军参谋长阿西姆•穆尼尔（Asim Munir）抵达华盛顿。</p>
    ```

    ## Use instead
    ```
    <p>巴基斯坦陆军参谋长阿西姆·穆尼尔（Asim Munir）抵达华盛顿。</p>
    ```

    ## Options
    `separator` (default `"·"`): the wanted separator, one character. Any other candidate
    dot between two CJK characters, including `·` itself when another separator is
    configured, is reported.

    ## Fix safety
    Replacing a look-alike dot with the separator is safe. The fix for an ASCII `.` is
    unsafe: between two Chinese characters it is usually a name separator (`范.荷伦`), but
    it may also be a sentence's full stop typed in English mode, which wants `。`.
    """

    code = "T002"
    name = "name-separator"
    summary = "A foreign name's parts joined by a look-alike dot instead of `·`"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    class Options(RuleOptions):
        separator: str = Field(default="\u00b7")

        @field_validator("separator")
        @classmethod
        def _one_character(cls, value: str) -> str:
            if len(value) != 1 or value.isalnum() or value.isspace():
                raise ValueError("the separator must be one punctuation character, e.g. `·`")
            return value

    def check(self, article: Article) -> Iterator[Diagnostic]:
        wanted = self.options.separator  # type: ignore[attr-defined]
        found = joined(article)
        value = found.value
        # The dots are rare: find each with `str.find` (see _index), then look at its two
        # neighbours (a separator between texts is not CJK, as a text's end is not). Most
        # are ASCII full stops in Latin text: a comprehension passes over every dot with a
        # neighbour below U+2E80 (where CJK_RANGES begin) without a call each.
        between_high = [index for index in found.positions(_wrong_dots(wanted))
                        if value[index - 1:index] >= "\u2e80"
                        and value[index + 1:index + 2] >= "\u2e80"]
        for index in between_high:
            if not (is_cjk(value[index - 1]) and is_cjk(value[index + 1])):
                continue
            text, local = found.locate(index)
            if not text.in_url(local):
                yield self._report(article, text, local, wanted)

    def _report(self, article: Article, text: Prepared, index: int,
                wanted: str) -> Diagnostic:
        value = text.text
        char = value[index]
        (start, end), span = text.spans(index, index + 1)
        applicability = Applicability.UNSAFE if char == "." else Applicability.SAFE
        fix = None if span is None else self.replace(
            *span, wanted, f"Replace with `{wanted}`", applicability)
        snippet = value[index - 1:index + 2]
        return self.diagnostic(
            article, start, end,
            f"name parts joined by {_NAMES[char]} in `{snippet}`; use `{wanted}`",
            fix=fix)


@cache
def _wrong_dots(wanted: str) -> str:
    return "".join(sorted(CANDIDATES - {wanted}))
