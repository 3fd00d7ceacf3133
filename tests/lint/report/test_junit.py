"""`--output-format junit`: JUnit XML, parsed back with xml.etree."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from lint import Diagnostic, Severity, SourceText
from lint.engine import FileResult
from lint.report import Summary
from lint.report.junit import JunitReporter
from tests.lint.report.helpers import DEFECTIVE, GOOD, check, write


def test_a_suite_with_a_case_per_file_and_a_failure_per_diagnostic(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.md", DEFECTIVE)
    good = write(tmp_path, "good.md", GOOD)
    code, out = check("junit", bad, good, extra=("--select", "S"))
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    [suite] = root
    assert suite.tag == "testsuite"
    assert (suite.get("tests"), suite.get("failures")) == ("2", "2")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [bad.as_posix(), good.as_posix()]
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["S001", "S002"]
    assert failures[0].get("message") == (
        f"{bad.as_posix()}:1:5: S001 [timestamp-comment] spaces around the timestamp")
    assert failures[0].text is not None and "line 1, column 5" in failures[0].text
    assert cases[1].findall("failure") == []


def test_markup_and_control_characters_are_escaped() -> None:
    source = SourceText("<a>\x01&\n")
    diagnostic = Diagnostic(code="Z001", name="n", severity=Severity.ERROR,
                            message='`<a>` & "\x01" ]]>', span=source.span(0, 3), path="a&b.md")
    out = io.StringIO()
    reporter = JunitReporter(out)
    reporter.file(FileResult("a&b.md", source, [diagnostic]))
    reporter.finish(Summary(), False)
    root = ET.fromstring(out.getvalue().encode("utf-8"))
    [failure] = root.iter("failure")
    assert failure.get("message") == 'a&b.md:1:1: Z001 [n] `<a>` & "\\x01" ]]>'
    assert root.find("testsuite/testcase").get("name") == "a&b.md"


def test_stdin_reports_under_the_stdin_filename() -> None:
    _, out = check("junit", "-", stdin=DEFECTIVE, extra=("--stdin-filename", "in/a.md"))
    root = ET.fromstring(out.encode("utf-8"))
    assert [c.get("name") for c in root.iter("testcase")] == ["in/a.md"]
