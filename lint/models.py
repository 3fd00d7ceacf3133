"""Frozen value types shared by the engine, the rules and the reporters."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, model_validator


class Severity(str, Enum):
    """How bad a diagnostic is; ordered from worst to mildest."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Applicability(str, Enum):
    """Whether a fix may be applied without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixAvailability(str, Enum):
    """What a rule promises about fixes (rule metadata, shown in `articlelint rules`)."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A range of the decoded text: 0-based code-point offsets, 1-based line/column.

    Only `SourceText.span` builds these, so offsets and line/column always agree.
    """

    offset: int
    end_offset: int
    line: int
    column: int
    end_line: int
    end_column: int

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end_offset < self.offset or self.offset < 0:
            raise ValueError(f"bad span {self.offset}..{self.end_offset}")
        return self


class Edit(_Frozen):
    """Replace the code points `offset:end_offset` of the text with `content`."""

    offset: int
    end_offset: int
    content: str

    @model_validator(mode="after")
    def _ordered(self) -> Edit:
        if self.end_offset < self.offset or self.offset < 0:
            raise ValueError(f"bad edit range {self.offset}..{self.end_offset}")
        return self


class Fix(_Frozen):
    """A set of non-overlapping edits that repair one diagnostic."""

    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]

    @model_validator(mode="after")
    def _disjoint(self) -> Fix:
        ordered = sorted(self.edits, key=lambda e: (e.offset, e.end_offset))
        for before, after in zip(ordered, ordered[1:]):
            if after.offset < before.end_offset:
                raise ValueError("the edits of one fix overlap")
        return self


class Diagnostic(_Frozen):
    """One problem found in one file. `path` is filled in by the engine."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    path: str = ""

    def sort_key(self) -> tuple[str, int, str, int]:
        return (self.path, self.span.offset, self.code, self.span.end_offset)
