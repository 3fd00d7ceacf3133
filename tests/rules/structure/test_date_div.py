"""S004 date-div: the profile's date element opens the body."""

from __future__ import annotations

import pytest

from rules.structure.date_div import DateDiv
from tests.rules.outlets import DATED, OUTLETS, outlet_text
from tests.support import DATE_DIV, article_text, positions, run

P = "<p>正文。</p>"


@pytest.mark.parametrize(("body", "expected"), [
    (DATE_DIV + P, []),
    ("<div><i> Thu, 14 Dec 2023 00:59:03 GMT </i></div>" + P, []),
    ('<DIV class="date"><I>Thu, 14 Dec 2023 00:59:03 GMT</I></DIV>' + P, []),
    ("<div><i>14 Dec 2023 00:59 GMT</i></div>" + P, []),  # weekday and seconds optional
    (P, ["5:1 S004"]),  # no date element: points at the first tag
    ("正文" + P, ["5:1 S004"]),
    ("<div>Thu, 14 Dec 2023 00:59:03 GMT</div>" + P, ["5:1 S004"]),  # another outlet's markup
    ("<div><i>Thu, 34 Dec 2023 00:59:03 GMT</i></div>" + P, ["5:9 S004"]),  # at the date
    ("<div><i>Thu, 14 Dec 2023</i></div>" + P, ["5:9 S004"]),  # no time
    ("<div><i>2020-07-20T10:20:18</i></div>" + P, ["5:9 S004"]),  # Reuters' format on VOA
    ("<div><i></i></div>" + P, ["5:1 S004"]),
    ("<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i>" + P, ["5:1 S004"]),  # element not closed
])
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(DateDiv, article_text(body))) == expected


def test_messages_name_the_problem_and_the_profile() -> None:
    [missing] = run(DateDiv, article_text(P))
    assert "`<div><i>DATE</i></div>`" in missing.message and "`voa`" in missing.message
    [other] = run(DateDiv, article_text("<div>Thu, 14 Dec 2023 00:59:03 GMT</div>" + P))
    assert "written `<div>DATE</div>`" in other.message
    [bad] = run(DateDiv, article_text("<div><i>Thu, 34 Dec 2023 00:59:03 GMT</i></div>" + P))
    assert bad.message.startswith("`Thu, 34 Dec 2023 00:59:03 GMT` is not a valid date")
    assert "`Mon, 20 Jul 2020 19:22:03 GMT`" in bad.message
    assert (bad.span.column, bad.span.end_column) == (9, 38)


@pytest.mark.parametrize("name", list(OUTLETS))
def test_each_outlet_in_its_own_layout_passes(name: str) -> None:
    assert run(DateDiv, outlet_text(name)) == []


@pytest.mark.parametrize("name", list(OUTLETS))
def test_date_element_required_only_where_the_profile_says(name: str) -> None:
    found = positions(run(DateDiv, outlet_text(name, opening="")))
    assert found == (["5:1 S004"] if name in DATED else [])


@pytest.mark.parametrize(("name", "opening", "column"), [
    ("voa", "<div><i>Mon, 20 Jux 2020 19:22:03 GMT</i></div>", 9),
    ("bbc", "<div><i>2020年 13月 20日</i></div>", 9),
    ("dw", "<div><i><br>2020-07-20T25:58:19.428Z</i></div>", 13),
    ("reuters", "<div><i>2020-07-20 10:20:18</i></div>", 9),
    ("nyt", "<div><i>本报记者<br>2020-07-20T19:22:17</i></div>", 17),
    ("rfi", "<div>20/07/2020 17h50</div>", 6),
])
def test_malformed_date_per_profile(name: str, opening: str, column: int) -> None:
    assert positions(run(DateDiv, outlet_text(name, opening=opening))) == [f"5:{column} S004"]


@pytest.mark.parametrize(("name", "other", "expected"), [
    ("voa", "dw", "5:1"), ("rfi", "dw", "5:1"), ("dw", "voa", "5:1"), ("bbc", "voa", "5:9"),
    ("nyt", "dw", "5:13"),  # NYT markup with an empty byline, then a date in DW's format
])
def test_one_outlets_opening_on_another_host(name: str, other: str, expected: str) -> None:
    """A DW date element on a VOA article is reported, not silently accepted."""
    found = run(DateDiv, outlet_text(name, opening=OUTLETS[other].opening))
    assert positions(found) == [f"{expected} S004"]


@pytest.mark.parametrize("opening", [
    "", "<div><i>Mon, 20 Jul 2020 19:22:03 GMT</i></div>", "<div>20/07/2020 - 17:50</div>",
    "<div><i>not a date</i></div>", "<div><i>2020-13-45</i></div>",
])
def test_unknown_hosts_never_require_a_date(opening: str) -> None:
    text = outlet_text("voa", opening=opening, url="https://news.example.org/a/1.html")
    assert run(DateDiv, text) == []


@pytest.mark.parametrize("text", [
    "", "<!--1702517943000-->\n", article_text(""), article_text("   "),
    "<!--1702517943000-->\n[t](https://www.voachinese.com/a/1.html)\n------\n",
])
def test_missing_or_empty_body_is_left_to_s011(text: str) -> None:
    assert run(DateDiv, text) == []
