"""`--output-format github`: workflow commands, escaped as GitHub requires."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from lint.cli import main
from lint.report.github import escape_data, escape_property
from tests.lint.report.helpers import DEFECTIVE, _Stdin, check, write


def test_one_command_per_diagnostic(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", DEFECTIVE)
    code, out = check("github", path, extra=("--select", "S001,S002"))
    assert code == 1
    line2 = DEFECTIVE.split("\n")[1]
    column = line2.index(" b/") + 1
    assert out.splitlines() == [
        f"::error file={path.as_posix()},line=1,col=5,endLine=1,endColumn=20,"
        "title=S001 [timestamp-comment]::spaces around the timestamp",
        f"::error file={path.as_posix()},line=2,col={column},endLine=2,"
        f"endColumn={column + 1},title=S002 [title-link]::space inside the URL: write it "
        "as `%2520`",
    ]


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("plain", "plain", "plain"),
    ("50% off", "50%25 off", "50%25 off"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("x:y,z", "x:y,z", "x%3Ay%2Cz"),
    ("%0A", "%250A", "%250A"),  # an escape-looking text is escaped, not passed through
])
def test_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_stdin_filename_with_separators_is_escaped() -> None:
    code, out = check("github", "-", stdin=DEFECTIVE,
                      extra=("--stdin-filename", "dir/a,b:c.md"))
    assert out.splitlines()[0].startswith("::error file=dir/a%2Cb%3Ac.md,line=1,col=5,")


def test_chosen_by_default_inside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = io.StringIO()
    main(["check", "-", "--stdin-filename", "a.md"], stdout=out,
         stdin=_Stdin(DEFECTIVE.encode()))
    assert out.getvalue().startswith("::error file=a.md,line=1,col=5,")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    out = io.StringIO()
    main(["check", "-", "--stdin-filename", "a.md"], stdout=out,
         stdin=_Stdin(DEFECTIVE.encode()))
    assert out.getvalue().startswith("a.md:1:5: S001")


def test_warnings_and_infos_are_warning_and_notice_commands() -> None:
    from lint import Diagnostic, Severity, SourceText
    from lint.engine import FileResult
    from lint.report.github import GithubReporter

    source = SourceText("abc\n")
    diagnostics = [Diagnostic(code=code, name="n", severity=severity, message="m",
                              span=source.span(1, 2), path="p.md")
                   for code, severity in (("Z001", Severity.WARNING), ("Z002", Severity.INFO))]
    out = io.StringIO()
    GithubReporter(out).file(FileResult("p.md", source, diagnostics))
    assert [line.split(" ", 1)[0] for line in out.getvalue().splitlines()] == [
        "::warning", "::notice"]
