"""The engine stops a rule at MAX_PER_RULE reports per file and says so."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Article, Diagnostic, FixAvailability, Rule
from lint.engine import MAX_PER_RULE, run_rule
from tests.support import article_text, parse


class EveryCharacter(Rule):
    """Flags every character of the body, with a fix (test only)."""

    code, name, summary = "Z950", "every-character", "Every character"
    fix_availability = FixAvailability.SAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        assert article.body is not None
        for offset in range(article.body.start, article.body.end):
            yield self.diagnostic(article, offset, offset + 1, "a character",
                                  fix=self.replace(offset, offset + 1, "x", "x"))


def test_a_rule_is_stopped_at_the_limit_with_a_last_diagnostic_saying_so() -> None:
    article = parse(article_text("<p>" + "中" * (MAX_PER_RULE * 3) + "</p>"))
    found = run_rule(EveryCharacter(), article)
    assert len(found) == MAX_PER_RULE + 1
    last = found[-1]
    assert last.code == "Z950" and last.fix is None
    assert last.message.startswith(f"more than {MAX_PER_RULE:,} diagnostics of this rule")
    assert all(d.fix is not None for d in found[:-1])


def test_below_the_limit_nothing_changes() -> None:
    article = parse(article_text("<p>中文</p>"))
    assert [d.message for d in run_rule(EveryCharacter(), article)] == ["a character"] * 9
