"""articlelint's engine. Rules and plugins import only what this module exports.

The names below are imported on first use (PEP 562): `python -m lint` needs only
`__version__` before it knows whether the run can be replayed from the cache (see
`lint.fastpath`), and importing the article model pulls in pydantic (~60 ms). Type checkers
see the real imports.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # typing itself is not imported at run time (~3 ms of a replayed run)
if TYPE_CHECKING:
    from typing import Any

    from lint.article import Article, Body, Field, Header
    from lint.dates import (
        ParsedDate,
        Precision,
        WeekdayToken,
        format_example,
        weekday_like,
        weekday_tokens,
    )
    from lint.html import Attribute, Comment, Element, HtmlProblem, ProblemKind, TextNode
    from lint.html_names import KNOWN_ELEMENTS
    from lint.models import (
        Applicability,
        Diagnostic,
        Edit,
        Fix,
        FixAvailability,
        Severity,
        Span,
    )
    from lint.profiles import DEFAULT_PROFILES, Profile, ProfileSet, profile_for
    from lint.published import (
        DateElement,
        DateLookup,
        archive_time,
        date_lookup,
        publication_date,
    )
    from lint.rule import CorpusRule, Rule, RuleOptions
    from lint.source import SourceText
    from lint.textrun import TextRun

__version__ = "0.1.0"

# exported name -> the module that defines it
_WHERE = {
    "Applicability": "lint.models",
    "archive_time": "lint.published",
    "Article": "lint.article",
    "Attribute": "lint.html",
    "Body": "lint.article",
    "Comment": "lint.html",
    "CorpusRule": "lint.rule",
    "date_lookup": "lint.published",
    "DateElement": "lint.published",
    "DateLookup": "lint.published",
    "DEFAULT_PROFILES": "lint.profiles",
    "Diagnostic": "lint.models",
    "Edit": "lint.models",
    "Element": "lint.html",
    "Field": "lint.article",
    "Fix": "lint.models",
    "FixAvailability": "lint.models",
    "format_example": "lint.dates",
    "Header": "lint.article",
    "HtmlProblem": "lint.html",
    "KNOWN_ELEMENTS": "lint.html_names",
    "ParsedDate": "lint.dates",
    "Precision": "lint.dates",
    "ProblemKind": "lint.html",
    "Profile": "lint.profiles",
    "profile_for": "lint.profiles",
    "ProfileSet": "lint.profiles",
    "publication_date": "lint.published",
    "Rule": "lint.rule",
    "RuleOptions": "lint.rule",
    "Severity": "lint.models",
    "SourceText": "lint.source",
    "Span": "lint.models",
    "TextNode": "lint.html",
    "TextRun": "lint.textrun",
    "weekday_like": "lint.dates",
    "weekday_tokens": "lint.dates",
    "WeekdayToken": "lint.dates",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'lint' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


__all__ = [
    "Applicability",
    "Article",
    "Attribute",
    "Body",
    "Comment",
    "DEFAULT_PROFILES",
    "DateElement",
    "DateLookup",
    "CorpusRule",
    "Diagnostic",
    "Edit",
    "Element",
    "Field",
    "Fix",
    "FixAvailability",
    "Header",
    "HtmlProblem",
    "KNOWN_ELEMENTS",
    "ParsedDate",
    "Precision",
    "Profile",
    "ProfileSet",
    "ProblemKind",
    "Rule",
    "RuleOptions",
    "Severity",
    "SourceText",
    "Span",
    "TextNode",
    "TextRun",
    "WeekdayToken",
    "__version__",
    "archive_time",
    "date_lookup",
    "format_example",
    "profile_for",
    "publication_date",
    "weekday_like",
    "weekday_tokens",
]
