from __future__ import annotations

from typing import ClassVar

import pytest

from lint import FixAvailability, Rule, RuleOptions, Severity
from lint.engine_rules import ENGINE_RULES
from lint.registry import Registry, RegistryError, UnknownSelector


class _On(Rule):
    code, name, summary = "Z101", "zed-on", "On"


class _Off(Rule):
    code, name, summary = "Z102", "zed-off", "Off"
    enabled_by_default = False


class _Other(Rule):
    code, name, summary = "Y201", "why-one", "Other"
    severity = Severity.INFO


def registry() -> Registry:
    return Registry([*ENGINE_RULES, _On, _Off, _Other])


def codes(rules: list[type[Rule]]) -> list[str]:
    return [r.code for r in rules if not getattr(r, "engine", False)]


def test_default_selection_leaves_off_rules_out() -> None:
    assert codes(registry().select()) == ["Y201", "Z101"]


def test_prefix_selects_enabled_rules_and_exact_names_turn_on_off_rules() -> None:
    reg = registry()
    assert codes(reg.select(["Z"])) == ["Z101"]
    assert codes(reg.select(["Z1"], extend_select=["zed-off"])) == ["Z101", "Z102"]
    assert codes(reg.select(["ALL"])) == ["Y201", "Z101"]
    assert codes(reg.select(["z102"])) == ["Z102"]
    assert codes(reg.select(None, ignore=["Z"])) == ["Y201"]


def test_engine_codes_stay_unless_ignored() -> None:
    reg = registry()
    assert {r.code for r in reg.select(["Z101"])} >= {"X002", "X003"}
    assert "X003" not in {r.code for r in reg.select(["Z101"], ignore=["X003"])}


def test_unknown_selector_suggests_a_near_miss() -> None:
    with pytest.raises(UnknownSelector) as info:
        registry().select(["zed-of"])
    assert info.value.suggestion == "zed-off"


def test_malformed_rules_are_rejected() -> None:
    class BadCode(Rule):
        code, name, summary = "Z1", "bad", "x"

    class BadOptions(Rule):
        code, name, summary = "Z103", "bad-options", "x"

        class Options:  # type: ignore[no-redef]
            pass

    class Duplicate(Rule):
        code, name, summary = "Z101", "another", "x"

    for bad in (BadCode, BadOptions):
        with pytest.raises(RegistryError):
            Registry([bad])
    with pytest.raises(RegistryError, match="claimed by both"):
        Registry([_On, Duplicate])


def test_options_are_typed_and_closed() -> None:
    class WithOptions(Rule):
        code, name, summary = "Z104", "with-options", "x"
        fix_availability: ClassVar[FixAvailability] = FixAvailability.SAFE

        class Options(RuleOptions):
            limit: int = 3

    Registry([WithOptions])
    with pytest.raises(ValueError):
        WithOptions.Options(limt=4)  # type: ignore[call-arg]
    assert WithOptions().options.limit == 3  # type: ignore[attr-defined]


def test_builtin_registry_loads() -> None:
    reg = Registry.default()
    assert reg.get("S001") is reg.get("timestamp-comment")
    assert reg.get("X003") is not None
