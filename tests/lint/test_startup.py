"""What a one-file `check` loads: the start-up of an editor or pre-commit run is mostly
imports, so heavy modules are imported only by the commands and formats that need them,
and pydantic validators are built only when something is validated. Each case runs in a
fresh interpreter (a small driver), as the command does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support import REPO, SAMPLE

_DRIVER = r"""
import io, json, sys
import pydantic
from lint.cli import main

code = main(sys.argv[1:], stdout=io.StringIO())

def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)

built = sorted({f"{m.__module__}.{m.__qualname__}" for m in subclasses(pydantic.BaseModel)
                if m.__dict__.get("__pydantic_complete__")})
options = sorted({f"{m.__module__}.{m.__qualname__}"
                  for m in subclasses(sys.modules["lint.rule"].RuleOptions)})
print(json.dumps({"code": code, "modules": sorted(sys.modules), "built": built,
                  "options": options}))
"""

# Needed only by other commands or formats: the code frames of `full` (rich), the
# language server, the health report, lxml's HTML repair, pypinyin's phrase tables.
HEAVY = ("rich", "lxml", "pygls", "lsprotocol", "markdown_it", "pypinyin", "lint.lsp",
         "lint.health")


def _run(*args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _DRIVER, *args], cwd=REPO,
                          capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _loaded(result: dict[str, object], top: str) -> bool:
    modules = result["modules"]
    assert isinstance(modules, list)
    return any(m == top or m.startswith(top + ".") for m in modules)


def _check(output_format: str) -> dict[str, object]:
    result = _run("check", "--exit-zero", "--quiet", "--no-cache", "--output-format",
                  output_format, str(SAMPLE))
    assert result["code"] == 0
    return result


@pytest.mark.parametrize("output_format", ["concise", "json"])
def test_a_one_file_check_imports_nothing_heavy(output_format: str) -> None:
    result = _check(output_format)
    assert [top for top in HEAVY if _loaded(result, top)] == []


def test_full_output_imports_rich_but_nothing_else_heavy() -> None:
    result = _check("full")
    assert _loaded(result, "rich")
    assert [top for top in HEAVY if top != "rich" and _loaded(result, top)] == []


@pytest.mark.parametrize("output_format", ["concise", "json"])
def test_a_one_file_check_builds_no_validator_it_does_not_use(output_format: str) -> None:
    result = _check(output_format)
    built = result["built"]
    assert isinstance(built, list)
    # Default rule options, the built-in profiles and the json report's models are made
    # without validation, so their validators are never built.
    assert [name for name in built if name in result["options"]] == []  # type: ignore[operator]
    assert [name for name in built if name.startswith(("lint.profiles.",
                                                       "lint.report."))] == []
    assert result["options"], "the driver found no rule options"


def test_the_schema_command_still_builds_the_json_models() -> None:
    result = _run("schema")
    assert "lint.report.json_report.JsonReport" in result["built"]  # type: ignore[operator]


def test_the_lint_namespace_is_lazy_and_complete() -> None:
    """`import lint` (what `python -m lint` and the replay fast path pay) loads no pydantic;
    every exported name still resolves, to the object its module defines."""
    probe = ("import sys, lint; heavy = 'pydantic' in sys.modules; "
             "import importlib; "
             "ok = all(getattr(lint, n) is getattr(importlib.import_module(m), n) "
             "for n, m in lint._WHERE.items()); "
             "print(heavy, ok, sorted(lint._WHERE) == sorted(set(lint.__all__) - {'__version__'}))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["False", "True", "True"]


def test_unknown_names_are_attribute_errors() -> None:
    import lint

    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        getattr(lint, "Nope")


# Needed only by some runs: pathspec by walked folders and per-file configuration, difflib
# by --diff and error hints, the baseline's models by --baseline/--write-baseline.
SOMETIMES = ("pathspec", "difflib", "lint.baseline_file")


def test_a_check_of_named_files_imports_what_only_other_runs_need() -> None:
    result = _check("concise")
    assert [top for top in SOMETIMES if _loaded(result, top)] == []


def test_walking_a_folder_still_uses_pathspec() -> None:
    result = _run("check", "--exit-zero", "--quiet", "--no-cache", "--output-format",
                  "concise", str(SAMPLE.parent))
    assert _loaded(result, "pathspec")


def test_finding_the_rules_does_not_import_importlib_metadata() -> None:
    """Plugin discovery reads `entry_points.txt` files itself when no distribution declares
    `articlelint.rules` (lint.plugin_scan)."""
    from lint.plugin_scan import may_declare

    if may_declare("articlelint.rules"):
        pytest.skip("a distribution here declares articlelint.rules plugins")
    probe = ("import sys; from lint.registry import Registry; Registry.default(); "
             "print('importlib.metadata' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["False"]


def test_a_one_file_check_reads_its_data_without_importlib() -> None:
    """The names family's data files are read by path and the built-in dictionary is
    built without validation: no importlib.resources, no WordEntry validator, and then
    no importlib.metadata either (pydantic imports it to look for plugins when it builds
    a validator)."""
    from lint.plugin_scan import may_declare

    result = _check("concise")
    assert not _loaded(result, "importlib.resources")
    assert "rules.names._userfiles.WordEntry" not in result["built"]  # type: ignore[operator]
    if not may_declare("articlelint.rules"):
        assert not _loaded(result, "importlib.metadata")
