"""What a run does to one file: the rules (with their options), severities, profiles and
file patterns that one configuration file (or none) plus the command line amount to.

Selectors and rule options are checked against the registry here, so that a bad code in
a config file is reported with the file and the key that holds it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import ValidationError

from lint.config import ConfigError, ConfigFile, describe_errors, did_you_mean, show
from lint.discovery import DEFAULT_INCLUDE, gitignore_spec
from lint.models import Severity
from lint.registry import Registry, UnknownSelector
from lint.rule import Rule

if TYPE_CHECKING:
    import pathspec

# Top-level keys that name the files of a rule's `paths` option (the names family's N005
# glossary and N006 dictionary).
PATH_KEYS = {"glossary": "N005", "dictionary": "N006"}


class Selection(NamedTuple):
    """`--select/--ignore/--extend-select` from the command line (None: not given)."""

    # A NamedTuple, not a dataclass: a dataclass costs ~0.5 ms of start-up to create.
    select: Sequence[str] | None = None
    ignore: Sequence[str] = ()
    extend_select: Sequence[str] = ()


class Settings:
    """A plain class with slots rather than a dataclass (~0.5 ms of start-up to create);
    nothing compares settings, so it needs neither `__eq__` nor `__repr__`."""

    __slots__ = ("registry", "rules", "codes", "severity", "profiles", "config", "per_file",
                 "include_lines", "exclude_lines")

    def __init__(self, registry: Registry, rules: tuple[Rule, ...], codes: frozenset[str],
                 severity: dict[str, Severity] | None = None, profiles: Any = None,
                 config: ConfigFile | None = None) -> None:
        self.registry = registry
        self.rules = rules
        self.codes = codes
        self.severity: dict[str, Severity] = {} if severity is None else severity
        self.profiles = profiles
        self.config = config
        self.per_file: list[tuple[pathspec.PathSpec, frozenset[str]]] = []
        # `include`/`exclude` as written; their specs are built when a walked file is
        # first matched (a run over named files never needs them, nor pathspec).
        self.include_lines: tuple[str, ...] = DEFAULT_INCLUDE
        self.exclude_lines: tuple[str, ...] = ()

    @property
    def include(self) -> pathspec.PathSpec:
        return gitignore_spec(self.include_lines)

    @property
    def exclude(self) -> pathspec.PathSpec:
        return gitignore_spec(self.exclude_lines)

    @property
    def root(self) -> Path:
        return self.config.root if self.config else Path.cwd()

    def relative(self, path: Path | str) -> str:
        return Path(os.path.relpath(Path(path).absolute(), self.root)).as_posix()

    def ignored_for(self, path: Path | str) -> frozenset[str]:
        """Codes that `per-file-ignores` turns off for the file at `path`."""
        if not self.per_file:
            return frozenset()
        rel = self.relative(path)
        found: set[str] = set()
        for spec, codes in self.per_file:
            if spec.match_file(rel):
                found |= codes
        return frozenset(found)


def build_settings(registry: Registry, cli: Selection,
                   config: ConfigFile | None) -> Settings:
    """Settings from the command line and one config file. Raises ConfigError for a bad
    config and `lint.registry.RegistryError` for a bad command-line selector."""
    if config is None:
        chosen = registry.select(cli.select, cli.ignore, cli.extend_select)
        return Settings(registry, tuple(rule() for rule in chosen),
                        frozenset(rule.code for rule in chosen))
    raw = config.raw
    for key in ("select", "ignore", "extend-select"):
        for index, selector in enumerate(getattr(raw, key.replace("-", "_")) or ()):
            _resolve(registry, config, f"{key}[{index}]", selector)
    path_options = _path_options(registry, config)
    extend = [*raw.extend_select, *path_options, *cli.extend_select]
    select = cli.select if cli.select is not None else raw.select
    chosen = registry.select(select, [*raw.ignore, *cli.ignore], extend)
    options = _rule_options(registry, config, path_options)
    rules = tuple(rule(options.get(rule.code)) for rule in chosen)
    settings = Settings(registry, rules, frozenset(rule.code for rule in chosen),
                        _severities(registry, config), _profiles(config), config)
    settings.per_file = _per_file(registry, config)
    if raw.include is not None:
        settings.include_lines = tuple(raw.include)
    settings.exclude_lines = tuple(raw.exclude)
    return settings


def _resolve(registry: Registry, config: ConfigFile, key: str, selector: str) -> set[str]:
    try:
        return registry.resolve(selector)[0]
    except UnknownSelector as error:
        hint = f" (did you mean `{error.suggestion}`?)" if error.suggestion else ""
        raise ConfigError(
            f"{config.where(key)} = {show(selector)}: unknown rule code or name{hint}; "
            "allowed: a code (`S001`), a name (`timestamp-comment`), a family prefix "
            "(`S`) or `ALL` (`articlelint rules` lists them)") from None


def _severities(registry: Registry, config: ConfigFile) -> dict[str, Severity]:
    found: dict[str, Severity] = {}
    for selector, severity in config.raw.severity.items():
        for code in _resolve(registry, config, f"severity.{selector}", selector):
            found[code] = severity
    return found


def _per_file(registry: Registry,
              config: ConfigFile) -> list[tuple[pathspec.PathSpec, frozenset[str]]]:
    found: list[tuple[pathspec.PathSpec, frozenset[str]]] = []
    for pattern, selectors in config.raw.per_file_ignores.items():
        codes: set[str] = set()
        for index, selector in enumerate(selectors):
            codes |= _resolve(registry, config,
                              f'per-file-ignores."{pattern}"[{index}]', selector)
        found.append((gitignore_spec([pattern]), frozenset(codes)))
    return found


def _path_options(registry: Registry, config: ConfigFile) -> dict[str, tuple[str, ...]]:
    """`glossary`/`dictionary` as absolute paths, keyed by the rule code they feed."""
    found: dict[str, tuple[str, ...]] = {}
    for key, code in PATH_KEYS.items():
        value = getattr(config.raw, key)
        if value is None:
            continue
        rule = registry.get(code)
        if rule is None or "paths" not in rule.Options.model_fields:
            raise ConfigError(f"{config.where(key)}: this build has no rule {code} that "
                              f"reads a {key} file")
        paths = []
        for entry in [value] if isinstance(value, str) else value:
            target = (config.root / entry).resolve()
            if not target.is_file():
                raise ConfigError(f"{config.where(key)} = {show(entry)}: no such file "
                                  f"({target})")
            paths.append(str(target))
        found[code] = tuple(paths)
    return found


def _rule_options(registry: Registry, config: ConfigFile,
                  path_options: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """Validated Options per rule code from `rules.<CODE or name>` tables."""
    tables: dict[str, tuple[str, dict[str, Any]]] = {}
    for key, table in config.raw.rules.items():
        rule = registry.get(key)
        if rule is None:
            suggestion = registry.suggest(key)
            hint = f" (did you mean `{suggestion}`?)" if suggestion else ""
            raise ConfigError(f"{config.where('rules.' + key)}: unknown rule code or "
                              f"name{hint}; `articlelint rules` lists them")
        if rule.code in tables:
            raise ConfigError(f"{config.where('rules.' + key)}: rule {rule.code} is "
                              f"configured twice (as `{tables[rule.code][0]}` too)")
        tables[rule.code] = (key, table)
    for code in PATH_KEYS.values():
        if code not in tables and code not in path_options:
            continue
        key, table = tables.get(code, (code, {}))
        table = dict(table)
        given = table.get("paths", ())
        if isinstance(given, list) and all(isinstance(p, str) for p in given):
            # Relative to the config file, like `glossary`/`dictionary`.
            given = [str((config.root / p).resolve()) for p in given]
        table["paths"] = [*path_options.get(code, ()), *given]
        tables[code] = (key, table)
    options: dict[str, Any] = {}
    for code, (key, table) in tables.items():
        options[code] = _validate_options(registry.by_code[code], key, table, config)
    return options


def _validate_options(rule: type[Rule], key: str, table: dict[str, Any],
                      config: ConfigFile) -> Any:
    fields = rule.Options.model_fields
    spellings: dict[str, str] = {}
    for name, info in fields.items():
        for spelling in (name, name.replace("_", "-"), info.alias or name):
            # Pass each option under its alias when it has one, so that errors name it
            # the way the documentation does.
            spellings[spelling] = info.alias or name
    allowed = sorted({info.alias or name.replace("_", "-") for name, info in fields.items()})
    normalised: dict[str, Any] = {}
    for option, value in table.items():
        target = spellings.get(option)
        if target is None:
            allowed_text = ", ".join(f"`{a}`" for a in allowed) or "none (it has no options)"
            raise ConfigError(f"{config.where(f'rules.{key}.{option}')}: unknown option of "
                              f"{rule.code} ({rule.name}){did_you_mean(option, allowed)}; "
                              f"allowed: {allowed_text}")
        normalised[target] = value
    try:
        return rule.Options.model_validate(normalised)
    except ValidationError as error:
        raise ConfigError(describe_errors(config.path, f"{config.prefix}rules.{key}.",
                                          error, allowed)) from None


def _profiles(config: ConfigFile) -> Any:
    overrides = config.raw.profiles
    if not overrides:
        return None
    try:
        module = importlib.import_module("lint.profiles")  # the structure family
    except ImportError:
        raise ConfigError(f"{config.where('profiles')}: profiles are not supported by "
                          "this build") from None
    profiles = module.DEFAULT_PROFILES
    for name, table in overrides.items():  # one at a time, so errors can name the profile
        try:
            profiles = profiles.with_overrides({name: table})
        except ValidationError as error:
            raise ConfigError(describe_errors(config.path, f"{config.prefix}profiles.{name}.",
                                              error, [])) from None
        except (ValueError, TypeError, KeyError) as error:
            raise ConfigError(f"{config.where('profiles.' + name)}: {error}") from None
    return profiles
