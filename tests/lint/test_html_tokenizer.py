"""The tokenizer keeps exact offsets, builds the strict tree, and never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.html import ProblemKind, parse_fragment


def parse(body: str):  # type: ignore[no-untyped-def]
    return parse_fragment(body, 0, len(body))


def test_elements_attributes_and_end_tags_have_exact_offsets() -> None:
    body = '<div><img src="a.jpg" width=100%><p class=x>t</p></div>'
    parsed = parse(body)
    div, img, p = parsed.elements
    assert (div.tag, div.start, div.end, div.close_start, div.close_end) == ("div", 0, 5, 49, 55)
    assert body[img.start:img.end] == '<img src="a.jpg" width=100%>'
    src = img.get("src")
    assert src is not None and src.value == "a.jpg"
    assert body[src.value_start:src.value_end] == "a.jpg"
    assert body[src.name_start:src.end] == 'src="a.jpg"'
    width = img.get("width")
    assert width is not None and width.value == "100%" and width.quote == ""
    assert p.parent is div and img.parent is div and not parsed.problems


def test_text_runs_join_inline_tags_and_map_back() -> None:
    body = "<p>巴基斯坦<strong>塔利班</strong>运动&amp;x<br>下一行</p>"
    runs = parse(body).runs
    assert [r.text for r in runs] == ["巴基斯坦塔利班运动&x", "下一行"]
    first = runs[0]
    assert first.block is not None and first.block.tag == "p"
    i = first.text.index("塔")
    assert body[first.char_start(i)] == "塔"
    amp = first.text.index("&")
    assert body[slice(*first.source_span(amp, amp + 1))] == "&amp;"
    assert not first.is_literal(amp, amp + 1) and first.is_literal(0, 4)


def test_script_content_is_not_visible_text() -> None:
    body = "<p>a</p><script>if (a < b) { x = '</p>' }</script><p>b</p>"
    parsed = parse(body)
    assert [r.text for r in parsed.runs] == ["a", "b"]
    assert not parsed.problems


def test_misnested_unclosed_and_stray_tags_are_problems() -> None:
    parsed = parse("<p><i>x</p></i></b><div>")
    kinds = [(p.kind, p.start) for p in parsed.problems]
    assert kinds == [
        (ProblemKind.MISNESTED_END_TAG, 11),  # </i> after the </p> that closed <i>: once
        (ProblemKind.STRAY_END_TAG, 15),  # </b>
        (ProblemKind.UNCLOSED_ELEMENT, 19),  # <div>
    ]


def test_glued_attribute_recovers_the_element() -> None:
    parsed = parse('<divclass="x">t</div>')
    (div,) = parsed.elements
    assert div.tag == "div" and div.attr("class") == "x" and div.close_start is not None
    assert [p.kind for p in parsed.problems] == [ProblemKind.MISSING_SPACE_IN_TAG]


def test_character_references() -> None:
    parsed = parse("<p>&nbsp;&#x4E2D;&#20013;&copy&bogus;&#0;&#xD800;a&b</p>")
    assert parsed.runs[0].text == "\u00a0中中©&bogus;\ufffd\ufffda&b"
    bad = [p.detail for p in parsed.problems]
    assert len(bad) == 4  # &copy without ;, &bogus;, &#0;, &#xD800;


def test_unterminated_constructs_end_at_the_body_end() -> None:
    for body in ['<p title="open>text', "<p><!-- never closed", "<p", "</"]:
        parsed = parse(body)
        assert parsed.problems, body


def test_deep_nesting_is_iterative() -> None:
    body = "<div>" * 100_000 + "x" + "</div>" * 100_000
    parsed = parse(body)
    assert len(parsed.elements) == 100_000 and not parsed.problems
    assert sum(1 for _ in parsed.root.iter()) == 100_000


def test_many_stray_end_tags_stay_linear() -> None:
    body = "<div>" * 20_000 + "</span>" * 20_000
    parsed = parse(body)
    assert len(parsed.problems) == 40_000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &#;x1abp中-!")), max_size=60))
def test_any_input_parses_with_spans_inside_the_text(body: str) -> None:
    parsed = parse(body)
    for element in parsed.elements:
        assert 0 <= element.start < element.end <= len(body)
        for attribute in element.attributes:
            assert element.start < attribute.name_start <= attribute.end <= element.end
    for problem in parsed.problems:
        assert 0 <= problem.start <= problem.end <= len(body)
    for run in parsed.runs:
        for i in range(len(run.text)):
            assert 0 <= run.char_start(i) < run.char_end(i) <= len(body)
