"""The `junit` format: JUnit XML for CI systems that show test reports (GitLab, Jenkins,
Azure). One test suite; a test case per checked file (it passes when the file is clean);
a failure per diagnostic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from lint.engine import FileResult
from lint.report import Summary

# Characters XML 1.0 cannot hold at all, not even escaped (C0 controls except TAB LF CR,
# lone surrogates, U+FFFE/U+FFFF). A quoted source snippet may contain one: show it as
# `\xNN` rather than write a document no parser accepts.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class JunitReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.suite = ET.Element("testsuite", name="articlelint")
        self.failures = 0

    def file(self, result: FileResult) -> None:
        path = xml_text(result.path)
        case = ET.SubElement(self.suite, "testcase", name=path, classname="articlelint",
                             file=path)
        for d in result.diagnostics:
            span = d.span
            where = f"{path}:{span.line}:{span.column}"
            failure = ET.SubElement(case, "failure", type=d.code,
                                    message=xml_text(f"{where}: {d.code} [{d.name}] {d.message}"))
            failure.text = xml_text(
                f"{where}: {d.code} [{d.name}] {d.severity.value}: {d.message}\n"
                f"line {span.line}, column {span.column} to line {span.end_line}, "
                f"column {span.end_column} (code points)")
            self.failures += 1

    def finish(self, summary: Summary, statistics: bool) -> None:
        self.suite.set("tests", str(len(self.suite)))
        self.suite.set("failures", str(self.failures))
        self.suite.set("errors", "0")
        self.suite.set("skipped", "0")
        root = ET.Element("testsuites", name="articlelint", tests=str(len(self.suite)),
                          failures=str(self.failures), errors="0")
        root.append(self.suite)
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n")
