"""M001 archived-before-published."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from lint import Article, Diagnostic, FixAvailability, Rule, RuleOptions, Severity
from lint import archive_time, date_lookup
from rules.metadata._duration import Duration, human
from rules.metadata._published import utc, when


class ArchivedBeforePublished(Rule):
    """## What it does
    Checks that the archive timestamp on line 1 is not earlier than the publication time
    in the date element. The date is read in the source profile's time zone when it is
    written without one (the New York Times' `2020-07-20 19:22:17` is Beijing time,
    Reuters' `2020-07-20T10:20:18` is UTC); a date-only value counts from the start of
    its day.

    ## Why is this bad?
    An article cannot be archived before it was published: one of the two is wrong, most
    often a timestamp from the wrong clock or a hand-edited date, and every timeline built
    from the archive misplaces the article.

    ## Example
    ```
    <!--1702511943000-->
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
    `tolerance` (default `0`): how much earlier than the publication time the timestamp
    may be, e.g. `"5m"` for clocks that drift (`30d`, `12h`, `90m`, `45s` or seconds).

    ## Fix safety
    No fix: which of the two times is wrong is not in the file.
    """

    code = "M001"
    name = "archived-before-published"
    summary = "The archive timestamp is not earlier than the publication time"
    severity = Severity.ERROR
    fix_availability = FixAvailability.NONE

    class Options(RuleOptions):
        tolerance: Duration = timedelta(0)

    def check(self, article: Article) -> Iterator[Diagnostic]:
        archived = archive_time(article)
        element = date_lookup(article).element
        field = article.header.timestamp
        if archived is None or element is None or element.date is None or field is None:
            return
        date = element.date
        tolerance: timedelta = self.options.tolerance  # type: ignore[attr-defined]
        early = date.value - archived
        if early <= tolerance:
            return
        yield self.diagnostic(
            article, field.start, field.end,
            f"archived at {utc(archived)}, {human(early)} before the publication time "
            f"{when(element, date)}")
