"""The fingerprint of a run's settings for the cache: everything besides a file's own
content and path that decides what linting it produces."""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from typing import Any

from lint import __version__
from lint.settings import Settings

ENTRY_POINT_GROUP = "articlelint.rules"


def fingerprint(settings: Settings, deferred: frozenset[str]) -> str:
    """A hash of: tool version and code, plugin versions, the selected rules with their
    options (and the glossary/dictionary files those name), severities and profiles."""
    rules = []
    for rule in settings.rules:
        cls = type(rule)
        options = rule.options.model_dump(mode="json")
        rules.append([rule.code, f"{cls.__module__}.{cls.__qualname__}",
                      _module_stamp(cls.__module__), options, _files(options)])
    profiles = settings.profiles
    if hasattr(profiles, "model_dump"):
        profiles = profiles.model_dump(mode="json")
    state = {
        "version": __version__,
        "python": sys.version_info[:2],
        "code": _code_stamp(),
        "plugins": _plugin_versions(),
        "rules": rules,
        "codes": sorted(settings.codes),
        "severity": sorted((code, s.value) for code, s in settings.severity.items()),
        "profiles": profiles,
        "deferred": sorted(deferred),
    }
    import json  # only cached runs get here: `check --no-cache` need not import it

    text = json.dumps(state, sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def _files(options: Any) -> list[Any]:
    """Size, mtime and content hash of the files a rule's `paths` option names (N005's
    glossary, N006's dictionary): their content changes results without any setting
    changing."""
    paths = options.get("paths") if isinstance(options, dict) else None
    found: list[Any] = []
    for path in paths or ():
        try:
            with open(path, "rb") as handle:
                found.append([path, hashlib.blake2b(handle.read(), digest_size=16).hexdigest()])
        except (OSError, TypeError):
            found.append([str(path), None])
    return found


@lru_cache(maxsize=1)
def _code_stamp() -> list[Any]:
    """Size and mtime of the engine's and the built-in rules' source files, so that an
    edited checkout (where the version does not change) never reuses stale results."""
    found = []
    for package in ("lint", "rules"):
        module = sys.modules.get(package)
        for folder in getattr(module, "__path__", ()) or ():
            for directory, dirnames, filenames in os.walk(folder):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for name in sorted(filenames):
                    if name.endswith(".py"):
                        stat = os.stat(os.path.join(directory, name))
                        found.append([os.path.relpath(os.path.join(directory, name), folder),
                                      stat.st_size, stat.st_mtime_ns])
    return found


def _module_stamp(name: str) -> list[Any]:
    """A plugin rule's (or test rule's) source file: size and mtime."""
    module = sys.modules.get(name)
    path = getattr(module, "__file__", None)
    try:
        stat = os.stat(path) if path else None
    except OSError:
        stat = None
    return [path, stat.st_size, stat.st_mtime_ns] if stat else [path]


@lru_cache(maxsize=1)
def _plugin_versions() -> list[Any]:
    """Distribution name and version of every installed `articlelint.rules` plugin."""
    from lint.plugin_scan import may_declare

    if not may_declare(ENTRY_POINT_GROUP):
        return []  # what importlib.metadata would find, without its ~20 ms import
    from importlib.metadata import entry_points

    found = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(entry, "dist", None)
        found.append([entry.name, entry.value, getattr(dist, "name", None),
                      getattr(dist, "version", None)])
    return sorted(found, key=repr)
