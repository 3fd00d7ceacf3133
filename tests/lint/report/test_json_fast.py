"""The json reporter writes its report with the standard `json` module; the bytes must be
those of the pydantic models that define the format (`JsonReport.model_dump_json`)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.models import Applicability, Diagnostic, Edit, Fix, Severity, Span
from lint.report import Summary
from lint.report.json_report import JsonReporter, render, render_validated
from lint.rows import to_row

# Every code point but the surrogates, in chunks: escaping must agree on each of them.
ALL_TEXT = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _diagnostic(message: str, content: str, path: str = "a/b.md",
                fix: bool = True, severity: Severity = Severity.ERROR) -> Diagnostic:
    edits = (Edit(offset=0, end_offset=1, content=content),
             Edit(offset=4, end_offset=4, content=""))
    return Diagnostic(
        code="T001", name="rule-name", severity=severity, message=message,
        span=Span(offset=0, end_offset=9, line=1, column=1, end_line=2, end_column=3),
        fix=Fix(applicability=Applicability.UNSAFE, message=message, edits=edits)
        if fix else None, path=path)


def _summary(count: int) -> Summary:
    return Summary(files=2, errors=count, warnings=0, infos=1, fixed=3)


def test_empty_report() -> None:
    assert render(Summary(), []) == render_validated(Summary(), [])


def test_every_code_point_is_written_alike() -> None:
    chunks = [ALL_TEXT[i:i + 4096] for i in range(0, len(ALL_TEXT), 4096)]
    diagnostics = [_diagnostic(chunk, chunk[::-1], path=chunk[:40]) for chunk in chunks]
    assert render(_summary(len(chunks)), diagnostics) == \
        render_validated(_summary(len(chunks)), diagnostics)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(), st.text(), st.booleans(),
                          st.sampled_from(list(Severity))), max_size=4))
def test_random_reports_are_written_alike(
        rows: list[tuple[str, str, bool, Severity]]) -> None:
    diagnostics = [_diagnostic(m, c, fix=f, severity=s) for m, c, f, s in rows]
    assert render(_summary(len(rows)), diagnostics) == \
        render_validated(_summary(len(rows)), diagnostics)


def test_the_reporter_writes_the_rendered_report() -> None:
    out = io.StringIO()
    reporter = JsonReporter(out)
    diagnostics = [_diagnostic("half-width `(`", "（")]

    class Result:
        pass

    result = Result()
    result.diagnostics = diagnostics  # type: ignore[attr-defined]
    reporter.file(result)  # type: ignore[arg-type]
    reporter.finish(_summary(1), statistics=False)
    assert out.getvalue() == render_validated(_summary(1), diagnostics)


def test_a_lone_surrogate_fails_as_pydantic_fails() -> None:
    import pytest
    from pydantic_core import PydanticSerializationError

    reporter = JsonReporter(io.StringIO())
    reporter.rows([to_row(_diagnostic("a\udcff", "x"))])
    with pytest.raises(PydanticSerializationError):
        reporter.finish(_summary(1), statistics=False)


def test_rows_print_as_the_models_they_hold() -> None:
    diagnostics = [_diagnostic("half-width `(`", "（"), _diagnostic("m", "c", path="b.md")]
    from_models, from_rows = io.StringIO(), io.StringIO()

    class Result:
        pass

    result = Result()
    result.diagnostics = diagnostics  # type: ignore[attr-defined]
    by_models = JsonReporter(from_models)
    by_models.file(result)  # type: ignore[arg-type]
    by_models.finish(_summary(2), statistics=False)
    by_rows = JsonReporter(from_rows)
    by_rows.rows([to_row(d) for d in diagnostics])
    by_rows.finish(_summary(2), statistics=False)
    assert from_rows.getvalue() == from_models.getvalue()
