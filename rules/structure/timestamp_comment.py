"""S001 timestamp-comment."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timezone

from lint import Article, Diagnostic, FixAvailability, Rule, Severity

_MIN_MS = int(datetime(2000, 1, 1, tzinfo=timezone.utc).timestamp() * 1000)
_DAY_MS = 86_400_000


class TimestampComment(Rule):
    """## What it does
    Checks that line 1 is the archive timestamp: an HTML comment holding the 13-digit
    number of milliseconds since 1970 (UTC) at which the article was archived, between
    2000-01-01 and one day from now. A byte-order mark before it is reported too.

    ## Why is this bad?
    Archive tools sort, deduplicate and date articles by this comment. A missing or garbled
    timestamp (seconds instead of milliseconds, a typo'd digit) silently misplaces the
    article in every timeline built from the archive.

    ## Example
    ```
    <!--1702517943-->
    [Title](https://www.voachinese.com/a/x.html)
    ------

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Use instead
    ```
    <!--1702517943000-->
    [Title](https://www.voachinese.com/a/x.html)
    ------

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Removing a byte-order mark and the spaces around the number are safe fixes. A wrong
    number is not fixed: only the archive knows the right one.
    """

    code = "S001"
    depends_on_clock = True  # "outside 2000-01-01 .. tomorrow" moves with the date
    name = "timestamp-comment"
    summary = "Line 1 is `<!--N-->` with N a 13-digit millisecond timestamp"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        source = article.source
        start, line_end = source.line_bounds(1)  # (no LineInfo object)
        text = source.text[start:line_end].removesuffix("\r")
        if text.startswith("\ufeff"):
            yield self.diagnostic(
                article, start, start + 1, "the file starts with a byte-order mark",
                fix=self.replace(start, start + 1, "", "Remove the byte-order mark"))
            text, start = text[1:], start + 1
        field = article.header.timestamp
        if field is None or not text.startswith("<!--"):
            end = start + len(text)
            what = "is empty" if not text.strip() else "is not an HTML comment"
            yield self.diagnostic(
                article, start, max(end, start),
                f"line 1 {what}; it should be the archive timestamp `<!--N-->` "
                "(milliseconds since 1970, UTC)")
            return
        comment_end = field.end + 3
        if comment_end < line_end and text[comment_end - start:].strip():
            yield self.diagnostic(article, comment_end, start + len(text.rstrip()),
                                  "unexpected text after the timestamp comment")
        yield from self._number(article, field.value, field.start, field.end)

    def _number(self, article: Article, value: str, start: int,
                end: int) -> Iterator[Diagnostic]:
        digits = value.strip()
        if digits != value and digits:
            lead = len(value) - len(value.lstrip())
            yield self.diagnostic(
                article, start, end, "spaces around the timestamp",
                fix=self.replace(start, end, digits, "Remove the spaces"))
            start, end = start + lead, start + lead + len(digits)
        if not digits:
            yield self.diagnostic(article, start, end, "the timestamp comment is empty")
            return
        if not (digits.isascii() and digits.isdigit()):
            yield self.diagnostic(article, start, end,
                                  f"`{_short(digits)}` is not a number of milliseconds")
            return
        if len(digits) == 10:
            yield self.diagnostic(
                article, start, end,
                f"`{digits}` has 10 digits: seconds, not milliseconds (expected 13 digits)")
            return
        if len(digits) != 13:
            yield self.diagnostic(article, start, end,
                                  f"`{_short(digits)}` has {len(digits)} digits, expected 13")
            return
        value_ms = int(digits)
        now_ms = int(time.time() * 1000)
        if value_ms < _MIN_MS or value_ms > now_ms + _DAY_MS:
            when = datetime.fromtimestamp(value_ms / 1000, tz=timezone.utc)
            yield self.diagnostic(
                article, start, end,
                f"timestamp {digits} is {when:%Y-%m-%d %H:%M} UTC, outside 2000-01-01 .. "
                "tomorrow")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
