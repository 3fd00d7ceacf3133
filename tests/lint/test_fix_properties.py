"""Properties of fixing, over every fixable rule in the registry (the other families'
rules join in as they land): fixing twice gives the bytes of fixing once, no diagnostic
with a safe fix survives --fix, and real files change only where fixes say so."""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.article import Article
from lint.fix_run import Mode, fix_text, lint_text
from lint.models import Applicability, FixAvailability
from lint.registry import Registry
from lint.settings import Selection, build_settings
from lint.source import SourceText
from tests.lint.rulekit import Bullet, cli, test_registry
from tests.support import FIXTURES, SAMPLE

REGISTRY = test_registry(builtins=True)
# Every fixable rule, by exact code (which also turns on rules that are off by default);
# the test-only bullet rule keeps the property meaningful before any family has landed.
FIXABLE = sorted(rule.code for rule in Registry.default().rules
                 if rule.fix_availability is not FixAvailability.NONE) + [Bullet.code]
SETTINGS = build_settings(REGISTRY, Selection(select=FIXABLE), None)
VOA = sorted((FIXTURES / "voa").glob("*.md"))
BASES = [SAMPLE.read_text(encoding="utf-8"),
         *(path.read_text(encoding="utf-8") for path in VOA[::27])]
# Pieces that real defects are made of: punctuation in both widths, spaces, separators,
# empty or doubled markup, references, stray CR, full-width letters, tool comments.
PIECES = ["•", "・", ".", "·", "(", ")", ",", ":", "!", "?", "（", "）", "，", "。", "。。",
          " ", "  ", "\u00a0", "\r", "\n", "\n\n", "<p></p>", "<p> </p>", "<p>&nbsp;</p>",
          "</p>", "<p>", "<b>", "</b>", "<br>", "&amp;", "&nbsp;", "Ａ１", "“", "”", "「",
          "阿西姆", "Munir", "<!-- articlelint-disable-next Z901 -->",
          "<!-- articlelint-disable -->", "<!-- articlelint-enable -->",
          "<!-- articlelint-enable Z901 -->", "<!-- articlelint-disable-file Z901 -->",
          "<!-- articlelint-disable-next -->", "<!-- articlelint-bogus Q1 -->", "<!--", "-->"]


@st.composite
def articles(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(BASES))
    edits = draw(st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES)), max_size=8))
    for where, piece in sorted(edits, reverse=True):
        at = int(where * len(text))
        text = text[:at] + piece + text[at:]
    return text


def fixed_once(text: str) -> tuple[str, list[str]]:
    outcome = fix_text("t.md", SourceText(text), SETTINGS, frozenset(), Mode(fix=True))
    return (outcome.text if outcome.text is not None else text), outcome.notes


@settings(max_examples=int(os.environ.get("ARTICLELINT_FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_fix_twice_is_fix_once_and_no_safe_fix_remains(text: str) -> None:
    once, notes = fixed_once(text)
    assert not notes
    twice, _ = fixed_once(once)
    assert twice == once
    remaining = lint_text("t.md", SourceText(once), SETTINGS, frozenset())
    safe = [d for d in remaining.result.diagnostics
            if d.fix is not None and d.fix.applicability is Applicability.SAFE]
    assert safe == []


def test_fixing_a_clean_file_keeps_bytes_and_mtime(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    once, _ = fixed_once(SAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "a.md"
    path.write_bytes(once.encode("utf-8"))
    before = path.stat().st_mtime_ns
    cli("check", "--fix", "--select", ",".join(FIXABLE[:-1] or ["S"]), "a.md")
    assert path.read_bytes() == once.encode("utf-8") and path.stat().st_mtime_ns == before


# Safe fixes that rewrite letters by design (a weekday, a user's glossary or dictionary):
# left out of the letters check below.
REWRITES_LETTERS = ("S005", "N005", "N006")


def letters(text: str) -> list[str]:
    """The letters of a file's visible text (title and body text, not markup), full-width
    forms folded (T006 turns `Ａ` into `A`)."""
    article = Article.parse(SourceText(text))
    title = article.header.title.value if article.header.title else ""
    visible = title + "".join(run.text for run in article.runs)
    return [c for c in unicodedata.normalize("NFKC", visible) if c.isalpha()]


def test_fix_run_over_the_real_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "voa"
    shutil.copytree(FIXTURES / "voa", copy)
    monkeypatch.chdir(tmp_path)
    before = {p.name: p.read_text(encoding="utf-8") for p in copy.glob("*.md")}
    ignore = ",".join(c for c in REWRITES_LETTERS if Registry.default().get(c))
    args = ["check", "--fix", "--output-format", "json", "voa"]
    code, out = cli(*args, *(["--ignore", ignore] if ignore else []))
    assert code in (0, 1)
    fixed = json.loads(out)["summary"]["fixed"]
    changed = 0
    for path in sorted(copy.glob("*.md")):
        after = path.read_text(encoding="utf-8")
        old = before[path.name]
        if after == old:
            continue
        changed += 1
        assert letters(after) == letters(old), path.name
        assert after.count("\n") <= old.count("\n")
        parsed, original = Article.parse(SourceText(after)), Article.parse(SourceText(old))
        assert (parsed.body is None) == (original.body is None)
        if parsed.body is not None and original.body is not None:
            # Fixes never make the HTML worse.
            assert len(parsed.body.problems) <= len(original.body.problems), path.name
        assert (parsed.header.url and parsed.header.url.value) == (
            original.header.url and original.header.url.value)
    assert (changed == 0) == (fixed == 0)
    print(f"fix run over {len(before)} real files: {fixed} fixes, {changed} files changed")
    # A second run finds nothing left to fix.
    code, out = cli(*args, *(["--ignore", ignore] if ignore else []))
    assert json.loads(out)["summary"]["fixed"] == 0
