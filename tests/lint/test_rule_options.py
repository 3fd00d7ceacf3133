"""Rules run with their default options get them from `lint.rule.default_options`, which
skips validation when nothing would run on defaults: the instance must be the one
validation makes."""

from __future__ import annotations

import pytest
from pydantic import Field, ValidationError, field_validator, model_validator

from lint.registry import Registry
from lint.rule import Rule, RuleOptions, default_options


@pytest.mark.parametrize("rule", Registry.default().rules, ids=lambda rule: rule.code)
def test_default_options_equal_validated_ones(rule: type[Rule]) -> None:
    made, validated = default_options(rule.Options), rule.Options()
    assert type(made) is type(validated)
    assert made == validated and hash(made) == hash(validated)
    assert repr(made) == repr(validated)
    assert made.model_fields_set == validated.model_fields_set
    assert made.model_dump() == validated.model_dump()
    assert rule().options == validated


class _Checked(RuleOptions):
    low: int = 5
    high: int = 1

    @model_validator(mode="after")
    def _ordered(self) -> _Checked:
        if self.low > self.high:
            raise ValueError("low above high")
        return self


class _Required(RuleOptions):
    needed: int


class _ValidatedDefault(RuleOptions):
    width: int = Field(default=-1, validate_default=True)

    @field_validator("width")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 0:
            raise ValueError("negative")
        return value


@pytest.mark.parametrize("options", [_Checked, _Required, _ValidatedDefault])
def test_options_whose_defaults_would_be_checked_are_validated(
        options: type[RuleOptions]) -> None:
    with pytest.raises(ValidationError):
        default_options(options)


def test_field_validators_do_not_run_on_defaults_either_way() -> None:
    class Separator(RuleOptions):
        separator: str = "··"

        @field_validator("separator")
        @classmethod
        def _one(cls, value: str) -> str:
            if len(value) != 1:
                raise ValueError("one character")
            return value

    assert default_options(Separator) == Separator()
    with pytest.raises(ValidationError):
        Separator(separator="ab")
