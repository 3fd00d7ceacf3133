"""H002 block-in-inline."""

from __future__ import annotations

import pytest

from rules.html.block_in_inline import BlockInInline
from tests.support import SAMPLE, article_text, positions, run


@pytest.mark.parametrize(("body", "expected"), [
    ('<div><i>date</i></div><img src="a.jpg"><div><small>caption</small></div><p>正文</p>', []),
    ('<div class="contentImage"><img src="a.jpg"><div><small>c</small></div></div>', []),
    ("<p>a<div>b</div></p>", ["5:5 H002"]),
    ("<p>a<p>b</p></p>", ["5:5 H002"]),
    ("<p>a<hr>b</p>", ["5:5 H002"]),
    ("<i><div>x</div></i>", ["5:4 H002"]),
    ("<small><div>x</div></small>", ["5:8 H002"]),
    ("<strong><ul><li>x</li></ul></strong>", ["5:9 H002"]),  # the list, not each item
    ("<span><blockquote>x</blockquote></span>", ["5:7 H002"]),
    ("<h2>a<div>b</div></h2>", ["5:6 H002"]),
    ("<p><span><b><h3>x</h3></b></span></p>", ["5:13 H002"]),
    ("<i><div><div>x</div></div></i>", ["5:4 H002"]),  # the outer block only
    # `a` is transparent: it takes its parent's content model
    ('<div><a href="x"><div>x</div></a></div>', []),
    ('<a href="x"><figure><img src="a"></figure></a>', []),
    ('<p><a href="x"><div>x</div></a></p>', ["5:16 H002"]),
    # inline content, unknown and foreign elements are not blocks
    ("<p><i>a</i><br><img src=x><iframe src=x></iframe><video></video></p>", []),
    ("<p><custom-box>x</custom-box></p>", []),
    ("<p><svg><foreignObject><div>x</div></foreignObject></svg></p>", []),
])
def test_positions(body: str, expected: list[str]) -> None:
    assert positions(run(BlockInInline, article_text(body))) == expected


def test_message_names_the_outer_element_and_its_position() -> None:
    (diagnostic,) = run(BlockInInline, article_text("<p>a<div>b</div></p>"))
    assert diagnostic.message == ("block `<div>` inside `<p>` (opened at 5:1), which holds "
                                  "only inline content; close the `<p>` before it")
    (diagnostic,) = run(BlockInInline, article_text("<p><i><ul><li>x</li></ul></i></p>"))
    assert "block `<ul>` inside `<i>` (opened at 5:4)" in diagnostic.message


def test_the_sample_is_clean() -> None:
    assert run(BlockInInline, SAMPLE.read_text(encoding="utf-8")) == []
