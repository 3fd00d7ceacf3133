"""Runs the plain-text matchers of the user files over an article's visible text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint import Applicability, Article, Diagnostic, Rule
from rules.names._userfiles import Hit


def diagnostics(rule: Rule, article: Article,
                finders: Iterable[object]) -> Iterator[Diagnostic]:
    """One diagnostic per hit of any finder (an entry with `find(text)`), with a safe
    fix when the matched text is written literally in the source."""
    runs = article.runs
    joined = "\n".join(run.text for run in runs)
    # Most entries occur in no article: one search over the whole text rules them out.
    finders = [f for f in finders
               if not hasattr(f, "may_occur") or f.may_occur(joined)]
    if not finders:
        return
    for run in runs:
        seen: set[tuple[int, int]] = set()
        for finder in finders:
            hits: list[Hit] = finder.find(run.text)  # type: ignore[attr-defined]
            for hit in hits:
                if (hit.start, hit.end) in seen:
                    continue
                seen.add((hit.start, hit.end))
                start, end = run.source_span(hit.start, hit.end)
                fix = None
                if run.is_literal(hit.start, hit.end):
                    fix = rule.replace(start, end, hit.replacement,
                                       f"Replace with `{hit.replacement}`",
                                       Applicability.SAFE)
                yield rule.diagnostic(article, start, end, hit.message, fix=fix)
