from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support import SAMPLE, article_text, parse


def test_sample_header_fields_have_exact_spans() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    article = parse(text)
    header = article.header
    assert header.timestamp is not None and header.timestamp.value == "1702517943000"
    assert text[header.timestamp.start:header.timestamp.end] == "1702517943000"
    assert header.title is not None and header.title.value.startswith("巴基斯坦寻求")
    assert header.url is not None and text[header.url.start:header.url.end].startswith("https://")
    assert header.underline is not None and header.underline.value == "------"
    assert article.host == "www.voachinese.com"
    assert article.body is not None
    assert article.source.position(article.body.start) == (5, 1)
    assert article.body.end == len(text) - (1 if text.endswith("\n") else 0)


def test_sample_gloss_position_matches_the_spec() -> None:
    article = parse(SAMPLE.read_text(encoding="utf-8"))
    for run in article.runs:
        index = run.text.find("an Achakzai")
        if index != -1:
            assert article.source.position(run.char_start(index)) == (5, 819)
            break
    else:
        raise AssertionError("gloss not found")


def test_title_with_brackets_and_parentheses_in_url() -> None:
    article = parse("<!--1-->\n[a [b] c](https://x.org/a_(b))\n")
    assert article.header.title is not None and article.header.title.value == "a [b] c"
    assert article.header.url is not None and article.header.url.value == "https://x.org/a_(b)"


def test_short_files_have_no_body() -> None:
    for text in ["", "\n", "<!--1-->\n[t](u)\n------\n"]:
        article = parse(text)
        assert article.body is None and article.runs == []


def test_derived_values_are_computed_once() -> None:
    article = parse(article_text("<p>x</p>"))
    calls: list[int] = []

    def count(a: object) -> int:
        calls.append(1)
        return len(calls)

    assert article.derived(count) == article.derived(count) == 1


def test_lxml_mirror_maps_back_to_elements() -> None:
    article = parse(article_text('<div><i>d</i></div><p class="a">x &amp; <b>y</b></p>'))
    root, mapping = article.lxml_tree()
    (p,) = root.xpath("//p[@class='a']")
    assert mapping[p].tag == "p" and mapping[p].start == article.body.start + 19  # type: ignore[union-attr]
    assert p.text == "x & " and p[0].text == "y"


def _header_by_split(text: str) -> tuple[object, ...]:
    """What the header reader found when it split the text at its first three LFs."""
    from lint.article import _parse_title_link, _timestamp

    lines = text.split("\n", 3)[:3]
    first = lines[0].removesuffix("\r")
    found = _timestamp(first)
    timestamp = None if found is None else (first[found[0]:found[1]], *found)
    title = url = underline = None
    start = len(lines[0]) + 1
    if len(lines) > 1:
        title, url = _parse_title_link(lines[1].removesuffix("\r"), start)
        start += len(lines[1]) + 1
    if len(lines) > 2:
        third = lines[2].removesuffix("\r")
        underline = (third, start, start + len(third))
    fields = [None if f is None else (f.value, f.start, f.end) for f in (title, url)]
    return (timestamp, *fields, underline)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r", "\r\n", "<!--", "-->", "1702", "[", "]", "](",
                                 ")", "t", " ", "-", "中"]), max_size=30))
def test_header_reads_as_splitting_the_lines_did(pieces: list[str]) -> None:
    from lint.article import _parse_header
    from lint.source import SourceText

    text = "".join(pieces)
    header = _parse_header(SourceText(text))
    fields = [None if f is None else (f.value, f.start, f.end)
              for f in (header.timestamp, header.title, header.url, header.underline)]
    assert tuple(fields) == _header_by_split(text)
