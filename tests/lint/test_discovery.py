from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.discovery import PathNotFound, discover


def make(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def shown(targets: list) -> list[str]:  # type: ignore[type-arg]
    return [t.display for t in targets]


def test_walks_markdown_sorted_and_honours_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    make(tmp_path, "b.md", "a.md", "notes.txt", "drafts/c.md", "keep/d.md", "keep/sub/e.md")
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "keep" / ".gitignore").write_text("sub/e.md\n", encoding="utf-8")
    os.chdir(tmp_path)
    assert shown(discover(["."])) == ["a.md", "b.md", "keep/d.md"]
    assert shown(discover(["keep"])) == ["keep/d.md"]
    # An explicitly named file is always checked.
    assert shown(discover(["drafts/c.md", "notes.txt"])) == ["drafts/c.md", "notes.txt"]


def test_gitignore_above_the_given_directory_applies_inside_a_work_tree(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.old.md\n", encoding="utf-8")
    make(tmp_path, "arch/a.md", "arch/b.old.md")
    assert shown(discover([str(tmp_path / "arch")])) == [f"{tmp_path.as_posix()}/arch/a.md"]


def test_odd_names_a_directory_named_like_a_file_and_symlink_loops(tmp_path: Path) -> None:
    make(tmp_path, "a b|c?\"d'.md", "x.md/inner.md")
    (tmp_path / "loop").symlink_to(tmp_path)
    os.chdir(tmp_path)
    assert shown(discover(["."])) == ["a b|c?\"d'.md", "x.md/inner.md"]


def test_exclude_and_include(tmp_path: Path) -> None:
    make(tmp_path, "a.md", "b.markdown", "skip/c.md")
    os.chdir(tmp_path)
    assert shown(discover(["."], include=["*.md", "*.markdown"], exclude=["skip/"])) == [
        "a.md", "b.markdown"]


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(PathNotFound):
        discover([str(tmp_path / "nope")])


def test_paths_are_written_as_pathlib_writes_them(tmp_path: Path) -> None:
    """Walked files carry their path as a string, as `str()` of the Path built by joining
    each name to its folder would write it (jobs read, cache and watch that path)."""
    make(tmp_path, "a.md", "sub/b.md", "sub/deeper/c d.md")
    os.chdir(tmp_path)
    for given in [".", "./", "sub", "sub/", str(tmp_path), f"{tmp_path}//sub/../sub"]:
        base = Path(os.path.abspath(given))
        for target in discover([given]):
            assert isinstance(target.path, str)
            relative = Path(target.path).relative_to(base)
            assert target.path == str(base / relative) == str(Path(target.path))
    assert [t.path for t in discover(["sub/b.md"])] == [str(Path("sub/b.md"))]
