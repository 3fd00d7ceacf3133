"""`Rule.diagnostic`, `Rule.replace` and `CorpusRule.diagnostic_at` skip pydantic's
validation when it would return their values unchanged: the models they make must equal
validated ones, and anything validation would change or reject still goes through it."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from lint import Applicability, Diagnostic, Edit, Fix, Rule, Severity, Span
from lint.rule import make_diagnostic

SPAN = Span(offset=1, end_offset=3, line=1, column=2, end_line=1, end_column=4)
FIX = Fix(applicability=Applicability.SAFE, message="m",
          edits=(Edit(offset=1, end_offset=3, content="x"),))


def _same(made: Any, validated: Any) -> None:
    assert type(made) is type(validated)
    assert made == validated and hash(made) == hash(validated)
    assert repr(made) == repr(validated)
    assert made.model_fields_set == validated.model_fields_set
    assert made.model_dump_json() == validated.model_dump_json()


@pytest.mark.parametrize("fix", [None, FIX])
@pytest.mark.parametrize("severity", list(Severity))
def test_make_diagnostic_equals_validation(fix: Fix | None, severity: Severity) -> None:
    fields = dict(code="T001", name="some-rule", severity=severity, message="m ‘x’",
                  span=SPAN, fix=fix, path="a/b.md")
    _same(make_diagnostic(**fields), Diagnostic(**fields))


def test_values_validation_would_convert_are_validated() -> None:
    made = make_diagnostic("T001", "r", "warning", "m", SPAN.model_dump(), None, "p")  # type: ignore[arg-type]
    _same(made, Diagnostic(code="T001", name="r", severity=Severity.WARNING, message="m",
                           span=SPAN, fix=None, path="p"))
    assert made.severity is Severity.WARNING and type(made.span) is Span


def test_values_validation_rejects_are_rejected() -> None:
    with pytest.raises(ValidationError):
        make_diagnostic("T001", "r", Severity.ERROR, 5, SPAN, None, "p")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        make_diagnostic("T001", "r", Severity.ERROR, "m", SPAN, "not a fix", "p")  # type: ignore[arg-type]


@pytest.mark.parametrize("applicability", list(Applicability))
def test_replace_equals_validation(applicability: Applicability) -> None:
    validated = Fix(applicability=applicability, message="use x",
                    edits=(Edit(offset=2, end_offset=2, content="x"),))
    _same(Rule.replace(2, 2, "x", "use x", applicability), validated)


def test_replace_still_rejects_bad_ranges_and_types() -> None:
    with pytest.raises(ValidationError):
        Rule.replace(3, 2, "x", "m")
    with pytest.raises(ValidationError):
        Rule.replace(-1, 2, "x", "m")
    with pytest.raises(ValidationError):
        Rule.replace(0, 1, 5, "m")  # type: ignore[arg-type]
    # What validation converts, it still converts.
    made = Rule.replace(0, 1, "x", "m", "unsafe")  # type: ignore[arg-type]
    assert made.applicability is Applicability.UNSAFE


@pytest.mark.parametrize("edits", [
    [],
    [(2, 3, "（"), (7, 8, "）")],
    [(7, 8, ""), (2, 3, "")],  # out of order: kept as given
    [(2, 2, "x"), (2, 2, "y"), (2, 4, "")],  # empty ranges may touch
    [(0, 5, "abc")],
])
@pytest.mark.parametrize("applicability", list(Applicability))
def test_replace_all_equals_validation(edits: list[tuple[int, int, str]],
                                       applicability: Applicability) -> None:
    validated = Fix(applicability=applicability, message="m",
                    edits=tuple(Edit(offset=s, end_offset=e, content=c) for s, e, c in edits))
    _same(Rule.replace_all(edits, "m", applicability), validated)
    _same(Rule.replace_all(iter(edits), "m", applicability), validated)


@pytest.mark.parametrize("edits", [
    [(2, 5, ""), (4, 6, "")],  # overlap
    [(4, 6, ""), (2, 5, "")],  # overlap, given out of order
    [(3, 2, "x")],
    [(-1, 2, "x")],
    [(0, 1, 5)],
])
def test_replace_all_still_rejects_what_validation_rejects(edits: list[Any]) -> None:
    with pytest.raises(ValidationError):
        Rule.replace_all(edits, "m")


def test_replace_all_still_converts_what_validation_converts() -> None:
    made = Rule.replace_all([(0, 1, "x")], "m", "unsafe")  # type: ignore[arg-type]
    assert made.applicability is Applicability.UNSAFE
    assert type(made.edits[0]) is Edit
