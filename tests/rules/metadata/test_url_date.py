"""M003 url-date."""

from __future__ import annotations

import pytest

from lint import Severity
from rules.metadata.url_date import UrlDate
from tests.rules.outlets import OUTLETS, outlet_text
from tests.support import SAMPLE, positions, run

VOA = "https://www.voachinese.com/a/{}/5497263.html"


def _column(url: str, digits: str) -> str:
    return f"2:{len('[测试标题](') + url.index(digits) + 1} M003"


@pytest.mark.parametrize(("path", "flagged"), [
    ("arms-sale-20200720", None),
    ("arms-sale-20200721", None),  # a day apart: Washington vs GMT dates
    ("arms-sale-20200719", None),
    ("arms-sale-20200723", "20200723"),
    ("arms-sale-20100720", "20100720"),  # the outlet's own typo (seen in the archive)
    ("arms-sale-07182020", None),  # MMDDYYYY is not a valid YYYYMMDD
    ("arms-sale-20201340", None),  # not a date
    ("arms-sale-120200720", None),  # part of a longer number
    ("5497263", None),  # no date at all
    ("a-20200720-20200101", "20200101"),
])
def test_voa_urls(path: str, flagged: str | None) -> None:
    url = VOA.format(path)
    found = run(UrlDate, outlet_text("voa", url=url))
    assert positions(found) == ([_column(url, flagged)] if flagged else [])


def test_only_the_path_counts() -> None:
    url = "https://www.voachinese.com/a/5497263.html?from=20100101#20100101"
    assert run(UrlDate, outlet_text("voa", url=url)) == []


def test_message_and_severity() -> None:
    [found] = run(UrlDate, outlet_text("voa", url=VOA.format("arms-20100720")))
    assert found.severity is Severity.INFO
    assert found.message == ("the URL's date `20100720` (2010-07-20) is 3653 days before "
                             "the publication date 2020-07-20 in the date element")


@pytest.mark.parametrize("name", list(OUTLETS))
def test_each_outlets_own_url_passes(name: str) -> None:
    assert run(UrlDate, outlet_text(name)) == []


def test_nyt_date_is_read_in_beijing_time() -> None:
    """01:30 on 22 July in Beijing is 21 July in UTC; the URL's 20200723 is one day off in
    Beijing time but two in UTC."""
    url = "https://cn.nytimes.com/china/20200723/test/"
    opening = "<div><i>本报记者<br>2020-07-22 01:30:00</i></div>"
    assert run(UrlDate, outlet_text("nyt", url=url, opening=opening)) == []
    url = "https://cn.nytimes.com/china/20200724/test/"
    assert positions(run(UrlDate, outlet_text("nyt", url=url, opening=opening))) == [
        _column(url, "20200724")]


def test_rfi_url_date_checked() -> None:
    url = "https://www.rfi.fr/cn/中国/20200702-test-article"
    assert positions(run(UrlDate, outlet_text("rfi", url=url))) == [_column(url, "20200702")]


@pytest.mark.parametrize("text", [
    outlet_text("voa", opening=""),  # no date to compare with
    outlet_text("voa", url="not a url 20100101"),
    outlet_text("voa", url=""),
    "<!--1-->\n[t](https://www.voachinese.com/a/x-20100101/1.html)\n------\n\n",
])
def test_nothing_to_compare(text: str) -> None:
    assert run(UrlDate, text) == []


def test_sample_url_within_a_day() -> None:
    """The sample's URL says 20231213, its date is 14 Dec 00:59 GMT: a day apart, fine."""
    assert run(UrlDate, SAMPLE.read_text(encoding="utf-8")) == []
