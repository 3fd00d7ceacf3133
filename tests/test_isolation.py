"""`lint` and `rules` are common import names on PyPI: make sure the ones under test are
this repository's, and that the distribution ships exactly these package trees."""

from __future__ import annotations

import tomllib
from pathlib import Path

import lint
import rules
from tests.support import REPO


def test_lint_and_rules_come_from_this_repository() -> None:
    for module in (lint, rules):
        assert module.__file__ is not None
        where = Path(module.__file__).resolve()
        assert where.is_relative_to(REPO), f"{module.__name__} imported from {where}"


def test_every_package_is_shipped() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    assert sorted(include) == ["lint", "lint.*", "rules", "rules.*"]
    for top in ("lint", "rules"):
        for folder in (REPO / top).rglob("*"):
            if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py")):
                assert (folder / "__init__.py").exists(), f"{folder} is not a package"
