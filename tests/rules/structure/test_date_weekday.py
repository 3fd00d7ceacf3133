"""S005 date-weekday."""

from __future__ import annotations

import pytest

from lint import DEFAULT_PROFILES, Article, SourceText
from rules.structure.date_weekday import DateWeekday
from tests.rules.outlets import outlet_text
from tests.support import SAMPLE, article_text, fixed, positions, run

P = "<p>正文。</p>"


@pytest.mark.parametrize(("date", "expected"), [
    ("Thu, 14 Dec 2023 00:59:03 GMT", []),
    ("Tue, 14 Dec 2023 00:59:03 GMT", ["5:9 S005"]),
    ("Thursday, 14 Dec 2023 00:59:03 GMT", []),
    ("Monday, 14 Dec 2023 00:59:03 GMT", ["5:9 S005"]),
    ("14 Dec 2023 00:59:03 GMT", []),  # no weekday written
    ("Tue, 34 Dec 2023 00:59:03 GMT", []),  # not a date: S004 reports it
    ("Thu, 14 Dec 2023 23:59:03 -0500", []),  # the weekday of the date as written
])
def test_cases(date: str, expected: list[str]) -> None:
    text = article_text(f"<div><i>{date}</i></div>{P}")
    assert positions(run(DateWeekday, text)) == expected


def test_the_seeded_weekday_is_found_at_the_weekday_and_fixed() -> None:
    """`Thu,` → `Tue,` on a Thursday date in the real sample."""
    sample = SAMPLE.read_text(encoding="utf-8")
    seeded = sample.replace("<i>Thu,", "<i>Tue,", 1)
    [found] = run(DateWeekday, seeded)
    assert (found.span.line, found.span.column, found.span.end_column) == (5, 9, 12)
    assert "14 Dec 2023 is a Thursday" in found.message
    assert fixed(DateWeekday, seeded) == sample
    assert run(DateWeekday, sample) == []


@pytest.mark.parametrize(("before", "after"), [
    ("Tue, 14 Dec 2023 00:59:03 GMT", "Thu, 14 Dec 2023 00:59:03 GMT"),
    ("MONDAY, 14 Dec 2023 00:59:03 GMT", "THURSDAY, 14 Dec 2023 00:59:03 GMT"),
    ("wed, 14 Dec 2023 00:59:03 GMT", "thu, 14 Dec 2023 00:59:03 GMT"),
])
def test_fix_keeps_the_style(before: str, after: str) -> None:
    text = article_text(f"<div><i>{before}</i></div>{P}")
    assert fixed(DateWeekday, text) == text.replace(before, after)


def test_chinese_weekday_in_a_configured_format() -> None:
    profiles = DEFAULT_PROFILES.with_overrides({"example": {
        "hosts": ["example.org"], "date-required": True, "date-markup": ["<div>{date}</div>"],
        "date-formats": ["%Y年%m月%d日 星期四", "%Y年%m月%d日 星期三"]}})
    body = "<div>2020年07月22日 星期四</div>" + P  # 22 July 2020 was a Wednesday
    text = outlet_text("voa", opening="", body=body, url="https://example.org/1.html")
    found = list(DateWeekday().check(Article.parse(SourceText(text), profiles=profiles)))
    assert positions(found) == ["5:18 S005"]
    assert found[0].fix is not None and found[0].fix.edits[0].content == "星期三"


@pytest.mark.parametrize("name", ["voa", "bbc", "dw", "reuters", "nyt", "rfi", "rfa"])
def test_outlets_without_weekdays_pass(name: str) -> None:
    assert run(DateWeekday, outlet_text(name)) == []
