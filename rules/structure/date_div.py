"""S004 date-div."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint import (
    Article,
    DateLookup,
    Diagnostic,
    FixAvailability,
    Rule,
    Severity,
    date_lookup,
    format_example,
)

# Anything but whitespace as `str.strip` sees it (`re` uses the same Unicode table):
# searching for it stops at the first character instead of copying the body.
_VISIBLE = re.compile(r"\S")


class DateDiv(Rule):
    """## What it does
    Checks that the body opens with the date element of the article's source profile and
    that its date reads in one of the profile's formats. The profile is chosen by the title
    URL's host: VOA wants `<div><i>Mon, 20 Jul 2020 19:22:03 GMT</i></div>` (RFC 2822),
    Deutsche Welle `<div><i><br>2020-07-20T14:58:19.428Z</i></div>`, the New York Times
    `<div><i>AUTHOR<br>2020-07-20 19:22:17</i></div>`, RFI `<div>20/07/2020 - 17:50</div>`;
    RFA, FT Chinese and China Digital Times have no date element. For unknown hosts the
    date element is optional: when the body opens with one in any known markup and format,
    it is used; otherwise nothing is reported.

    ## Why is this bad?
    The date element is the article's publication date: archive tools sort by it and the
    metadata rules compare it with the archive timestamp and the URL. A missing element or
    a garbled date (`34 Dec`, a date in another outlet's format) silently drops the
    article out of every timeline.

    ## Example
    ```
    <div>Thu, 14 Dec 2023 00:59:03 GMT</div><p>正文。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None. The expected markup, formats and time zone come from the source profiles
    (`[tool.articlelint.profiles.NAME]` keys `date-required`, `date-markup`,
    `date-formats`, `time-zone`).

    ## Fix safety
    No fix: only the original page knows the right date.
    """

    code = "S004"
    name = "date-div"
    summary = "The body opens with the source profile's date element and a readable date"
    severity = Severity.ERROR
    fix_availability = FixAvailability.NONE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        body = article.body
        if body is None or _VISIBLE.search(article.text, body.start, body.end) is None:
            return  # S011 reports a missing body
        lookup = date_lookup(article)
        profile = lookup.profile
        element = lookup.element
        if element is None:
            if profile.date_required:
                yield self._missing(article, lookup)
            return
        if element.date is not None or not profile.date_required:
            return
        expected = " or ".join(f"`{format_example(f)}`" for f in profile.date_formats)
        if not element.text:
            yield self.diagnostic(
                article, element.start, element.end,
                f"the date element is empty; expected a date such as {expected} "
                f"(source profile `{profile.name}`)")
            return
        yield self.diagnostic(
            article, element.text_start, element.text_end,
            f"`{_short(element.text)}` is not a valid date in the form {expected} "
            f"(source profile `{profile.name}`)")

    def _missing(self, article: Article, lookup: DateLookup) -> Diagnostic:
        profile = lookup.profile
        wanted = " or ".join(f"`{_shown(t)}`" for t in profile.date_markup)
        other = lookup.other
        if other is not None:
            return self.diagnostic(
                article, other.start, other.end,
                f"the date element is written `{_shown(other.template)}`; source profile "
                f"`{profile.name}` expects {wanted}")
        start, end = _opening(article)
        return self.diagnostic(
            article, start, end,
            f"the body does not open with the date element {wanted} (source profile "
            f"`{profile.name}`)")


def _opening(article: Article) -> tuple[int, int]:
    """The span to blame when the date element is missing: the first tag, or the first
    character of the body."""
    assert article.body is not None
    text, body = article.text, article.body
    start = body.start
    while start < body.end and text[start].isspace():
        start += 1
    for element in article.elements():
        if element.start == start:
            return element.start, element.end
        break
    return start, min(start + 1, body.end)


def _shown(template: str) -> str:
    return template.replace("{date}", "DATE").replace("{author}", "AUTHOR")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
