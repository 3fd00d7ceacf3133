"""Linear time on pathological text. Budgets are relative to a plain scan of the same text
(a Python loop that looks at every character), so they hold on a slow or busy machine, and
generous, so only super-linear behaviour (a backtracking regex, a quadratic rescan) fails."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from lint.registry import builtin_rules
from rules.typography.cjk_latin_spacing import CjkLatinSpacingRule
from tests.support import article_text, parse

RULES = [rule() for rule in builtin_rules() if rule.code.startswith("T")]
RULES.append(CjkLatinSpacingRule(CjkLatinSpacingRule.Options(style="space")))
BUDGET = 150  # times a plain scan; quadratic work on these sizes is thousands of times


def _best(action: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def _plain_scan(text: str) -> int:
    count = 0
    for char in text:
        if char == "\x00":
            count += 1
    return count


def _lint(text: str) -> int:
    article = parse(text)  # the tokenizer and the text runs are part of the budget
    return sum(len(list(rule.check(article))) for rule in RULES)


@pytest.mark.parametrize("body", [
    "，" * 200_000,
    "（" * 100_000,
    "中 " * 200_000,
    "中 " * 200_000 + "。",  # a sentence: the spaces are reported (as one stretch)
    "“" * 100_000 + "”" * 50_000,
    ")" * 100_000 + "中",
    "中，" * 100_000,
    "a," * 100_000 + "https://x.com/" + "@" * 10_000,
], ids=["commas", "brackets", "spaced", "spaced-sentence", "quotes", "closers",
        "cjk-commas", "latin-commas"])
def test_linear_time(body: str) -> None:
    text = article_text("<p>" + body + "</p>")
    scan = _best(lambda: _plain_scan(text))
    # Timed again (up to three times) only when over budget: on a machine loaded by other
    # work one slow round is noise, while super-linear work is over budget every time.
    for _ in range(3):
        spent = _best(lambda: _lint(text), rounds=1)
        if spent < BUDGET * scan:
            break
    assert spent < BUDGET * scan, f"{spent:.3f}s vs plain scan {scan:.4f}s"
