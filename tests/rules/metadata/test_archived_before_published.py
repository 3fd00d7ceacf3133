"""M001 archived-before-published: timestamps against dates read in the profile's zone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from lint import DEFAULT_PROFILES, Article, SourceText
from rules.metadata.archived_before_published import ArchivedBeforePublished
from tests.rules.outlets import DATED, OUTLETS, outlet_text
from tests.support import SAMPLE, positions, run

MINUTES = timedelta(minutes=30)


def test_nyt_beijing_time_archived_30_minutes_later_is_fine() -> None:
    """`2020-07-20 19:22:17` at cn.nytimes.com is Beijing time (11:22:17 UTC)."""
    nyt = OUTLETS["nyt"]
    text = outlet_text("nyt", archived=nyt.published + MINUTES)
    assert "2020-07-20 19:22:17" in text
    assert run(ArchivedBeforePublished, text) == []
    # Read as UTC, the same file would look archived 7.5 hours early: the zone matters.
    as_utc = DEFAULT_PROFILES.with_overrides({"nyt": {"time-zone": "UTC"}})
    article = Article.parse(SourceText(text), profiles=as_utc)
    [found] = ArchivedBeforePublished().check(article)
    assert "7 hours 30 minutes before" in found.message


@pytest.mark.parametrize("name", DATED)
def test_each_dated_outlet(name: str) -> None:
    published = OUTLETS[name].published
    assert run(ArchivedBeforePublished, outlet_text(name, archived=published + MINUTES)) == []
    early = published - MINUTES - (timedelta(days=1) if name == "bbc" else timedelta(0))
    found = run(ArchivedBeforePublished, outlet_text(name, archived=early))
    assert positions(found) == ["1:5 M001"]


def test_rfi_is_paris_time() -> None:
    """17:50 in Paris in July is 15:50 UTC: archived at 16:00 UTC is after publication."""
    archived = OUTLETS["rfi"].published + timedelta(minutes=10)
    assert run(ArchivedBeforePublished, outlet_text("rfi", archived=archived)) == []


def test_date_only_counts_from_the_start_of_the_day() -> None:
    """BBC writes `2020年 7月 20日`: any time of that day (Beijing time) is fine."""
    start = OUTLETS["bbc"].published  # 2020-07-20 00:00 at UTC+8
    assert run(ArchivedBeforePublished, outlet_text("bbc", archived=start)) == []
    assert positions(run(ArchivedBeforePublished, outlet_text(
        "bbc", archived=start - timedelta(seconds=1)))) == ["1:5 M001"]


def test_message_and_span() -> None:
    text = outlet_text("voa", archived=OUTLETS["voa"].published - timedelta(hours=2))
    [found] = run(ArchivedBeforePublished, text)
    assert found.message == ("archived at 2020-07-20 17:22:03 UTC, 2 hours before the "
                             "publication time `Mon, 20 Jul 2020 19:22:03 GMT`")
    assert (found.span.column, found.span.end_column) == (5, 18)


@pytest.mark.parametrize(("tolerance", "expected"), [
    ("0", ["1:5 M001"]), ("1h", ["1:5 M001"]), ("2h", []), (7200, []), ("PT2H", []),
    ("3d", []),
])
def test_tolerance(tolerance: object, expected: list[str]) -> None:
    text = outlet_text("voa", archived=OUTLETS["voa"].published - timedelta(hours=2))
    assert positions(run(ArchivedBeforePublished, text, tolerance=tolerance)) == expected


@pytest.mark.parametrize("bad", ["soon", "-5m", -1, True])
def test_bad_tolerance(bad: object) -> None:
    with pytest.raises(ValidationError):
        ArchivedBeforePublished.Options(tolerance=bad)


@pytest.mark.parametrize("text", [
    outlet_text("voa").replace("<!--159", "<!--abc"),  # malformed timestamp: S001's
    outlet_text("voa").replace("<!--", "<!--1", 1),  # 14 digits
    outlet_text("voa", opening="<div><i>Mon, 20 Jux 2020 19:22:03 GMT</i></div>"),
    outlet_text("voa", opening=""),
    outlet_text("rfa"), outlet_text("ft"), outlet_text("cdt"),
    "<!--1595000000000-->\n", "",
])
def test_nothing_to_compare(text: str) -> None:
    assert run(ArchivedBeforePublished, text) == []


def test_sample() -> None:
    assert run(ArchivedBeforePublished, SAMPLE.read_text(encoding="utf-8")) == []
