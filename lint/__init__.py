"""articlelint's engine. Rules and plugins import only what this module exports."""

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
