"""Finds rules (built-in modules under `rules/`, plugins from the `articlelint.rules`
entry-point group) and resolves selections by code, name, family prefix or `ALL`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any

from pydantic import BaseModel

from lint.engine_rules import ENGINE_RULES
from lint.models import FixAvailability, Severity
from lint.plugin_scan import may_declare
from lint.rule import CODE_PATTERN, NAME_PATTERN, Rule

ENTRY_POINT_GROUP = "articlelint.rules"


class RegistryError(Exception):
    """A rule or plugin is malformed; the message says which and why."""


class UnknownSelector(RegistryError):
    def __init__(self, selector: str, suggestion: str | None) -> None:
        hint = f" (did you mean `{suggestion}`?)" if suggestion else ""
        super().__init__(f"unknown rule code or name `{selector}`{hint}")
        self.selector = selector
        self.suggestion = suggestion


class Registry:
    def __init__(self, rules: Iterable[type[Rule]]) -> None:
        self.by_code: dict[str, type[Rule]] = {}
        self.by_name: dict[str, type[Rule]] = {}
        for rule in rules:
            _validate(rule)
            for table, key in ((self.by_code, rule.code), (self.by_name, rule.name)):
                other = table.get(key)
                if other is not None and other is not rule:
                    raise RegistryError(
                        f"`{key}` is claimed by both {_where(other)} and {_where(rule)}")
                table[key] = rule

    @classmethod
    def default(cls) -> Registry:
        """Engine codes, built-in rules and installed plugins."""
        return cls([*ENGINE_RULES, *builtin_rules(), *plugin_rules()])

    @property
    def rules(self) -> list[type[Rule]]:
        return [self.by_code[code] for code in sorted(self.by_code)]

    def get(self, selector: str) -> type[Rule] | None:
        return self.by_code.get(selector.upper()) or self.by_name.get(selector.lower())

    def resolve(self, selector: str) -> tuple[set[str], bool]:
        """Codes matched by `selector` and whether it named them exactly (an exact code
        or name also turns on a rule that is off by default; a prefix does not)."""
        selector = selector.strip()
        rule = self.get(selector)
        if rule is not None:
            return {rule.code}, True
        upper = selector.upper()
        if upper == "ALL":
            return set(self.by_code), False
        if upper[:1].isalpha() and (upper[1:].isdigit() or len(upper) == 1) and len(upper) <= 4:
            codes = {code for code in self.by_code if code.startswith(upper)}
            if codes:
                return codes, False
        raise UnknownSelector(selector, self.suggest(selector))

    def suggest(self, selector: str) -> str | None:
        import difflib

        pool = [*self.by_code, *self.by_name]
        close = difflib.get_close_matches(selector, pool, n=1, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(selector.upper(), list(self.by_code), n=1)
        return close[0] if close else None

    def select(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> list[type[Rule]]:
        """The rules to run, sorted by code. Without `select`, the rules that are on by
        default; engine codes are always kept unless ignored."""
        chosen: set[str] = set()
        if select is None:
            chosen = {c for c, r in self.by_code.items() if r.enabled_by_default}
        for selector in [*(select or ()), *extend_select]:
            codes, exact = self.resolve(selector)
            chosen |= codes if exact else {
                c for c in codes if self.by_code[c].enabled_by_default}
        chosen |= {rule.code for rule in ENGINE_RULES}
        for selector in ignore:
            chosen -= self.resolve(selector)[0]
        return [self.by_code[code] for code in sorted(chosen)]


def builtin_rules() -> list[type[Rule]]:
    import rules

    found: list[type[Rule]] = []
    for info in pkgutil.walk_packages(rules.__path__, "rules."):
        if info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        found.extend(_rules_in(importlib.import_module(info.name)))
    return found


def entry_points(group: str) -> Iterable[Any]:
    """`importlib.metadata.entry_points(group=group)`, without importing
    `importlib.metadata` (~20 ms of a one-file run) when no installed distribution can
    declare the group (see `lint.plugin_scan`)."""
    if not may_declare(group):
        return ()
    from importlib.metadata import entry_points as declared

    return declared(group=group)


def plugin_rules() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            loaded = entry.load()
        except Exception as exc:  # a broken plugin must not look like a crash of ours
            raise RegistryError(
                f"plugin `{entry.name}` ({entry.value}) failed to load: "
                f"{type(exc).__name__}: {exc}") from None
        if isinstance(loaded, ModuleType):
            found.extend(_rules_in(loaded))
        elif inspect.isclass(loaded) and issubclass(loaded, Rule):
            found.append(loaded)
        elif isinstance(loaded, Iterable):
            found.extend(loaded)
        else:
            raise RegistryError(
                f"plugin `{entry.name}` ({entry.value}) is not a Rule class, a module of "
                "rules or a list of rules")
    return found


def _rules_in(module: ModuleType) -> list[type[Rule]]:
    return [
        member for member in vars(module).values()
        if inspect.isclass(member) and issubclass(member, Rule)
        and member.__module__ == module.__name__ and "code" in vars(member)
    ]


def _where(rule: type[Rule]) -> str:
    return f"{rule.__module__}.{rule.__qualname__}"


def _validate(rule: object) -> None:
    if not (inspect.isclass(rule) and issubclass(rule, Rule)):
        raise RegistryError(f"{rule!r} is not a subclass of lint.Rule")
    where = _where(rule)
    for attribute in ("code", "name", "summary"):
        if not isinstance(getattr(rule, attribute, None), str):
            raise RegistryError(f"rule {where} has no `{attribute}` string")
    if not CODE_PATTERN.match(rule.code):
        raise RegistryError(f"rule {where}: code `{rule.code}` is not a letter + 3 digits")
    if not NAME_PATTERN.match(rule.name):
        raise RegistryError(f"rule {where}: name `{rule.name}` is not kebab-case")
    if not isinstance(rule.severity, Severity):
        raise RegistryError(f"rule {where}: severity must be a lint.Severity")
    if not isinstance(rule.fix_availability, FixAvailability):
        raise RegistryError(f"rule {where}: fix_availability must be a FixAvailability")
    options = rule.Options
    if not (inspect.isclass(options) and issubclass(options, BaseModel)
            and options.model_config.get("extra") == "forbid"):
        raise RegistryError(f"rule {where}: Options must be a pydantic model with "
                            "extra='forbid' (subclass lint.RuleOptions)")
