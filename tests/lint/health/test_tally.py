"""Folding results into the report's numbers: excerpts, which diagnostics are shown,
months, families and the command line around it."""

from __future__ import annotations

import pytest

from lint import Severity
from lint.cli import main
from lint.health.tally import Tally, excerpt, pick
from lint.models import Diagnostic
from lint.source import SourceText
from tests.support import article_text


def _diagnostic(source: SourceText, start: int, end: int, code: str = "T001",
                severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(code=code, name="x", severity=severity, message="m",
                      span=source.span(start, end), path="a.md")


@pytest.mark.parametrize("body, needle", [
    ("<p>中文(测试)文字</p>", "(测试)"),
    ("<p>" + "很长的中文句子，" * 60 + "(目标)" + "后面的文字。" * 60 + "</p>",
     "(目标)"),
    ("<p>ascii text (target) more ascii</p>", "(target)"),
])
def test_excerpt_marks_the_span(body: str, needle: str) -> None:
    source = SourceText(article_text(body))
    start = source.text.index(needle)
    shown = excerpt(source, _diagnostic(source, start, start + len(needle)))
    assert shown.marked == needle
    line = source.text.splitlines()[4]
    assert (shown.before.lstrip("…") + shown.marked + shown.after.rstrip("…")) in line
    assert shown.line == 5 and shown.column == start - source.line(5).start + 1


def test_excerpt_of_an_empty_span_and_of_no_text() -> None:
    source = SourceText(article_text("<p>文字</p>"))
    start = source.text.index("文")
    shown = excerpt(source, _diagnostic(source, start, start))
    assert shown.marked == "" and shown.after.startswith("文字")
    assert excerpt(None, _diagnostic(source, start, start)).before == ""


def test_pick_shows_each_rule_before_repeating_one() -> None:
    source = SourceText(article_text("<p>" + "文字" * 50 + "</p>"))
    found = [_diagnostic(source, 10 + i, 11 + i, "T001") for i in range(6)]
    found += [_diagnostic(source, 80, 81, "S009"),
              _diagnostic(source, 90, 91, "T003", Severity.ERROR)]
    chosen = pick(found, 4)
    # The error first, then by position; the second T001 only once S009 is in.
    assert [(d.code, d.span.offset) for d in chosen] == \
        [("T003", 90), ("T001", 10), ("T001", 11), ("S009", 80)]
    assert [d.code for d in pick(found, 3)] == ["T003", "T001", "S009"]


def test_months_outlets_and_families() -> None:
    source = SourceText(article_text("<p>文字</p>"))
    tally = Tally()
    tally.add("a.md", source, [_diagnostic(source, 60, 61, "T001"),
                               _diagnostic(source, 60, 61, "S009", Severity.ERROR)],
              {"outlet": "voa", "month": "2020-07", "dated": "published"})
    tally.add("b.md", source, [], {"outlet": "bbc", "month": "2020-13"})  # not a month
    tally.add("c.md", None, [_diagnostic(source, 0, 0, "X003", Severity.ERROR)], {})
    assert tally.files == 3 and tally.files_with_diagnostics == 2
    assert set(tally.months) == {"2020-07"} and tally.months["2020-07"].articles == 1
    assert dict(tally.outlets) == {"voa": 1, "bbc": 1, "unknown": 1}
    assert tally.families() == ["S", "T", "X"]
    assert tally.cells[("voa", "S")].errors == 1 and tally.cells[("unknown", "X")].errors == 1
    assert [entry.path for entry in tally.top_files()] == ["a.md", "c.md"]


@pytest.mark.parametrize("argv, message", [
    (["report", "-"], "not stdin"),
    (["report", "no/such/dir"], "no such file or directory"),
    (["report", ".", "--top", "-1"], "--top must be at least 0"),
    (["report", ".", "--jobs", "0"], "--jobs must be at least 1"),
    (["report", ".", "--select", "Q999"], "unknown rule code or name"),
])
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err
