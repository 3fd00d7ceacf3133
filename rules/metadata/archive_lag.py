"""M002 archive-lag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from pydantic import Field

from lint import Article, Diagnostic, FixAvailability, Rule, RuleOptions, Severity
from lint import archive_time, date_lookup
from rules.metadata._duration import Duration, human
from rules.metadata._published import utc, when


class ArchiveLag(Rule):
    """## What it does
    Checks that the archive timestamp on line 1 is at most `max-lag` after the
    publication time in the date element (read in the source profile's time zone; a
    date-only value counts from the end of its day).

    ## Why is this bad?
    Feeds are archived minutes to a day after publication. A file archived months later
    is usually an old article re-emitted by the feed, or a date element that kept the date
    of another article: worth a look before it lands in the wrong place of a timeline.

    ## Example
    ```
    <!--1707517943000-->
    [巴基斯坦寻求美国帮助](https://www.voachinese.com/a/pakistan-20231213/7397500.html)
    ------

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Use instead
    ```
    <!--1702517943000-->
    [巴基斯坦寻求美国帮助](https://www.voachinese.com/a/pakistan-20231213/7397500.html)
    ------

    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    `max-lag` (default `"30d"`): the longest accepted delay between publication and
    archiving (`30d`, `12h`, `90m`, `45s`, `2w` or a number of seconds).

    ## Fix safety
    No fix.
    """

    code = "M002"
    name = "archive-lag"
    summary = "The archive timestamp is at most `max-lag` after publication"
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE

    class Options(RuleOptions):
        max_lag: Duration = Field(default=timedelta(days=30), alias="max-lag")

    def check(self, article: Article) -> Iterator[Diagnostic]:
        archived = archive_time(article)
        element = date_lookup(article).element
        field = article.header.timestamp
        if archived is None or element is None or element.date is None or field is None:
            return
        limit: timedelta = self.options.max_lag  # type: ignore[attr-defined]
        lag = archived - element.date.latest
        if lag <= limit:
            return
        yield self.diagnostic(
            article, field.start, field.end,
            f"archived at {utc(archived)}, {human(lag)} after the publication time "
            f"{when(element, element.date)}; the limit (`max-lag`) is {human(limit)}")
