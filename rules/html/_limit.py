"""A per-file cap on the diagnostics of one H rule.

Hostile or machine-mangled bodies can hold 100,000 unclosed tags or attributes; a page of
identical reports helps nobody and costs time, so after `max-diagnostics` reports a rule
adds one more that counts the rest (as compilers cap their error lists). Rules yield cheap
`Finding`s; only the ones shown become diagnostics (and only they build their fixes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from pydantic import Field

from lint import Article, Diagnostic, Fix, Rule, RuleOptions

DEFAULT_MAX = 200


class CappedOptions(RuleOptions):
    max_diagnostics: int = Field(DEFAULT_MAX, alias="max-diagnostics", ge=0)


class Finding:
    """One problem a rule found: `start:end`, the message, and what builds its fix.
    A plain slotted class: creating a dataclass costs ~0.3 ms of every start-up."""

    __slots__ = ("start", "end", "message", "fix")

    def __init__(self, start: int, end: int, message: str,
                 fix: Callable[[], Fix | None] | None = None) -> None:
        self.start = start
        self.end = end
        self.message = message
        self.fix = fix


def capped(rule: Rule, article: Article, found: Iterable[Finding],
           what: str) -> Iterator[Diagnostic]:
    """Diagnostics for `found`, cut after the rule's `max_diagnostics` (0: no limit), with
    a summary at the first one left out. `what` names them ("HTML syntax problems")."""
    limit: int = getattr(rule.options, "max_diagnostics", 0)
    count = 0
    first_left_out: Finding | None = None
    for finding in found:
        count += 1
        if not limit or count <= limit:
            fix = finding.fix() if finding.fix is not None else None
            yield rule.diagnostic(article, finding.start, finding.end, finding.message,
                                  fix=fix)
        elif first_left_out is None:
            first_left_out = finding
    if first_left_out is not None:
        yield rule.diagnostic(
            article, first_left_out.start, first_left_out.end,
            f"{count - limit:,} more {what} from here on are not shown (the first "
            f"{limit:,} are; raise `max-diagnostics` to see more)")
