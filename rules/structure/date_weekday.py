"""S005 date-weekday."""

from __future__ import annotations

from collections.abc import Iterator

from lint import (
    Article,
    Diagnostic,
    FixAvailability,
    Rule,
    Severity,
    date_lookup,
    weekday_like,
    weekday_tokens,
)

_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# For each weekday, the first three letters of the six others.
_OTHERS = tuple(tuple(name[:3].lower() for name in _NAMES if name != own) for own in _NAMES)


class DateWeekday(Rule):
    """## What it does
    Checks that a weekday written in the date element (`Thu,` in an RFC 2822 date,
    `星期四` in a custom format) is the weekday of the date written next to it.

    ## Why is this bad?
    A wrong weekday means one of the two was mistyped or edited by hand; readers and tools
    that trust the weekday (or the day) get the wrong one.

    ## Example
    ```
    <div><i>Tue, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Safe: the weekday is rewritten from the day, month and year (in the same style: `Thu`,
    `Thursday`, `星期四`). The day itself is never changed.
    """

    code = "S005"
    name = "date-weekday"
    summary = "A weekday written in the date is the weekday of that date"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        element = date_lookup(article).element
        if element is None or element.date is None:
            return
        local = element.date.local
        actual = local.weekday()
        raw = article.text[element.text_start:element.text_end]
        if _only_right(raw, actual):
            return
        for token in weekday_tokens(raw):
            if token.index == actual:
                continue
            start, end = element.text_start + token.start, element.text_start + token.end
            right = weekday_like(token.token, actual)
            yield self.diagnostic(
                article, start, end,
                f"`{token.token}` is wrong: {local:%d %b %Y} is a {_NAMES[actual]}",
                fix=self.replace(start, end, right, f"Replace with `{right}`"))


def _only_right(raw: str, actual: int) -> bool:
    """True when every weekday that `weekday_tokens(raw)` can find is `actual`, told
    without its regex and token objects: an ASCII text (where matching regardless of case
    is plain ASCII) in which no other weekday's first three letters occur, in any case.
    Nearly every date element (`Thu, 14 Dec 2023 …` on a Thursday) is one."""
    if not raw.isascii():
        return False
    lower = raw.lower()
    for other in _OTHERS[actual]:
        if other in lower:
            return False
    return True
