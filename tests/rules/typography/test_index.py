"""The fast paths of the T rules (rules/typography/_index.py and the rules' prefilters) give
exactly what the plain per-text regex scans give.

Each T rule scans an article's texts joined, finds rare characters with `str.find`, and
skips work a cheap C-level test shows to be unneeded. These tests run the rules with and
without each shortcut on generated articles (pieces chosen to make every rule fire and to
meet at text boundaries) and compare the diagnostics, fixes included."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import Article, Diagnostic, Rule
from lint.registry import builtin_rules
from rules.typography import (
    cjk_latin_spacing,
    fullwidth_alphanumeric,
    halfwidth_punctuation,
    repeated_punctuation,
    space_around_fullwidth,
    space_between_cjk,
    unmatched_pair,
)
from rules.typography._cjk import WHITE, Prepared
from rules.typography._index import RARE, Joined, joined, keep_only, positions, texts
from tests.support import article_text, parse

T_RULES = [rule for rule in builtin_rules() if rule.code.startswith("T")]

PIECES = st.sampled_from([
    "中", "国", "美", "说", "a", "B", "1", "Ａ", "３", "ｚ", "：", ",", ".", ":", ";", "?", "!",
    "(", ")", "‧", "･", "『", "』",
    "（", "）", "，", "。", "、", "；", "“", "”", "‘", "’", "《", "》", "「", "」", "【", "】",
    "•", "・", "·", " ", "  ", "\u3000", "\t", "&nbsp;", "&amp;", "&#40;", "<b>", "</b>",
    "<br>", "</p><p>", "</p><div>", "</div><p>", "\x00", "https://x.co/a,b", "a.b@c.com",
    "Xi’an", "‘Xi’an", "don’t", "。。。", "，，", "(左)", "第212(A)(3)(C)条", "中 国 人",
])
TITLES = st.lists(st.sampled_from(["中", "美", " ", "：", "“", "”", "(", "，", "a"]),
                  max_size=8).map("".join)
BODIES = st.lists(PIECES, max_size=50).map(lambda pieces: "<p>" + "".join(pieces) + "</p>")


def _article(title: str, body: str) -> Article:
    header = f"<!--1702517943000-->\n[{title}](https://www.voachinese.com/a/x.html)\n------\n\n"
    return parse(article_text(body, header=header))


def _output(rule: type[Rule], article: Article, **options: object) -> list[Diagnostic]:
    instance = rule(rule.Options(**options)) if options else rule()
    return list(instance.check(article))


def _all_runs(found: Joined) -> set[int]:
    return set(range(len(found.sources)))


def _dense(self: Joined) -> None:
    return None  # as for letter-spaced text: the spacing rules take their regex pass


def _holds(self: Joined, char: str) -> bool:
    return char in self.value  # a scan, not the shared pass over the rare characters


def _only_regexes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn every shortcut off: the rules then scan as they would without them."""
    monkeypatch.setattr(Joined, "white", _dense)
    monkeypatch.setattr(Joined, "holds", _holds)
    monkeypatch.setattr(Joined, "holds_any", lambda self, chars: True)
    monkeypatch.setattr(unmatched_pair, "_unbalanced_texts", _all_runs)
    monkeypatch.setattr(halfwidth_punctuation, "_SEARCHES", 0)
    monkeypatch.setattr(repeated_punctuation, "_PAIRS", [re.compile("")])


@settings(max_examples=150, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(TITLES, BODIES)
def test_rules_give_the_same_with_and_without_shortcuts(
        monkeypatch: pytest.MonkeyPatch, title: str, body: str) -> None:
    fast = {rule.code: _output(rule, _article(title, body)) for rule in T_RULES}
    spaced = _output(cjk_latin_spacing.CjkLatinSpacingRule, _article(title, body),
                     style="space")
    with monkeypatch.context() as patched:
        _only_regexes(patched)
        slow = {rule.code: _output(rule, _article(title, body)) for rule in T_RULES}
        assert _output(cjk_latin_spacing.CjkLatinSpacingRule, _article(title, body),
                       style="space") == spaced
    assert fast == slow


def _per_text(article: Article, pattern: re.Pattern[str],
              keep: Callable[[Prepared], bool]) -> list[tuple[str, int, int]]:
    return [(text.text, match.start(), match.end()) for text in texts(article) if keep(text)
            for match in pattern.finditer(text.text)]


def _seen(found: Iterator[tuple[Prepared, int, int]]) -> list[tuple[str, int, int]]:
    return [(text.text, start, end) for text, start, end in found]


def _sentence(text: Prepared) -> bool:
    return not text.is_title and not text.headline


CANDIDATE_FINDERS: list[tuple[Callable[[Joined], Any], re.Pattern[str],
                              Callable[[Prepared], bool]]] = [
    (space_around_fullwidth._candidates, space_around_fullwidth._candidate(), lambda t: True),
    (space_between_cjk._stretches, space_between_cjk._stretch_pattern(), _sentence),
    (cjk_latin_spacing._spaced, cjk_latin_spacing._spaced_pattern(), _sentence),
]


@pytest.mark.parametrize(("finder", "pattern", "keep"), CANDIDATE_FINDERS,
                         ids=["T008", "T005", "T007"])
@pytest.mark.parametrize("dense", [False, True], ids=["stretches", "dense"])
@settings(max_examples=100, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(title=TITLES, body=BODIES)
def test_white_stretch_finders_match_the_regex(
        monkeypatch: pytest.MonkeyPatch, finder: Callable[[Joined], Any],
        pattern: re.Pattern[str], keep: Callable[[Prepared], bool], dense: bool,
        title: str, body: str) -> None:
    article = _article(title, body)
    with monkeypatch.context() as patched:
        if dense:
            patched.setattr(Joined, "white", _dense)
        assert _seen(finder(joined(article))) == _per_text(article, pattern, keep)


@settings(max_examples=100, deadline=None)
@given(TITLES, BODIES)
def test_hits_are_each_texts_matches(title: str, body: str) -> None:
    article = _article(title, body)
    for pattern in [fullwidth_alphanumeric._FULLWIDTH, repeated_punctuation._STRETCH,
                    cjk_latin_spacing._touching(), space_between_cjk._stretch_pattern()]:
        assert _seen(joined(article).hits(pattern)) == _per_text(
            article, pattern, lambda t: True)


def test_dense_white_space_is_not_listed() -> None:
    found = joined(parse(article_text("<p>" + "中 " * 1000 + "</p>")))
    assert found.white() is None
    sparse = joined(parse(article_text("<p>美国 CIA 说，中\u3000国&nbsp; 人</p>")))
    assert [sparse.value[a:b] for a, b in sparse.white() or []] == [
        " ", " ", "\u3000", "\u00a0 "]


@given(st.text(alphabet="ab,;中\x00 ", max_size=40), st.sampled_from([",", ",;", "中 \x00"]))
def test_positions(value: str, chars: str) -> None:
    assert positions(value, chars) == [i for i, char in enumerate(value) if char in chars]


ALPHABETS = st.sets(st.characters(max_codepoint=0xFFFF, blacklist_characters="\x00\ufffe"),
                    min_size=1, max_size=10).map("".join)


@given(st.text(max_size=40), ALPHABETS)
def test_keep_only(value: str, alphabet: str) -> None:
    wanted = bytes(0 if char == "\x00" else alphabet.index(char) + 1
                   for char in value if char == "\x00" or char in alphabet)
    assert keep_only(value, alphabet) == wanted


def test_holding_names_each_text_once() -> None:
    found = joined(parse(article_text("<p>a(b)(c)</p><p>中</p><p>(</p>")))
    assert list(found.holding("(")) == [1, 3]  # 0 is the title
    assert list(found.holding(")")) == [1]


def test_unbalanced_texts_keep_what_the_scan_needs() -> None:
    article = parse(article_text(
        "<p>“甲”（乙《丙》）</p><p>“丁</p><p>a(b)</p><p>‘Xi’an</p><p>‘戊’</p><p>（己)）</p>"))
    # The title (0) and the balanced paragraphs 1, 3 and 5 need no scan; 4 looks balanced
    # but its `’` may be an apostrophe, which the scan passes over (`‘` is then open).
    assert unmatched_pair._unbalanced_texts(joined(article)) == {2, 4, 6}


def test_rare_characters_fit_one_byte_each() -> None:
    assert len(set(RARE)) == len(RARE) < 256
    assert "\x00" not in RARE and "\ufffe" not in RARE and max(RARE) <= "\uffff"


SUBSETS = st.lists(st.sampled_from(RARE), min_size=1, max_size=6, unique=True).map("".join)


@settings(max_examples=100, deadline=None)
@given(TITLES, BODIES, SUBSETS)
def test_rare_answers_what_a_scan_answers(title: str, body: str, chars: str) -> None:
    found = joined(_article(title, body))
    value = found.value
    assert [found.holds(char) for char in RARE + " 中"] == [char in value for char in RARE + " 中"]
    assert found.holds_any(chars) == any(char in value for char in chars)
    assert found.positions(chars) == positions(value, chars)
    kept = [char for char in value if char == "\x00" or char in chars]
    assert found.only(chars) == bytes(0 if char == "\x00" else RARE.index(char) + 1
                                      for char in kept)


@settings(max_examples=100, deadline=None)
@given(TITLES, BODIES)
def test_joined_texts_start_where_said(title: str, body: str) -> None:
    article = _article(title, body)
    found = joined(article)
    pieces = [article.header.title.value] if title else []  # type: ignore[union-attr]
    pieces += [run.text for run in article.runs]
    assert [source.text for source in found.sources] == pieces
    assert found.value == "\x00".join(pieces)
    assert found.starts == [sum(len(piece) + 1 for piece in pieces[:k])
                            for k in range(len(pieces))]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="a中 \t\u00a0\u3000\x00", max_size=60))
def test_white_stretches_are_the_regex_matches(value: str) -> None:
    found = Joined(value, [], [], [])
    wanted = [match.span() for match in WHITE.finditer(value)]
    assert found.white() == (None if len(wanted) > 16 else wanted)


def _edit_span_by_itself(text: Prepared, start: int, end: int) -> tuple[int, int] | None:
    """What `edit_span` answered before `spans` shared its work with `span`."""
    source = text.source
    if source.is_literal(start, end):
        return source.source_span(start, end)  # type: ignore[no-any-return]
    begin, finish = source.source_span(start, end)
    if start > 0 and source.char_end(start - 1) > begin:
        return None
    if end < len(text.text) and source.char_start(end) < finish:
        return None
    return begin, finish


@settings(max_examples=50, deadline=None)
@given(TITLES, BODIES)
def test_spans_are_the_span_and_the_edit_span(title: str, body: str) -> None:
    for text in texts(_article(title, body)):
        size = len(text.text)
        for start in range(size):
            for end in range(start, min(size, start + 8) + 1):
                assert text.spans(start, end) == (
                    text.span(start, end), _edit_span_by_itself(text, start, end))


SPACED = st.text(alphabet="中a1 \t\u00a0\u3000。\x00", max_size=60)


@settings(max_examples=300, deadline=None)
@given(SPACED)
def test_stretch_end_is_where_the_regex_match_ends(value: str) -> None:
    stretches = Joined(value, [], [], []).white()
    if stretches is None:
        return  # dense: the rule takes the regex pass itself
    pattern = space_between_cjk._stretch_pattern()
    for k, (first, _) in enumerate(stretches):
        if not (first and value[first - 1] == "中"):
            continue  # the rule asks only after a CJK letter (the pattern's lookbehind)
        match = pattern.match(value, first)
        assert space_between_cjk._stretch_end(value, stretches, k) == (
            None if match is None else match.end())


@given(st.text(alphabet="a1(（，中\u2e7f\u2e80\u9fff\ua000\U00020000\U000323b0", max_size=12))
def test_holds_cjk_is_the_regex_search(inner: str) -> None:
    assert halfwidth_punctuation._holds_cjk(inner) == (
        halfwidth_punctuation._cjk_letter().search(inner) is not None)


@given(st.text(alphabet="a1,;:?!中）》，\x00 ", max_size=30))
def test_sentence_marks_near_chinese_have_a_high_neighbour(value: str) -> None:
    # T001 passes over a mark whose neighbours are both below U+2E80 without asking
    # _in_chinese: it must answer False there.
    for index, char in enumerate(value):
        if char in ",;:?!" and halfwidth_punctuation._in_chinese(value, index):
            assert max(value[index - 1:index], value[index + 1:index + 2]) >= "\u2e80"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "中", "\x00", " ", "\u00a0", "\t", "\u3000", "  "]),
                max_size=40).map("".join))
def test_lone_spaces_are_the_regex_matches(value: str) -> None:
    # Spaces apart are listed by `_lone_spaces` (one split), side by side or more than
    # the limit (16 here) by the general scan: both give the regex's stretches.
    found = Joined(value, [], [], [])
    wanted = [match.span() for match in WHITE.finditer(value)]
    assert found.white() == (None if len(wanted) > 16 else wanted)
