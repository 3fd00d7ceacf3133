"""The `sarif` format: one SARIF 2.1.0 log (GitHub code scanning, GitLab, IDE viewers).

Every registered rule is declared in `tool.driver.rules` with its docs; results point at
it by `ruleId` and `ruleIndex`. Columns count Unicode code points (`columnKind`), like
ours, so regions carry our line/column unchanged plus `charOffset`/`charLength`.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from lint import __version__
from lint.engine import FileResult
from lint.models import Diagnostic, Edit, Severity
from lint.report import Summary
from lint.rule import Rule
from lint.source import SourceText

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

Json = dict[str, Any]


def artifact_uri(path: str) -> str:
    """A URI reference for a path as we print it: relative paths stay relative (to the
    checkout root, which is what code scanning expects), absolute ones become file URIs;
    non-ASCII file names are percent-encoded as RFC 3986 wants."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def rule_descriptor(rule: type[Rule]) -> Json:
    from lint.docs import rule_page

    page = rule_page(rule)
    what = rule.doc_section("What it does").strip() or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what, "markdown": what},
        "help": {"text": page, "markdown": page},
        "defaultConfiguration": {"level": LEVELS[rule.severity],
                                 "enabled": bool(rule.enabled_by_default)},
        "properties": {"fixAvailability": rule.fix_availability.value,
                       "tags": [rule.code[0]]},
    }


def _unknown_descriptor(diagnostic: Diagnostic) -> Json:
    # A code the registry does not know (a plugin loaded elsewhere): still declare it.
    return {"id": diagnostic.code, "name": diagnostic.name,
            "shortDescription": {"text": diagnostic.name},
            "defaultConfiguration": {"level": LEVELS[diagnostic.severity]}}


def region(source: SourceText, offset: int, end_offset: int) -> Json:
    span = source.span(offset, end_offset)
    return {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line,
            "endColumn": span.end_column, "charOffset": span.offset,
            "charLength": span.end_offset - span.offset}


class SarifReporter:
    def __init__(self, out: TextIO, rules: list[type[Rule]] | None = None) -> None:
        self.out = out
        if rules is None:
            from lint.registry import Registry

            rules = Registry.default().rules
        self.rules: list[Json] = [rule_descriptor(rule) for rule in rules]
        self.index = {rule["id"]: i for i, rule in enumerate(self.rules)}
        self.results: list[Json] = []
        self.artifacts: dict[str, int] = {}

    def file(self, result: FileResult) -> None:
        uri = artifact_uri(result.path)
        self.artifacts.setdefault(uri, len(self.artifacts))
        for diagnostic in result.diagnostics:
            self.results.append(self._result(diagnostic, result.source, uri))

    def _result(self, d: Diagnostic, source: SourceText | None, uri: str) -> Json:
        if d.code not in self.index:
            self.index[d.code] = len(self.rules)
            self.rules.append(_unknown_descriptor(d))
        span = d.span
        location = {"uri": uri, "index": self.artifacts[uri]}
        result: Json = {
            "ruleId": d.code,
            "ruleIndex": self.index[d.code],
            "level": LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": span.line, "startColumn": span.column,
                           "endLine": span.end_line, "endColumn": span.end_column,
                           "charOffset": span.offset,
                           "charLength": span.end_offset - span.offset}}}],
        }
        if d.fix is not None and source is not None:
            result["fixes"] = [{
                "description": {"text": d.fix.message},
                "artifactChanges": [{"artifactLocation": location, "replacements": [
                    _replacement(source, edit) for edit in d.fix.edits]}],
                "properties": {"applicability": d.fix.applicability.value},
            }]
        return result

    def finish(self, summary: Summary, statistics: bool) -> None:
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "articlelint", "version": __version__,
                                    "semanticVersion": __version__, "rules": self.rules}},
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": uri}, "encoding": "utf-8"}
                              for uri in self.artifacts],
                "results": self.results,
                "properties": {"summary": {"files": summary.files, "errors": summary.errors,
                                           "warnings": summary.warnings,
                                           "infos": summary.infos, "fixed": summary.fixed}},
            }],
        }
        self.out.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")


def _replacement(source: SourceText, edit: Edit) -> Json:
    return {"deletedRegion": region(source, edit.offset, edit.end_offset),
            "insertedContent": {"text": edit.content}}
