"""The tokenizer's fast paths (tags without attributes handled by the main loop itself, a
clean tag read with one regex) read exactly what the careful path reads, and the compact
text-run map answers exactly what segments would."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import html
from lint.html import Element, ParsedBody, _Parser
from lint.textrun import TextRun


def both(body: str) -> tuple[ParsedBody, ParsedBody]:
    fast = _Parser(body, 0, len(body)).run()
    careful = _Parser(body, 0, len(body)).run(fast=False)
    return fast, careful


def dump(parsed: ParsedBody) -> dict[str, Any]:
    """Everything a rule can see, with elements named by their index."""
    index = {id(element): i for i, element in enumerate(parsed.elements)}
    index[id(parsed.root)] = -1

    def node(child: Element | Any) -> tuple[Any, ...]:
        if isinstance(child, Element):
            return ("element", index[id(child)])
        return ("text", child.start, child.end, child.raw, index[id(child.parent)])

    def element(e: Element) -> tuple[Any, ...]:
        attributes = [(a.name, a.name_start, a.name_end, a.value, a.value_start, a.value_end,
                       a.quote, a.end) for a in e.attributes]
        return (e.tag, e.start, e.end, index.get(id(e.parent)), e.depth, e.self_closing,
                e.close_start, e.close_end, e._content_end, attributes,
                [node(c) for c in e.children])

    return {
        "root": element(parsed.root),
        "elements": [element(e) for e in parsed.elements],
        "comments": [(c.start, c.end, c.content_start, c.content_end, c.content)
                     for c in parsed.comments],
        "problems": [(p.kind, p.start, p.end, p.detail, p.related) for p in parsed.problems],
        "runs": [(r.text, index.get(id(r.block)), r.start, r.end,
                  [(s.text_start, s.start, s.end, s.literal) for s in r.segments])
                 for r in parsed.runs],
    }


CASES = [
    '<div class="a b" id=x data-y><p>t</p></div>',
    "<p >a<br/>b<br />c<img src=x.jpg alt='y'></p>",
    '<a href=foo/>x</a><a href="x?a=1&amp;b=2&copy=3">y</a>',
    '<p a="x"b>t</p><p a = "x">u</p><p A=1 B>v</p>',
    "<p>a<i>b</p></i></b><x-y:z.w>t</x-y:z.w><svg><path/></svg><p/>",
    "<script>if (a < b) { x = '</p>' }</script><style>p{}</style><p>&nbsp;x&y</p>",
    '<divclass="x">t</div><p title="open>text</p><p =x "y">z</p><p a=">">q</p>',
    "</p ><p>x</p x><br></br><template>&bogus;</template><!-- c --><!x><?p?>",
    "<P>upper</P><p>a</P><p\n\tclass\n=\n'x'\n>y</p>",
]


def test_fast_and_careful_paths_read_the_same() -> None:
    for body in CASES:
        fast, careful = both(body)
        assert dump(fast) == dump(careful), body


PIECES = ["<", ">", "</", "/", "/>", "p", "div", "I", "a", "br", "svg", "script", " ", "\n",
          '"', "'", "=", "`", "&", "&amp;", "&#x41;", "&copy", "中文", "href", "class", "-",
          ":", "<!--", "-->", "<p>", "</p>", "<i>", "</i>", '<a href="x?a=1&b=2">', "</a>",
          "<br>", "<br />", "<BR/>", "<P>", "</P >", "<hr>", "</br>", "<div>", "</div>",
          "<noscript>", "</noscript>", "<x-y>", "</x-y>", "<img src=x>", "<b>", "</b>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_fast_and_careful_paths_read_the_same_on_any_input(pieces: list[str]) -> None:
    fast, careful = both("".join(pieces))
    assert dump(fast) == dump(careful)


def test_remembered_tags_read_as_the_first_time() -> None:
    """The main loop handles a tag itself once `tag_at` has classified its inside, and
    `tag_at` reads a clean tag with attributes from its template once it has read one
    like it: a parse with that memory empty and one with it filled read the same."""
    body = "".join(CASES) + "<p>a<br>b<br/>c</p><DIV>x</DIV><p>y</P><hr /><i>z</i></x>" \
        + '<a href="x" target=_blank>a</a><IMG SRC=y.jpg ALT="">' * 2
    saved, templates = dict(html._SIMPLE), dict(html._TEMPLATES)
    try:
        html._SIMPLE.clear()
        html._TEMPLATES.clear()
        first = _Parser(body, 0, len(body)).run()
        assert html._SIMPLE and html._TEMPLATES  # (it learnt something)
        again = _Parser(body, 0, len(body)).run()
        assert dump(first) == dump(again)
        assert dump(first) == dump(_Parser(body, 0, len(body)).run(fast=False))
    finally:
        html._SIMPLE.clear()
        html._SIMPLE.update(saved)
        html._TEMPLATES.clear()
        html._TEMPLATES.update(templates)


@pytest.mark.parametrize("tag", [
    '<a title="x>y" href=z>',  # its `>` is not the first one: the inside is not the tag
    '<a href="?a=1&amp;b=2">',  # a reference: its decoding may report problems
    '<a href="?a=1&copy=2">',
    "<script src=x>",  # special elements take the careful path
])
def test_only_tags_that_their_inside_determines_are_remembered(tag: str) -> None:
    saved = dict(html._TEMPLATES)
    try:
        html._TEMPLATES.clear()
        body = f"<p>{tag}t</p><p>{tag}u</p>"
        first = _Parser(body, 0, len(body)).run()
        assert dump(first) == dump(_Parser(body, 0, len(body)).run(fast=False))
        if "script" not in tag:
            assert html._TEMPLATES == {}
    finally:
        html._TEMPLATES.clear()
        html._TEMPLATES.update(saved)


def test_the_templates_are_bounded() -> None:
    saved = dict(html._TEMPLATES)
    try:
        html._TEMPLATES.clear()
        body = "".join(f'<a href="{n}">x</a>' for n in range(html._TEMPLATES_KEPT + 10))
        parsed = _Parser(body, 0, len(body)).run()
        assert len(html._TEMPLATES) <= html._TEMPLATES_KEPT
        assert dump(parsed) == dump(_Parser(body, 0, len(body)).run(fast=False))
    finally:
        html._TEMPLATES.clear()
        html._TEMPLATES.update(saved)


def test_end_tags_that_do_not_close_the_top_count_open_elements() -> None:
    """Open elements are counted only from the first end tag that does not close the top
    one; from then on the counts follow every push and pop."""
    body = "<div><p><i>a</p></i><b>b</div><p>c</x></p><i><i>d</i></b></i>"
    fast, careful = both(body)
    assert dump(fast) == dump(careful)
    kinds = [problem.kind.value for problem in fast.problems]
    assert "stray-end-tag" in kinds and "misnested-end-tag" in kinds


def answers(run: TextRun) -> tuple[Any, ...]:
    n = len(run.text)
    return (run.start, run.end, [run.char_start(i) for i in range(-1, n + 2)],
            [run.char_end(i) for i in range(-1, n)],
            [run.source_span(i, j) for i in range(n + 1) for j in range(n + 1)],
            [run.is_literal(i, j) for i in range(-1, n + 1) for j in range(-1, n + 2)])


def test_compact_runs_answer_as_their_segments_do() -> None:
    body = "<p>a<b>bc</b>&amp;d&#x4E2D;</p><p>plain</p><p>x&y</p>"
    fast, careful = both(body)
    for parsed in (fast, careful):
        for run in parsed.runs:
            rebuilt = TextRun(run.text, run.block, run.segments)
            assert answers(run) == answers(rebuilt)
            assert rebuilt.segments is not None and repr(run) == repr(rebuilt)
