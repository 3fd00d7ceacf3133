"""The `json` format: one object whose field names are a public interface (SPEC §5).
Add fields, never rename them. `articlelint schema` prints its JSON Schema."""

from __future__ import annotations

from typing import TextIO

from pydantic import BaseModel

from lint import __version__
from lint.engine import FileResult
from lint.models import Applicability, Severity
from lint.report import Summary


class JsonTool(BaseModel):
    name: str = "articlelint"
    version: str = __version__


class JsonSummary(BaseModel):
    files: int
    errors: int
    warnings: int
    infos: int
    fixed: int


class JsonEdit(BaseModel):
    offset: int
    end_offset: int
    content: str


class JsonFix(BaseModel):
    applicability: Applicability
    message: str
    edits: list[JsonEdit]


class JsonDiagnostic(BaseModel):
    path: str
    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    fix: JsonFix | None


class JsonReport(BaseModel):
    tool: JsonTool
    summary: JsonSummary
    diagnostics: list[JsonDiagnostic]


class JsonReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.diagnostics: list[JsonDiagnostic] = []

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            fix = None
            if d.fix is not None:
                fix = JsonFix(applicability=d.fix.applicability, message=d.fix.message,
                              edits=[JsonEdit(**e.model_dump()) for e in d.fix.edits])
            self.diagnostics.append(JsonDiagnostic(
                path=d.path, code=d.code, name=d.name, severity=d.severity,
                message=d.message, fix=fix, **d.span.model_dump()))

    def finish(self, summary: Summary, statistics: bool) -> None:
        report = JsonReport(
            tool=JsonTool(),
            summary=JsonSummary(files=summary.files, errors=summary.errors,
                                warnings=summary.warnings, infos=summary.infos,
                                fixed=summary.fixed),
            diagnostics=self.diagnostics)
        self.out.write(report.model_dump_json(indent=2) + "\n")
