"""Runs the plain-text matchers of the user files over an article's visible text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from lint import Applicability, Article, Diagnostic, Rule
from rules.names._userfiles import Hit

_PLAN_CACHE_SIZE = 32  # distinct finder lists (option values) kept; more is a config churn


class _Plan:
    """What is known about a list of finders before seeing any article, built once per
    list (that is, per options value) and reused for every file. (A plain class: a
    dataclass costs ~0.5 ms to define at import, for three fields set once.)"""

    __slots__ = ("finders", "screens", "patterns")

    def __init__(self, finders: tuple[object, ...],
                 screens: tuple[Callable[[str], bool] | None, ...],
                 patterns: tuple[re.Pattern[str] | str | None, ...]) -> None:
        self.finders = finders  # held so that the identity key of the cache stays valid
        # Per finder: False for a text where it cannot occur (None: no such test, keep
        # it).
        self.screens = screens
        # Per finder: `find` hits nothing in a text this does not match (None: unknown),
        # or nothing in a text that does not hold this plain text (a C-level `in`).
        self.patterns = patterns

    def live(self, joined: str) -> list[tuple[object, re.Pattern[str] | str | None]]:
        """The finders that may occur in an article whose runs, joined, are `joined`."""
        return [(finder, pattern) for finder, screen, pattern
                in zip(self.finders, self.screens, self.patterns)
                if screen is None or screen(joined)]


_plans: dict[tuple[int, ...], _Plan] = {}


def _plan(finders: tuple[object, ...]) -> _Plan:
    key = tuple(map(id, finders))
    plan = _plans.get(key)
    if plan is None:
        if len(_plans) >= _PLAN_CACHE_SIZE:
            _plans.clear()
        plan = _plans[key] = _Plan(finders, tuple(map(_screen, finders)),
                                   tuple(map(_filter, finders)))
    return plan


def _screen(finder: object) -> Callable[[str], bool] | None:
    screen = getattr(finder, "screen", None)
    if screen is not None:
        return screen()  # type: ignore[no-any-return]
    return getattr(finder, "may_occur", None)


def _filter(finder: object) -> re.Pattern[str] | str | None:
    needle = getattr(finder, "needle", None)
    return needle if needle is not None else getattr(finder, "pattern", None)


def diagnostics(rule: Rule, article: Article,
                finders: Iterable[object]) -> Iterator[Diagnostic]:
    """One diagnostic per hit of any finder (an entry with `find(text)`), with a safe
    fix when the matched text is written literally in the source."""
    joined = "\n".join([run.text for run in article.runs])
    # Most entries occur in no article: one search over the whole text rules them out.
    live = _plan(tuple(finders)).live(joined)
    if live:
        yield from _run_diagnostics(rule, article, live)


def _run_diagnostics(rule: Rule, article: Article,
                     live: Sequence[tuple[object, re.Pattern[str] | str | None]]
                     ) -> Iterator[Diagnostic]:
    # Per live finder: its `find`, then its filter as plain text or as a pattern (told
    # apart once here, not per run).
    finders = [(finder.find,  # type: ignore[attr-defined]
                pattern if isinstance(pattern, str) else None,
                pattern if isinstance(pattern, re.Pattern) else None)
               for finder, pattern in live]
    for run in article.runs:
        text = run.text
        seen: set[tuple[int, int]] | None = None  # (made for the few runs with a hit)
        for find, needle, pattern in finders:
            # A C-level test spares the entry's `find` in most runs.
            if needle is not None:
                if needle not in text:
                    continue
            elif pattern is not None and pattern.search(text) is None:
                continue
            hits: list[Hit] = find(text)
            if not hits:
                continue
            if seen is None:
                seen = set()
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
