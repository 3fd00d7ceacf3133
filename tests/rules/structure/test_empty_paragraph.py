"""S009 empty-paragraph."""

from __future__ import annotations

import pytest

from rules.structure.empty_paragraph import EmptyParagraph
from tests.rules.outlets import outlet_text
from tests.support import SAMPLE, article_text, fixed, positions, run

P = "<p>正文。</p>"


@pytest.mark.parametrize(("body", "expected"), [
    (P, []),
    (P + "<p>&nbsp;</p>", ["5:11 S009"]),
    (P + "<p>\u00a0</p>", ["5:11 S009"]),  # the literal no-break space of the VOA files
    ("<p></p>" + P, ["5:1 S009"]),
    ("<p> \t </p>", ["5:1 S009"]),
    ("<p><br /></p>", ["5:1 S009"]),
    ("<p>\u200b</p>", ["5:1 S009"]),
    ("<p><strong> </strong></p>", ["5:1 S009"]),
    ("<p><a href='/a/1.html'></a></p>", ["5:1 S009"]),
    ('<p><img src="https://a/x.jpg"></p>', []),  # an image is content
    ('<p><iframe src="https://www.youtube.com/embed/x"></iframe></p>', []),
    ("<p>。</p>", []),
    ("<div>&nbsp;</div>", []),  # only paragraphs
    ("<p>&nbsp;", ["5:1 S009"]),  # unclosed: still reported
])
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(EmptyParagraph, article_text(body))) == expected


@pytest.mark.parametrize(("before", "after"), [
    (P + "<p>&nbsp;</p>", P),
    (P + "<p>\u00a0</p><p>\u00a0</p><br><hr>", P + "<br><hr>"),
    ("<p><br /></p>" + P + "<p></p>", P),
    ("<p> </p> " + P, " " + P),
    ("<p>&nbsp;", "<p>&nbsp;"),  # not closed: no fix
    ("<p><!-- articlelint-disable T001 --></p>" + P,
     "<p><!-- articlelint-disable T001 --></p>" + P),  # a comment inside: no fix
])
def test_fix(before: str, after: str) -> None:
    assert fixed(EmptyParagraph, article_text(before)) == article_text(after)


def test_rfa_spacer_paragraph_is_reported() -> None:
    """RFA bodies often open with `<p>&nbsp;</p>`: a real empty paragraph, safely removed."""
    text = outlet_text("rfa", body="<p>&nbsp;</p>" + P)
    assert positions(run(EmptyParagraph, text)) == ["5:1 S009"]


def test_sample_has_none() -> None:
    assert run(EmptyParagraph, SAMPLE.read_text(encoding="utf-8")) == []
