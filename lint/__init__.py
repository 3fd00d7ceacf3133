"""articlelint's engine. Rules and plugins import only what this module exports."""

from lint.article import Article, Body, Field, Header
from lint.html_names import KNOWN_ELEMENTS
from lint.html import Attribute, Comment, Element, HtmlProblem, ProblemKind, TextNode
from lint.models import (
    Applicability,
    Diagnostic,
    Edit,
    Fix,
    FixAvailability,
    Severity,
    Span,
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
    "ProblemKind",
    "Rule",
    "RuleOptions",
    "Severity",
    "SourceText",
    "Span",
    "TextNode",
    "TextRun",
    "__version__",
]
