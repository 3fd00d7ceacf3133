"""What ends a replay: any change to a linted file (content, mtime, mode, inode), to the
folders walked, to a configuration file found on the way or named by `--config`, to a
`.gitignore`, glossary or baseline, to the options, the environment, the tool's version
or code, the installed distributions, or the cache folder. Each time the run is a real
one again, and says what a run without the cache says."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from lint import fastpath, fastpath_key, fastpath_record
from tests.lint.replaying import HALFWIDTH, MUNEER, MUNIR, OLD, Runner, run, write
from tests.support import REPO

__all__ = ["run"]  # the fixture


def invalidated(run: Runner, args: list[str], change: Callable[[], object]) -> None:
    """`args` are replayed; after `change` they are not, and say what a cold run says."""
    run.settle(*args)
    change()
    after = run(*args)
    assert not after.replayed
    assert after.said == run("--no-cache", *args).said
    assert run(*args).replayed  # and the new state is recorded


def rewrite_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Same size, same inode, mtime put back: only the content (and ctime) differ."""
    stamp = path.stat().st_mtime_ns
    data = path.read_bytes().replace(old, new)
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(stamp, stamp))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path / "arch" / "a.md", HALFWIDTH)
    write(tmp_path / "arch" / "b.md", MUNIR)
    return tmp_path / "arch"


def test_content_with_the_same_size_and_mtime(folder: Path, run: Runner) -> None:
    invalidated(run, [str(folder)],
                lambda: rewrite_in_place(folder / "a.md", b"(TTP)", "（TTP）".encode()[:5]))


@pytest.mark.parametrize("change", ["touch", "chmod", "replace", "add", "remove",
                                    "subfolder"])
def test_the_files_and_folders_walked(folder: Path, run: Runner, change: str) -> None:
    target = folder / "a.md"
    changes = {
        "touch": lambda: os.utime(target, ns=(OLD + 1, OLD + 1)),
        "chmod": lambda: os.chmod(target, 0o600),
        "replace": lambda: os.replace(write(folder / "new.tmp", MUNEER), target),
        "add": lambda: write(folder / "c.md", MUNEER),
        "remove": lambda: os.unlink(target),
        "subfolder": lambda: write(folder / "deeper" / "c.md", MUNEER),
    }
    invalidated(run, [str(folder)], changes[change])


def test_a_file_named_on_the_command_line(folder: Path, run: Runner) -> None:
    invalidated(run, [str(folder / "a.md")], lambda: write(folder / "a.md", MUNIR))


@pytest.mark.parametrize("where", ["folder", "above"])
def test_a_new_configuration_file(folder: Path, run: Runner, where: str) -> None:
    place = folder if where == "folder" else folder.parent
    invalidated(run, [str(folder / "a.md")], lambda: (place / "articlelint.toml").write_text(
        'ignore = ["T001"]\n', encoding="utf-8"))


def test_a_changed_configuration_file(folder: Path, run: Runner) -> None:
    config = folder.parent / "articlelint.toml"
    config.write_text('ignore = ["T001"]\n', encoding="utf-8")
    invalidated(run, [str(folder)], lambda: config.write_text('ignore = ["S"]\n',
                                                              encoding="utf-8"))


def test_a_pyproject_that_gains_a_table(folder: Path, run: Runner) -> None:
    project = folder.parent / "pyproject.toml"
    project.write_text('[project]\nname = "x"\n', encoding="utf-8")
    invalidated(run, [str(folder)], lambda: project.write_text(
        '[project]\nname = "x"\n[tool.articlelint]\nignore = ["T001"]\n', encoding="utf-8"))


def test_the_file_named_by_config(folder: Path, run: Runner, tmp_path: Path) -> None:
    config = tmp_path / "elsewhere" / "articlelint.toml"
    config.parent.mkdir()
    config.write_text("", encoding="utf-8")
    invalidated(run, ["--config", str(config), str(folder)],
                lambda: config.write_text('ignore = ["T001"]\n', encoding="utf-8"))


def test_a_gitignore_above_the_walked_folder(folder: Path, run: Runner) -> None:
    (folder.parent / ".git").mkdir()  # a work tree: its .gitignore files apply
    invalidated(run, [str(folder)], lambda: (folder.parent / ".gitignore").write_text(
        "arch/a.md\n", encoding="utf-8"))


def test_a_gitignore_in_the_walked_folder(folder: Path, run: Runner) -> None:
    ignore = folder / ".gitignore"
    ignore.write_text("nothing.md\n", encoding="utf-8")
    invalidated(run, [str(folder)], lambda: rewrite_in_place(ignore, b"nothing", b"a.md\n#x"))


def test_a_glossary(folder: Path, run: Runner) -> None:
    write(folder / "b.md", MUNEER)
    example = REPO / "rules" / "names" / "data" / "example-glossary.toml"
    glossary = folder.parent / "names.toml"
    glossary.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    (folder.parent / "articlelint.toml").write_text('glossary = "names.toml"\n',
                                                    encoding="utf-8")
    assert "N005" in run("--no-cache", str(folder)).out
    invalidated(run, [str(folder)], lambda: glossary.write_text("", encoding="utf-8"))


def test_a_baseline(folder: Path, run: Runner, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run("--write-baseline", str(baseline), str(folder)).code == 0
    recorded = baseline.read_text(encoding="utf-8")
    baseline.write_text(recorded.replace('"T001"', '"T999"'), encoding="utf-8")
    invalidated(run, ["--baseline", str(baseline), str(folder)],
                lambda: baseline.write_text(recorded, encoding="utf-8"))


@pytest.mark.parametrize("args", [["--select", "T"], ["--ignore", "T001"],
                                  ["--output-format", "json"], ["--exit-zero"]])
def test_options_are_part_of_the_key(folder: Path, run: Runner, args: list[str]) -> None:
    run.settle(str(folder))
    changed = run(*args, str(folder))
    assert not changed.replayed and changed.said == run("--no-cache", *args,
                                                        str(folder)).said


@pytest.mark.parametrize("name, value", [("GITHUB_ACTIONS", "true"), ("NO_COLOR", "1"),
                                         ("COLUMNS", "50")])
def test_the_environment(folder: Path, run: Runner, monkeypatch: pytest.MonkeyPatch,
                         name: str, value: str) -> None:
    invalidated(run, [str(folder)], lambda: monkeypatch.setenv(name, value))


def test_the_working_directory(folder: Path, run: Runner,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    invalidated(run, ["a.md"], lambda: monkeypatch.chdir(write(folder / "sub" / "a.md",
                                                               MUNEER).parent))


def test_the_cache_folder(folder: Path, run: Runner, tmp_path: Path) -> None:
    run.settle("--cache-dir", str(tmp_path / "one"), str(folder))
    assert not run("--cache-dir", str(tmp_path / "two"), str(folder)).replayed
    assert run("--cache-dir", str(tmp_path / "one"), str(folder)).replayed


def test_the_version(folder: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    invalidated(run, [str(folder)],
                lambda: monkeypatch.setattr(fastpath_key, "__version__", "999.0"))


def test_the_code(folder: Path, run: Runner, monkeypatch: pytest.MonkeyPatch,
                  tmp_path: Path) -> None:
    code = tmp_path / "code"
    (code / "pkg").mkdir(parents=True)
    module = code / "pkg" / "module.py"
    module.write_text("X = 1\n", encoding="utf-8")
    roots = (*fastpath_key.code_roots(), str(code))
    for where in (fastpath, fastpath_record):
        monkeypatch.setattr(where, "code_roots", lambda: roots)
    invalidated(run, [str(folder)], lambda: module.write_text("X = 2\n", encoding="utf-8"))
    invalidated(run, [str(folder)], lambda: (code / "pkg" / "new.py").write_text(
        "", encoding="utf-8"))


@pytest.mark.parametrize("change", ["install", "upgrade", "entry points", "zip"])
def test_the_installed_distributions(folder: Path, run: Runner, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    site = tmp_path / "site"
    info = site / "plugin-1.0.dist-info"
    info.mkdir(parents=True)
    points = info / "entry_points.txt"
    points.write_text("[console_scripts]\n", encoding="utf-8")
    archive = tmp_path / "packages.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip archive
    monkeypatch.setattr(sys, "path", [*sys.path, str(site), str(archive)])
    changes = {
        "zip": lambda: archive.write_bytes(b"PK\x05\x06" + bytes(17) + b"\x01"),
        "install": lambda: (site / "other-2.0.dist-info").mkdir(),
        "upgrade": lambda: info.rename(site / "plugin-1.1.dist-info"),
        "entry points": lambda: points.write_text("[articlelint.rules]\n",
                                                  encoding="utf-8"),
    }
    invalidated(run, [str(folder)], changes[change])
