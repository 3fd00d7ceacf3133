"""Inline suppressions: character-range scopes inside the one-line body, X001 and X004."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.engine_rules import InvalidSuppression, UnusedSuppression
from lint.fix_run import Mode, fix_text, lint_text
from lint.registry import Registry
from lint.rule import code_block
from lint.settings import Selection, build_settings
from lint.source import SourceText
from tests.lint.rulekit import cli, codes, test_registry, use_registry, write
from tests.support import DATE_DIV, HEADER, SAMPLE, article_text, positions, snippet_text

REGISTRY = test_registry()


def lint(text: str, *select: str, registry: Registry = REGISTRY) -> list[str]:
    settings = build_settings(registry, Selection(select=list(select) or None), None)
    checked = lint_text("t.md", SourceText(text), settings, frozenset())
    return positions(checked.result.diagnostics)


def body(html: str) -> str:
    return article_text(DATE_DIV + html)


BULLETS = "<p>阿西姆•穆尼尔</p><p>艾曼•扎瓦希里</p>"


def test_range_around_one_of_the_samples_bullets_silences_that_one_only() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert positions(d for d in _bullets(text)) == ["5:338 Z901", "5:769 Z901"]
    first = text.index("阿西姆•穆尼尔")
    end = first + len("阿西姆•穆尼尔")
    wrapped = (text[:first] + "<!-- articlelint-disable Z901 -->" + text[first:end]
               + "<!-- articlelint-enable Z901 -->" + text[end:])
    found = lint(wrapped, "Z901")
    assert len(found) == 1 and found[0].endswith("Z901")
    line, column = map(int, found[0].split()[0].split(":"))
    # The second bullet moved right by the two comments' length and is still reported.
    shift = len("<!-- articlelint-disable Z901 --><!-- articlelint-enable Z901 -->")
    assert (line, column) == (5, 769 + shift)


def test_range_around_the_real_name_separator_rule() -> None:
    pytest.importorskip("rules.typography.name_separator")
    registry = Registry.default()
    text = SAMPLE.read_text(encoding="utf-8")
    first = text.index("阿西姆•穆尼尔")
    end = first + len("阿西姆•穆尼尔")
    wrapped = (text[:first] + "<!-- articlelint-disable T002 -->" + text[first:end]
               + "<!-- articlelint-enable name-separator -->" + text[end:])
    before = [p for p in lint(text, "T002", registry=registry) if p.endswith("T002")]
    after = lint(wrapped, "T002", registry=registry)
    assert len(before) == 2 and len([p for p in after if p.endswith("T002")]) == 1
    assert not [p for p in after if p.endswith(("X001", "X004"))]


def _bullets(text: str) -> list:
    settings = build_settings(REGISTRY, Selection(select=["Z901"]), None)
    return lint_text("t.md", SourceText(text), settings, frozenset()).result.diagnostics


@pytest.mark.parametrize(("html", "expected"), [
    # disable … enable: a character range inside the one line
    ("<p>甲•乙<!-- articlelint-disable Z901 -->丙•丁<!-- articlelint-enable Z901 -->戊•己</p>",
     ["5:52 Z901", "5:123 Z901"]),
    # by name, and several codes separated by commas or blanks
    ("<!-- articlelint-disable test-bullet, Z901 -->" + BULLETS, []),
    # … where a code that matched nothing is reported on its own
    ("<!-- articlelint-disable test-bullet, Z902 -->" + BULLETS, ["5:86 X001"]),
    # no codes: every rule; an enable without codes ends it
    ("<!-- articlelint-disable -->" + BULLETS[:14] + "<!-- articlelint-enable -->" + BULLETS[14:],
     ["5:122 Z901"]),
    # an enable of other codes does not end the range of this one
    ("<!-- articlelint-disable Z901 --><p>甲•乙</p><!-- articlelint-enable Z902 --><p>丙•丁</p>",
     ["5:91 X001"]),
    # a disable without an enable runs to the end of the file
    ("<p>甲•乙</p><!-- articlelint-disable Z901 --><p>丙•丁</p>", ["5:52 Z901"]),
    # disable-next: the next element (its whole outer range) …
    ("<!-- articlelint-disable-next Z901 -->" + BULLETS, ["5:105 Z901"]),
    # … skipping blanks and other comments …
    ("<!-- articlelint-disable-next Z901 --> <!-- x -->" + BULLETS, ["5:116 Z901"]),
    # … or, inside text, the text up to the next tag
    ("<p><!-- articlelint-disable-next Z901 -->甲•乙<b>丙•丁</b></p>", ["5:96 Z901"]),
    # disable-file
    ("<p>甲</p><!-- articlelint-disable-file test-bullet -->" + BULLETS, []),
])
def test_scopes(html: str, expected: list[str]) -> None:
    assert lint(body(html), "Z901") == expected


def test_disable_next_between_lines_covers_the_next_line() -> None:
    text = HEADER.replace("\n\n", "\n<!-- articlelint-disable-next Z901 -->\n") + (
        DATE_DIV + BULLETS + "\n")
    assert lint(text, "Z901") == []
    text = HEADER + DATE_DIV + BULLETS + "<!-- articlelint-disable-next Z901 -->\n"
    assert lint(text, "Z901") == ["5:54 Z901", "5:67 Z901", "5:76 X001"]


def test_unused_suppression_has_a_fix_that_removes_it_and_its_enable() -> None:
    html = "<p>甲</p><!-- articlelint-disable Z901 --><p>乙</p><!-- articlelint-enable Z901 -->"
    settings = build_settings(REGISTRY, Selection(select=["Z901"]), None)
    outcome = fix_text("t.md", SourceText(body(html)), settings, frozenset(), Mode(fix=True))
    assert lint(body(html), "Z901") == ["5:56 X001"]
    assert outcome.text == body("<p>甲</p><p>乙</p>") and outcome.fixed == 1


def test_unused_code_fix_removes_only_that_code() -> None:
    settings = build_settings(REGISTRY, Selection(select=["Z901"]), None)
    for comment, kept in [("<!-- articlelint-disable-next Z902, test-bullet -->",
                           "<!-- articlelint-disable-next test-bullet -->"),
                          ("<!-- articlelint-disable-next Z901 Z902 Z903 -->",
                           "<!-- articlelint-disable-next Z901 -->")]:
        text = body(comment + "<p>阿西姆•穆尼尔</p>")
        outcome = fix_text("t.md", SourceText(text), settings, frozenset(), Mode(fix=True))
        assert outcome.text == body(kept + "<p>阿西姆•穆尼尔</p>")


def test_enable_that_ends_nothing_is_unused() -> None:
    assert lint(body("<p>甲</p><!-- articlelint-enable -->"), "Z901") == ["5:56 X001"]


def test_suppression_of_an_unselected_rule_is_unused() -> None:
    assert lint(body("<!-- articlelint-disable-next Z902 --><p>ping</p>"), "Z901") == [
        "5:48 X001"]


@pytest.mark.parametrize(("comment", "message"), [
    ("<!-- articlelint-disabel Z901 -->", "did you mean `articlelint-disable`"),
    ("<!-- articlelint-disable-next-line Z901 -->", "unknown suppression directive"),
    ("<!-- articlelint disable Z901 -->", "unknown suppression directive"),
    ("<!-- articlelint-disable Q999 -->", "unknown rule `Q999`"),
])
def test_invalid_suppressions(comment: str, message: str) -> None:
    settings = build_settings(REGISTRY, Selection(select=["Z901"]), None)
    text = body(comment + BULLETS)
    found = lint_text("t.md", SourceText(text), settings, frozenset()).result.diagnostics
    invalid = [d for d in found if d.code == InvalidSuppression.code]
    assert len(invalid) == 1 and message in invalid[0].message
    assert invalid[0].span.line == 5
    # An invalid directive suppresses nothing.
    assert [d.code for d in found].count("Z901") == 2


def test_unknown_code_points_at_the_code_and_known_codes_still_apply() -> None:
    found = lint(body("<!-- articlelint-disable-next Q999 Z901 -->" + BULLETS), "Z901")
    assert found == ["5:78 X004", "5:110 Z901"]


def test_comments_that_merely_mention_the_tool_are_not_directives() -> None:
    assert lint(body("<!-- checked with articlelint -->" + BULLETS), "Z901") == [
        "5:87 Z901", "5:100 Z901"]


def test_engine_codes_are_not_suppressed_inline() -> None:
    # disable-file without codes silences the bullets, but not X004 about the second one.
    html = "<!-- articlelint-disable-file --><!-- articlelint-disable Q999 -->"
    assert lint(body(html + BULLETS), "Z901") == ["5:106 X004"]


def test_x001_and_x004_can_be_ignored() -> None:
    text = body("<!-- articlelint-disable Q999 --><!-- articlelint-enable --><p>甲</p>")
    assert lint(text, "Z901") == ["5:73 X004", "5:81 X001"]
    settings = build_settings(REGISTRY, Selection(select=["Z901"], ignore=["X"]), None)
    assert lint_text("t.md", SourceText(text), settings, frozenset()).result.diagnostics == []


@pytest.mark.parametrize("rule", [UnusedSuppression, InvalidSuppression])
def test_documented_examples_through_the_pipeline(rule: type) -> None:
    """X001/X004 are engine codes (their `check` finds nothing); their docs' Example
    fires and Use instead passes when the whole pipeline runs."""
    example = snippet_text(code_block(rule.doc_section("Example")))
    better = snippet_text(code_block(rule.doc_section("Use instead")))
    registry = Registry.default()
    assert rule.code in [p.split()[1] for p in lint(example, registry=registry)]
    assert rule.code not in [p.split()[1] for p in lint(better, registry=registry)]


def test_suppressions_apply_to_corpus_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            ) -> None:
    monkeypatch.chdir(tmp_path)
    use_registry(monkeypatch, REGISTRY)
    write(tmp_path / "a.md", body("<!-- articlelint-disable-next Z906 --><p>重复</p>"))
    write(tmp_path / "b.md", body("<p>重复</p>"))
    write(tmp_path / "c.md", body("<!-- articlelint-disable-next Z906 --><p>无</p>"))
    for fix in ([], ["--fix"]):
        _, out = cli("check", "--select", "Z906", *fix, ".")
        assert codes(out) == ["b.md:5:51 Z906", "c.md:5:48 X001"]
    # --fix left the directive that only a corpus diagnostic could use in place.
    assert "disable-next" in (tmp_path / "c.md").read_text(encoding="utf-8")
