"""S012 feed-advert (off by default, safe fix removes the block)."""

from __future__ import annotations

import pytest

from rules.structure.feed_advert import FeedAdvert
from tests.support import SAMPLE, article_text, fixed, positions, run

P = "<p>正文。</p>"
ADVERT = ('<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" '
          'target="_blank">https://feedx.net</a> <br><a href="https://feedx.xyz" '
          'style="color:orange" target="_blank">https://feedx.xyz</a><br></div>')


def test_off_by_default() -> None:
    assert FeedAdvert.enabled_by_default is False


@pytest.mark.parametrize(("body", "expected"), [
    (P + ADVERT, ["5:11 S012"]),
    (P + ADVERT + " ", ["5:11 S012"]),
    (P + ADVERT[8:], ["5:11 S012"]),  # without the `<br><hr>` lead-in
    (P + ADVERT + P, []),  # not at the end: not the feed's advert
    (P, []),
    (P + "<div>获取更多信息请访问官网</div>", []),
    ("", []),
])
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(FeedAdvert, article_text(body))) == expected


def test_span_covers_the_block() -> None:
    [found] = run(FeedAdvert, article_text(P + ADVERT))
    assert found.span.end_offset - found.span.offset == len(ADVERT)


@pytest.mark.parametrize(("before", "after"), [
    (P + ADVERT, P),
    (P + "<p>\u00a0</p>" + ADVERT, P + "<p>\u00a0</p>"),  # only the block
    (P + ADVERT.replace("<br></div>", "<!-- note --></div>"),
     P + ADVERT.replace("<br></div>", "<!-- note --></div>")),  # a comment inside: no fix
])
def test_fix_removes_exactly_the_block(before: str, after: str) -> None:
    assert fixed(FeedAdvert, article_text(before)) == article_text(after)


def test_custom_markers() -> None:
    body = P + "<hr><div>更多资讯 请订阅</div>"
    assert run(FeedAdvert, article_text(body)) == []
    assert positions(run(FeedAdvert, article_text(body), markers=["更多资讯请订阅"])) == [
        "5:11 S012"]


def test_sample_has_none() -> None:
    assert run(FeedAdvert, SAMPLE.read_text(encoding="utf-8")) == []
