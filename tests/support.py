"""Helpers shared by the tests: build articles, run rules, apply fixes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lint import Article, Diagnostic, Rule, SourceText
from lint.fixer import apply_fixes
from lint.rule import RuleOptions

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = EXAMPLES / "voa-20231213-pakistan.md"
# A real article on which the default rule set finds nothing (tests/test_clean_article.py).
CLEAN = FIXTURES / "voa" / "1047771_世卫组织：全世界新增新冠病例近26万创下记录.md"

HEADER = (
    "<!--1702517943000-->\n"
    "[巴基斯坦寻求美国帮助](https://www.voachinese.com/a/pakistan-seeks-us-help-20231213/7397500.html)\n"
    "------\n"
    "\n"
)
DATE_DIV = "<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div>"


def article_text(body: str, header: str = HEADER) -> str:
    """A whole file: the standard header (line 1-4) and `body` as line 5."""
    return header + body + "\n"


def snippet_text(snippet: str) -> str:
    """A docs snippet is a whole file when it starts with `<!--`, else a body line."""
    return snippet + "\n" if snippet.startswith("<!--") else article_text(snippet)


def parse(text: str, path: str = "test.md") -> Article:
    return Article.parse(SourceText(text), path)


def run(rule: Rule | type[Rule], text: str, **options: object) -> list[Diagnostic]:
    """The diagnostics of one rule on `text` (a whole file), sorted."""
    instance = rule if isinstance(rule, Rule) else rule(_options(rule, options))
    found = list(instance.check(parse(text)))
    return sorted(found, key=Diagnostic.sort_key)


def _options(rule: type[Rule], options: dict[str, object]) -> RuleOptions | None:
    return rule.Options(**options) if options else None


def positions(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """`line:col CODE` for each diagnostic, the form the rule tables use."""
    return [f"{d.span.line}:{d.span.column} {d.code}" for d in diagnostics]


def fixed(rule: Rule | type[Rule], text: str, unsafe: bool = False,
          **options: object) -> str:
    """`text` after applying the rule's fixes until nothing changes (at most 10 rounds)."""
    for _ in range(10):
        new, count = apply_fixes(text, run(rule, text, **options), unsafe=unsafe)
        if count == 0 or new == text:
            return new
        text = new
    raise AssertionError("fixes did not converge")
