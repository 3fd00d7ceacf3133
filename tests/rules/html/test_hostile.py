"""Hostile markup: reported or ignored, in time linear in its size, never a crash, a hang,
an expansion or a read of the local disk.

No wall-clock limits: each hostile body is timed against a well-formed body of the same
length on the same machine (a generous factor), which catches quadratic behaviour (100,000
tags squared is hours) without failing on a slow or busy machine.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]

from lint import Diagnostic, SourceText
from lint.cli import main
from lint.engine import check_source
from rules.html.block_in_inline import BlockInInline
from rules.html.duplicate_attribute import DuplicateAttribute
from rules.html.html_syntax import HtmlSyntax
from rules.html.unknown_element import UnknownElement
from rules.html.unsafe_content import UnsafeContent
from tests.support import article_text, fixed, parse

RULES = [HtmlSyntax(), BlockInInline(), DuplicateAttribute(), UnsafeContent(),
         UnknownElement()]
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
          + ']><p>&lol9;</p>')

HOSTILE = {
    # The cases the issue names, at the sizes it names.
    "100,000-deep nesting, unclosed": "<div>" * 100_000 + "x",
    "100,000-deep nesting, closed": "<div>" * 100_000 + "x" + "</div>" * 100_000,
    "50,000 attributes": "<p " + " ".join(f"a{i}=x" for i in range(50_000)) + ">x</p>",
    "an unclosed quote over 500 KB": '<p title="' + "长" * 600_000,
    "billion laughs": LAUGHS,
    # Other shapes that would be quadratic with a naive scan (smaller: the suite stays fast).
    "50,000 repeated attributes": "<p" + ' a="x"' * 50_000 + ">x</p>",
    "nested inline tags with breaks": "<i><br>x" * 20_000,
    "nested links around blocks": "<p>" + "<a><div></div>" * 20_000,
    "unclosed quotes": '<a b="x>' * 20_000,
    "values with glued junk": '<a b="x"中' * 20_000,
    "unknown elements": "<x-y>" * 20_000,
    "bad references": "<p>" + "&#0;&foo;&amp" * 20_000,
    "bare <": "<" * 30_000,
}


def check(body: str) -> tuple[list[Diagnostic], float]:
    text = article_text(body)
    started = time.perf_counter()
    result = check_source("hostile.md", SourceText(text), RULES)
    return result.diagnostics, time.perf_counter() - started


@pytest.fixture(scope="module")
def seconds_per_char() -> float:
    """The cost of a well-formed body, per character, on this machine right now."""
    body = "<p>正文<b>x</b></p>" * 10_000
    _, seconds = check(body)
    return seconds / len(body)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_markup_is_reported_in_linear_time(name: str, seconds_per_char: float) -> None:
    body = HOSTILE[name]
    diagnostics, seconds = check(body)
    assert not [d for d in diagnostics if d.code.startswith("X")], "a rule crashed"
    # Generous: 20 times a benign body of the same size, plus a second for slow starts.
    assert seconds < 20 * seconds_per_char * len(body) + 1.0, f"{name}: {seconds:.1f}s"
    # Per rule at most 200 reports and one that counts the rest; messages stay short.
    for rule in RULES:
        assert sum(1 for d in diagnostics if d.code == rule.code) <= 201
    assert all(len(d.message) < 400 for d in diagnostics)


def test_the_capped_rules_count_what_they_left_out() -> None:
    diagnostics, _ = check("<div>" * 1_000 + "x")
    assert len(diagnostics) == 201
    (summary,) = [d for d in diagnostics if " more " in d.message]
    assert summary.message == ("800 more HTML syntax problems from here on are not shown "
                               "(the first 200 are; raise `max-diagnostics` to see more)")
    assert len(check("<div>" * 150 + "x")[0]) == 150
    everything = HtmlSyntax(HtmlSyntax.Options.model_validate({"max-diagnostics": 0}))
    article = parse(article_text("<div>" * 1_000 + "x"))
    assert len(list(everything.check(article))) == 1_000


def test_deep_nesting_mirrors_into_lxml_without_recursion() -> None:
    # Kept at 5,000 levels: lxml's own appends walk the ancestors, so the mirror (built
    # top-down in lint/article.py) is quadratic in depth; the tokenizer is not.
    article = parse(article_text("<div><i>" * 2_500 + "x"))
    root, mapping = article.lxml_tree()
    assert len(mapping) == 5_000
    assert root.xpath("count(//div)") == 2_500


def test_billion_laughs_is_never_expanded() -> None:
    article = parse(article_text(LAUGHS))
    assert article.body is not None
    assert [r.text for r in article.runs] == ["&lol9;"]
    diagnostics, _ = check(LAUGHS)
    assert [d.message for d in diagnostics] == [
        "a DOCTYPE does not belong in an article body; remove it",
        "unknown character reference `&lol9;`; write `&amp;` for a literal `&`",
    ]
    root, _ = article.lxml_tree()
    assert len(etree.tostring(root)) < 100


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    body = (f'<!DOCTYPE p [<!ENTITY xxe SYSTEM "file://{secret}">'
            f'<!ENTITY % ext SYSTEM "file://{secret}"> %ext;]>'
            f'<p>&xxe;</p><img src="file://{secret}"><p><a href="&xxe;">x</a></p>')
    article_file = tmp_path / "a.md"
    article_file.write_text(article_text(body), encoding="utf-8")
    for output_format in ("json", "concise", "full"):
        out = io.StringIO()
        main(["check", "--select", "ALL", "--output-format", output_format,
              str(article_file)], stdout=out)
        assert "TOP-SECRET" not in out.getvalue()
        assert "xxe" in out.getvalue()  # the unknown reference is reported
    article = parse(article_text(body))
    root, _ = article.lxml_tree()
    assert b"TOP-SECRET" not in etree.tostring(root)
    assert [r.text for r in article.runs] == ["&xxe;", "x"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(
    ["<", ">", "/", "=", '"', "'", " ", "&", "#", ";", "x", "1", "p", "i", "div", "a",
     "script", "on", "href", "javascript:", "中", "-", "!", "\n"]), max_size=40).map("".join))
def test_any_body_gives_diagnostics_inside_the_text(body: str) -> None:
    text = article_text(body)
    result = check_source("any.md", SourceText(text), RULES)
    for diagnostic in result.diagnostics:
        assert not diagnostic.code.startswith("X"), diagnostic.message
        assert 0 <= diagnostic.span.offset <= diagnostic.span.end_offset <= len(text)
        if diagnostic.fix is not None:
            for edit in diagnostic.fix.edits:
                assert 0 <= edit.offset <= edit.end_offset <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    ["<", ">", "/", "=", '"', "'", " ", "&", "&amp", "&#", ";", "x", "1", "p", "br", "div",
     "class", "中"]), max_size=30).map("".join))
def test_fixes_converge_and_are_idempotent(body: str) -> None:
    text = article_text(body)
    for rule in (HtmlSyntax, DuplicateAttribute):
        for unsafe in (False, True):
            once = fixed(rule, text, unsafe=unsafe)
            assert fixed(rule, once, unsafe=unsafe) == once
