"""What the language server lints with, and how: plain Python, no pygls.

`settings_for(path)` is the ONE place that decides which rules and options apply to a
document. It uses the registry's defaults for now; when configuration files are supported
it is where the nearest `articlelint.toml` / `pyproject.toml` gets read. The server calls
`reload_settings()` when one of those files changes and then re-lints every open document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from lint.engine import check_source
from lint.fixer import apply_fixes
from lint.models import Diagnostic
from lint.registry import Registry
from lint.rule import Rule
from lint.source import SourceText

# Config files whose change means "re-read the settings and re-lint open documents".
CONFIG_FILES = ("articlelint.toml", "pyproject.toml")
MAX_FIX_ROUNDS = 10  # bounded like `check --fix`: fixes that never settle stop here


@dataclass(frozen=True, slots=True)
class Settings:
    rules: tuple[Rule, ...]
    profiles: Any = None  # see Article.profiles; None: the built-in profiles

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.rules)


_registry: Registry | None = None
_settings: dict[str, Settings] = {}


def settings_for(path: str) -> Settings:
    """The rules (with their options) and source profiles that apply to the file at `path`.
    Cached per directory, since configuration is found per directory."""
    folder = os.path.dirname(os.path.abspath(path)) if path else ""
    settings = _settings.get(folder)
    if settings is None:
        global _registry
        if _registry is None:
            _registry = Registry.default()
        rules = tuple(rule() for rule in _registry.select())
        settings = _settings[folder] = Settings(rules)
    return settings


def reload_settings() -> None:
    """Forget what `settings_for` found: a configuration file changed."""
    _settings.clear()


def is_config_file(path: str) -> bool:
    return os.path.basename(path) in CONFIG_FILES


def lint_text(path: str, text: str) -> list[Diagnostic]:
    """The diagnostics of the document at `path` whose current content is `text`, sorted."""
    settings = settings_for(path)
    result = check_source(path, SourceText(text), settings.rules, settings.profiles)
    return [d for d in result.diagnostics if d.code in settings.codes]


def fix_all(path: str, text: str, unsafe: bool = False) -> str:
    """`text` after applying every (safe) fix, re-linting until nothing changes."""
    for _ in range(MAX_FIX_ROUNDS):
        new, count = apply_fixes(text, lint_text(path, text), unsafe=unsafe)
        if count == 0 or new == text:
            return new
        text = new
    return text


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """One replacement (start, end in `old`, content) that turns `old` into `new`: the
    common prefix and suffix are left alone, so the editor keeps cursor and folds."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]
