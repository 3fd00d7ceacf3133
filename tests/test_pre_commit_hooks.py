"""The published pre-commit hooks, run for real: pre-commit installs this repository into
its own virtual environment (pip, from PyPI for the dependencies) and runs the hook on a
throwaway git repository holding an article."""

from __future__ import annotations

import re

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import CLEAN, REPO

GOOD = CLEAN.read_text(encoding="utf-8")
# A 12-digit timestamp: S001 (timestamp-comment), an error.
BAD = re.sub(r"^<!--(\d{12})\d-->", r"<!--\1-->", GOOD, count=1)  # 12 digits: S001
INSTALL_TIMEOUT = 900  # seconds: building the hook's environment installs lxml, pydantic…


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def test_manifest_publishes_both_hooks() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(REPO / ".pre-commit-hooks.yaml"))}
    assert sorted(hooks) == ["articlelint", "articlelint-fix"]
    assert hooks["articlelint"]["entry"] == "articlelint check"
    assert hooks["articlelint-fix"]["entry"] == "articlelint check --fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["markdown"]
        assert hook["require_serial"] is True


def _snapshot(destination: Path) -> str:
    """This working tree as it is (committed or not, minus ignored files), committed in a
    fresh repository: what pre-commit clones is then exactly what is under test, on a
    developer's machine with uncommitted work and on CI's clean clone alike."""
    listed = _git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _init(destination)
    _git(destination, "add", "-A")
    _git(destination, "commit", "-q", "-m", "snapshot")
    return _git(destination, "rev-parse", "HEAD").strip()


def _init(folder: Path) -> None:
    _git(folder, "init", "-q")
    _git(folder, "config", "user.name", "articlelint tests")
    _git(folder, "config", "user.email", "tests@articlelint.invalid")
    _git(folder, "config", "commit.gpgsign", "false")


def _config(work: Path, repo: Path, ref: str) -> Path:
    """What `pre-commit try-repo REPO HOOK --ref REF` writes and runs; written here so that
    both runs share one PRE_COMMIT_HOME (try-repo installs into a fresh temporary store
    every time: a minute per run)."""
    config = work.parent / "pre-commit-config.yaml"
    config.write_text(f"repos:\n- repo: {repo.as_posix()}\n  rev: {ref}\n  hooks:\n"
                      "  - id: articlelint\n  - id: articlelint-fix\n", encoding="utf-8")
    return config


def _run(work: Path, config: Path, hook: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.pop("GITHUB_ACTIONS", None)  # plain concise output, whatever CI this runs in
    env["PRE_COMMIT_HOME"] = str(home)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--config", str(config),
         "--all-files", "--color", "never"],
        cwd=work, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)


def _has_fix_option() -> bool:
    from lint.cli import UsageError, build_parser

    try:
        build_parser().parse_args(["check", "--fix", "a.md"])
    except UsageError:
        return False
    return True


@dataclass
class Archive:
    """A throwaway archive repository whose config uses the snapshot's hooks."""

    work: Path
    config: Path
    home: Path  # PRE_COMMIT_HOME, shared so the hook environment is built once

    def run(self, hook: str, name: str, text: str) -> subprocess.CompletedProcess:
        article = self.work / "news" / name
        article.parent.mkdir(exist_ok=True)
        article.write_text(text, encoding="utf-8")
        _git(self.work, "add", "-A")
        return _run(self.work, self.config, hook, self.home)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: pre-commit needs it")
    root = tmp_path_factory.mktemp("pre-commit")
    repo = root / "articlelint"
    repo.mkdir()
    work = root / "archive"
    work.mkdir()
    config = _config(work, repo, _snapshot(repo))
    _init(work)
    return Archive(work, config, root / "home")


def test_check_hook_fails_on_a_defect_and_passes_on_a_clean_article(archive: Archive) -> None:
    failed = archive.run("articlelint", "a.md", BAD)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "news/a.md:1:5: S001 [timestamp-comment]" in output, output
    assert "has 12 digits, expected 13" in output

    passed = archive.run("articlelint", "a.md", GOOD)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_fix_hook_rewrites_the_article(archive: Archive) -> None:
    if not _has_fix_option():
        pytest.skip("`articlelint check --fix` is not on this branch yet: "
                    "the articlelint-fix hook is run once it is")
    spaced = GOOD.replace("<!--", "<!-- ", 1).replace("-->", " -->", 1)
    fixing = archive.run("articlelint-fix", "b.md", spaced)
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr  # it changed a file
    assert "files were modified by this hook" in fixing.stdout
    assert (archive.work / "news" / "b.md").read_text(encoding="utf-8") == GOOD
