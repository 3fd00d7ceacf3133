"""S008 caption: figure images carry their caption where the profile wants one."""

from __future__ import annotations

import re

import pytest

from rules.structure.caption import Caption
from tests.rules.outlets import CAPTION, OUTLETS, outlet_text
from tests.support import DATE_DIV, SAMPLE, article_text, positions, run

IMG = '<img src="https://gdb.voanews.com/a.jpg" width="100%">'
CAP = CAPTION.format("说明（美联社照片）")
P = "<p>正文。</p>"
BOX = ('<div class="contentImage floatLeft" ><img  class="photo" '
       'src="https://gdb.voanews.com/b.jpg" alt="说明" border="0"/>{}</div>')


# (body after the date div, the text each diagnostic should start at: "<img" is the first
# `<img`, "-<div><small" the last caption)
@pytest.mark.parametrize(("body", "expected"), [
    (IMG + CAP + P, []),
    (IMG + " " + CAP + P, []),
    (IMG + P, ["<img"]),  # no caption: at the image
    (IMG + "<div>说明</div>" + P, ["<img"]),  # not the caption markup
    (IMG + CAPTION.format("") + P, ["<div><small"]),  # empty caption: at the caption
    (IMG + CAPTION.format("&nbsp;") + P, ["<div><small"]),
    (P + CAP, ["<div><small"]),  # a caption without its image
    (IMG + CAP + CAP + P, ["-<div><small"]),
    ('<video src="https://av.voanews.com/a.mp4" controls></video>' + CAP + P, []),
    ('<audio src="https://av.voanews.com/a.mp3" controls></audio>' + CAP + P, []),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>' + CAP + P, []),
    ('<a href="https://x"><img src="https://a/x.jpg"></a>' + CAP + P, []),
    (P + BOX.format(CAP) + P, []),  # a figure inside the text
    (P + BOX.format('<span class="imageCaption">说明</span>') + P, []),
    (P + BOX.format("") + P, ["<img"]),
    ('<p>正文<img src="https://a/x.jpg">正文</p>', []),  # an inline image is no figure
])
def test_cases_on_voa(body: str, expected: list[str]) -> None:
    def column(needle: str) -> str:
        index = body.rindex(needle[1:]) if needle.startswith("-") else body.index(needle)
        return f"5:{len(DATE_DIV) + index + 1} S008"

    found = run(Caption, article_text(DATE_DIV + body))
    assert positions(found) == [column(needle) for needle in expected]


def test_removed_caption_points_at_its_image() -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    assert run(Caption, sample) == []
    removed = re.sub(r"<div><small[^>]*>[^<]*</small></div>", "", sample, count=1)
    [found] = run(Caption, removed)
    assert (found.span.line, found.span.column) == (5, 48)
    assert found.span.end_offset - found.span.offset == len(
        re.search(r"<img [^>]*>", sample).group())  # type: ignore[union-attr]
    assert "`<div><small>…</small></div>`" in found.message


@pytest.mark.parametrize(("name", "wanted"), [
    ("voa", True), ("dw", True), ("nyt", True),
    ("bbc", False), ("reuters", False), ("rfi", False), ("rfa", False), ("ft", False),
    ("cdt", False),
])
def test_image_without_caption_per_profile(name: str, wanted: bool) -> None:
    body = '<img src="https://example.com/x.jpg">' + P
    assert run(Caption, outlet_text(name)) == []  # the outlet's own layout passes
    column = len(OUTLETS[name].opening) + 1
    expected = [f"5:{column} S008"] if wanted else []
    assert positions(run(Caption, outlet_text(name, body=body))) == expected


def test_empty_captions_are_normal_at_dw_only() -> None:
    empty = '<img src="https://example.com/x.jpg">' + CAPTION.format("") + P
    assert run(Caption, outlet_text("dw", body=empty)) == []
    for name in ("nyt", "voa"):
        column = len(OUTLETS[name].opening) + empty.index("<div>") + 1
        assert positions(run(Caption, outlet_text(name, body=empty))) == [f"5:{column} S008"]


def test_unknown_hosts_want_no_captions() -> None:
    text = outlet_text("voa", body=IMG + P, url="https://example.org/a.html")
    assert run(Caption, text) == []


def test_outlet_figures() -> None:
    assert OUTLETS["bbc"].figure.startswith("<figure>")
    assert run(Caption, outlet_text("bbc")) == []
