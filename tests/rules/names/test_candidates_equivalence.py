"""The fast gloss finder, N006's screens and the alignment shortcut give exactly what the
plain versions give (the plain finder is kept in `_reference_candidates`), and N006's
read replacement templates expand as `match.expand` does."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Article
from lint.source import SourceText
from rules.names import _candidates as fast
from rules.names._align import _best_alignment, aligned, mismatched
from rules.names._name_parts import LEAD
from rules.names._phonetic import compare
from rules.names._tables import BOUNDARY_WORDS
from rules.names._textfix import diagnostics
from rules.names._userfiles import WordEntry, _read_template, builtin_dictionary, expand
from rules.names.dictionary import Dictionary
from rules.names.gloss_inconsistent import _span_facts
from tests.rules.names import _reference_candidates as reference
from tests.support import article_text

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "voa").glob("*.md")) + sorted(
    (ROOT / "examples").rglob("*.md"))


def _plain(gloss: Any) -> tuple[Any, ...]:
    """A gloss of either finder as plain tuples (their classes differ)."""
    def piece(p: Any) -> tuple[Any, ...]:
        return (p.text, p.start, p.end, getattr(p, "kind", None))
    return (tuple(map(piece, gloss.parts)), tuple(gloss.separators),
            tuple(map(piece, gloss.tokens)), piece(gloss.inner), gloss.lead)


def _same(text: str) -> None:
    assert [_plain(g) for g in fast.find_glosses(text)] == [
        _plain(g) for g in reference.find_glosses(text)]


def _articles() -> Iterator[Article]:
    for path in ARTICLES:
        yield Article.parse(SourceText.decode(path.read_bytes()), str(path))


def test_same_glosses_in_every_fixture_and_example() -> None:
    texts = [run.text for article in _articles() for run in article.runs]
    assert sum(len(reference.find_glosses(t)) for t in texts) > 100  # the test has teeth
    for text in texts:
        _same(text)


_ALPHABET = st.sampled_from(list(
    "简阿恰克扎伊罗伯特部长总理包道格陆克文的理查德·•.・（）() \u3000anJAa-'’\",，;"
    "Sen.MrÉéßX1/é\u0301ⅰ²\t\n"))


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_same_glosses_in_any_text(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("text", [
    "阿西姆·穆尼尔（" + "A" * 78 + "）", "阿西姆·穆尼尔（" + "A" * 79 + "）",  # MAX_GLOSS
    "阿西姆（Asim（Munir）", "阿西姆（Asim)", "阿西姆(Asim）", "（Asim）", "a（Asim）",
    "㐀㐁㐂（Asim Munir）", "前总统理查德·尼克松（Richard Nixon）", "理查德（Richard Nixon）",
    "穆尼尔（Asim Munir, R-WI）", "穆尼尔（Asim\u3000Munir）", "穆尼尔（José Müller）",
    "穆尼尔（ASIM MUNIR）", "穆尼尔（Asim mUNIR）", "包道格（Douglas Paal）",
    # Names of one, two and more parts, each path of `_name_before` and `_trim`.
    "约翰·菲茨杰拉德·肯尼迪（John F. Kennedy）", "部长约翰·菲茨杰拉德·肯尼迪（John Kennedy）",
    "中国·美国·阿西姆（Asim Munir）", "阿西姆·中国·穆尼尔（Asim Munir）",
    "阿西姆·穆尼尔人（Asim Munir）", "阿西姆·中国人尼（Asim Munir）", "阿西姆·中国（Asim）",
    "中国·穆尼尔（Asim Munir）", "总理简·阿恰克扎伊（Jan Achakzai）", ".阿西姆（Asim）",
    "·穆尼尔（Munir）", "a·穆尼尔（Munir）", "阿·穆（Ab Cd）", "王·道格（Doug）", "王道格（Doug）",
    "中国人·中国人·阿西姆（Asim）", "阿西姆·穆尼尔·中国（Asim）", "阿·西·姆·穆（A B C D）",
    # The lead: Han characters before the name, cut at a word that ends before names.
    "前总统理查德（Richard Nixon）", "的理查德·尼克松（Richard Nixon）", "x理查德（Richard）",
    "和平理查德（Richard）", "发言人理查德（Richard）", "理查德（Richard）", "查德（Richard）",
    "国务卿中查德（Richard）", "人中查德（Richard）", "中国·理查德（Richard）",
    # Both kinds of bracket in one text, and brackets inside brackets.
    "阿西姆(Asim Munir) 和穆尼尔（Asim Munir）", "阿西姆（Asim Munir）和穆尼尔(Munir)",
    "阿西姆(Asim（Munir)", "阿西姆（Asim (Munir)）", "阿西姆（Asim Munir)和(Munir）",
    # Bodies: lower-case only, particles, titles, initials, acronyms, odd spaces.
    "穆尼尔（asim munir）", "穆尼尔（van der berg）", "穆尼尔（al-Zawahiri）", "穆尼尔（Mr Asim）",
    "穆尼尔（A B）", "穆尼尔（McDonald）", "穆尼尔（ASim）", "穆尼尔（AsIM）", "穆尼尔（Ab）",
    "穆尼尔（Abc）", "穆尼尔（Asim at Munir）", "穆尼尔（Asim the Munir）", "穆尼尔（I）",
    "穆尼尔（Asim\u2003Munir）", "穆尼尔（ Asim  Munir ）", "穆尼尔（Asim\u00a0Munir）",
    "穆尼尔（Asim Munir，简称AM）", "穆尼尔（, Asim）", "穆尼尔（   ）", "穆尼尔（）",
    "穆尼尔（José Munir, Sr.）", "穆尼尔（Asim “Big” Munir）", "穆尼尔（Asim 'Munir'）",
    # Bodies outside `_PLAIN` (the per-character reading): dates, Han, digits, accents.
    "穆尼尔（7月16日）", "穆尼尔（Asim 7）", "穆尼尔（Müller，简称M）", "穆尼尔（Müller 7）",
    "穆尼尔（\u3000）", "穆尼尔（Ásim\u3000Münir）", "穆尼尔（Asim/Munir）", "穆尼尔（é）",
    "穆尼尔（Asim, 7月）", "穆尼尔（美国 Asim）", "穆尼尔（ǀAsim）", "穆尼尔（Asim;Münir）",
])
def test_same_glosses_at_the_edges(text: str) -> None:
    _same(text)


def test_split_is_str_isspace() -> None:
    """The finder splits bodies with `str.split()`, the reference at `str.isspace`."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert " ".join(everything).split() == [c for c in everything if not c.isspace()]


def test_the_inline_word_classes_hold() -> None:
    """`_body_tokens` classifies an ASCII word without `_classify_marked`, knowing that
    no title is one letter long and that a name token of ASCII letters has a capital."""
    assert all(len(title) > 1 for title in fast.TITLES)
    for word in ("Asim", "al-Zawahiri", "O'Brien", "McDonald", "Jr.", "X", "bin"):
        token = fast._classify_marked(word, 0)
        assert token is None or token.kind != "name" or not word.islower()


def test_regex_whitespace_is_str_isspace() -> None:
    """The finder splits and tests bodies with `\\s`/`\\S`, the reference with
    `str.isspace`: they must agree on every character."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", everything) == [c for c in everything if c.isspace()]


def test_alignment_shortcut_is_the_best_alignment() -> None:
    """A gloss whose parts each fit the token in their place is aligned that way without
    the dynamic programme; the programme agrees."""
    checked = 0
    for article in _articles():
        for run in article.runs:
            for gloss in fast.find_glosses(run.text):
                parts, words = gloss.parts, list(gloss.tokens)
                if len(parts) < 2 or len(parts) != len(words) or any(
                        compare(p.text, w.text) is not None for p, w in zip(parts, words)):
                    continue
                checked += 1
                assert _best_alignment(parts, words) == [(i, i) for i in range(len(parts))]
                assert [(p.part, p.token) for p in aligned(gloss)] == list(zip(parts, words))
    assert checked > 10


def _mismatched_is_aligned_filtered(text: str) -> None:
    for gloss in fast.find_glosses(text):
        assert mismatched(gloss) == [p for p in aligned(gloss) if p.mismatch is not None]


def test_mismatched_pairs_are_the_aligned_ones_that_mismatch() -> None:
    texts = [run.text for article in _articles() for run in article.runs]
    texts += ["简·阿恰克扎伊（an Achakzai）", "特鲁多（Justin Trudeau）", "特鲁多（Justin Rudeau）",
              "特鲁多（J. R.）", "范·荷伦（Chris Van Hollen）", "范·荷伦（Chris Van）",
              "约翰·菲茨杰拉德·肯尼迪（John F. Kennedy）", "前总统理查德（Richard Nixon）",
              "阿西姆·穆尼尔（Sim Munir）", "阿西姆·穆尼尔（Asim）", "阿西姆（al-Asim bin）"]
    for text in texts:
        _mismatched_is_aligned_filtered(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_mismatched_pairs_in_any_text(text: str) -> None:
    _mismatched_is_aligned_filtered(text)


ENTRIES = [
    *builtin_dictionary(),
    WordEntry(wrong="美国之声", right="美国之音"),
    WordEntry(wrong="a$b", right="ab"),  # escaped, yet looks anchored: kept, as before
    WordEntry(wrong="^据", right="根据", regex=True),
    WordEntry(wrong=r"(\d+)多名", right=r"\1余名", regex=True, context="死亡|受伤"),
    WordEntry(wrong="x*", right="y", regex=True),  # matches everywhere, even empty
]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.wrong)
def test_screen_is_may_occur(entry: WordEntry) -> None:
    screen = entry.screen()
    texts = ["", "据美国之声报道", "a$b", "导致40多名平民受伤", "再接再厉", "再接再励。",
             "同期与支持", "\n同期和理解\n"] + [
        "\n".join(run.text for run in article.runs) for article in _articles()]
    for text in texts:
        assert screen(text) == entry.may_occur(text), text


def _naive(rule: Dictionary, article: Article, finders: list[Any]) -> Iterator[Any]:
    """Every finder over every run, no screen, no plan: what `diagnostics` must give."""
    for run in article.runs:
        seen: set[tuple[int, int]] = set()
        for finder in finders:
            for hit in finder.find(run.text):
                if (hit.start, hit.end) not in seen:
                    seen.add((hit.start, hit.end))
                    start, end = run.source_span(hit.start, hit.end)
                    fix = (rule.replace(start, end, hit.replacement,
                                        f"Replace with `{hit.replacement}`")
                           if run.is_literal(hit.start, hit.end) else None)
                    yield rule.diagnostic(article, start, end, hit.message, fix=fix)


def test_screened_diagnostics_are_the_naive_ones() -> None:
    rule = Dictionary()
    body = ("<p>据美国之声报道，导致40多名平民受伤，同期与支持。</p><p>再接再励，"
            "<b>同期</b>与理解</p><p>a$b 据说</p>")
    articles = [*list(_articles())[:40], Article.parse(SourceText(article_text(body)), "x.md")]
    for article in articles:
        for finders in (ENTRIES, ENTRIES[::-1], ENTRIES[:3]):
            assert list(diagnostics(rule, article, finders)) == list(
                _naive(rule, article, finders))


def test_span_facts_are_the_span_model_dumped() -> None:
    """N004 writes its facts' spans without building `Span` models: same dicts."""
    for article in list(_articles())[:20]:
        size = len(article.source)
        spans = [(0, 0), (0, size), (size // 3, size // 2), (size, size)]
        # Around line breaks (a span within one line takes one look-up, not two).
        for at in [i for i, c in enumerate(article.text) if c == "\n"][:6]:
            spans += [(max(at - 2, 0), at), (max(at - 1, 0), at + 1), (at, at + 1),
                      (at + 1, min(at + 3, size)), (at, at), (at + 1, at + 1)]
        for start, end in spans:
            assert _span_facts(article, start, end) == article.source.span(
                start, end).model_dump()


_TEMPLATE_PATTERN = re.compile(r"(?P<first>a)(b)?(同)")
_TEMPLATE_TEXTS = ["a同", "ab同", "xab同yab同"]


def _same_expansion(right: str) -> None:
    template = _read_template(right, _TEMPLATE_PATTERN)
    for text in _TEMPLATE_TEXTS:
        for match in _TEMPLATE_PATTERN.finditer(text):
            try:
                wanted = match.expand(right)
            except (re.error, IndexError):
                assert template is None, right  # an error stays `expand`'s to raise
                continue
            if template is not None:
                assert expand(template, match) == wanted, right


@pytest.mark.parametrize("right", [
    "", "同情", r"同情\1\2", r"\2\1", r"\3", r"\g<0>", r"\g<first>x", r"\g<2>\g<3>",
    r"\12", r"\10", r"\0", r"\n", r"\\", "a\\", r"\g<01>", r"\g<x>", r"\4", r"\g<9>",
    r"\g<first", r"\g<>", r"\1\n", r"\a",
])
def test_read_template_expands_as_match_expand(right: str) -> None:
    _same_expansion(right)


def test_read_template_reads_the_common_templates() -> None:
    assert _read_template(r"同情\1\2", re.compile("同期(与|和)(支持|理解)")) == ("同情", 1, 2)
    assert _read_template(r"x\g<first>", _TEMPLATE_PATTERN) == ("x", 1)
    assert _read_template(r"\n", _TEMPLATE_PATTERN) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["\\", "1", "2", "3", "0", "g", "<", ">", "first", "x",
                                 "同", "n", "-"]), max_size=12).map("".join))
def test_read_template_in_any_template(right: str) -> None:
    _same_expansion(right)


def test_regex_entries_replace_as_before() -> None:
    """Hits of a regex entry with a read template are those `match.expand` gives."""
    entry = WordEntry(wrong="同期(与|和)(支持|理解)", right=r"同情\1\2", regex=True)
    fallback = WordEntry(wrong="同期(与|和)(支持|理解)", right=r"同情\1\2\\", regex=True)
    text = "同期与支持，同期和理解；同期与理解"
    assert [hit.replacement for hit in entry.find(text)] == ["同情与支持", "同情和理解",
                                                             "同情与理解"]
    assert [hit.replacement for hit in fallback.find(text)] == [
        "同情与支持\\", "同情和理解\\", "同情与理解\\"]


def test_the_lookbehind_letter_holds_every_han_character() -> None:
    """The candidate patterns want a non-ASCII letter before the bracket (a cheap class),
    and `find_glosses` then tests for a Han character: every Han one must pass."""
    letter = re.compile(fast._LETTER_BEFORE)
    han = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))]
    assert all(fast.is_han(c) for c in han)
    assert all(letter.fullmatch(c) for c in han)


def test_boundary_words_fit_in_the_lead() -> None:
    """`_lead` looks for a boundary word within the LEAD characters before the name."""
    assert max(map(len, BOUNDARY_WORDS)) <= LEAD
