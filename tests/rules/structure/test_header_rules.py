"""S001, S002, S003, S011: tables of (file text, expected `line:col CODE`) and fix pairs."""

from __future__ import annotations

import pytest

from rules.structure.body import BodyRule
from rules.structure.timestamp_comment import TimestampComment
from rules.structure.title_link import TitleLink
from rules.structure.title_underline import TitleUnderline
from tests.support import SAMPLE, fixed, positions, run

TITLE = "[标题](https://www.voachinese.com/a/x-20231213/1.html)"
BODY = "<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>"


def file(ts: str = "<!--1702517943000-->", title: str = TITLE, underline: str = "------",
         blank: str = "", body: str = BODY, end: str = "\n") -> str:
    return f"{ts}\n{title}\n{underline}\n{blank}\n{body}{end}"


@pytest.mark.parametrize(("text", "expected"), [
    (file(), []),
    (file(ts="<!--1702517943-->"), ["1:5 S001"]),  # seconds, not milliseconds
    (file(ts="<!--17025179430000-->"), ["1:5 S001"]),
    (file(ts="<!--1x02517943000-->"), ["1:5 S001"]),
    (file(ts="<!---->"), ["1:5 S001"]),
    (file(ts="<!-- 1702517943000 -->"), ["1:5 S001"]),
    (file(ts="<!--0902517943000-->"), ["1:5 S001"]),  # 1998: before 2000
    (file(ts="<!--9702517943000-->"), ["1:5 S001"]),  # far future
    (file(ts="1702517943000"), ["1:1 S001"]),
    (file(ts=""), ["1:1 S001"]),
    (file(ts="<!--1702517943000--> x"), ["1:21 S001"]),
    (file(ts="\ufeff<!--1702517943000-->"), ["1:1 S001"]),
    (file(ts="<!--1702517943000-->\r"), []),  # a CRLF header line still parses
    ("", ["1:1 S001"]),
])
def test_timestamp_comment(text: str, expected: list[str]) -> None:
    assert positions(run(TimestampComment, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (file(), []),
    (file(title="[标题](www.voachinese.com/a/x.html)"), ["2:6 S002"]),
    (file(title="[标题](https://www.voachinese.com/a b.html)"), ["2:34 S002"]),
    (file(title="[](https://www.voachinese.com/a.html)"), ["2:1 S002"]),
    (file(title="[  ](https://www.voachinese.com/a.html)"), ["2:1 S002"]),
    (file(title="[ 标题](https://www.voachinese.com/a.html)"), ["2:2 S002"]),
    (file(title="[标]题](https://www.voachinese.com/a.html)"), ["2:3 S002"]),
    (file(title="[标\\]题](https://www.voachinese.com/a.html)"), []),
    (file(title="[标题](https://www.voachinese.com/a.html"), ["2:39 S002"]),
    (file(title="[标题](ftp://x.org/a)"), ["2:6 S002"]),
    (file(title="[标题](https://)"), ["2:6 S002"]),
    (file(title="[标题]"), ["2:5 S002"]),
    (file(title="标题"), ["2:1 S002"]),
    ("<!--1702517943000-->", ["1:21 S002"]),
])
def test_title_link(text: str, expected: list[str]) -> None:
    assert positions(run(TitleLink, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (file(), []),
    (file(underline="---"), []),
    (file(underline="======"), ["3:1 S003"]),
    (file(underline="---x"), ["3:1 S003"]),
    (file(underline=""), ["3:1 S003"]),
    (file(underline="------  "), ["3:7 S003"]),
    (file(blank="text"), ["4:1 S003"]),
    (file(blank="  "), ["4:1 S003"]),
    ("<!--1702517943000-->\n" + TITLE, ["2:" + str(len(TITLE) + 1) + " S003"]),
])
def test_title_underline(text: str, expected: list[str]) -> None:
    assert positions(run(TitleUnderline, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (file(), []),
    (file(end=""), []),
    (file(body=""), ["5:1 S011"]),
    (file(body="", end=""), ["5:1 S011"]),
    (file(body="<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div>"), ["5:1 S011"]),
    (file(end="\n\n\n"), ["6:1 S011"]),
    (file(end="\n<p>第二行</p>\n"), ["6:1 S011"]),
    ("<!--1702517943000-->\n", ["2:1 S011"]),
])
def test_body(text: str, expected: list[str]) -> None:
    assert positions(run(BodyRule, text)) == expected


@pytest.mark.parametrize(("rule", "before", "after"), [
    (TimestampComment, file(ts="\ufeff<!--1702517943000-->"), file()),
    (TimestampComment, file(ts="<!-- 1702517943000 -->"), file()),
    (TitleLink, file(title="[ 标题 ](https://www.voachinese.com/a/x-20231213/1.html)"), file()),
    (TitleLink, file(title="[标]题](https://x.org/a)"), file(title="[标\\]题](https://x.org/a)")),
    (TitleUnderline, file(underline="------ "), file()),
    (TitleUnderline, file(blank="  "), file()),
    (TitleUnderline, "<!--1-->\n[t](u)\n------\n" + BODY + "\n",
     "<!--1-->\n[t](u)\n------\n\n" + BODY + "\n"),
    (BodyRule, file(end="\n\n \n"), file()),
])
def test_fixes(rule: type, before: str, after: str) -> None:
    assert fixed(rule, before) == after


def test_content_after_the_body_is_not_fixed() -> None:
    text = file(end="\n<p>第二行</p>\n")
    assert fixed(BodyRule, text) == text


@pytest.mark.parametrize("rule", [TimestampComment, TitleLink, TitleUnderline, BodyRule])
def test_silent_on_the_sample(rule: type) -> None:
    assert run(rule, SAMPLE.read_text(encoding="utf-8")) == []
