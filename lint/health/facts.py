"""The per-file facts a report needs beyond diagnostics, read from the parsed article.

`article_summary` runs inside the lint pipeline (`Mode.summarize`), in worker processes
too, so it is a module-level function and returns plain JSON-able data. It is cheap: the
profile and the date element are memoised on the article, and the structure and metadata
rules have usually looked them up already.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lint.article import Article
from lint.profiles import profile_for
from lint.published import archive_time, publication_date

UNKNOWN_OUTLET = "unknown"
MAX_TEXT = 300  # a title or URL longer than this is cut: the report shows, it does not keep


def article_summary(article: Article) -> dict[str, Any]:
    """`outlet` (profile name), `month` (`YYYY-MM` or None), `dated` (`published`: from the
    body's date element; `archived`: from the line-1 timestamp), `title` and `url`."""
    summary: dict[str, Any] = {"outlet": UNKNOWN_OUTLET, "month": None, "dated": None,
                               "title": "", "url": ""}
    header = article.header
    if header.title is not None:
        summary["title"] = _cut(header.title.value)
    if header.url is not None:
        summary["url"] = _cut(header.url.value.strip())
    # A report must never take the run down: a fact that cannot be read stays unknown.
    try:
        summary["outlet"] = profile_for(article).name
    except Exception:
        pass
    try:
        published = publication_date(article)
    except Exception:
        published = None
    if published is not None:
        summary["month"], summary["dated"] = _month(published.local), "published"
        return summary
    archived = archive_time(article)
    if archived is not None:
        summary["month"], summary["dated"] = _month(archived), "archived"
    return summary


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


def _month(when: datetime) -> str:
    return f"{when.year:04d}-{when.month:02d}"
