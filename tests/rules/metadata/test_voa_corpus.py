"""The metadata rules on the 135 real VOA articles: every timestamp is minutes to a day
after its GMT date; one URL carries the outlet's own typo (`-20100710/` on a 2020-07-10
article), which is the only diagnostic."""

from __future__ import annotations

from functools import cache

from lint import Article
from rules.metadata.archive_lag import ArchiveLag
from rules.metadata.archived_before_published import ArchivedBeforePublished
from rules.metadata.url_date import UrlDate
from tests.support import FIXTURES, SAMPLE, parse, run

FILES = sorted((FIXTURES / "voa").glob("*.md"))


@cache
def _articles() -> list[Article]:
    return [parse(path.read_text(encoding="utf-8"), path.name) for path in FILES]


def test_timestamps_are_consistent() -> None:
    for article in _articles():
        assert list(ArchivedBeforePublished().check(article)) == [], article.path
        assert list(ArchiveLag().check(article)) == [], article.path
    # A tight limit finds the one file archived more than a day after publication (25
    # hours, measured by hand): the rule really compares.
    tight = ArchiveLag(ArchiveLag.Options.model_validate({"max-lag": "1d"}))
    late = [article.path for article in _articles() if list(tight.check(article))]
    assert late == ["1047795_专家：有证据显示中国隐瞒信息导致世纪之灾.md"]


def test_url_dates() -> None:
    flagged = {article.path: [d.message for d in UrlDate().check(article)]
               for article in _articles()}
    assert {path: messages for path, messages in flagged.items() if messages} == {
        "1047959_美国宣布新一轮对台军售，为特朗普上任后的第七次.md": [
            "the URL's date `20100710` (2010-07-10) is 3653 days before the publication "
            "date 2020-07-10 in the date element"]}


def test_sample() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for rule in (ArchivedBeforePublished, ArchiveLag, UrlDate):
        assert run(rule, text) == []
