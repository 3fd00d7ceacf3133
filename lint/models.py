"""Frozen value types shared by the engine, the rules and the reporters."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator


class Severity(str, Enum):
    """How bad a diagnostic is; ordered from worst to mildest."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Applicability(str, Enum):
    """Whether a fix may be applied without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixAvailability(str, Enum):
    """What a rule promises about fixes (rule metadata, shown in `articlelint rules`)."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


class _Frozen(BaseModel):
    # defer_build: pydantic builds a model's validator and serializer on first use (the
    # first validation, dump or JSON schema), not at import: a run whose diagnostics come
    # from the engine's trusted spans and the cache never pays for the models it does not
    # validate, and a one-file run starts ~40 ms sooner.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Span(_Frozen):
    """A range of the decoded text: 0-based code-point offsets, 1-based line/column.

    Only `SourceText.span` builds these, so offsets and line/column always agree.
    """

    offset: int
    end_offset: int
    line: int
    column: int
    end_line: int
    end_column: int

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end_offset < self.offset or self.offset < 0:
            raise ValueError(f"bad span {self.offset}..{self.end_offset}")
        return self


class Edit(_Frozen):
    """Replace the code points `offset:end_offset` of the text with `content`."""

    offset: int
    end_offset: int
    content: str

    @model_validator(mode="after")
    def _ordered(self) -> Edit:
        if self.end_offset < self.offset or self.offset < 0:
            raise ValueError(f"bad edit range {self.offset}..{self.end_offset}")
        return self


class Fix(_Frozen):
    """A set of non-overlapping edits that repair one diagnostic."""

    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]

    @model_validator(mode="after")
    def _disjoint(self) -> Fix:
        if overlap([(edit.offset, edit.end_offset) for edit in self.edits]):
            raise ValueError("the edits of one fix overlap")
        return self


def overlap(ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether two of the `(start, end)` ranges overlap: sorted, one starts before the
    previous one ends (empty ranges may touch anything). What `Fix` rejects."""
    ordered = sorted(ranges)
    return any(after[0] < before[1] for before, after in zip(ordered, ordered[1:]))


class Diagnostic(_Frozen):
    """One problem found in one file. `path` is filled in by the engine."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    path: str = ""

    def sort_key(self) -> tuple[str, int, str, int]:
        # Through `__dict__`: a model's attribute costs ~3x a dict look-up, and this is
        # the sort key of every diagnostic of every file.
        fields = self.__dict__
        span = fields["span"].__dict__
        return (fields["path"], span["offset"], fields["code"], span["end_offset"])


def _validated(cls: type[Any], **fields: Any) -> Any:
    return cls(**fields)


def _slot_setters() -> tuple[Any, ...]:
    """The setters of `BaseModel`'s instance slots, in `__slots__` order: calling a slot's
    descriptor directly skips `object.__setattr__`'s look-up through the class (half the
    cost of `_unchecked`). Empty if this pydantic's BaseModel is laid out otherwise."""
    try:
        return tuple(BaseModel.__dict__[slot].__set__ for slot in BaseModel.__slots__)
    except (KeyError, AttributeError, TypeError):
        return ()


_SETTERS = _slot_setters()
_EXPECTED_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__",
                   "__pydantic_private__")
_new = object.__new__


def _unchecked(cls: type[Any], **fields: Any) -> Any:
    """A model from fields known to be valid, without validating them: what pydantic's
    `model_construct` does for a model whose fields are all given and that has no
    private attributes, at about a quarter of its cost (measured on a Span: 2.4 µs
    against 9 µs on a busy machine; setting the slots through `object.__setattr__`
    took 4.5). `_pick_maker` uses it only when BaseModel's slots are the four it sets."""
    made = _new(cls)
    set_dict, set_fields, set_extra, set_private = _SETTERS
    set_dict(made, fields)
    set_fields(made, set(fields))
    set_extra(made, None)
    set_private(made, None)
    return made


def _pick_maker() -> Any:
    """`_unchecked` if it builds the same instance as pydantic's own `model_construct`
    with this pydantic (every slot of `BaseModel` holds the same value), else plain
    validation.

    Both skip validation, so the comparison needs no validator or serializer: it costs
    microseconds at import, where comparing with validated, dumped models built every
    schema (~70 ms). That `_unchecked` models also validate, dump, hash and copy like
    validated ones is checked by tests/lint/test_models_trusted.py."""
    if tuple(BaseModel.__slots__) != _EXPECTED_SLOTS or len(_SETTERS) != 4:
        return _validated
    try:
        fields = dict(offset=0, end_offset=1, content="c")
        made, reference = _unchecked(Edit, **fields), Edit.model_construct(None, **fields)
        if type(made) is type(reference) and made == reference \
                and hash(made) == hash(reference) and all(
                    getattr(made, slot) == getattr(reference, slot)
                    for slot in BaseModel.__slots__):
            return _unchecked
    except Exception:  # a pydantic whose internals differ: validate
        pass
    return _validated


# trusted(Model, **fields): build a model from already validated fields (the engine's
# own spans, cache entries). Every field must be given.
trusted = _pick_maker()
