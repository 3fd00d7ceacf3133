"""Properties of the T fixes on generated text: fixing twice gives the same text as fixing
once, and a fix never adds, drops or changes a CJK or Latin letter."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.fixer import apply_fixes
from lint.registry import builtin_rules
from rules.typography.cjk_latin_spacing import CjkLatinSpacingRule
from tests.rules.typography.support import visible_letters
from tests.support import article_text, fixed, parse

T_RULES = [r for r in builtin_rules() if r.code.startswith("T")]

# Pieces that make the rules fire and interact: CJK, Latin, digits, ASCII and full-width
# punctuation, look-alike dots, spaces, references and inline tags.
PIECES = st.sampled_from([
    "中", "国", "美", "a", "B", "z", "1", "0", "Ａ", "３", ",", ".", ":", ";", "?", "!", "(",
    ")", "（", "）", "，", "。", "、", "：", "“", "”", "‘", "’", "《", "》", "•", "・", "·",
    " ", "  ", "\u3000", "&nbsp;", "&amp;", "&#40;", "<b>", "</b>", "<br>", "https://x.co/a,b",
])
BODIES = st.lists(PIECES, max_size=40).map(lambda pieces: "<p>" + "".join(pieces) + "</p>")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
def test_each_rule_fix_is_idempotent_and_keeps_letters(body: str) -> None:
    text = article_text(body)
    for rule in T_RULES:
        once = fixed(rule, text)
        assert fixed(rule, once) == once, rule.code
        assert visible_letters(once) == visible_letters(text), rule.code
    spaced = fixed(CjkLatinSpacingRule, text, style="space")
    assert visible_letters(spaced) == visible_letters(text)


def _fix_all(text: str) -> str:
    for _ in range(20):
        article = parse(text)
        found = [d for rule in T_RULES for d in rule().check(article)]
        new, count = apply_fixes(text, found)
        if count == 0:
            return new
        text = new
    raise AssertionError("fixes did not converge")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
def test_all_rules_together(body: str) -> None:
    text = article_text(body)
    once = _fix_all(text)
    assert _fix_all(once) == once
    assert visible_letters(once) == visible_letters(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(alphabet=st.characters(blacklist_characters="\n"),
                                      max_size=20))
def test_any_text_gives_diagnostics_not_exceptions(body: str, title: str) -> None:
    header = f"<!--1702517943000-->\n[{title}](https://www.voachinese.com/a/x.html)\n------\n\n"
    article = parse(article_text(body, header=header))
    for rule in T_RULES:
        for diagnostic in rule().check(article):
            assert diagnostic.span.offset <= diagnostic.span.end_offset
