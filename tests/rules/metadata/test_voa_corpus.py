"""The metadata rules on the 135 real VOA articles: every timestamp is minutes to a day
after its GMT date; one URL carries the outlet's own typo (`-20100710/` on a 2020-07-10
article), which is the only diagnostic."""

from __future__ import annotations

from rules.metadata.archive_lag import ArchiveLag
from rules.metadata.archived_before_published import ArchivedBeforePublished
from rules.metadata.url_date import UrlDate
from tests.support import FIXTURES, SAMPLE, run

FILES = sorted((FIXTURES / "voa").glob("*.md"))


def test_timestamps_are_consistent() -> None:
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert run(ArchivedBeforePublished, text) == [], path.name
        assert run(ArchiveLag, text) == [], path.name
    # A tight limit finds the one file archived more than a day after publication (25
    # hours, measured by hand): the rule really compares.
    late = [p.name for p in FILES
            if run(ArchiveLag, p.read_text(encoding="utf-8"), **{"max-lag": "1d"})]
    assert late == ["1047795_专家：有证据显示中国隐瞒信息导致世纪之灾.md"]


def test_url_dates() -> None:
    found = {p.name: run(UrlDate, p.read_text(encoding="utf-8")) for p in FILES}
    flagged = {name: [d.message for d in ds] for name, ds in found.items() if ds}
    assert flagged == {"1047959_美国宣布新一轮对台军售，为特朗普上任后的第七次.md": [
        "the URL's date `20100710` (2010-07-10) is 3653 days before the publication date "
        "2020-07-10 in the date element"]}


def test_sample() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for rule in (ArchivedBeforePublished, ArchiveLag, UrlDate):
        assert run(rule, text) == []
