"""Bad input gets diagnostics, never an exception: every S and M rule of issue 3 on
malformed dates, URLs without dates, images without `src`, empty and broken bodies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Rule
from rules.metadata.archive_lag import ArchiveLag
from rules.metadata.archived_before_published import ArchivedBeforePublished
from rules.metadata.url_date import UrlDate
from rules.structure.caption import Caption
from rules.structure.date_div import DateDiv
from rules.structure.date_weekday import DateWeekday
from rules.structure.duplicate_paragraph import DuplicateParagraph
from rules.structure.empty_paragraph import EmptyParagraph
from rules.structure.feed_advert import FeedAdvert
from rules.structure.image import Image
from rules.structure.image_alt import ImageAlt
from tests.rules.outlets import OUTLETS, outlet_text
from tests.support import article_text, fixed, positions, run

RULES: list[type[Rule]] = [DateDiv, DateWeekday, Image, ImageAlt, Caption, EmptyParagraph,
                           DuplicateParagraph, FeedAdvert, ArchivedBeforePublished,
                           ArchiveLag, UrlDate]

BAD = [
    "", "\n", "<!--", "<!---->\n[](\n---\n\n", "<!--1702517943000-->\n[t](x)\n------\n",
    article_text(""), article_text("\r"), article_text("<"), article_text("<div><i>"),
    article_text("<div><i>Thu, 14 Dec 2023 00:59:03 GMT"),
    article_text("<div><i>Thu, 99 Zzz 9999 99:99:99 XYZ</i></div><p>a</p>"),
    article_text("<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><img><div><small></small>"),
    article_text("<img src=><img src='' width= height=\"-1\"><p><p></p>"),
    article_text("<div><i><br>2020-07-20T14:58:19Z</i></div><img src=\"http://[::1\">"),
    article_text("<divclass=x><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div>" + "<p>&nbsp;" * 50),
    article_text("<p>a</p>" * 3 + "<br><hr><div>获取更多RSS：<br><a href=x>"),
    article_text("</div></i><div><small>孤</small></div><a><img></a><figure><img>"),
    outlet_text("voa", url="https://www.voachinese.com/a/x-99999999/1.html"),
    outlet_text("voa", url="https://www.voachinese.com/a/no-date/1.html"),
    outlet_text("nyt", opening="<div><i>" + "<br>" * 3 + "2020-07-20 19:22:17</i></div>"),
    outlet_text("rfi", opening="<div>31/02/2020 - 17:50</div>"),
    outlet_text("bbc", opening="<div><i>2020年 2月 30日</i></div>"),
    "<!--99999999999999999999-->\n" + outlet_text("voa").split("\n", 1)[1],
    "<!--0000000000001-->\n" + outlet_text("voa").split("\n", 1)[1],
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
@pytest.mark.parametrize("text", BAD)
def test_no_exception(rule: type[Rule], text: str) -> None:
    for diagnostic in run(rule, text):
        assert 0 <= diagnostic.span.offset <= diagnostic.span.end_offset <= len(text)
        assert diagnostic.message and diagnostic.code not in diagnostic.message
    fixed(rule, text, unsafe=True)


def test_clear_diagnostics_for_the_classic_failures() -> None:
    malformed = outlet_text("voa", opening="<div><i>Thu, 14 Dec 2023 25:61:00 GMT</i></div>")
    [date] = run(DateDiv, malformed)
    assert "is not a valid date" in date.message
    [img] = run(Image, article_text('<p>a</p><img width="100%">'))
    assert positions([img]) == ["5:9 S006"] and img.message == "`<img>` has no `src`"
    nodate = outlet_text("voa", url="https://www.voachinese.com/a/7397500.html")
    assert run(UrlDate, nodate) == []


_PIECES = st.sampled_from([
    "<div>", "</div>", "<i>", "</i>", "<p>", "</p>", "<br>", "<hr>", "<small>", "</small>",
    '<img src="https://a/x.jpg">', "<img>", '<span class="imageCaption">', "</span>",
    "Thu, 14 Dec 2023 00:59:03 GMT", "2020-07-20T10:20:18", "2020年 7月 20日", "&nbsp;",
    "获取更多RSS：", "正文。", " ", "\r", "<!-- c -->", "<video></video>", "<a href=x>",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.sampled_from(sorted(OUTLETS)))
def test_fuzz_never_raises(pieces: list[str], outlet: str) -> None:
    text = outlet_text(outlet, opening="", body="".join(pieces))
    for rule in RULES:
        run(rule, text)
