"""M003 url-date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lint import Article, Diagnostic, FixAvailability, Precision, Rule, Severity
from lint import date_lookup

# Eight digits that are not part of a longer number (`-20200720/`, not `5510210`): the
# runs of eight digits or more, of which those of exactly eight count. (A lookbehind
# would match the same, but `re` then tries every position; a leading digit class lets
# it skip to the next digit.)
_DIGITS = re.compile(r"[0-9]{8,}")
# A `YYYYMMDD` outside these years is more likely an article number than a date.
_YEARS = range(1990, 2100)


class UrlDate(Rule):
    """## What it does
    Checks that a date written as `YYYYMMDD` in the title URL's path (VOA writes
    `…-20231213/7397500.html`) is within one day of the publication date in the date
    element (read in the source profile's time zone, so that the outlet's local date and
    a UTC date may differ by a day). Eight digits that are not a valid date between 1990
    and 2099 (`07182020`, an article number) are ignored, as are URLs without one.

    ## Why is this bad?
    The URL date usually is the publication date; when they disagree, either the date
    element belongs to another article, or the outlet's URL has a typo (`…-20100710/` on
    a 2020 article). Informational: the URL cannot be changed, but the date element might
    be wrong.

    ## Example
    ```
    <!--1702517943000-->
    [巴基斯坦寻求美国帮助](https://www.voachinese.com/a/pakistan-20131213/7397500.html)
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
    None.

    ## Fix safety
    No fix: the URL is the outlet's.
    """

    code = "M003"
    name = "url-date"
    summary = "A `YYYYMMDD` in the title URL is within a day of the publication date"
    severity = Severity.INFO
    fix_availability = FixAvailability.NONE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        url = article.header.url
        if url is None:
            return
        # The URL's dates first (one scan): without any, the publication date is not
        # needed in the profile's zone.
        start, end = _path(url.value)
        dates = [(match.start(), digits, found)
                 for match in _DIGITS.finditer(url.value, start, end)
                 if len(digits := match.group()) == 8 and (found := _date(digits)) is not None]
        if not dates:
            return
        lookup = date_lookup(article)
        element = lookup.element
        if element is None or element.date is None:
            return
        parsed = element.date
        if parsed.precision is Precision.DAY:
            published = parsed.local.date()
        else:
            published = parsed.value.astimezone(lookup.profile.zone).date()
        for offset, digits, found in dates:
            days = (found - published).days
            if abs(days) <= 1:
                continue
            at = url.start + offset
            yield self.diagnostic(
                article, at, at + 8,
                f"the URL's date `{digits}` ({found.isoformat()}) is {abs(days)} "
                f"days {'after' if days > 0 else 'before'} the publication date "
                f"{published.isoformat()} in the date element")


def _path(url: str) -> tuple[int, int]:
    """Offsets of the path in `url` (after `scheme://host`, before `?` or `#`); an empty
    range when `url` is not absolute (S002 reports that)."""
    scheme = url.find("://")
    start = url.find("/", scheme + 3) if scheme != -1 else -1
    if start == -1:
        return len(url), len(url)
    end = len(url)
    for stop in "?#":
        at = url.find(stop, start, end)
        if at != -1:
            end = at
    return start, end


def _date(digits: str) -> date | None:
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    if year not in _YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
