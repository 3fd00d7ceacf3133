"""S007 image-alt (off by default, unsafe fix from the caption)."""

from __future__ import annotations

import pytest

from rules.structure.image_alt import ImageAlt
from tests.rules.outlets import CAPTION, outlet_text
from tests.support import SAMPLE, article_text, fixed, positions, run

IMG = '<img src="https://gdb.voanews.com/a.jpg" width="100%">'


def test_off_by_default() -> None:
    assert ImageAlt.enabled_by_default is False


def test_sample_image_at_5_48() -> None:
    found = run(ImageAlt, SAMPLE.read_text(encoding="utf-8"))
    assert positions(found) == ["5:48 S007"]
    assert found[0].fix is not None and found[0].fix.applicability.value == "unsafe"


@pytest.mark.parametrize(("body", "expected"), [
    (IMG + CAPTION.format("说明"), ["5:1 S007"]),
    ('<img src="https://a/x.jpg" alt="">', []),  # decorative
    ('<img src="https://a/x.jpg" alt="图">', []),
    ('<p>a</p><img src="https://a/x.jpg">', ["5:9 S007"]),
])
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(ImageAlt, article_text(body))) == expected


@pytest.mark.parametrize(("before", "after"), [
    (IMG + CAPTION.format("示威者在街头。"),
     IMG[:-1] + ' alt="示威者在街头。">' + CAPTION.format("示威者在街头。")),
    ('<img src="https://a/x.jpg" />' + CAPTION.format("a"),
     '<img src="https://a/x.jpg" alt="a" />' + CAPTION.format("a")),
    ('<img src="https://a/x.jpg"/>' + CAPTION.format('<b>"引号"</b> &amp; 符号'),
     '<img src="https://a/x.jpg" alt="&quot;引号&quot; &amp; 符号"/>'
     + CAPTION.format('<b>"引号"</b> &amp; 符号')),
])
def test_unsafe_fix_copies_the_caption(before: str, after: str) -> None:
    assert fixed(ImageAlt, article_text(before), unsafe=True) == article_text(after)
    assert fixed(ImageAlt, article_text(before)) == article_text(before)  # unsafe only


@pytest.mark.parametrize("body", [
    IMG, IMG + "<p>正文</p>", IMG + CAPTION.format(""), IMG + CAPTION.format(" &nbsp; "),
])
def test_no_fix_without_caption_text(body: str) -> None:
    [found] = run(ImageAlt, article_text(body))
    assert found.fix is None


def test_sample_fix() -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    after = fixed(ImageAlt, sample, unsafe=True)
    assert 'width="100%" alt="资料照片：2008年11月10日' in after
    assert run(ImageAlt, after) == []
    assert after.replace(after[after.index(' alt="'):after.index('">', after.index(' alt="')) + 1], "") == sample


@pytest.mark.parametrize(("name", "body", "alt"), [
    ("voa", IMG + CAPTION.format("说明"), "说明"),
    ("bbc", '<figure><img src="https://ichef.bbci.co.uk/x.jpg"><figcaption>图片来源，路透社'
            "</figcaption></figure>", "图片来源，路透社"),
    ("dw", IMG + CAPTION.format(""), None),  # DW's empty caption: nothing to copy
    ("nyt", IMG + CAPTION.format("北京街头。"), "北京街头。"),
    ("reuters", IMG + "<p>正文</p>", None),
])
def test_fix_uses_the_profiles_caption_markup(name: str, body: str, alt: str | None) -> None:
    [found] = run(ImageAlt, outlet_text(name, body=body))
    if alt is None:
        assert found.fix is None
    else:
        assert found.fix is not None and f'alt="{alt}"' in found.fix.edits[0].content
