"""`lint.models.trusted` builds models without validating them; they must behave exactly
like validated ones. The import-time guard in `_pick_maker` only compares with
`model_construct` (cheap); this is the thorough comparison it used to make at import."""

from __future__ import annotations

import pydantic
import pytest

from lint.models import (
    Applicability,
    Diagnostic,
    Edit,
    Fix,
    Severity,
    Span,
    _pick_maker,
    _unchecked,
    trusted,
)

SPAN = dict(offset=1, end_offset=2, line=1, column=2, end_line=1, end_column=3)


def _pair() -> tuple[Diagnostic, Diagnostic]:
    fix = _unchecked(Fix, applicability=Applicability.SAFE, message="m",
                     edits=(_unchecked(Edit, offset=0, end_offset=1, content="c"),))
    made = _unchecked(Diagnostic, code="X", name="x", severity=Severity.ERROR, message="m",
                      span=_unchecked(Span, **SPAN), fix=fix, path="p")
    same = Diagnostic(code="X", name="x", severity=Severity.ERROR, message="m",
                      span=Span(**SPAN), fix=Fix(
                          applicability=Applicability.SAFE, message="m",
                          edits=(Edit(offset=0, end_offset=1, content="c"),)), path="p")
    return made, same


def test_the_fast_maker_is_chosen_with_the_installed_pydantic() -> None:
    assert trusted is _unchecked
    assert _pick_maker() is _unchecked


def test_unchecked_models_behave_like_validated_ones() -> None:
    made, same = _pair()
    assert made == same
    assert repr(made) == repr(same)
    assert made.model_dump() == same.model_dump()
    assert made.model_dump_json() == same.model_dump_json()
    assert hash(made.span) == hash(same.span) and hash(made) == hash(same)
    assert made.model_copy() == same
    assert made.model_fields_set == same.model_fields_set
    assert Diagnostic.model_validate(made.model_dump()) == made


def test_unchecked_models_stay_frozen() -> None:
    made, _ = _pair()
    with pytest.raises(pydantic.ValidationError):
        made.span.offset = 5  # type: ignore[misc]


def test_an_incompatible_pydantic_falls_back_to_validation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A pydantic that grew another instance slot: `_unchecked` would leave it unset.
    monkeypatch.setattr(pydantic.BaseModel, "__slots__",
                        (*pydantic.BaseModel.__slots__, "__pydantic_new_slot__"))
    chosen = _pick_maker()
    assert chosen is not _unchecked
    assert chosen(Span, **SPAN) == Span(**SPAN)
    with pytest.raises(pydantic.ValidationError):
        chosen(Span, **{**SPAN, "end_offset": 0})


def test_models_still_validate_when_constructed_normally() -> None:
    with pytest.raises(pydantic.ValidationError):
        Span(**{**SPAN, "end_offset": 0})
    with pytest.raises(pydantic.ValidationError):
        Fix(applicability=Applicability.SAFE, message="m",
            edits=(Edit(offset=0, end_offset=2, content=""),
                   Edit(offset=1, end_offset=3, content="")))
    with pytest.raises(pydantic.ValidationError):
        Diagnostic(code="X", name="x", severity=Severity.ERROR, message="m",
                   span=Span(**SPAN), unknown=1)
