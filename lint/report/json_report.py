"""The `json` format: one object whose field names are a public interface (SPEC §5).
Add fields, never rename them. `articlelint schema` prints its JSON Schema.

The models below define the format (its schema, and what `articlelint report --compare`
reads back). The reporter writes the same bytes with the standard `json` module: building
and running their validators and serializer was ~40 ms of a one-file run."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from pydantic import BaseModel, ConfigDict

from lint import __version__
from lint.engine import FileResult
from lint.models import Applicability, Diagnostic, Severity
from lint.report import Summary
from lint.rows import Row, from_rows, to_rows


class JsonTool(BaseModel):
    model_config = ConfigDict(defer_build=True)

    name: str = "articlelint"
    version: str = __version__


class JsonSummary(BaseModel):
    model_config = ConfigDict(defer_build=True)

    files: int
    errors: int
    warnings: int
    infos: int
    fixed: int


class JsonEdit(BaseModel):
    model_config = ConfigDict(defer_build=True)

    offset: int
    end_offset: int
    content: str


class JsonFix(BaseModel):
    model_config = ConfigDict(defer_build=True)

    applicability: Applicability
    message: str
    edits: list[JsonEdit]


class JsonDiagnostic(BaseModel):
    model_config = ConfigDict(defer_build=True)

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
    model_config = ConfigDict(defer_build=True)

    tool: JsonTool
    summary: JsonSummary
    diagnostics: list[JsonDiagnostic]


class JsonReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._rows: list[Row] = []  # kept as rows: smaller than models, and what prints

    def file(self, result: FileResult) -> None:
        self._rows.extend(to_rows(result.diagnostics))

    def rows(self, rows: Sequence[Row]) -> None:
        self._rows.extend(rows)

    def finish(self, summary: Summary, statistics: bool) -> None:
        text = render_rows(summary, self._rows)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate in a message: let pydantic's serializer decide, as before.
            text = render_validated(summary, from_rows(self._rows))
        self.out.write(text)


def render(summary: Summary, diagnostics: list[Diagnostic]) -> str:
    """The report as `JsonReport.model_dump_json(indent=2)` writes it, plus a newline:
    fields in model order, non-ASCII text as is, control characters escaped the same
    way (tests/lint/report/test_json_fast.py compares the two)."""
    return render_rows(summary, to_rows(diagnostics))


def render_rows(summary: Summary, rows: Sequence[Row]) -> str:
    """`render` of the diagnostics that `rows` hold (`lint.rows`)."""
    report = {
        "tool": {"name": "articlelint", "version": __version__},
        "summary": {"files": summary.files, "errors": summary.errors,
                    "warnings": summary.warnings, "infos": summary.infos,
                    "fixed": summary.fixed},
        "diagnostics": [_diagnostic(row) for row in rows],
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _diagnostic(row: Row) -> dict[str, Any]:
    code, name, severity, message, path, offset, end_offset, line, column, end_line, \
        end_column, fix = row
    return {
        "path": path, "code": code, "name": name, "severity": severity,
        "message": message, "line": line, "column": column,
        "end_line": end_line, "end_column": end_column, "offset": offset,
        "end_offset": end_offset,
        "fix": None if fix is None else {
            "applicability": fix[0], "message": fix[1],
            "edits": [{"offset": o, "end_offset": e, "content": c} for o, e, c in fix[2]]},
    }


def render_validated(summary: Summary, diagnostics: list[Diagnostic]) -> str:
    """The report through the pydantic models (the reference `render` must match)."""
    rows = []
    for d in diagnostics:
        fix = None
        if d.fix is not None:
            fix = JsonFix(applicability=d.fix.applicability, message=d.fix.message,
                          edits=[JsonEdit(**e.model_dump()) for e in d.fix.edits])
        rows.append(JsonDiagnostic(
            path=d.path, code=d.code, name=d.name, severity=d.severity,
            message=d.message, fix=fix, **d.span.model_dump()))
    report = JsonReport(
        tool=JsonTool(),
        summary=JsonSummary(files=summary.files, errors=summary.errors,
                            warnings=summary.warnings, infos=summary.infos,
                            fixed=summary.fixed),
        diagnostics=rows)
    return report.model_dump_json(indent=2) + "\n"
