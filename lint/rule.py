"""The rule API: one class per rule, metadata as class attributes, typed options."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, ConfigDict

from lint.models import Diagnostic, Edit, Fix, FixAvailability, Severity, Applicability

if TYPE_CHECKING:
    from lint.article import Article

CODE_PATTERN = re.compile(r"[A-Z][0-9]{3}\Z")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options",
                "Fix safety")


class RuleOptions(BaseModel):
    """Base of every rule's `Options`: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Rule:
    """Base class of every rule.

    Subclasses set the class attributes below, may define a nested `Options(RuleOptions)`
    and implement `check`. A rule instance holds its options and nothing else: it keeps no
    state between files (the engine may check files in any order, in any process).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    enabled_by_default: ClassVar[bool] = True

    class Options(RuleOptions):
        pass

    def __init__(self, options: RuleOptions | None = None) -> None:
        self.options = options if options is not None else self.Options()

    @property
    def family(self) -> str:
        return self.code[0]

    def check(self, article: Article) -> Iterator[Diagnostic]:
        raise NotImplementedError

    # -- helpers for subclasses ---------------------------------------------------------

    def diagnostic(
        self,
        article: Article,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic of this rule over source offsets `start:end`."""
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            span=article.source.span(start, end),
            fix=fix,
            path=article.path,
        )

    @staticmethod
    def replace(start: int, end: int, content: str, message: str,
                applicability: Applicability = Applicability.SAFE) -> Fix:
        """A one-edit fix."""
        return Fix(applicability=applicability, message=message,
                   edits=(Edit(offset=start, end_offset=end, content=content),))

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def doc_section(cls, title: str) -> str:
        """The body of one `## Title` section of the docstring."""
        return doc_sections(cls.documentation()).get(title, "")


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its `## Section` blocks."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in doc.splitlines():
        heading = line.strip().removeprefix("## ").removesuffix(":")
        if line.startswith("## ") and heading in DOC_SECTIONS:
            current = sections.setdefault(heading, [])
        elif current is not None:
            current.append(line)
    return {title: "\n".join(lines).strip("\n") for title, lines in sections.items()}


def code_block(section: str) -> str:
    """The contents of the first fenced block in a docs section (an article snippet)."""
    match = re.search(r"```[a-z]*\n(.*?)\n```", section, re.DOTALL)
    return match.group(1) if match else ""
