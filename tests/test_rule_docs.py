"""Every rule documents itself, and its documented Example fires while Use instead passes."""

from __future__ import annotations

import pytest

from lint.registry import Registry
from lint.rule import DOC_SECTIONS, Rule, code_block, doc_sections
from tests.support import run, snippet_text

REGISTRY = Registry.default()
ALL_RULES = REGISTRY.rules
CHECKED_RULES = [r for r in ALL_RULES if not getattr(r, "engine", False)]


def _id(rule: type[Rule]) -> str:
    return f"{rule.code}-{rule.name}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=_id)
def test_docstring_has_every_section(rule: type[Rule]) -> None:
    sections = doc_sections(rule.documentation())
    missing = [title for title in DOC_SECTIONS if not sections.get(title, "").strip()]
    assert not missing, f"{rule.code} docs lack: {missing}"


@pytest.mark.parametrize("rule", CHECKED_RULES, ids=_id)
def test_example_fires_and_use_instead_passes(rule: type[Rule]) -> None:
    example = code_block(rule.doc_section("Example"))
    better = code_block(rule.doc_section("Use instead"))
    assert example and better, f"{rule.code}: Example and Use instead need a ``` block"
    options = getattr(rule, "docs_options", {})
    bad = [d for d in run(rule, snippet_text(example), **options) if d.code == rule.code]
    assert bad, f"{rule.code}: its Example does not fire"
    good = [d for d in run(rule, snippet_text(better), **options) if d.code == rule.code]
    assert not good, f"{rule.code}: its Use instead fires: {[d.message for d in good]}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=_id)
def test_metadata(rule: type[Rule]) -> None:
    assert rule.summary and not rule.summary.endswith(".")
    assert rule.code not in rule.summary
    assert REGISTRY.get(rule.name) is rule and REGISTRY.get(rule.code) is rule
