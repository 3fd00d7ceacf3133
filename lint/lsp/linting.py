"""What the language server lints with, and how: plain Python, no pygls.

`settings_for(path)` is the ONE place that decides which rules and options apply to a
document: the same configuration lookup as `articlelint check` (the nearest
`articlelint.toml` / `pyproject.toml` with `[tool.articlelint]` above the file). Linting
goes through the same per-file pipeline as `check` (`lint.fix_run.lint_text`), so
suppressions, per-file ignores and severity overrides behave alike in the editor. The
server calls `reload_settings()` when a config file changes and re-lints open documents.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.config import ConfigError
from lint.fix_run import lint_text as pipeline_lint
from lint.fixer import apply_fixes
from lint.models import Diagnostic
from lint.plan import Planner
from lint.registry import Registry, RegistryError
from lint.settings import Selection, Settings, build_settings
from lint.source import SourceText

# Config files whose change means "re-read the settings and re-lint open documents".
CONFIG_FILES = ("articlelint.toml", "pyproject.toml")
MAX_FIX_ROUNDS = 10  # bounded like `check --fix`: fixes that never settle stop here

_registry: Registry | None = None
_planner: Planner | None = None
_fallback: Settings | None = None
# The last configuration problem, for the server to show once (None: all is well).
config_problem: str | None = None


def settings_for(path: str) -> Settings:
    """The rules (with their options), profiles and filters that apply to the file at
    `path`. A broken configuration falls back to the defaults and records the problem in
    `config_problem`, so the editor keeps linting while the user fixes the file."""
    global _registry, _planner, _fallback, config_problem
    if _registry is None:
        _registry = Registry.default()
    if _planner is None:
        _planner = Planner(_registry, Selection())
    try:
        index = _planner.settings_for(Path(path or os.getcwd()).absolute())
        config_problem = None
        return _planner.settings[index]
    except (ConfigError, RegistryError) as error:
        config_problem = str(error)
        if _fallback is None:
            _fallback = build_settings(_registry, Selection(), None)
        return _fallback


def reload_settings() -> None:
    """Forget what `settings_for` found: a configuration file changed."""
    global _planner
    _planner = None


def lint_text(path: str, text: str) -> list[Diagnostic]:
    """The diagnostics of the document at `path` whose current content is `text`, sorted."""
    settings = settings_for(path)
    ignored = settings.ignored_for(Path(path).absolute()) if path else frozenset()
    return pipeline_lint(path, SourceText(text), settings, ignored).result.diagnostics


def fix_all(path: str, text: str, unsafe: bool = False) -> str:
    """`text` after applying every (safe) fix, re-linting until nothing changes."""
    for _ in range(MAX_FIX_ROUNDS):
        new, count = apply_fixes(text, lint_text(path, text), unsafe=unsafe)
        if count == 0 or new == text:
            return new
        text = new
    return text


def is_config_file(path: str) -> bool:
    return os.path.basename(path) in CONFIG_FILES


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
