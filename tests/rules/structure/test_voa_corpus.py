"""The structure rules on the 135 real VOA articles and the sample: only real defects.

Reviewed by hand (see the issue 3 report): the only structure diagnostics of the default
set on the real files are spacer paragraphs (`<p>&nbsp;</p>`, `<p><br /></p>`); the
opt-in rules find the lead images without `alt` and the feedx.net advert at the end of
27 files.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from lint import Article, Diagnostic, Rule
from rules.structure.caption import Caption
from rules.structure.date_div import DateDiv
from rules.structure.date_weekday import DateWeekday
from rules.structure.duplicate_paragraph import DuplicateParagraph
from rules.structure.empty_paragraph import EmptyParagraph
from rules.structure.feed_advert import FeedAdvert
from rules.structure.image import Image
from rules.structure.image_alt import ImageAlt
from tests.support import FIXTURES, SAMPLE, parse, positions, run

FILES = sorted((FIXTURES / "voa").glob("*.md"))
SPACER = re.compile(r"<p>(?:\s|\u00a0|&nbsp;|<br\s*/?>)*</p>\Z")


@cache
def _articles() -> list[tuple[Path, str, Article]]:
    """Each file parsed once and shared by the rules, as the engine does."""
    found = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        found.append((path, text, parse(text, path.name)))
    return found


def _all(rule: type[Rule]) -> list[tuple[Path, str, Diagnostic]]:
    return [(path, text, d) for path, text, article in _articles()
            for d in rule().check(article)]


def _source(text: str, diagnostic: Diagnostic) -> str:
    return text[diagnostic.span.offset:diagnostic.span.end_offset]


def test_there_are_135_files() -> None:
    assert len(FILES) == 135


@pytest.mark.parametrize("rule", [DateDiv, DateWeekday, Image, Caption, DuplicateParagraph])
def test_silent_on_real_files(rule: type[Rule]) -> None:
    """Regression: inline figures captioned `<span class="imageCaption">` (22 of them),
    video and audio captions, and `<video>` lead media are all accepted."""
    assert [(p.name, d.message) for p, _, d in _all(rule)] == []


def test_empty_paragraphs_are_spacers() -> None:
    found = _all(EmptyParagraph)
    assert all(SPACER.match(_source(text, d)) for _, text, d in found)
    assert len(found) == 70 and len({path for path, _, _ in found}) == 54


def test_feed_adverts_at_the_end() -> None:
    found = _all(FeedAdvert)
    for _, text, d in found:
        assert _source(text, d).startswith("<br><hr><div>获取更多RSS：")
        assert not text[d.span.end_offset:].strip()
    assert len(found) == 27


def test_missing_alt_only_on_lead_images() -> None:
    found = _all(ImageAlt)
    for _, text, d in found:
        assert _source(text, d).startswith("<img src=") and "alt=" not in _source(text, d)
        assert text[:d.span.offset].endswith("GMT</i></div>")
    assert Counter(d.fix is not None for _, _, d in found) == Counter({True: 118})


def test_sample_default_rules_silent_and_alt_at_5_48() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for rule in (DateDiv, DateWeekday, Image, Caption, EmptyParagraph, DuplicateParagraph):
        assert rule.enabled_by_default and run(rule, text) == []
    assert positions(run(ImageAlt, text)) == ["5:48 S007"]
    assert run(FeedAdvert, text) == []
