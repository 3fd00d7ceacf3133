"""The rule API: one class per rule, metadata as class attributes, typed options."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from lint.models import (
    Applicability,
    Diagnostic,
    Edit,
    Fix,
    FixAvailability,
    Severity,
    Span,
    overlap,
    trusted,
)

if TYPE_CHECKING:
    from lint.article import Article

CODE_PATTERN = re.compile(r"[A-Z][0-9]{3}\Z")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options",
                "Fix safety")


class RuleOptions(BaseModel):
    """Base of every rule's `Options`: unknown keys are errors, values are immutable."""

    # defer_build: a rule's validator is built when options are first validated (a
    # configuration table, `articlelint rule`), not when its module is imported; rules
    # run with their defaults get them from `default_options` without any validator.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)


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
    # True when what the rule reports may change with the date alone (S001: a timestamp
    # "in the future" stops being one). Files with its diagnostics are not cached and a
    # run that reports any is not replayed, so a cache never keeps a finding that time
    # has made wrong.
    depends_on_clock: ClassVar[bool] = False

    class Options(RuleOptions):
        pass

    def __init__(self, options: RuleOptions | None = None) -> None:
        self.options = options if options is not None else default_options(self.Options)

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
        return make_diagnostic(self.code, self.name, severity or self.severity, message,
                               article.source.span(start, end), fix, article.path)

    @staticmethod
    def replace(start: int, end: int, content: str, message: str,
                applicability: Applicability = Applicability.SAFE) -> Fix:
        """A one-edit fix."""
        if (type(start) is int and type(end) is int and 0 <= start <= end
                and type(content) is str and type(message) is str
                and type(applicability) is Applicability):
            # What validation would accept unchanged (see `make_diagnostic`).
            fix: Fix = trusted(Fix, applicability=applicability, message=message,
                               edits=(trusted(Edit, offset=start, end_offset=end,
                                              content=content),))
            return fix
        return Fix(applicability=applicability, message=message,
                   edits=(Edit(offset=start, end_offset=end, content=content),))

    @staticmethod
    def replace_all(edits: Iterable[tuple[int, int, str]], message: str,
                    applicability: Applicability = Applicability.SAFE) -> Fix:
        """A fix of several edits, each `(start, end, content)`, kept in the given order.
        Like `replace`, it skips validation when validation would accept the values
        unchanged (ints and strs, ordered ranges that do not overlap): ~7 -> ~3 µs a
        two-edit fix, and no `Fix`/`Edit` validator is built in a run that makes none
        otherwise (~25 ms the first time). Anything else is validated, with its errors."""
        given = tuple(edits)
        if type(message) is str and type(applicability) is Applicability \
                and _plain_disjoint(given):
            fix: Fix = trusted(Fix, applicability=applicability, message=message,
                               edits=tuple(trusted(Edit, offset=start, end_offset=end,
                                                   content=content)
                                           for start, end, content in given))
            return fix
        return Fix(applicability=applicability, message=message,
                   edits=tuple(Edit(offset=start, end_offset=end, content=content)
                               for start, end, content in given))

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def doc_section(cls, title: str) -> str:
        """The body of one `## Title` section of the docstring."""
        return doc_sections(cls.documentation()).get(title, "")


class CorpusRule(Rule):
    """A rule that also looks across the files of one run (e.g. the same name glossed two
    ways in two files).

    The engine calls `facts(article)` for every file, possibly in another process, and keeps
    what it returns (it must be JSON-serialisable data, so that it can be cached and sent
    between processes; pydantic models are welcome). After the last file it calls
    `check_corpus` once with every file's facts, keyed by path and sorted by path, so the
    answer never depends on the order or the process in which files were checked. Spans in
    facts come from `article.source.span(...)`, so no text is needed at the end.
    """

    def facts(self, article: Article) -> Any:
        raise NotImplementedError

    def check_corpus(self, facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def diagnostic_at(self, path: str, span: Span, message: str,
                      fix: Fix | None = None) -> Diagnostic:
        return make_diagnostic(self.code, self.name, self.severity, message, span, fix, path)


def _plain_disjoint(edits: tuple[tuple[int, int, str], ...]) -> bool:
    """Every edit is an `(int, int, str)` with `0 <= start <= end`, and no two overlap
    (in `Fix`'s own sense: sorted by range, each starts at or after the previous end)."""
    for edit in edits:
        if not (type(edit) is tuple and len(edit) == 3 and type(edit[0]) is int
                and type(edit[1]) is int and type(edit[2]) is str
                and 0 <= edit[0] <= edit[1]):
            return False
    return not overlap([(edit[0], edit[1]) for edit in edits])


def make_diagnostic(code: str, name: str, severity: Severity, message: str, span: Span,
                    fix: Fix | None, path: str) -> Diagnostic:
    """`Diagnostic(...)` of these fields. When every value has exactly the type its field
    declares (models are taken as they are, never revalidated), validation would return
    them unchanged, so the model is built without it: ~4 µs less per diagnostic, and a
    run whose rules report through `Rule.diagnostic` never builds Diagnostic's validator
    (~25 ms of a one-file run). Anything else is validated, with pydantic's errors."""
    if (type(code) is str and type(name) is str and type(severity) is Severity
            and type(message) is str and type(span) is Span and type(path) is str
            and (fix is None or type(fix) is Fix)):
        made: Diagnostic = trusted(Diagnostic, code=code, name=name, severity=severity,
                                   message=message, span=span, fix=fix, path=path)
        return made
    return Diagnostic(code=code, name=name, severity=severity, message=message, span=span,
                      fix=fix, path=path)


def default_options(options: type[BaseModel]) -> BaseModel:
    """`options()`, the defaults, without building the model's validator when nothing
    would run on them: validation leaves defaults as they are unless a model validator
    or `validate_default` says otherwise, so `model_construct()` makes an equal instance
    (tests/lint/test_rule_options.py checks every registered rule)."""
    if _plain(options):
        return options.model_construct()
    return options()


def _plain(options: type[BaseModel]) -> bool:
    """Nothing that runs on defaults: no model validator, no `validate_default` (field
    validators run only on given values), no required field, no private state."""
    decorators = options.__pydantic_decorators__
    if (decorators.model_validators or decorators.root_validators
            or options.__private_attributes__ or options.__pydantic_post_init__ is not None
            or options.model_config.get("validate_default")):
        return False
    return all(not field.is_required() and not field.validate_default
               for field in options.model_fields.values())


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
